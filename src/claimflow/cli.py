"""The `claimflow` command: run / extract / review / serve.

Exit codes (all commands):
  0  success
  1  some input failed (the rest was processed; each failure printed on stderr)
  2  usage error (bad option, missing file argument)
  3  another run holds the project lock
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimflow.claims import KINDS, unit_kind
from claimflow.settings import DEFAULT_MAX_BYTES, project_paths

app = typer.Typer(
    help="Turn a pile of articles into a checked table of numeric claims.",
    add_completion=False,
    no_args_is_help=True,
    epilog="Exit codes: 0 success; 1 some input failed (the rest was processed); "
    "2 usage error; 3 another run holds the project lock.",
)
review_app = typer.Typer(help="List open conflicts and record reviewers' decisions.", no_args_is_help=False)
app.add_typer(review_app, name="review")

err = Console(stderr=True)


# --- claimflow review ---------------------------------------------------------------
_ROOT_HELP = "Project folder holding raw/, processed/ and reviews/."


def _review_state(root: Path):
    from claimflow.review import ReviewError, current_state

    paths = project_paths(root)
    try:
        return paths, current_state(paths)
    except ReviewError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1)


@review_app.callback(invoke_without_command=True)
def review_list(
    ctx: typer.Context,
    root: Path = typer.Option(Path("."), help=_ROOT_HELP),
    show_all: bool = typer.Option(False, "--all", help="Also list conflicts already accepted or dismissed."),
) -> None:
    """List open conflicts (and stale decisions). Sub-commands record decisions."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.markup import escape

    from claimflow.reconcile.verdict import describe_claim

    paths, rec = _review_state(root)
    out = Console(highlight=False)
    rows = [g for g in rec.groups.to_pylist() if g["verdict"] == "conflict"
            and (show_all or g["review_status"] == "open")]
    rows.sort(key=lambda g: (g["review_status"] != "open", g["subject"] or "", g["group_id"]))
    by_group: dict = {}
    for c in rec.claims:
        by_group.setdefault(c.group_id, []).append(c)
    for g in rows:
        title = f"{g['subject']} — {g['metric']}" + (f" ({g['period']})" if g["period"] else "")
        out.print(f"[bold]{g['group_id']}[/]  {escape(title)}  [{'red' if g['review_status'] == 'open' else 'green'}]"
                  f"\\[{g['review_status']}][/]")
        out.print(f"  {escape(g['reason'] or '')}")
        if g["review_note"]:
            out.print(f"  [dim]{escape(g['review_note'])}[/]")
        for c in sorted(by_group.get(g["group_id"], []), key=lambda c: (c.low is None, c.low or 0.0, c.doc)):
            mark = " [green]✔ accepted[/]" if g["accepted_claim"] == c.claim_id else ""
            out.print(f"    {c.claim_id}  {escape(describe_claim(c)):<16} {escape(c.doc)}{mark}")
        out.print()
    n_open = sum(1 for g in rec.groups.to_pylist() if g["verdict"] == "conflict" and g["review_status"] == "open")
    for s in rec.stale:
        out.print(f"[yellow]stale decision[/] (line {s.decision.line}): {escape(s.decision.describe())}: {escape(s.reason)}")
    for problem in rec.problems:
        err.print(problem, markup=False, highlight=False)
    out.print(f"{n_open} open conflict(s); decisions in {paths.reviews}. "
              "Settle one with: claimflow review accept GROUP CLAIM | split GROUP CLAIM | dismiss GROUP",
              markup=False)


def _record(root: Path, action: str, group: str, claim: Optional[str], note: str) -> None:
    from claimflow.review import ReviewError, append_decision, find_group, find_member

    paths, rec = _review_state(root)
    try:
        row = find_group(rec, group)
        claim_id = find_member(row, claim) if claim else None
        if action in ("accept", "dismiss") and row["verdict"] != "conflict":
            raise ReviewError(f"group {row['group_id']} is not a conflict (verdict {row['verdict']})")
        if action == "split" and row["n_claims"] < 2:
            raise ReviewError(f"claim {claim_id} is already alone in group {row['group_id']}")
    except ReviewError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2)
    d = append_decision(paths.reviews, action, row["group_id"], claim_id, note, members=row["members"])
    Console(highlight=False).print(f"recorded: {d.describe()} -> {paths.reviews} "
                                   "(applied on every run from now on)", markup=False)


