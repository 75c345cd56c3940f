"""The claimflow pipeline as a Prefect flow: raw/ -> processed/ tables, reports, artifacts.

Thin on purpose: every step is a plain function in `claimflow.pipeline`; this file only
says what runs as a task, what is cached on what, and what is published.

- One task run per distinct article (`extract_article.map`), on the flow's task runner
  (Prefect's thread pool by default; `claimflow run --task-runner dask` swaps in
  prefect-dask's DaskTaskRunner).
- Incremental: the task's cache key is the article's sha256 plus EXTRACTOR_VERSION, and
  its result (claims + text, as JSON) is persisted under `<root>/.prefect/results`. Same
  bytes -> the task run ends "Cached" without extracting; a rule change (new version)
  re-extracts everything; a renamed file has the same hash, so it is a cache hit too.
- Fault isolation: a task that raises only fails its own article. The flow waits for
  every future, reads each final state, records failures in documents.parquet and the
  run report, still writes the tables, and ends Failed with the message
  "N of M articles failed; tables written" (Completed when none failed).

Entry point for the CLI and deployments: `flows/pipeline.py:claimflow_pipeline`.
"""
from __future__ import annotations

import re
import time
import uuid
from datetime import datetime, timezone

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import wait
from prefect.runtime import flow_run
from prefect.states import Completed, Failed

from claimflow import pipeline, store
from claimflow.extract import EXTRACTOR_VERSION
from claimflow.prefect_env import results_dir
from claimflow.settings import DEFAULT_MAX_BYTES, project_paths

REPORT_KEY = "claimflow-run-report"
CONFLICTS_KEY = "claimflow-open-conflicts"


def content_cache_key(context, parameters: dict) -> str:
    """Same bytes + same extractor version -> same key (name and path do not count)."""
    version = re.sub(r"[^A-Za-z0-9_.-]", "_", str(EXTRACTOR_VERSION))
    return f"claimflow-extract-{parameters['sha256']}-{version}"


@task(
    name="extract-article",
    task_run_name="extract {name}",
    cache_key_fn=content_cache_key,
    persist_result=True,
    result_serializer="json",
    retries=0,
)
def extract_article(name: str, path: str, sha256: str, raw_dir: str, max_bytes: int) -> dict:
    return pipeline.extract_article(path, sha256, root=raw_dir, max_bytes=max_bytes)


def _collect(refs, futures) -> tuple[dict[str, pipeline.Outcome], float]:
    """Final state of every article's task run -> Outcome. Nothing is left unresolved."""
    wait(futures)
    outcomes: dict[str, pipeline.Outcome] = {}
    work = 0.0
    for ref, fut in zip(refs, futures):
        state = fut.state
        if state.is_completed():
            payload = fut.result()
            cached = state.name == "Cached"
            outcomes[ref.sha256] = pipeline.Outcome(ref.sha256, payload=payload, cached=cached)
            if not cached:
                work += float(payload.get("seconds", 0.0))
        else:
            exc = fut.result(raise_on_failure=False)
            error = pipeline.describe_error(exc) if isinstance(exc, BaseException) else (state.message or state.name)
            outcomes[ref.sha256] = pipeline.Outcome(ref.sha256, error=error)
    return outcomes, work


def _publish(summary: pipeline.RunSummary) -> None:
    create_markdown_artifact(key=REPORT_KEY, markdown=pipeline.run_report_markdown(summary),
                             description=summary.message)
    rows = pipeline.conflicts_table_rows(summary)
    create_table_artifact(key=CONFLICTS_KEY, table=rows or [{"open conflicts": "none"}],
                          description=f"{len(rows)} open conflicts")


@flow(name="claimflow-pipeline", validate_parameters=True)
def claimflow_pipeline(root: str = ".", settle_seconds: float | None = None,
                       max_bytes: int = DEFAULT_MAX_BYTES):
    """Discover articles in <root>/raw, extract each (cached on content), reconcile, and
    write <root>/processed tables, texts and conflict reports."""
    logger = get_run_logger()
    paths = project_paths(root)
    started = datetime.now(timezone.utc)
    run_id = flow_run.get_id() or uuid.uuid4().hex
    with store.run_lock(paths.processed):
        t0 = time.perf_counter()
        found = pipeline.scan(paths.raw, settle_seconds=settle_seconds, max_bytes=max_bytes)
        work = time.perf_counter() - t0
        refs = found.unique()
        task_ = extract_article.with_options(result_storage=results_dir(paths.root))
        futures = task_.map(
            name=[r.name for r in refs], path=[r.path for r in refs], sha256=[r.sha256 for r in refs],
            raw_dir=unmapped(str(paths.raw)), max_bytes=unmapped(max_bytes),
        ) if refs else []
        outcomes, extract_work = _collect(refs, futures)
        summary = pipeline.finish(paths.root, found, outcomes, run_id=str(run_id), started_at=started,
                                  work_seconds=work + extract_work)
    for line in pipeline.summary_lines(summary):
        (logger.warning if line.startswith("failed:") else logger.info)(line)
    _publish(summary)
    if summary.status == "failed":
        return Failed(message=summary.message, data=summary.to_dict())
    return Completed(message=summary.message, data=summary.to_dict())

