"""The `Document`: one article's plain text, its structure and its content hash.

Every reader in `claimflow.ingest` produces a `Document`; the extractor consumes one.
Character offsets of claims always index into `Document.text`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

# Markdown-ish structure that attribution uses. Readers for other formats (HTML, PDF,
# DOCX) emit the same conventions ("# " headings, "- " list items, "**Label**:"), so
# one structure parser serves them all.
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    start: int  # offset of the heading line in the text
    end: int


@dataclass
class Document:
    """A parsed article.

    name:   file name in raw/ (the gold files refer to it).
    text:   the plain text every claim span indexes into.
    sha256: hash of the *source bytes* when read from disk (identity of the article),
            else of the text.
    format: "txt", "md", "html", "pdf", "docx", ...
    """

    name: str
    text: str
    sha256: str = ""
    format: str = "txt"
    path: str | None = None
    headings: list[Heading] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)
        if not self.headings:
            self.headings = parse_headings(self.text)

    def heading_path(self, offset: int) -> list[Heading]:
        """The chain of headings (outermost first) that governs `offset`."""
        chain: list[Heading] = []
        for h in self.headings:
            if h.start > offset:
                break
            while chain and chain[-1].level >= h.level:
                chain.pop()
            chain.append(h)
        return chain


def code_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of fenced code blocks (```); an unclosed fence runs to the end."""
    fences = [m.start() for m in re.finditer(r"^```", text, re.M)]
    ends = [text.find("\n", f) for f in fences[1::2]]
    ends = [len(text) if e < 0 else e for e in ends]
    return list(zip(fences[::2], ends + [len(text)] * (len(fences) % 2)))


def parse_headings(text: str) -> list[Heading]:
    """Markdown ATX headings, skipping fenced code blocks."""
    blocks = code_blocks(text)

    def in_fence(pos: int) -> bool:
        return any(a <= pos < b for a, b in blocks)

    return [
        Heading(len(m.group(1)), m.group(2).strip(), m.start(), m.end())
        for m in _HEADING.finditer(text)
        if not in_fence(m.start())
    ]
