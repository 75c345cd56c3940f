"""Ingest: every supported format becomes one plain text with its structure; bad input
becomes an IngestError with a one-line reason; encodings are detected, never guessed."""
from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

import pytest

from claimflow.ingest import IngestError, read_document
from fixtures.ingest_builders import (EXCERPT, HTML_ARTICLE, excerpt_blocks, make_docx,
                                      make_encrypted_pdf, make_pdf, make_pdf_without_text,
                                      make_truncated_pdf, plain)

EXCERPT_TEXT = EXCERPT.read_text(encoding="utf-8")
MARKET = "- **Market Size**: $5-10B by 2027"
GPT = "Training GPT-3 cost ~$4.6M, GPT-4 likely $100M+"


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def heading_titles(doc, needle: str) -> list[str]:
    return [h.title for h in doc.heading_path(doc.text.index(needle))]


# ---- formats -----------------------------------------------------------------------

@pytest.mark.parametrize("suffix,fmt", [(".txt", "txt"), (".md", "md")])
def test_text_and_markdown_are_read_as_they_are(tmp_path, suffix, fmt):
    path = tmp_path / f"note{suffix}"
    path.write_bytes(EXCERPT.read_bytes())
    doc = read_document(path)
    assert doc.text == EXCERPT_TEXT
    assert doc.format == fmt and doc.name == path.name
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_html_keeps_main_content_and_structure_and_drops_boilerplate():
    doc = read_document(HTML_ARTICLE)
    assert doc.format == "html"
    # the article as Markdown: headings "#", list items "- ", table rows "| |"
    assert lines(doc.text) == lines(EXCERPT_TEXT)
    for boilerplate in ("Subscribe", "50%", "1,200 readers", "Top 10 GPUs", "Pricing"):
        assert boilerplate not in doc.text
    assert heading_titles(doc, "$5-10B") == ["LLM Pain Points & Market Opportunities",
                                             "2. Inference Optimization & Acceleration"]
    assert doc.sha256 == hashlib.sha256(HTML_ARTICLE.read_bytes()).hexdigest()


def test_html_page_without_article_tag_keeps_section_titles_and_lists_but_not_the_sidebar():
    """Without <article>/<main>, trafilatura's default (precision) mode dropped the bullet
    list and the section titles; recall mode keeps them (as lines) and still drops menus,
    sidebars and footers."""
    from claimflow.extract import get_extractor

    doc = read_document(HTML_ARTICLE.parent / "page_without_article.html")
    lines = doc.text.splitlines()
    assert "Cooling" in lines and any(line.lstrip("-* ").startswith(("Typical PUE", "**Typical PUE")) for line in lines)
    assert "stocks to buy" not in doc.text and "$1 a week" not in doc.text and "Home" not in lines
    claims = {c.surface: c for c in get_extractor().extract(doc)}
    assert claims["1.55"].subject == "Typical PUE" and claims["1.55"].period == "2023"


def test_html_markdown_escapes_are_undone(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><article><h1>Costs</h1><p>" + " ".join(
        ["Training GPT-3 cost ~$4.6M (est_2020), a *rough* [public] figure."] * 3)
        + "</p></article></body></html>", encoding="utf-8")
    text = read_document(page).text
    assert "~$4.6M (est_2020), a *rough* [public] figure." in text
    assert "\\" not in text


def test_html_declared_legacy_charset_is_honoured(tmp_path):
    page = tmp_path / "legacy.htm"
    body = "<p>Le marché européen a atteint 5 Md€ en 2023 — selon l’étude.</p>" * 3
    page.write_bytes(('<html><head><meta http-equiv="Content-Type" content="text/html; '
                      'charset=windows-1252"></head><body><article><h1>Marché</h1>'
                      + body + "</article></body></html>").encode("cp1252"))
    doc = read_document(page)
    assert "Le marché européen a atteint 5 Md€ en 2023 — selon l’étude." in doc.text
    assert doc.format == "html"


def test_html_fragment_is_read_as_a_page(tmp_path):
    page = tmp_path / "snippet.html"
    page.write_text("<h2>Costs</h2><ul><li><b>Market Size</b>: $5-10B by 2027</li></ul>")
    assert lines(read_document(page).text) == ["## Costs", MARKET]


