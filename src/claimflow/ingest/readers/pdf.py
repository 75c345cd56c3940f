"""PDF: the text layer, by pypdf. No OCR: a scanned PDF without text is refused.

PDFs carry no heading markup, only fonts. pypdf's text visitor reports the font and size
of every piece of text; short lines set clearly larger than the body text (the size most
characters use), or entirely in a bold face at least body size, become "# " lines,
larger sizes getting lower levels, so attribution sees the same headings as in the HTML
or Markdown version. Bullet glyphs at line start
become "- ".

Guards before pypdf is asked: the "%PDF-" header and the "%%EOF" trailer marker (a
truncated download loses it; pypdf's lenient mode would otherwise rebuild what it can
and return part of the article without saying so). Encrypted PDFs open only if they
have an empty user password.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PasswordType, PdfReader

from claimflow.ingest.errors import IngestError
from claimflow.ingest.guards import check_is_text

_BULLET = re.compile(r"^[ \t]*[•◦▪‣●∙][ \t]*", re.M)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def read_pdf(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise IngestError("not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise IngestError("truncated PDF (no %%EOF marker at the end of the file)")
    # pypdf logs every repair it makes on damaged files; the reason we raise is enough
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise IngestError("password-protected PDF (cannot be read without its password)")
        pages = [_page_text(page) for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 -- damaged files make pypdf raise anything
        raise IngestError(f"unreadable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise IngestError(f"PDF has no text layer ({len(pages)} page(s); scanned image? OCR is not done)")
    text = _BULLET.sub("- ", text.translate(_LIGATURES))
    return check_is_text(_mark_tables(text))


HEADING_SIZE_RATIO = 1.15
MAX_HEADING_CHARS = 150


def _page_text(page) -> str:
    lines: list[tuple[str, float, bool]] = []  # (text, largest font size, all bold)
    current: list[str] = []
    size, bold = 0.0, True

    def visit(text, cm, tm, font_dict, font_size):
        nonlocal size, bold
        scale = abs(tm[3] * cm[3]) or 1.0
        face = str((font_dict or {}).get("/BaseFont", ""))
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append(("".join(current), size, bold))
                current.clear()
                size, bold = 0.0, True
            if part.strip():
                current.append(part)
                size = max(size, (font_size or 0.0) * scale)
                bold = bold and ("Bold" in face or "Black" in face or "Heavy" in face)

    text = page.extract_text(visitor_text=visit) or ""
    lines.append(("".join(current), size, bold))
    return _mark_headings(text, lines)


_COLUMN_GAP = re.compile(r"\S(?: ?\S)*")  # runs of text separated by two or more spaces


def _mark_tables(text: str) -> str:
    """The text layer of a table is lines whose columns are separated by runs of spaces
    ("Model  Training cost" / "GPT-3  $4.6M"). Two or more consecutive lines with the same
    number (>= 2) of such columns become table rows ("| GPT-3 | $4.6M |"), the convention
    every reader uses, so attribution sees the header and the row label."""
    lines = text.split("\n")
    cols = [_COLUMN_GAP.findall(line) if "  " in line.strip() else [] for line in lines]
    out = list(lines)
    i = 0
    while i < len(lines):
        n = len(cols[i])
        j = i
        while j < len(lines) and n >= 2 and len(cols[j]) == n:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                out[k] = "| " + " | ".join(cols[k]) + " |"
            i = j
        else:
            i += 1
    return "\n".join(out)


def _mark_headings(text: str, lines: list[tuple[str, float, bool]]) -> str:
    weights: Counter[float] = Counter()
    for line, size, _bold in lines:
        weights[round(size, 1)] += len(line.strip())
    if not weights:
        return text
    body = weights.most_common(1)[0][0]
    headings = [(" ".join(line.split()), round(size, 1)) for line, size, bold in lines
                if line.strip() and len(line.strip()) <= MAX_HEADING_CHARS
                and not _BULLET.match(line) and not line.lstrip().startswith("- ")
                and (size >= HEADING_SIZE_RATIO * body or (bold and size >= body))]
    if not headings:
        return text
    levels = {s: i + 1 for i, s in enumerate(sorted({s for _, s in headings}, reverse=True)[:6])}
    out, todo = [], list(headings)
    for line in text.split("\n"):
        key = " ".join(line.split())
        if todo and key == todo[0][0]:
            out.append("#" * levels.get(todo.pop(0)[1], 6) + " " + line.strip())
        else:
            out.append(line)
    return "\n".join(out)
