"""What a pipeline run costs, and how much of it is Prefect.

Three runs of `claimflow run` on a temporary copy of the corpus, each in a fresh
process as a user would type it:

  first      fresh project: new Prefect home (database migration) and empty cache
  rerun      nothing changed: every article is a cache hit
  add-one    one article added: only that one is extracted

For each: wall time of the command, the time spent inside claimflow's own steps
(`work_seconds` in processed/runs.parquet: scan, extraction CPU time, reconcile, writes),
and the rest, which is Prefect (import, temporary server, task orchestration, result
store, artifacts) plus interpreter start. A baseline runs the same first run through
`claimflow.pipeline.run_pipeline` (no Prefect, no cache).

With --server, the rerun and add-one runs are repeated against a running
`prefect server start` (PREFECT_API_URL), as under `claimflow serve`.

    python benchmarks/bench_pipeline.py [--copies N] [--server] [--json benchmarks/out/pipeline.json]

--copies N makes N variants of each article (distinct bytes) for a larger corpus.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _corpus(dest: Path, copies: int, hold_back: str) -> Path:
    """Copy raw/ into dest/raw (N variants each); return the held-back article."""
    raw = dest / "raw"
    raw.mkdir(parents=True)
    held = None
    for src in sorted((REPO / "raw").iterdir()):
        if src.name.startswith("."):
            continue
        for i in range(copies):
            name = src.name if copies == 1 else f"{src.stem}_v{i}{src.suffix}"
            data = src.read_bytes() + (b"" if i == 0 else f"\n\n(variant {i})\n".encode())
            if src.name == hold_back and i == 0:
                held = dest / name
                held.write_bytes(data)
                continue
            (raw / name).write_bytes(data)
    return held


def _env(root: Path, api_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(root / ".prefect"), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120", PREFECT_LOGGING_LEVEL="WARNING")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _last_run(root: Path) -> dict:
    import pyarrow.parquet as pq

    return pq.read_table(root / "processed" / "runs.parquet").to_pylist()[-1]


def _claimflow_run(root: Path, label: str, api_url: str | None = None) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.run([str(BIN / "claimflow"), "run", "--root", str(root)], env=_env(root, api_url),
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"{label}: claimflow run exited {proc.returncode}\n{proc.stderr[-3000:]}")
    run = _last_run(root)
    work = run["work_seconds"]
    return {"run": label, "wall_s": round(wall, 2), "claimflow_s": round(work, 2),
            "prefect_and_process_s": round(wall - work, 2), "prefect_share": round((wall - work) / wall, 3),
            "extracted": run["extracted"], "unchanged": run["unchanged"], "claims": run["claims"],
            "via": "running server" if api_url else "temporary server"}


def _plain_run(root: Path) -> dict:
    code = ("import time,sys; t=time.perf_counter(); from claimflow.pipeline import run_pipeline; "
            "s=run_pipeline(sys.argv[1]); print(time.perf_counter()-t, s.counts['claims'])")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(root)], env=_env(root, None), capture_output=True,
                         text=True, check=True).stdout.split()
    wall = time.perf_counter() - t0
    return {"run": "first, no Prefect", "wall_s": round(wall, 2), "claimflow_s": round(float(out[0]), 2),
            "prefect_and_process_s": round(wall - float(out[0]), 2), "prefect_share": None,
            "extracted": None, "unchanged": None, "claims": int(out[1]), "via": "plain run_pipeline"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description="claimflow run: first / unchanged / one added")
    ap.add_argument("--copies", type=int, default=1, help="variants of each corpus article (default 1)")
    ap.add_argument("--server", action="store_true", help="also time runs against a running prefect server")
    ap.add_argument("--json", type=Path, default=REPO / "benchmarks" / "out" / "pipeline.json")
    args = ap.parse_args()

    hold_back = "002_75d0c00ee540f259.txt"
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimflow-bench-") as tmp:
        root = Path(tmp) / "project"
        held = _corpus(root, args.copies, hold_back)
        plain_root = Path(tmp) / "plain"
        shutil.copytree(root / "raw", plain_root / "raw")
        rows.append(_plain_run(plain_root))

        rows.append(_claimflow_run(root, "first"))
        rows.append(_claimflow_run(root, "rerun"))
        shutil.copy(held, root / "raw" / held.name)
        rows.append(_claimflow_run(root, "add-one"))

        if args.server:
            sys.path.insert(0, str(REPO / "src"))
            os.environ.update(_env(root, None))
            from claimflow import prefect_env

            server = prefect_env.ensure_server(root, port=_free_port())
            try:
                rows.append(_claimflow_run(root, "rerun", server.api_url))
                extra = root / "raw" / "added_once_more.txt"
                extra.write_bytes((REPO / "raw" / hold_back).read_bytes() + b"\n\n(one more)\n")
                rows.append(_claimflow_run(root, "add-one", server.api_url))
            finally:
                server.stop()

    articles = len(list((REPO / "raw").glob("*"))) * args.copies
    print(f"corpus: {articles} articles ({args.copies} variant(s) of each of the corpus articles)")
    cols = ["run", "via", "wall_s", "claimflow_s", "prefect_and_process_s", "prefect_share", "extracted",
            "unchanged", "claims"]
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in cols}
    print("  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        print("  ".join(str(r[c]).ljust(widths[c]) for c in cols))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"copies": args.copies, "articles": articles, "rows": rows}, indent=2))
    print(f"written {args.json}")


if __name__ == "__main__":
    main()
