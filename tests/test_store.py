"""store: table schemas, atomic writes, the run lock."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimflow import store
from claimflow.claims import CLAIM_SCHEMA


def _docs(*names: str) -> pa.Table:
    rows = [{"doc": n, "path": f"raw/{n}", "sha256": "ab" * 32, "bytes": 10, "format": "txt",
             "status": "ok", "error": None, "extracted_at": datetime.now(timezone.utc), "claims": 3,
             "duplicate_of": None} for n in names]
    return pa.Table.from_pylist(rows, schema=store.DOCUMENT_SCHEMA)


def _run_row(run_id: str) -> dict:
    now = datetime.now(timezone.utc)
    return {"run_id": run_id, "started_at": now, "finished_at": now, "status": "ok", "articles": 1,
            "extracted": 1, "unchanged": 0, "duplicates": 0, "failed": 0, "skipped": 0, "claims": 3,
            "new_claims": 3, "groups": 2, "conflicts": 0, "stale_decisions": 0, "work_seconds": 0.1,
            "extractor_version": "test", "message": "1 articles, 3 claims"}


def test_written_table_reads_back_with_its_schema(tmp_path):
    path = store.write_table(_docs("a.txt", "b.txt"), tmp_path / "processed" / "documents.parquet")
    back = store.read_documents(tmp_path / "processed")
    assert back.schema.equals(store.DOCUMENT_SCHEMA)
    assert back.column("doc").to_pylist() == ["a.txt", "b.txt"]
    assert [p.name for p in path.parent.iterdir()] == ["documents.parquet"]  # no temp files left


def test_empty_tables_keep_their_column_types(tmp_path):
    empty = pa.Table.from_pylist([], schema=CLAIM_SCHEMA)
    store.write_table(empty, tmp_path / "claims.parquet")
    back = store.read_claims(tmp_path)
    assert back.num_rows == 0
    assert back.schema.field("low").type == pa.float64()


def test_missing_table_reads_as_none(tmp_path):
    assert store.read_documents(tmp_path) is None


def test_older_table_without_a_column_is_read_into_the_current_schema(tmp_path):
    old = _docs("a.txt").drop(["duplicate_of"])
    pq.write_table(old, tmp_path / "documents.parquet")
    back = store.read_documents(tmp_path)
    assert back.schema.equals(store.DOCUMENT_SCHEMA)
    assert back.column("duplicate_of").to_pylist() == [None]


def test_failure_while_writing_leaves_every_previous_table_intact(tmp_path, monkeypatch):
    """A run killed mid-way (here: the Parquet writer raises on the second table)
    leaves all old tables readable and unchanged, and no temporary files behind."""
    docs_path, runs_path = tmp_path / "documents.parquet", tmp_path / "runs.parquet"
    store.write_tables({docs_path: _docs("old.txt"), runs_path: store.runs_with(tmp_path, _run_row("r1"))})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    real_write = pq.write_table
    calls = {"n": 0}

    def dying_writer(table, where, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full (simulated)")
        return real_write(table, where, *args, **kwargs)

    monkeypatch.setattr(pq, "write_table", dying_writer)
    with pytest.raises(OSError, match="disk full"):
        store.write_tables({docs_path: _docs("new.txt"), runs_path: store.runs_with(tmp_path, _run_row("r2"))})
    monkeypatch.undo()

    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert store.read_documents(tmp_path).column("doc").to_pylist() == ["old.txt"]
    assert store.read_runs(tmp_path).column("run_id").to_pylist() == ["r1"]


def test_run_log_appends(tmp_path):
    store.append_run(tmp_path, _run_row("r1"))
    store.append_run(tmp_path, _run_row("r2"))
    runs = store.read_runs(tmp_path)
    assert runs.column("run_id").to_pylist() == ["r1", "r2"]
    assert runs.schema.equals(store.RUN_SCHEMA)


def test_second_run_is_refused_with_a_clear_message(tmp_path):
    with store.run_lock(tmp_path):
        with pytest.raises(store.RunLocked) as info:
            store.check_unlocked(tmp_path)
    assert "another claimflow run" in str(info.value)
    assert str(store.lock_path(tmp_path)) in str(info.value)
    assert info.value.exit_code == 3
    store.check_unlocked(tmp_path)  # released afterwards


def test_lock_of_a_killed_run_does_not_block_the_next(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from claimflow import store
        with store.run_lock(Path({str(tmp_path)!r})):
            print("locked", flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(store.RunLocked):
            store.check_unlocked(tmp_path)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        deadline = time.monotonic() + 5
        while True:
            try:
                store.check_unlocked(tmp_path)
                break
            except store.RunLocked:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.stdout.close()
