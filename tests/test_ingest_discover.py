"""discover(): what a run may read from raw/, and the batch of bad files a run survives."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from claimflow.ingest import IngestError, discover, read_document
from fixtures.ingest_builders import (EXCERPT, HTML_ARTICLE, make_docx, make_encrypted_pdf,
                                      make_pdf, make_pdf_without_text, make_truncated_pdf)


def by_name(cands):
    return {c.name: c for c in cands}


def test_walks_recursively_sorted_and_skips_hidden(tmp_path):
    for rel in ["b.txt", "a.md", "sub/c.html", ".gitkeep", ".DS_Store", "sub/.hidden.txt",
                ".cache/x.txt", "~$report.docx"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Revenue $5M\n")
    cands = discover(tmp_path, settle_seconds=0)
    assert [c.name for c in cands] == ["a.md", "b.txt", "sub/c.html"]
    assert all(c.status == "ready" and c.reason is None and c.size == 12 for c in cands)
    assert cands[2].path == tmp_path / "sub" / "c.html"


def test_refusals_have_reasons(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("secret $1M\n")
    (tmp_path / "outdir").mkdir()
    (raw / "ok.txt").write_text("Revenue $5M\n")
    (raw / "escape.txt").symlink_to(outside)
    (raw / "dirlink").symlink_to(tmp_path / "outdir")
    (raw / "inside.txt").symlink_to(raw / "ok.txt")
    (raw / "slides.pptx").write_bytes(b"PK\x03\x04")
    (raw / "big.txt").write_bytes(b"x" * 2000)
    (raw / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    got = by_name(discover(raw, settle_seconds=0, max_bytes=1000))
    assert got["ok.txt"].status == "ready"
    assert got["inside.txt"].status == "ready"
    assert got["escape.txt"].status == "refused"
    assert "symlink points outside raw/" in got["escape.txt"].reason
    assert got["dirlink"].status == "refused" and "outside raw/" in got["dirlink"].reason
    assert got["slides.pptx"].status == "refused"
    assert got["slides.pptx"].reason.startswith("unsupported format .pptx")
    assert got["big.txt"].status == "refused"
    assert "too large: 2,000 bytes > limit 1,000 bytes" in got["big.txt"].reason
    assert got["dangling.txt"].status == "refused"


def test_file_still_being_written_is_unstable_then_ready(tmp_path):
    growing = tmp_path / "growing.txt"
    growing.write_text("Revenue $5M\n")
    (tmp_path / "done.txt").write_text("Revenue $6M\n")
    stop = threading.Event()

    def writer():
        with open(growing, "a") as fh:
            while not stop.is_set():
                fh.write("more text, $1M\n")
                fh.flush()
                time.sleep(0.02)

    t = threading.Thread(target=writer)
    t.start()
    try:
        got = by_name(discover(tmp_path, settle_seconds=0.3))
    finally:
        stop.set()
        t.join()
    assert got["growing.txt"].status == "unstable"
    assert "still being written" in got["growing.txt"].reason
    assert got["done.txt"].status == "ready"
    # once the writer is done, the next look finds it settled
    assert by_name(discover(tmp_path, settle_seconds=0.05))["growing.txt"].status == "ready"


def test_one_wait_for_the_whole_batch(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02d}.txt").write_text("Revenue $5M\n")
    t0 = time.monotonic()
    cands = discover(tmp_path, settle_seconds=0.2)
    elapsed = time.monotonic() - t0
    assert len(cands) == 30 and all(c.status == "ready" for c in cands)
    assert 0.2 <= elapsed < 1.5  # one 0.2 s wait, not thirty
    t0 = time.monotonic()
    discover(tmp_path, settle_seconds=0)
    assert time.monotonic() - t0 < 0.2


def test_missing_raw_dir_gives_nothing(tmp_path):
    assert discover(tmp_path / "nope", settle_seconds=0) == []


def test_batch_of_bad_files_reports_each_and_reads_the_good_ones(tmp_path):
    """One good file per format plus one file of each bad kind: nothing stops the batch,
    each bad file has its reason, each good file is read."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.md").write_bytes(EXCERPT.read_bytes())
    (raw / "good.html").write_bytes(HTML_ARTICLE.read_bytes())
    make_pdf(raw / "good.pdf")
    make_docx(raw / "good.docx")
    (raw / "good_cp1252.txt").write_bytes("Le marché a crû de 5 % — 1,2 Md€.\n".encode("cp1252"))
    (raw / "good_utf16.txt").write_text("Revenue hit $5M in 2023.\n", encoding="utf-16")
    (raw / "copy_of_good.md").write_bytes(EXCERPT.read_bytes())  # duplicate content
    expected_bad = {
        "empty.txt": "empty file",
        "binary.txt": "binary",
        "truncated.pdf": "truncated PDF",
        "locked.pdf": "password-protected PDF",
        "scan.pdf": "no text layer",
        "huge.txt": "too large",
        "escape.md": "symlink points outside raw/",
        "deck.pptx": "unsupported format .pptx",
    }
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 4)
    make_truncated_pdf(raw / "truncated.pdf")
    make_encrypted_pdf(raw / "locked.pdf")
    make_pdf_without_text(raw / "scan.pdf")
    (raw / "huge.txt").write_bytes(b"Revenue $5M. " * 20_000)  # 260 KB > the 100 KB limit below
    (tmp_path / "private.md").write_text("salary $1M\n")
    (raw / "escape.md").symlink_to(tmp_path / "private.md")
    (raw / "deck.pptx").write_bytes(b"PK\x03\x04")

    reasons: dict[str, str] = {}
    docs = {}
    for cand in discover(raw, settle_seconds=0, max_bytes=100_000):
        if cand.status != "ready":
            reasons[cand.name] = cand.reason
            continue
        try:
            docs[cand.name] = read_document(cand.path, root=raw, max_bytes=100_000)
        except IngestError as exc:
            reasons[cand.name] = str(exc)
    assert set(reasons) == set(expected_bad)
    for name, fragment in expected_bad.items():
        assert fragment in reasons[name], (name, reasons[name])
        assert "\n" not in reasons[name]
    assert set(docs) == {"good.md", "good.html", "good.pdf", "good.docx", "good_cp1252.txt",
                         "good_utf16.txt", "copy_of_good.md"}
    for doc in docs.values():
        assert "$" in doc.text or "€" in doc.text
    # same bytes under two names -> same sha256, so the pipeline can extract once
    assert docs["good.md"].sha256 == docs["copy_of_good.md"].sha256
    assert len({d.sha256 for d in docs.values()}) == len(docs) - 1
