"""Word .docx: body paragraphs and tables in document order, by python-docx.

Heading styles become "# " lines (level from "Heading N", "Title" is level 1), list
paragraphs (a "List ..." style or Word numbering) become "- " lines, bold runs become
"**bold**" (so "**Label**: value" items read as in Markdown), table rows become
"| a | b |" lines. Headers, footers and comments are not article text and are skipped.
"""
from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from claimflow.ingest.errors import IngestError
from claimflow.ingest.guards import check_is_text

_HEADING_STYLE = re.compile(r"^Heading (\d)$")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# a .docx is a zip: refuse ones that inflate absurdly (zip bombs) before parsing
MAX_INFLATION = 100


def read_docx(data: bytes) -> str:
    if data.startswith(_OLE_MAGIC):
        raise IngestError("password-protected .docx or old binary .doc (OLE file), not a readable .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            inflated = sum(info.file_size for info in zf.infolist())
        if inflated > MAX_INFLATION * len(data) + 10_000_000:
            raise IngestError(f".docx inflates to {inflated:,} bytes; refused")
        document = docx.Document(io.BytesIO(data))
        blocks = [_block(item) for item in document.iter_inner_content()]
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 -- broken zips/XML make python-docx raise anything
        raise IngestError(f"unreadable .docx ({type(exc).__name__}: {exc})") from None
    return check_is_text(_join([b for b in blocks if b is not None]))


def _block(item: Paragraph | Table) -> tuple[str, str] | None:
    """(kind, text) of one body block; kind is 'heading', 'item', 'row' or 'para'."""
    if isinstance(item, Table):
        return ("row", _table(item)) if item.rows else None
    style = item.style.name if item.style is not None else ""
    m = _HEADING_STYLE.match(style)
    if m or style == "Title":
        text = item.text.strip()
        return ("heading", "#" * (int(m.group(1)) if m else 1) + " " + text) if text else None
    text = _runs_text(item).strip()
    if not text:
        return None
    if style.startswith("List") or _is_numbered(item):
        return "item", "- " + text
    return "para", text


def _is_numbered(p: Paragraph) -> bool:
    ppr = p._p.pPr  # python-docx has no public accessor for direct numbering
    return ppr is not None and ppr.numPr is not None


def _runs_text(p: Paragraph) -> str:
    """Paragraph text with bold runs wrapped in ** (adjacent bold runs merged)."""
    pieces: list[tuple[str, bool]] = []
    for inner in p.iter_inner_content():
        runs = inner.runs if isinstance(inner, Hyperlink) else [inner] if isinstance(inner, Run) else []
        for run in runs:
            if run.text:
                bold = bool(run.bold)
                if pieces and pieces[-1][1] == bold:
                    pieces[-1] = (pieces[-1][0] + run.text, bold)
                else:
                    pieces.append((run.text, bold))
    out = []
    for text, bold in pieces:
        core = text.strip()
        if bold and core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(text)
    return "".join(out)


def _table(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell is returned once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _join(blocks: list[tuple[str, str]]) -> str:
    """Blank line between blocks, single newlines inside runs of list items or table rows."""
    out: list[str] = []
    prev = None
    for kind, text in blocks:
        if out:
            out.append("\n" if kind == prev and kind in ("item", "row") else "\n\n")
        out.append(text)
        prev = kind
    return "".join(out) + "\n"