def test_html_without_any_text_is_refused(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>x</title></head><body><nav></nav></body></html>")
    with pytest.raises(IngestError, match="no main text"):
        read_document(page)


def test_docx_headings_lists_bold_labels_and_tables(tmp_path):
    doc = read_document(make_docx(tmp_path / "report.docx"))
    assert doc.format == "docx"
    got = lines(doc.text)
    # same lines as the Markdown excerpt, except the Markdown table's "|---|" rule
    assert got == [line for line in lines(EXCERPT_TEXT) if not line.startswith("|---")]
    assert MARKET in got
    assert heading_titles(doc, "$5-10B")[-1] == "2. Inference Optimization & Acceleration"


def test_pdf_text_layer_with_headings_from_font_sizes(tmp_path):
    path = make_pdf(tmp_path / "report.pdf")
    doc = read_document(path)
    assert doc.format == "pdf"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    for kind, _level, text in excerpt_blocks():
        if kind in ("item", "para"):
            assert plain(text) in doc.text
    assert "- Market Size: $5-10B by 2027" in doc.text.splitlines()
    assert heading_titles(doc, "$5-10B") == ["LLM Pain Points & Market Opportunities",
                                             "2. Inference Optimization & Acceleration"]


# ---- encodings ---------------------------------------------------------------------

ACCENTED = "Le marché a crû de 5 % en 2023 — à 1,2 Md€ selon l’étude « naïve ».\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                   "utf-32", "cp1252"])
def test_encodings_are_detected(tmp_path, codec):
    path = tmp_path / "a.txt"
    data = ACCENTED.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):  # with their byte-order mark
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    path.write_bytes(data)
    assert read_document(path).text == ACCENTED


def test_latin1_without_euro_sign_is_detected(tmp_path):
    text = "Größe des Marktes: 5 Mio. Euro für die Übernahme, naïve Schätzung.\n"
    path = tmp_path / "de.txt"
    path.write_bytes(text.encode("latin-1"))
    assert read_document(path).text == text


def test_undecidable_encoding_is_refused_not_guessed(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes("Рынок вырос на 5% в 2023 году".encode("koi8_r"))  # too short to tell
    with pytest.raises(IngestError, match="encoding.*UTF-8"):
        read_document(path)


# ---- bad input ---------------------------------------------------------------------

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + os.urandom(64)


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n\t \n", "no text"),
    ("image.txt", PNG, "binary"),
    ("controls.md", b"\x01\x02\x03abc\x04\x05\x06\x07" * 20, "binary"),
    ("garbage.pdf", b"hello, not a pdf at all\n", "not a PDF"),
    ("garbage.docx", b"PK\x03\x04 but not really a zip" * 4, "unreadable .docx"),
    ("legacy.docx", bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504, "password-protected .docx or old binary .doc"),
    ("notes.rtf", b"{\\rtf1 hello}", "unsupported format .rtf"),
    ("README", b"hello", r"unsupported format \(no extension\)"),
])
def test_bad_files_give_one_line_reasons(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason) as err:
        read_document(path)
    assert "\n" not in str(err.value)


def test_truncated_encrypted_and_scanned_pdfs_are_refused(tmp_path):
    cases = [(make_truncated_pdf(tmp_path / "cut.pdf"), "truncated PDF"),
             (make_encrypted_pdf(tmp_path / "locked.pdf"), "password-protected PDF"),
             (make_pdf_without_text(tmp_path / "scan.pdf"), "no text layer")]
    for path, reason in cases:
        with pytest.raises(IngestError, match=reason):
            read_document(path)


def test_pdf_cut_anywhere_is_refused_cleanly(tmp_path):
    for keep in (0.05, 0.3, 0.9, 0.995):
        with pytest.raises(IngestError):
            read_document(make_truncated_pdf(tmp_path / f"cut{keep}.pdf", keep=keep))


def test_over_size_is_refused_with_the_limit_in_the_message(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Revenue was $5M in 2023.\n" * 1000)
    with pytest.raises(IngestError, match=r"too large: 25,000 bytes > limit 10,000 bytes"):
        read_document(path, max_bytes=10_000)
    assert read_document(path, max_bytes=25_000).text.startswith("Revenue")


def test_symlink_outside_root_is_refused_inside_is_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("Password budget: $1M\n")
    (raw / "a.txt").write_text("Revenue was $5M.\n")
    (raw / "escape.txt").symlink_to(secret)
    (raw / "alias.txt").symlink_to(raw / "a.txt")
    with pytest.raises(IngestError, match="symlink points outside raw/"):
        read_document(raw / "escape.txt", root=raw)
    assert read_document(raw / "alias.txt", root=raw).text == "Revenue was $5M.\n"


def test_name_is_relative_to_root(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# A\n\n$5M\n")
    assert read_document(tmp_path / "sub" / "a.md", root=tmp_path).name == "sub/a.md"
    assert read_document(tmp_path / "sub" / "a.md").name == "a.md"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path / "dir.txt")


def test_a_100_mb_file_is_refused_by_default_without_being_read(tmp_path):
    from claimflow.ingest import discover
    from claimflow.settings import DEFAULT_MAX_BYTES

    huge = tmp_path / "dump.txt"
    with open(huge, "wb") as fh:  # sparse: costs no disk and no time
        fh.truncate(100 * 1024 * 1024)
    [cand] = discover(tmp_path, settle_seconds=0)
    assert cand.status == "refused"
    assert f"104,857,600 bytes > limit {DEFAULT_MAX_BYTES:,} bytes" in cand.reason
    with pytest.raises(IngestError, match="too large"):
        read_document(huge)
