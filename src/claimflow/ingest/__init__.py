"""Reading articles from disk into `Document`s.

`read_document(path)` is the one entry point for a file: it applies the guards (size,
symlinks, empty and binary files), picks the reader for the file's format and returns a
`Document`, or raises `IngestError` with a one-line reason.

`discover(raw_dir)` lists what a run should read: each file with a status ("ready",
"unstable" while still being written, "refused" with a reason).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from claimflow.documents import Document
from claimflow.ingest.discover import Candidate, discover
from claimflow.ingest.errors import IngestError
from claimflow.ingest.guards import check_path, read_bytes
from claimflow.ingest.readers import SUPPORTED_EXTENSIONS, reader_for, unsupported_reason
from claimflow.settings import DEFAULT_MAX_BYTES

__all__ = ["Candidate", "IngestError", "SUPPORTED_EXTENSIONS", "discover", "format_of",
           "read_document", "unsupported_reason"]


def format_of(path: str | Path) -> str | None:
    """The `Document.format` a file would get ("html" for .htm too), None if unsupported."""
    found = reader_for(Path(path).suffix)
    return found[0] if found else None


def read_document(path: str | Path, *, root: str | Path | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article. `root` (usually raw/) makes `name` relative to it and refuses
    paths that lead outside it. `sha256` is of the source bytes."""
    path = Path(path)
    root = Path(root) if root is not None else None
    found = reader_for(path.suffix)
    if found is None:
        raise IngestError(unsupported_reason(path.suffix))
    fmt, reader = found
    check_path(path, root=root, max_bytes=max_bytes)
    data = read_bytes(path, max_bytes)
    text = reader(data)
    name = path.name
    if root is not None:
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            pass
    return Document(name=name, text=text, sha256=hashlib.sha256(data).hexdigest(),
                    format=fmt, path=str(path))
