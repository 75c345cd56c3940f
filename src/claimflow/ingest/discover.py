"""Which files in raw/ a run should read, and which it must not (yet).

One walk, sorted, hidden files and editor lock files skipped. Each file gets a status:
"ready"; "unstable" when its size or modification time changed between two looks
`settle_seconds` apart (still being copied or written: a later run picks it up); or
"refused" with a reason (symlink leading outside raw/, unsupported extension, too large,
not a regular file). There is one wait for the whole batch, not one per file.
"""
from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from claimflow.ingest.guards import too_large
from claimflow.ingest.readers import reader_for, unsupported_reason
from claimflow.settings import DEFAULT_MAX_BYTES

DEFAULT_SETTLE_SECONDS = 1.0
STATUSES = ("ready", "unstable", "refused")


@dataclass(frozen=True)
class Candidate:
    name: str          # path relative to raw_dir, "/"-separated (the file name for top-level files)
    path: Path
    status: str        # one of STATUSES
    reason: str | None
    size: int


def _hidden(name: str) -> bool:
    # .gitkeep, .DS_Store, partial downloads like .foo.txt.part; Word's "~$doc.docx" lock files
    return name.startswith((".", "~$"))


def _walk(raw_dir: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        here = Path(dirpath)
        # symlinked directories are not descended into; report them instead of losing them
        found.extend(here / d for d in dirnames if (here / d).is_symlink())
        found.extend(here / f for f in filenames if not _hidden(f))
    return sorted(found, key=lambda p: p.relative_to(raw_dir).as_posix())


def _look(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _refusal(path: Path, raw_dir: Path, max_bytes: int) -> tuple[str | None, int]:
    """(reason or None, size)."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(raw_dir.resolve()):
            return f"symlink points outside {raw_dir.name}/ (to {target})", 0
        if target.is_dir():
            return "symlink to a directory (not followed)", 0
    try:
        st = path.stat()
    except OSError as exc:
        return f"cannot stat ({exc.strerror or exc})", 0
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file", 0
    if reader_for(path.suffix) is None:
        return unsupported_reason(path.suffix), st.st_size
    return too_large(st.st_size, max_bytes), st.st_size


def discover(raw_dir: str | Path, *, settle_seconds: float = DEFAULT_SETTLE_SECONDS,
             max_bytes: int = DEFAULT_MAX_BYTES) -> list[Candidate]:
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return []
    paths = _walk(raw_dir)
    first: dict[Path, tuple[int, int] | None] = {}
    out: list[Candidate | None] = []
    for path in paths:
        reason, size = _refusal(path, raw_dir, max_bytes)
        name = path.relative_to(raw_dir).as_posix()
        if reason is not None:
            out.append(Candidate(name, path, "refused", reason, size))
        else:
            first[path] = _look(path)
            out.append(None)
    if settle_seconds > 0 and first:
        time.sleep(settle_seconds)
    result: list[Candidate] = []
    for path, cand in zip(paths, out):
        if cand is not None:
            result.append(cand)
            continue
        name = path.relative_to(raw_dir).as_posix()
        before = first[path]
        after = _look(path) if settle_seconds > 0 else before
        if before is None or after is None:
            result.append(Candidate(name, path, "unstable", "vanished while being checked", 0))
        elif before != after:
            result.append(Candidate(name, path, "unstable",
                                    f"still being written (size {before[0]:,} -> {after[0]:,} bytes "
                                    f"in {settle_seconds:g} s)", after[0]))
        elif too_large(after[0], max_bytes):
            result.append(Candidate(name, path, "refused", too_large(after[0], max_bytes), after[0]))
        else:
            result.append(Candidate(name, path, "ready", None, after[0]))
    return result