@review_app.command("accept")
def review_accept(
    group: str = typer.Argument(..., help="Group id (a unique prefix is enough)."),
    claim: str = typer.Argument(..., help="Id of the claim whose value is right."),
    note: str = typer.Option("", "--note", "-n", help="Why (kept with the decision)."),
    root: Path = typer.Option(Path("."), help=_ROOT_HELP),
) -> None:
    """This claim's value is right: the conflict is settled."""
    _record(root, "accept", group, claim, note)


@review_app.command("split")
def review_split(
    group: str = typer.Argument(..., help="Group id (a unique prefix is enough)."),
    claim: str = typer.Argument(..., help="Id of the claim that is not the same fact."),
    note: str = typer.Option("", "--note", "-n", help="Why (kept with the decision)."),
    root: Path = typer.Option(Path("."), help=_ROOT_HELP),
) -> None:
    """This claim does not state the same fact: take it out of the group."""
    _record(root, "split", group, claim, note)


@review_app.command("dismiss")
def review_dismiss(
    group: str = typer.Argument(..., help="Group id (a unique prefix is enough)."),
    note: str = typer.Option("", "--note", "-n", help="Why (kept with the decision)."),
    root: Path = typer.Option(Path("."), help=_ROOT_HELP),
) -> None:
    """Known and fine: stop listing this conflict."""
    _record(root, "dismiss", group, None, note)


@review_app.command("undo")
def review_undo(
    group: str = typer.Argument(..., help="Group id (a unique prefix is enough)."),
    claim: Optional[str] = typer.Argument(None, help="Only the decision about this claim."),
    root: Path = typer.Option(Path("."), help=_ROOT_HELP),
) -> None:
    """Withdraw the latest decision on GROUP (or on CLAIM in it)."""
    from claimflow.review import ReviewError, append_decision, decisions_on, find_group, load_decisions

    paths, rec = _review_state(root)
    decisions, _ = load_decisions(paths.reviews)
    try:
        row = find_group(rec, group)
    except ReviewError:
        row = {"group_id": group, "members": []}  # a group that vanished: undo by its recorded id
    found = decisions_on(rec, row, decisions, claim)
    if not found:
        err.print(f"error: no active decision on group {group}" + (f" claim {claim}" if claim else ""),
                  markup=False, highlight=False)
        raise typer.Exit(2)
    target = found[-1]
    d = append_decision(paths.reviews, "undo", target.group, target.claim, f"undo {target.action}",
                        undoes=target.action)
    Console(highlight=False).print(f"recorded: {d.describe()} (withdraws: {target.describe()})", markup=False)


class OutFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _progress(total: int, label: str):
    """A rich progress bar on stderr when it is a terminal; None in pipes."""
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)


