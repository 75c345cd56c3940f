"""Benchmark: the pipeline flow end to end on 1,000 generated articles.

    .venv/bin/python benchmarks/bench_pipeline_scale.py                 # 1,000 articles
    .venv/bin/python benchmarks/bench_pipeline_scale.py --articles 200  # quick run
    .venv/bin/python benchmarks/bench_pipeline_scale.py --task-runner dask
    .venv/bin/python benchmarks/bench_pipeline_scale.py --plain         # + run_pipeline() without Prefect

Not a test. Writes --articles short articles (--min-words..--max-words words, drawn with
--seed from the same sentence pool as bench_extract.py: benchmarks/corpus.py) into a
temporary project's raw/, then times three `claimflow run --root TMP` invocations, each a
fresh process as a user or a scheduler would start it:

  1. first run        every article is extracted (cold: Prefect's home, database and
                      result cache are created inside TMP/.prefect on this run)
  2. nothing new      same raw/: every article should come from the cache
  3. 10 new articles  --new articles added to raw/: only those are extracted

Each row shows the wall time of the whole command (process start, Prefect's temporary
server, discovery's settle wait, extraction, reconciliation, Parquet writes, reports)
and the counts and work seconds that run logged in processed/runs.parquet. With --plain
the same first-run corpus is also run through `claimflow.pipeline.run_pipeline()` in
this process (no Prefect, no cache) for the orchestration overhead. The temporary project
is deleted afterwards unless --keep.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from corpus import load_pool, make_article  # noqa: E402


def write_articles(raw: Path, pool, rng: random.Random, start: int, count: int,
                   min_words: int, max_words: int) -> int:
    words = 0
    for i in range(start, start + count):
        text = make_article(pool, rng, min_words, max_words)
        (raw / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def last_run(processed: Path) -> dict:
    import pyarrow.parquet as pq

    path = processed / "runs.parquet"
    if not path.exists():
        return {}
    rows = pq.read_table(path).to_pylist()
    return rows[-1] if rows else {}


def claimflow_run(root: Path, task_runner: str, timeout: float) -> tuple[float, int, str, dict]:
    cmd = [sys.executable, "-m", "claimflow", "run", "--root", str(root), "--task-runner", task_runner]
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # the project's own temporary server, not one a user left running
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    wall = time.perf_counter() - t0
    out = (proc.stdout + ("\n" + proc.stderr[-1500:] if proc.returncode else "")).strip()
    return wall, proc.returncode, out, last_run(root / "processed")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--new", type=int, default=10, help="articles added before the third run (default 10)")
    ap.add_argument("--min-words", type=int, default=150)
    ap.add_argument("--max-words", type=int, default=600)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--task-runner", default="threads", choices=["threads", "dask"])
    ap.add_argument("--plain", action="store_true", help="also time run_pipeline() without Prefect")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed per run (default 900)")
    ap.add_argument("--root", type=Path, help="project folder to use (must not exist); default a temp dir")
    ap.add_argument("--keep", action="store_true", help="keep the project folder")
    args = ap.parse_args(argv)

    pool = load_pool()
    rng = random.Random(args.seed)
    if args.root:
        root = args.root.resolve()
        root.mkdir(parents=True)
    else:
        root = Path(tempfile.mkdtemp(prefix="claimflow-scale-"))
    raw = root / "raw"
    raw.mkdir()
    t0 = time.perf_counter()
    words = write_articles(raw, pool, rng, 0, args.articles, args.min_words, args.max_words)
    print(f"project: {root} ({args.articles} articles, {words:,} words, "
          f"written in {time.perf_counter() - t0:.1f} s; pool: {pool.sources})")
    print(f"machine: {os.cpu_count()} CPUs; task runner: {args.task_runner}\n")

    rows = []
    failed = False
    try:
        for label in ("first run", "nothing new", f"{args.new} new articles"):
            if label.endswith("new articles"):
                words_new = write_articles(raw, pool, rng, args.articles, args.new, args.min_words, args.max_words)
                print(f"  added {args.new} articles ({words_new:,} words)")
            print(f"  {label} ...", flush=True)
            wall, rc, out, run = claimflow_run(root, args.task_runner, args.timeout)
            rows.append((label, wall, rc, run))
            print("    " + "\n    ".join(out.splitlines()[:3]))
            if rc not in (0,):
                print(f"    exit code {rc}")
                failed = True
        plain = None
        if args.plain:
            from claimflow.pipeline import run_pipeline

            plain_root = root.parent / (root.name + "-plain")
            (plain_root / "raw").mkdir(parents=True)
            for p in sorted(raw.iterdir())[: args.articles]:
                shutil.copy2(p, plain_root / "raw" / p.name)
            print("  plain run_pipeline() (no Prefect, no cache) ...", flush=True)
            t1 = time.perf_counter()
            run_pipeline(plain_root)
            plain = time.perf_counter() - t1
            shutil.rmtree(plain_root, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    print()
    print(f"{'run':22}{'wall s':>9}{'exit':>6}{'articles':>10}{'extracted':>11}{'unchanged':>11}"
          f"{'claims':>9}{'new':>7}{'work s':>9}")
    for label, wall, rc, run in rows:
        print(f"{label:22}{wall:>9.1f}{rc:>6}{run.get('articles', 0) or 0:>10}{run.get('extracted', 0) or 0:>11}"
              f"{run.get('unchanged', 0) or 0:>11}{run.get('claims', 0) or 0:>9}{run.get('new_claims', 0) or 0:>7}"
              f"{run.get('work_seconds', 0.0) or 0.0:>9.1f}")
    if plain is not None:
        print(f"{'plain run_pipeline()':22}{plain:>9.1f}   (first-run corpus, one process, no Prefect, no cache)")
    if args.keep:
        print(f"\nkept: {root}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
