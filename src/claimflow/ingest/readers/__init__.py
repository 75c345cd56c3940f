"""One reader per format: `bytes -> plain text` with the structure conventions of
`claimflow.documents` ("# " headings, "- " list items, "| a | b |" table rows)."""
from __future__ import annotations

from collections.abc import Callable

from claimflow.ingest.readers.docx import read_docx
from claimflow.ingest.readers.html import read_html
from claimflow.ingest.readers.pdf import read_pdf
from claimflow.ingest.readers.text import read_text

Reader = Callable[[bytes], str]

# file extension -> (Document.format, reader)
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", read_text),
    ".md": ("md", read_text),
    ".markdown": ("md", read_text),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".pdf": ("pdf", read_pdf),
    ".docx": ("docx", read_docx),
}
SUPPORTED_EXTENSIONS = tuple(READERS)


def unsupported_reason(suffix: str) -> str:
    return f"unsupported format {suffix or '(no extension)'} (supported: {' '.join(SUPPORTED_EXTENSIONS)})"


def reader_for(suffix: str) -> tuple[str, Reader] | None:
    return READERS.get(suffix.lower())
