"""Reviewers' decisions: recorded by the CLI, applied on every reconcile, never lost."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimflow.cli import app
from claimflow.reconcile import reconcile
from claimflow.review import append_decision, load_decisions
from claimflow.settings import project_paths
from test_reconcile import load_gold_claims

GPT3 = {"000-001", "000-007", "003-001"}


def _run(root: Path, claims=None) -> None:
    """What a pipeline run does with reconciliation: read decisions, write the tables."""
    paths = project_paths(root)
    rec = reconcile(claims if claims is not None else load_gold_claims(), paths.reviews)
    paths.processed.mkdir(parents=True, exist_ok=True)
    pq.write_table(rec.claims_table(), paths.processed / "claims.parquet")
    pq.write_table(rec.groups, paths.processed / "groups.parquet")


def _groups(root: Path) -> list[dict]:
    return pq.read_table(project_paths(root).processed / "groups.parquet").to_pylist()


def _gpt3(rows: list[dict]) -> dict:
    return next(r for r in rows if GPT3 <= set(r["members"]))


def cli(*args: str):
    return CliRunner().invoke(app, ["review", *args])


def test_review_lists_open_conflicts(tmp_path):
    _run(tmp_path)
    res = cli("--root", str(tmp_path))
    assert res.exit_code == 0, res.output
    assert "GPT-3 — training cost" in res.output and "[open]" in res.output
    assert "003-001" in res.output
    assert "1 open conflict(s)" in res.output


def test_review_without_a_run_says_what_to_do(tmp_path):
    res = cli("--root", str(tmp_path))
    assert res.exit_code == 1
    assert "claimflow run" in res.output


def test_accept_survives_a_rerun_and_a_deleted_processed_folder(tmp_path):
    _run(tmp_path)
    gid = _gpt3(_groups(tmp_path))["group_id"]
    res = cli("accept", gid[:6], "000-00", "--note", "the paper says 4.6M", "--root", str(tmp_path))
    assert res.exit_code == 2, "an ambiguous claim prefix is refused"
    res = cli("accept", gid[:6], "000-007", "--note", "the paper says 4.6M", "--root", str(tmp_path))
    assert res.exit_code == 0, res.output
    decisions_file = project_paths(tmp_path).reviews
    assert decisions_file.exists() and not str(decisions_file).startswith(str(project_paths(tmp_path).processed))

    _run(tmp_path)  # the next run applies it
    row = _gpt3(_groups(tmp_path))
    assert (row["review_status"], row["accepted_claim"]) == ("accepted", "000-007")
    assert "the paper says 4.6M" in row["review_note"]

    before = decisions_file.read_bytes()
    shutil.rmtree(project_paths(tmp_path).processed)
    _run(tmp_path)
    assert _gpt3(_groups(tmp_path))["review_status"] == "accepted"
    assert decisions_file.read_bytes() == before, "a run never rewrites the decisions file"
    assert "0 open conflict(s)" in cli("--root", str(tmp_path)).output


def test_dismiss_then_undo_reopens(tmp_path):
    _run(tmp_path)
    gid = _gpt3(_groups(tmp_path))["group_id"]
    assert cli("dismiss", gid, "--note", "known", "--root", str(tmp_path)).exit_code == 0
    _run(tmp_path)
    assert _gpt3(_groups(tmp_path))["review_status"] == "dismissed"
    assert cli("undo", gid, "--root", str(tmp_path)).exit_code == 0
    _run(tmp_path)
    assert _gpt3(_groups(tmp_path))["review_status"] == "open"
    assert cli("undo", gid, "--root", str(tmp_path)).exit_code == 2, "nothing left to undo"
    actions = [json.loads(line)["action"] for line in project_paths(tmp_path).reviews.read_text().splitlines()]
    assert actions == ["dismiss", "undo"], "append-only: the undo is a new line"


def test_split_takes_the_claim_out_and_the_rest_agrees(tmp_path):
    _run(tmp_path)
    gid = _gpt3(_groups(tmp_path))["group_id"]
    assert cli("split", gid, "003-001", "--root", str(tmp_path)).exit_code == 0
    _run(tmp_path)
    rows = _groups(tmp_path)
    rest = next(r for r in rows if set(r["members"]) == {"000-001", "000-007"})
    alone = next(r for r in rows if r["members"] == ["003-001"])
    assert rest["group_id"] == gid and rest["verdict"] == "agree"
    assert alone["verdict"] == "single" and alone["group_id"] != gid


def test_decision_whose_claims_vanished_is_stale_not_dropped(tmp_path):
    paths = project_paths(tmp_path)
    _run(tmp_path)
    gid = _gpt3(_groups(tmp_path))["group_id"]
    assert cli("accept", gid, "003-001", "--root", str(tmp_path)).exit_code == 0
    # article 003 was edited: its claims get new ids
    edited = [replace(c, claim_id="e-" + c.claim_id) if c.doc.startswith("003") else c for c in load_gold_claims()]
    rec = reconcile(edited, paths.reviews)
    assert [s.decision.claim for s in rec.stale] == ["003-001"]
    assert "no longer" in rec.stale[0].reason
    row = next(r for r in rec.groups.to_pylist() if "e-003-001" in r["members"])
    assert row["review_status"] == "open", "the new claims need a fresh look"
    _run(tmp_path, edited)
    res = cli("--root", str(tmp_path))
    assert "stale decision" in res.output and "003-001" in res.output
    assert len(load_decisions(paths.reviews)[0]) == 1, "the stale decision stays in the file"


def test_dismissed_conflict_reopens_when_a_new_claim_disagrees(tmp_path):
    paths = project_paths(tmp_path)
    claims = load_gold_claims()
    rec = reconcile(claims)
    row = _gpt3(rec.groups.to_pylist())
    append_decision(paths.reviews, "dismiss", row["group_id"], members=row["members"], reviewer="ana")
    assert _gpt3(reconcile(claims, paths.reviews).groups.to_pylist())["review_status"] == "dismissed"
    newcomer = replace(next(c for c in claims if c.claim_id == "000-007"), claim_id="new-1", doc="005.txt",
                       low=46e6, high=46e6, surface="$46M")
    again = _gpt3(reconcile(claims + [newcomer], paths.reviews).groups.to_pylist())
    assert again["review_status"] == "open" and again["review_note"].startswith("reopened")


def test_unreadable_decision_lines_are_reported_not_fatal(tmp_path):
    paths = project_paths(tmp_path)
    paths.reviews.parent.mkdir(parents=True)
    paths.reviews.write_text('{"action": "accept"\nnot json\n', encoding="utf-8")
    rec = reconcile(load_gold_claims(), paths.reviews)
    assert len(rec.problems) == 2
    assert _gpt3(rec.groups.to_pylist())["review_status"] == "open"


@pytest.mark.parametrize("args", [["accept", "gnope", "000-007"], ["dismiss", "gnope"]])
def test_unknown_group_is_a_usage_error(tmp_path, args):
    _run(tmp_path)
    res = cli(*args, "--root", str(tmp_path))
    assert res.exit_code == 2
    assert not project_paths(tmp_path).reviews.exists()
