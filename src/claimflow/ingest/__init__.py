"""Reading articles from disk into `Document`s.

`read_document(path)` is the one entry point: it applies the guards (size, symlinks,
empty and binary files), picks the reader for the file's format and returns a
`Document`, or raises `IngestError` with a one-line reason.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from claimflow.documents import Document
from claimflow.settings import DEFAULT_MAX_BYTES


class IngestError(Exception):
    """An article that cannot be read. `str(err)` is the one-line reason."""


def read_document(path: str | Path, *, root: str | Path | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    path = Path(path)
    if not path.exists():
        raise IngestError("no such file")
    if not path.is_file():
        raise IngestError("not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file (0 bytes)")
    if size > max_bytes:
        raise IngestError(f"too large: {size:,} bytes > limit {max_bytes:,} (raise --max-bytes)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise IngestError("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise IngestError("no text (only whitespace)")
    fmt = path.suffix.lower().lstrip(".") or "txt"
    return Document(name=path.name, text=text, sha256=hashlib.sha256(data).hexdigest(),
                    format=fmt, path=str(path))
