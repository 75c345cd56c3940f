"""Prefect's environment for a claimflow project, and the local Prefect server.

Prefect reads its settings from the environment when it is imported, so `configure()`
must run before the first `import prefect`. It keeps Prefect's home (database, result
cache, logs) inside the project (`<root>/.prefect`, gitignored), raises the temporary
server's start-up timeout (its first database migration takes ~20 s, the default limit)
and turns telemetry off (there is no network to send it to). Values already in the
environment win, so a user or CI can point elsewhere.

This module never imports prefect itself; `ensure_server()` only speaks HTTP to
`/api/health` and runs `prefect server start` as a child process.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from claimflow.settings import project_paths

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200


def configure(root: str | os.PathLike | None = None) -> dict[str, str]:
    """Set Prefect's environment for the project at `root` (before prefect is imported).
    Returns the values in effect."""
    paths = project_paths(root)
    wanted = {
        "PREFECT_HOME": str(paths.prefect_home),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_SHOW_PROMOTIONAL_CONTENT": "false",
    }
    for key, value in wanted.items():
        os.environ.setdefault(key, value)
    paths.prefect_home.mkdir(parents=True, exist_ok=True)
    return {k: os.environ[k] for k in wanted}


def results_dir(root: str | os.PathLike | None = None) -> Path:
    """Where the per-article extraction results (the incremental cache) are kept."""
    return project_paths(root).prefect_home / "results"


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True if a Prefect API answers at `api_url` (e.g. http://127.0.0.1:4200/api)."""
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


@dataclass
class LocalServer:
    """A Prefect API the process can use: reused (`process is None`) or started here."""

    api_url: str
    ui_url: str
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the server if this process started it (SIGTERM, then SIGKILL)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def stop_children(keep: subprocess.Popen | None = None, timeout: float = 10.0) -> int:
    """Terminate this process's child processes (flow runs a served deployment started),
    except `keep` (the Prefect server, stopped last so the runs can report their end).
    Returns how many were stopped."""
    import psutil

    me = psutil.Process()
    spared = set()
    if keep is not None and keep.poll() is None:
        try:
            server = psutil.Process(keep.pid)
            spared = {server.pid, *(c.pid for c in server.children(recursive=True))}
        except psutil.NoSuchProcess:
            pass
    victims = [p for p in me.children(recursive=True) if p.pid not in spared]
    for p in victims:
        try:
            p.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(victims, timeout=timeout)
    for p in alive:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    return len(victims)


def _prefect_command() -> list[str]:
    exe = Path(sys.executable).with_name("prefect")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("prefect")
    return [found] if found else [sys.executable, "-m", "prefect"]


def ensure_server(root: str | os.PathLike | None = None, *, host: str = DEFAULT_HOST,
                  port: int = DEFAULT_PORT, startup_timeout: float = 180.0) -> LocalServer:
    """Reuse the Prefect API at PREFECT_API_URL (or http://host:port/api) if it answers,
    else start `prefect server start --host host --port port` as a child process and wait
    until it answers. Sets PREFECT_API_URL for this process and its children."""
    configure(root)
    api_url = os.environ.get("PREFECT_API_URL") or f"http://{host}:{port}/api"
    ui_url = api_url[: -len("/api")] if api_url.rstrip("/").endswith("/api") else api_url
    if api_healthy(api_url):
        os.environ["PREFECT_API_URL"] = api_url
        return LocalServer(api_url=api_url, ui_url=ui_url)
    if os.environ.get("PREFECT_API_URL"):
        raise RuntimeError(f"PREFECT_API_URL={api_url} does not answer; start that server or unset the variable")

    home = Path(os.environ["PREFECT_HOME"])
    log_path = home / "server.log"
    log = open(log_path, "ab")
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen(
        [*_prefect_command(), "server", "start", "--host", host, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        start_new_session=True,  # Ctrl-C goes to us; we stop the server ourselves
    )
    log.close()
    server = LocalServer(api_url=api_url, ui_url=ui_url, process=proc, log_path=log_path)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {proc.returncode}; see {log_path}")
        if api_healthy(api_url, timeout=1.0):
            os.environ["PREFECT_API_URL"] = api_url
            return server
        time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"prefect server did not answer at {api_url} within {startup_timeout:.0f} s; see {log_path}")


# --- reaching the flows/ folder (by entrypoint, never by import from the library) ----

PIPELINE_ENTRYPOINT = "pipeline.py:claimflow_pipeline"
SERVE_ENTRYPOINT = "serve.py:serve_pipeline"


def flows_dir() -> Path:
    """The project's flows/ folder: $CLAIMFLOW_FLOWS_DIR, else the one beside src/ in the
    checkout this package is installed from (`pip install -e .`)."""
    override = os.environ.get("CLAIMFLOW_FLOWS_DIR")
    if override:
        return Path(override)
    import claimflow

    return Path(claimflow.__file__).resolve().parents[2] / "flows"


class FlowsMissing(RuntimeError):
    pass


def _entrypoint(spec: str) -> str:
    file, _, obj = spec.partition(":")
    path = flows_dir() / file
    if not path.is_file():
        raise FlowsMissing(
            f"{path} not found: `claimflow run/serve` needs the flows/ folder of a claimflow "
            "checkout (install with `pip install -e .` from the checkout, or set CLAIMFLOW_FLOWS_DIR)"
        )
    return f"{path}:{obj}"


def load_pipeline_flow():
    """The pipeline flow, loaded from flows/pipeline.py by its Prefect entrypoint."""
    from prefect.flows import load_flow_from_entrypoint

    return load_flow_from_entrypoint(_entrypoint(PIPELINE_ENTRYPOINT), use_placeholder_flow=False)


def load_serve_function():
    from prefect.utilities.importtools import import_object

    return import_object(_entrypoint(SERVE_ENTRYPOINT))


def dask_task_runner(n_workers: int = 1, threads_per_worker: int = 2):
    """prefect-dask's DaskTaskRunner on a local in-process cluster (threads). Point
    `address=` at a real scheduler to scale out."""
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(cluster_kwargs={"n_workers": n_workers, "threads_per_worker": threads_per_worker,
                                          "processes": False, "dashboard_address": None})
