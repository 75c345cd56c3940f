"""pipeline: the plain steps (no Prefect) from raw/ to processed/ tables."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimflow import pipeline, store
from claimflow.claims import CLAIM_SCHEMA

RAW = Path(__file__).resolve().parents[1] / "raw"
SMALL = ["001_e55c726ebeacc2c9.txt", "003_036ded1749666de9.txt"]  # two short corpus articles


@pytest.fixture
def project(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in SMALL:
        shutil.copy(RAW / name, raw / name)
    return tmp_path


def _docs(root: Path) -> dict[str, dict]:
    return {r["doc"]: r for r in store.read_documents(root / "processed").to_pylist()}


def _claims(root: Path) -> list[dict]:
    return store.read_claims(root / "processed").to_pylist()


def test_run_writes_tables_with_their_schemas(project):
    summary = pipeline.run_pipeline(project, settle_seconds=0)
    processed = project / "processed"
    assert summary.status == "ok"
    assert pq.read_schema(processed / "claims.parquet").equals(CLAIM_SCHEMA)
    assert pq.read_schema(processed / "documents.parquet").equals(store.DOCUMENT_SCHEMA)
    assert pq.read_schema(processed / "runs.parquet").equals(store.RUN_SCHEMA)
    from claimflow.reconcile import GROUP_SCHEMA
    assert pq.read_schema(processed / "groups.parquet").equals(GROUP_SCHEMA)

    docs = _docs(project)
    claims = _claims(project)
    assert set(docs) == set(SMALL)
    assert all(d["status"] == "ok" and d["error"] is None for d in docs.values())
    for name in SMALL:
        assert docs[name]["claims"] == sum(1 for c in claims if c["doc"] == name) > 0
    assert all(c["group_id"] for c in claims), "every claim belongs to a group after reconciliation"
    runs = store.read_runs(processed).to_pylist()
    assert len(runs) == 1 and runs[0]["claims"] == len(claims) == summary.counts["claims"]


def test_claim_spans_index_into_the_stored_texts(project):
    pipeline.run_pipeline(project, settle_seconds=0)
    for c in _claims(project):
        text = (project / "processed" / "texts" / f"{c['doc']}.txt").read_text(encoding="utf-8")
        assert text[c["start"]:c["end"]] == c["surface"]


def test_bad_article_is_recorded_and_the_rest_still_processed(project):
    (project / "raw" / "broken.txt").write_bytes(b"   \n\t  \n")  # whitespace only
    (project / "raw" / "notes.xyz").write_text("not an article")
    summary = pipeline.run_pipeline(project, settle_seconds=0)
    docs = _docs(project)
    assert docs["broken.txt"]["status"] == "failed"
    assert "whitespace" in docs["broken.txt"]["error"]
    assert docs["notes.xyz"]["status"] == "refused" and docs["notes.xyz"]["error"]
    assert all(docs[n]["status"] == "ok" for n in SMALL)
    assert summary.status == "failed"
    assert summary.message.startswith("1 of 3 articles failed")
    assert ("broken.txt", docs["broken.txt"]["error"]) in summary.failures
    assert {c["doc"] for c in _claims(project)} == set(SMALL)


def test_extractor_crash_on_one_article_is_isolated(project, monkeypatch):
    real = pipeline.extract_article

    def flaky(path, sha256, **kw):
        if path.endswith(SMALL[0]):
            raise RuntimeError("rule blew up\nsecond line")
        return real(path, sha256, **kw)

    found = pipeline.scan(project / "raw", settle_seconds=0)
    outcomes = pipeline.extract_all(found, extract=flaky)
    assert outcomes[found.articles[0].sha256].error == "RuntimeError: rule blew up"
    assert outcomes[found.articles[1].sha256].payload["claims"]


def test_duplicate_content_is_extracted_once_and_both_names_recorded(project):
    shutil.copy(project / "raw" / SMALL[0], project / "raw" / "zz_copy.txt")
    found = pipeline.scan(project / "raw", settle_seconds=0)
    assert len(found.articles) == 3 and len(found.unique()) == 2
    pipeline.run_pipeline(project, settle_seconds=0)
    docs = _docs(project)
    assert docs["zz_copy.txt"]["status"] == "duplicate"
    assert docs["zz_copy.txt"]["duplicate_of"] == SMALL[0]
    assert docs["zz_copy.txt"]["sha256"] == docs[SMALL[0]]["sha256"]
    assert "zz_copy.txt" not in {c["doc"] for c in _claims(project)}
    ids = [c["claim_id"] for c in _claims(project)]
    assert len(ids) == len(set(ids))


def test_renamed_article_keeps_claim_ids_and_removed_article_leaves_tables(project):
    pipeline.run_pipeline(project, settle_seconds=0)
    before = {c["claim_id"]: c["doc"] for c in _claims(project)}
    (project / "raw" / SMALL[0]).rename(project / "raw" / "renamed.txt")
    (project / "raw" / SMALL[1]).unlink()
    pipeline.run_pipeline(project, settle_seconds=0)
    after = {c["claim_id"]: c["doc"] for c in _claims(project)}
    kept = {cid for cid, doc in before.items() if doc == SMALL[0]}
    assert set(after) == kept
    assert set(after.values()) == {"renamed.txt"}
    assert set(_docs(project)) == {"renamed.txt"}
    assert not (project / "processed" / "texts" / f"{SMALL[1]}.txt").exists()


def test_new_claims_are_those_not_in_the_previous_table(project):
    first = pipeline.run_pipeline(project, settle_seconds=0)
    assert first.counts["new_claims"] == first.counts["claims"]
    shutil.copy(RAW / "002_75d0c00ee540f259.txt", project / "raw")
    second = pipeline.run_pipeline(project, settle_seconds=0)
    assert second.counts["new_claims"] == sum(1 for c in _claims(project) if c["doc"] == "002_75d0c00ee540f259.txt")
    assert {c["doc"] for c in second.new_claims} == {"002_75d0c00ee540f259.txt"}


def test_run_dying_while_writing_leaves_previous_tables(project, monkeypatch):
    pipeline.run_pipeline(project, settle_seconds=0)
    processed = project / "processed"
    before = {p.name: p.read_bytes() for p in processed.glob("*.parquet")}
    shutil.copy(RAW / "002_75d0c00ee540f259.txt", project / "raw")

    real_write = pq.write_table
    calls = {"n": 0}

    def dying(table, where, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("killed mid-write")
        return real_write(table, where, *a, **kw)

    monkeypatch.setattr(pq, "write_table", dying)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run_pipeline(project, settle_seconds=0)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in processed.glob("*.parquet")} == before
    assert not list(processed.glob(".*.tmp"))
    assert set(_docs(project)) == set(SMALL)
    store.check_unlocked(processed)  # the lock went with the failed run


def test_second_run_while_one_holds_the_lock_is_refused(project):
    with store.run_lock(project / "processed"):
        with pytest.raises(store.RunLocked, match="another claimflow run"):
            pipeline.run_pipeline(project, settle_seconds=0)


def test_run_report_names_counts_failures_and_conflicts_page(project):
    (project / "raw" / "broken.txt").write_bytes(b"\n\n")
    summary = pipeline.run_pipeline(project, settle_seconds=0)
    md = pipeline.run_report_markdown(summary)
    assert summary.message in md
    assert "broken.txt" in md
    assert f"## New claims ({summary.counts['new_claims']})" in md
    if "conflicts.html" in summary.paths:
        assert (project / "processed" / "conflicts.html").resolve().as_uri() in md
    lines = pipeline.summary_lines(summary)
    assert any(line.startswith("failed: broken.txt:") for line in lines)
    rows = pipeline.conflicts_table_rows(summary)
    assert len(rows) == summary.counts["conflicts"]
    assert all(isinstance(v, (str, int, float, bool)) or v is None for r in rows for v in r.values())