@app.command()
def extract(
    files: list[Path] = typer.Argument(None, help="Articles to read (.txt .md .html .pdf .docx)."),
    fmt: OutFormat = typer.Option(OutFormat.table, "--format", "-f", help="table (readable) or jsonl (one claim per line)."),
    jsonl: bool = typer.Option(False, "--jsonl", help='Batch mode: read {"id", "text"} JSON lines on stdin, '
                               'write one claim per line with that id.'),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Refuse files larger than this."),
    group: bool = typer.Option(True, "--reconcile/--no-reconcile",
                               help="Group claims of FILES that state the same fact (fills group_id and verdict)."),
    kinds: list[str] = typer.Option(None, "--kind", "-k", help="Keep only claims of this kind (repeatable): "
                                    + ", ".join(KINDS) + "."),
) -> None:
    """Extract numeric claims from FILES (or from JSON lines on stdin with --jsonl).

    Each file that cannot be read gets one line on stderr naming it and the reason;
    the others are still processed and the exit code is 1. Claims of the given files are
    reconciled with each other (no reviewer decisions applied; `claimflow run` does that).
    """
    from claimflow.extract import get_extractor

    extractor = get_extractor()
    unknown = sorted(set(kinds or ()) - set(KINDS))
    if unknown:
        err.print(f"error: unknown --kind {', '.join(unknown)} (kinds: {', '.join(KINDS)})", markup=False)
        raise typer.Exit(2)
    keep = (lambda c: unit_kind(c.unit) in kinds) if kinds else (lambda c: True)  # noqa: E731
    if jsonl:
        raise typer.Exit(_extract_stdin(extractor, keep))
    if not files:
        err.print("error: give FILE arguments, or --jsonl to read JSON lines on stdin")
        raise typer.Exit(2)

    from claimflow.ingest import IngestError, read_document

    failed = 0
    claims = []
    progress = _progress(len(files), "extracting")
    task = progress.add_task("extract", total=len(files)) if progress else None
    if progress:
        progress.start()
    try:
        for path in files:
            try:
                doc = read_document(path, max_bytes=max_bytes)
                found = [c for c in extractor.extract(doc) if keep(c)]
            except IngestError as exc:
                failed += 1
                err.print(f"{path}: {exc}", markup=False, highlight=False)
                continue
            except Exception as exc:  # noqa: BLE001 - a bug on one file never stops the others
                failed += 1
                err.print(f"{path}: extraction failed: {type(exc).__name__}: {exc}", markup=False, highlight=False)
                continue
            claims.extend(found)
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    if group and claims:
        from claimflow.reconcile import reconcile

        claims = reconcile(claims).claims
    if fmt is OutFormat.jsonl:
        for c in claims:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    else:
        _print_table(claims)
    raise typer.Exit(1 if failed else 0)


