"""Plain text and Markdown: decoded as they are (Markdown already uses the structure
conventions every other reader imitates)."""
from __future__ import annotations

from claimflow.ingest.encoding import decode_bytes


def read_text(data: bytes) -> str:
    text, _encoding = decode_bytes(data)
    return text
