"""Checks made before and after reading a file's bytes: where it lives, how big it is,
whether it is text at all. Each failure is an `IngestError` with a one-line reason."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from claimflow.ingest.errors import IngestError

# control characters that have no business in an article (tab, newlines, form feed allowed)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
MAX_CONTROL_RATIO = 0.01


def outside_root(path: Path, root: Path) -> Path | None:
    """The resolved target if `path` (usually a symlink) leads outside `root`, else None."""
    target = path.resolve()
    if target.is_relative_to(root.resolve()):
        return None
    return target


def check_path(path: Path, *, root: Path | None, max_bytes: int) -> int:
    """Refuse what must not be read; return the file size in bytes."""
    if root is not None:
        target = outside_root(path, root)
        if target is not None:
            how = "symlink points" if path.is_symlink() else "path leads"
            raise IngestError(f"{how} outside {root.name}/ (to {target}); refused")
    try:
        st = path.stat()
    except FileNotFoundError:
        raise IngestError("no such file" + (" (broken symlink)" if path.is_symlink() else "")) from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise IngestError("not a regular file")
    if st.st_size == 0:
        raise IngestError("empty file (0 bytes)")
    check_size(st.st_size, max_bytes)
    return st.st_size


def too_large(size: int, max_bytes: int) -> str | None:
    if size > max_bytes:
        return f"too large: {size:,} bytes > limit {max_bytes:,} bytes (raise --max-bytes to allow it)"
    return None


def check_size(size: int, max_bytes: int) -> None:
    reason = too_large(size, max_bytes)
    if reason:
        raise IngestError(reason)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, never more than `max_bytes` (the file may grow after `stat`)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    if not data:
        raise IngestError("empty file (0 bytes)")
    if len(data) > max_bytes:
        check_size(os.path.getsize(path), max_bytes)
    return data


def check_is_text(text: str) -> str:
    """Refuse decoded 'text' that is really binary data or has no words."""
    if "\x00" in text:
        raise IngestError("binary content (NUL characters), not text")
    controls = sum(1 for ch in text if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _ALLOWED_CONTROLS)
    if controls > MAX_CONTROL_RATIO * len(text):
        raise IngestError(f"binary content ({controls} control characters in {len(text)}), not text")
    if not text.strip():
        raise IngestError("no text (only whitespace)")
    return text