def _extract_stdin(extractor, keep) -> int:
    from claimflow.documents import Document

    bad = 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, ident = item["text"], item.get("id", str(n))
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            bad += 1
            err.print(f"stdin:{n}: not a JSON object with a 'text' string ({exc})", markup=False)
            continue
        doc = Document(name=str(ident), text=text)
        try:
            claims = extractor.extract(doc)
        except Exception as exc:  # noqa: BLE001 - one bad item never stops the batch
            bad += 1
            err.print(f"stdin:{n}: extraction failed for id {ident!r}: {type(exc).__name__}: {exc}", markup=False)
            continue
        for c in claims:
            if keep(c):
                sys.stdout.write(json.dumps({"id": ident, **c.to_dict()}, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 1 if bad else 0


def _fmt_num(x: float | None) -> str:
    if x is None:
        return "…"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:.3g}"


def _print_table(claims) -> None:
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("doc", "surface", "low", "high", "unit", "q", "subject", "metric", "period", "verdict"):
        table.add_column(col, overflow="fold")
    for c in claims:
        table.add_row(c.doc, c.surface, _fmt_num(c.low), _fmt_num(c.high), c.unit, c.qualifier,
                      c.subject, c.metric, c.period or "", c.verdict or "")
    Console().print(table)
    Console().print(f"{len(claims)} claims")


@app.command()
def run(
    root: Path = typer.Option(Path("."), help="Project folder holding raw/, processed/ and reviews/."),
    task_runner: str = typer.Option("threads", help="threads (Prefect's default pool) or dask (local Dask cluster)."),
) -> None:
    """Run the pipeline flow once: raw/ -> processed/ tables and conflict report.

    Uses Prefect's temporary local server (or the API at PREFECT_API_URL). Articles whose
    bytes did not change since the last run are served from the cache."""
    raise typer.Exit(_run_pipeline(root, task_runner))


@app.command()
def serve(
    root: Path = typer.Option(Path("."), help="Project folder holding raw/, processed/ and reviews/."),
    cron: str = typer.Option("0 * * * *", help="Cron schedule of the pipeline runs (default hourly)."),
    interval: Optional[float] = typer.Option(None, help="Run every INTERVAL seconds instead of on the cron schedule."),
    port: int = typer.Option(4200, help="Port of the local Prefect server to reuse or start (127.0.0.1)."),
) -> None:
    """Serve the pipeline as a scheduled Prefect deployment (starts a local Prefect server if none runs)."""
    raise typer.Exit(_serve_pipeline(root, cron, interval, port))


def _run_pipeline(root: Path, task_runner: str) -> int:
    """Body of `claimflow run` (the flow is reached by its entrypoint in flows/)."""
    from claimflow import prefect_env, store
    from claimflow.pipeline import RunSummary, summary_lines

    paths = project_paths(root)
    if task_runner not in ("threads", "dask"):
        err.print(f"error: --task-runner must be threads or dask, not {task_runner!r}")
        return 2
    if not paths.raw.is_dir():
        err.print(f"error: no raw/ folder in {paths.root} (use --root)")
        return 2
    try:
        store.check_unlocked(paths.processed)
    except store.RunLocked as exc:
        err.print(f"error: {exc}", markup=False)
        return 3
    prefect_env.configure(paths.root)
    if not os.environ.get("PREFECT_API_URL"):
        local = f"http://{prefect_env.DEFAULT_HOST}:4200/api"
        if prefect_env.api_healthy(local, timeout=0.5):
            # a running server (e.g. `claimflow serve`) saves the temporary server's start-up
            os.environ["PREFECT_API_URL"] = local
            err.print(f"using the Prefect server at {local}", highlight=False)
    try:
        flow = prefect_env.load_pipeline_flow()
    except prefect_env.FlowsMissing as exc:
        err.print(f"error: {exc}", markup=False)
        return 2
    if task_runner == "dask":
        flow = flow.with_options(task_runner=prefect_env.dask_task_runner())
    state = flow(root=str(paths.root), return_state=True)
    data = state.result(raise_on_failure=False)
    if isinstance(data, store.RunLocked):
        err.print(f"error: {data}", markup=False)
        return 3
    if not isinstance(data, dict):
        err.print(f"error: pipeline run ended {state.name}: {state.message}", markup=False)
        return 1
    summary = RunSummary.from_dict(data)
    for line in summary_lines(summary):
        print(line)
    return 1 if summary.status == "failed" else 0


def _serve_pipeline(root: Path, cron: str, interval: float | None, port: int) -> int:
    """Body of `claimflow serve`: a Prefect API (reused or started here), then the served
    deployment until Ctrl-C / SIGTERM; a server started here is stopped on the way out."""
    from claimflow import prefect_env

    paths = project_paths(root)
    if not paths.raw.is_dir():
        err.print(f"error: no raw/ folder in {paths.root} (use --root)")
        return 2
    prefect_env.configure(paths.root)
    try:
        server = prefect_env.ensure_server(paths.root, port=port)
    except RuntimeError as exc:
        err.print(f"error: {exc}", markup=False)
        return 1
    how = "started here; stopped when serve exits" if server.process else "already running; reused"
    err.print(f"Prefect UI: {server.ui_url}  ({how})", markup=False)
    every = f"every {interval:g} s" if interval else f"cron {cron!r}"
    err.print(f"serving claimflow-pipeline/claimflow-scheduled over {paths.root} ({every}); Ctrl-C to stop",
              markup=False)
    try:
        serve_pipeline = prefect_env.load_serve_function()
        serve_pipeline(root=str(paths.root), cron=cron, interval=interval)
    except prefect_env.FlowsMissing as exc:
        err.print(f"error: {exc}", markup=False)
        return 2
    except KeyboardInterrupt:
        err.print("stopping: flow runs still in flight are cancelled (tables stay as the last run left them)")
    finally:
        prefect_env.stop_children(keep=server.process)
        server.stop()
        err.print("serve stopped" + ("; the Prefect server it started is stopped too" if server.process else ""))
    return 0


def main() -> None:
    app()


if __name__ == "__main__":
    main()
