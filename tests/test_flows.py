"""The Prefect flow (flows/pipeline.py) and the `claimflow run` / `serve` commands.

One `prefect_test_harness` for the whole session (its temporary server costs ~20 s to
start); each test gets its own project folder, so its own result cache
(<root>/.prefect/results). Logic is tested on the plain functions in test_pipeline.py.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Keep Prefect's home out of the user's ~/.prefect, before prefect is imported.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="claimflow-test-prefect-"))
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pytest  # noqa: E402

from claimflow import pipeline, prefect_env, store  # noqa: E402

pytestmark = pytest.mark.flow

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
SMALL = ["001_e55c726ebeacc2c9.txt", "003_036ded1749666de9.txt"]
EXTRA = "002_75d0c00ee540f259.txt"


@pytest.fixture(scope="session")
def harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def pipeline_flow(harness):
    return prefect_env.load_pipeline_flow()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "raw").mkdir()
    for name in SMALL:
        shutil.copy(RAW / name, tmp_path / "raw" / name)
    return tmp_path


@pytest.fixture
def extract_calls(monkeypatch):
    """Names of the articles the extractor actually read (cache hits do not call it)."""
    calls: list[str] = []
    real = pipeline.extract_article

    def counting(path, sha256, **kw):
        calls.append(Path(path).name)
        return real(path, sha256, **kw)

    monkeypatch.setattr(pipeline, "extract_article", counting)
    return calls


def _run(flow, root: Path):
    return flow(root=str(root), settle_seconds=0, return_state=True)


def _docs(root: Path) -> dict[str, dict]:
    return {r["doc"]: r for r in store.read_documents(root / "processed").to_pylist()}


def test_flow_writes_tables_and_one_bad_article_does_not_sink_the_run(pipeline_flow, project):
    from prefect.artifacts import Artifact

    (project / "raw" / "broken.txt").write_bytes(b" \n \n")
    state = _run(pipeline_flow, project)

    assert state.is_failed()
    assert state.message == "1 of 3 articles failed; tables written"
    summary = state.result(raise_on_failure=False)
    assert summary["counts"]["extracted"] == 2 and summary["counts"]["failed"] == 1

    docs = _docs(project)
    assert docs["broken.txt"]["status"] == "failed" and "whitespace" in docs["broken.txt"]["error"]
    assert [docs[n]["status"] for n in SMALL] == ["ok", "ok"]
    claims = store.read_claims(project / "processed")
    assert claims.num_rows > 0 and set(claims.column("doc").to_pylist()) == set(SMALL)
    assert (project / "processed" / "groups.parquet").exists()
    assert store.read_runs(project / "processed").column("failed").to_pylist() == [1]

    report = Artifact.get("claimflow-run-report")
    assert report is not None and "broken.txt" in report.data and state.message in report.data
    assert Artifact.get("claimflow-open-conflicts") is not None


def test_rerun_is_served_from_cache_renames_recognised_new_article_extracted(pipeline_flow, project, extract_calls,
                                                                               monkeypatch):
    first = _run(pipeline_flow, project)
    assert first.is_completed(), first.message
    assert sorted(extract_calls) == sorted(SMALL)
    claims_before = store.read_claims(project / "processed")

    extract_calls.clear()
    second = _run(pipeline_flow, project)
    assert second.is_completed()
    assert extract_calls == [], "unchanged articles must not be extracted again"
    assert {d["status"] for d in _docs(project).values()} == {"unchanged"}
    assert store.read_claims(project / "processed").equals(claims_before)

    (project / "raw" / SMALL[0]).rename(project / "raw" / "renamed.txt")
    shutil.copy(RAW / EXTRA, project / "raw" / EXTRA)
    extract_calls.clear()
    third = _run(pipeline_flow, project)
    assert extract_calls == [EXTRA]
    docs = _docs(project)
    assert docs["renamed.txt"]["status"] == "unchanged" and docs[EXTRA]["status"] == "ok"
    assert SMALL[0] not in docs
    counts = third.result()["counts"]
    assert counts["new_claims"] == docs[EXTRA]["claims"] > 0

    # a new extractor version (a rule changed) re-extracts everything
    monkeypatch.setitem(pipeline_flow.fn.__globals__, "EXTRACTOR_VERSION", "rules-changed")
    extract_calls.clear()
    _run(pipeline_flow, project)
    assert sorted(extract_calls) == sorted(["renamed.txt", SMALL[1], EXTRA])


def test_flow_refuses_to_run_while_another_run_holds_the_lock(pipeline_flow, project):
    with store.run_lock(project / "processed"):
        state = _run(pipeline_flow, project)
    assert state.is_failed()
    assert isinstance(state.result(raise_on_failure=False), store.RunLocked)
    assert not (project / "processed" / "claims.parquet").exists()


def test_dask_task_runner_on_a_tiny_corpus(pipeline_flow, tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(RAW / SMALL[1], tmp_path / "raw")
    flow = pipeline_flow.with_options(task_runner=prefect_env.dask_task_runner())
    state = _run(flow, tmp_path)
    assert state.is_completed(), state.message
    assert _docs(tmp_path)[SMALL[1]]["claims"] == store.read_claims(tmp_path / "processed").num_rows > 0


def test_cli_run_prints_summary_and_exit_codes(harness, project, monkeypatch):
    from typer.testing import CliRunner

    from claimflow.cli import app

    monkeypatch.setenv("PREFECT_HOME", os.environ["PREFECT_HOME"])  # restored after the test
    (project / "raw" / "broken.txt").write_bytes(b"\n")
    result = CliRunner().invoke(app, ["run", "--root", str(project)])
    assert result.exit_code == 1, result.output
    assert "1 of 3 articles failed" in result.output
    assert "failed: broken.txt:" in result.output
    assert str(project / "processed" / "claims.parquet") in result.output

    with store.run_lock(project / "processed"):
        locked = CliRunner().invoke(app, ["run", "--root", str(project)])
    assert locked.exit_code == 3
    assert "another claimflow run" in locked.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_runs_the_pipeline_on_schedule_and_stops_its_server(tmp_path):
    """`claimflow serve` with a 5 s interval on a temp corpus: a scheduled run completes
    (runs.parquet gets a row), then SIGTERM stops the runner and the server it started."""
    (tmp_path / "raw").mkdir()
    shutil.copy(RAW / SMALL[1], tmp_path / "raw")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / ".prefect"), DO_NOT_TRACK="1",
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_RUNNER_POLL_FREQUENCY="2")
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimflow", "serve", "--root", str(tmp_path), "--interval", "5",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 240
        runs = None
        while time.monotonic() < deadline and proc.poll() is None:
            runs = store.read_runs(tmp_path / "processed") if (tmp_path / "processed" / "runs.parquet").exists() else None
            if runs is not None and runs.num_rows:
                break
            time.sleep(1)
        output = (tmp_path / "serve.log").read_text(errors="replace")
        assert runs is not None and runs.num_rows >= 1, output[-3000:]
        assert runs.column("status").to_pylist()[0] == "ok"
        assert f"Prefect UI: http://127.0.0.1:{port}" in output
        assert prefect_env.api_healthy(api)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    deadline = time.monotonic() + 60
    while prefect_env.api_healthy(api, timeout=1) and time.monotonic() < deadline:
        time.sleep(0.5)
    still_up = prefect_env.api_healthy(api, timeout=1)
    if still_up:
        _kill_servers_on(port)  # never leave a server behind, even when the test fails
    assert not still_up, "the server started by serve must stop with it"


def _kill_servers_on(port: int) -> None:
    """Kill any `prefect server start ... --port PORT` left running (read from /proc)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"server" in args and str(port).encode() in args:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except OSError:
                pass
