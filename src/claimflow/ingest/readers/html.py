"""Web pages: main content only (no menus, footers, cookie banners), by trafilatura.

trafilatura's Markdown output keeps the structure attribution needs: headings as
"# " lines, list items as "- " lines, table rows as "| a | b |" lines, bold labels as
"**Label**:". It backslash-escapes Markdown punctuation ("~$4.6M" -> "\\~$4.6M"); those
escapes are undone (CommonMark's rule: a backslash before ASCII punctuation) so claim
surfaces read as on the page.
"""
from __future__ import annotations

import re

import trafilatura

from claimflow.ingest.encoding import decode_bytes
from claimflow.ingest.errors import IngestError
from claimflow.ingest.guards import check_is_text

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# looked for in the first 1024 bytes as the HTML standard's encoding prescan does
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)\b", re.I)
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# trafilatura writes these as inline HTML; superscripts become "^" so 10<sup>9</sup> stays 10^9
_SUP = re.compile(r"<sup>(.*?)</sup>", re.S)
_INLINE_TAGS = re.compile(r"</?(?:sub|u)>")


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED_CHARSET.search(data[:1024])
    return m.group(1).decode("ascii") if m else None


def read_html(data: bytes) -> str:
    page, _encoding = decode_bytes(data, declared=declared_charset(data))
    options = dict(output_format="markdown", include_formatting=True, include_tables=True,
                   include_comments=False, include_images=False, include_links=False)
    # Recall mode: on pages without <article>/<main> the default (precision) mode keeps the
    # paragraphs but drops headings and lists, which carry subjects and figures; menus,
    # sidebars and footers are still left out.
    text = trafilatura.extract(page, favor_recall=True, **options)
    if not text and not _DOCUMENT_TAG.search(page[:4096]):
        # a saved fragment ("<p>..</p><ul>..</ul>"): trafilatura expects a whole document
        text = trafilatura.extract(f"<html><body><div>{page}</div></body></html>",
                                   favor_recall=True, **options)
    if not text or not text.strip():
        raise IngestError("no main text found in the HTML page")
    text = _SUP.sub(r"^\1", text)
    text = _INLINE_TAGS.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return check_is_text(text)
