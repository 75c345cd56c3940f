"""Reviewers' decisions: an append-only JSON-lines file owned by people, not by runs.

Default location: ``reviews/decisions.jsonl`` (`ProjectPaths.reviews`), outside
``processed/``, so deleting every output loses no decision. A run only *reads* it.

One line per decision::

    {"time": "2024-05-01T10:00:00+00:00", "action": "accept", "group": "g1a2b...",
     "claim": "9f0c...", "note": "the paper says 4.6M", "reviewer": "ana",
     "members": ["9f0c...", "77aa...", ...]}

Actions: ``accept`` (GROUP, CLAIM: this value is right), ``split`` (GROUP, CLAIM: not
the same fact; the claim leaves the group), ``dismiss`` (GROUP: known, fine), ``undo``
(GROUP [CLAIM]: withdraw the latest still-active decision on it). ``members`` are the
group's claim ids when the decision was taken: decisions are keyed by stable claim ids,
the group id is only a hint. A decision whose claims are all gone (article edited or
removed) is *stale*: reported, kept in the file, never silently dropped.
"""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock

ACTIONS = ("accept", "split", "dismiss", "undo")


@dataclass
class Decision:
    action: str
    group: str
    claim: str | None = None
    note: str = ""
    reviewer: str = ""
    time: str = ""
    members: list[str] = field(default_factory=list)
    undoes: str | None = None  # undo only: the action it withdraws
    line: int = 0  # position in the file (1-based), for messages; not written

    def to_json(self) -> str:
        d = asdict(self)
        d.pop("line")
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    def describe(self) -> str:
        what = f"{self.action} {self.group}" + (f" {self.claim}" if self.claim else "")
        who = f" by {self.reviewer}" if self.reviewer else ""
        return f"{what}{who} at {self.time}" + (f" ({self.note})" if self.note else "")


@dataclass
class StaleDecision:
    decision: Decision
    reason: str

    def to_dict(self) -> dict:
        return {"reason": self.reason, **json.loads(self.decision.to_json()), "line": self.decision.line}


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers without passwd entries)
        return os.environ.get("USER", "")


def append_decision(path: Path, action: str, group: str, claim: str | None = None, note: str = "",
                    members: list[str] | None = None, reviewer: str | None = None,
                    undoes: str | None = None) -> Decision:
    """Append one decision (never rewrites earlier lines)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}")
    if action in ("accept", "split") and not claim:
        raise ValueError(f"{action} needs a claim id")
    decision = Decision(
        action=action, group=group, claim=claim or None, note=note or "",
        reviewer=_reviewer() if reviewer is None else reviewer,
        time=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        members=sorted(members or []), undoes=undoes if action == "undo" else None,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(decision.to_json() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    return decision


def load_decisions(path: Path | None) -> tuple[list[Decision], list[str]]:
    """All decisions in file order, and one message per unreadable line (kept, skipped)."""
    if path is None or not Path(path).exists():
        return [], []
    decisions, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if row.get("action") not in ACTIONS or not row.get("group"):
                    raise ValueError("needs an action in " + "/".join(ACTIONS) + " and a group")
                decisions.append(Decision(
                    action=row["action"], group=str(row["group"]), claim=row.get("claim") or None,
                    note=row.get("note") or "", reviewer=row.get("reviewer") or "",
                    time=row.get("time") or "", members=list(row.get("members") or []),
                    undoes=row.get("undoes") or None, line=n,
                ))
            except (json.JSONDecodeError, ValueError, TypeError, AttributeError) as exc:
                problems.append(f"{path}:{n}: unreadable decision ignored ({exc})")
    return decisions, problems


def active_decisions(decisions: list[Decision]) -> list[Decision]:
    """Replay the log: each ``undo`` withdraws the latest still-active decision on the
    same group (and claim, when given). When several accept/dismiss decisions apply to
    one group, the newest wins (undoing it brings the previous one back)."""
    active: list[Decision] = []
    for d in decisions:
        if d.action == "undo":
            for k in range(len(active) - 1, -1, -1):
                a = active[k]
                if (a.group == d.group and (d.claim is None or a.claim == d.claim)
                        and (d.undoes is None or a.action == d.undoes)):
                    del active[k]
                    break
            continue
        active.append(d)
    return active


# --- what the `claimflow review` commands need ---------------------------------------

class ReviewError(Exception):
    """A reviewer's command cannot be carried out; str is the one-line reason."""


def current_state(paths):
    """Reconcile the claims of the last run (processed/claims.parquet) with the decisions
    file as it is now, so a decision just recorded shows at once. Nothing is written."""
    import pyarrow.parquet as pq

    from claimflow.claims import Claim
    from claimflow.reconcile import reconcile

    table_path = paths.processed / "claims.parquet"
    if not table_path.exists():
        raise ReviewError(f"no {table_path}: run `claimflow run` first")
    claims = [Claim.from_dict(row) for row in pq.read_table(table_path).to_pylist()]
    return reconcile(claims, paths.reviews)


def _unique(prefix: str, candidates: list[str], what: str) -> str:
    exact = [c for c in candidates if c == prefix]
    if exact:
        return exact[0]
    hits = sorted({c for c in candidates if c.startswith(prefix)})
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ReviewError(f"no {what} {prefix!r}")
    raise ReviewError(f"{what} {prefix!r} is ambiguous: {', '.join(hits[:5])}{' ...' if len(hits) > 5 else ''}")


def find_group(reconciled, group: str) -> dict:
    """The group row whose id is GROUP (or starts with it, when unique)."""
    rows = reconciled.groups.to_pylist()
    gid = _unique(group, [r["group_id"] for r in rows], "group")
    return next(r for r in rows if r["group_id"] == gid)


def find_member(row: dict, claim: str) -> str:
    try:
        return _unique(claim, row["members"], "claim")
    except ReviewError as exc:
        raise ReviewError(f"{exc} in group {row['group_id']} (members: {', '.join(row['members'])})") from None


def decisions_on(reconciled, row: dict, decisions: list[Decision], claim: str | None = None) -> list[Decision]:
    """Active decisions that bear on this group now: recorded against its id, or about
    one of its claims."""
    members = set(row["members"])
    out = []
    for d in active_decisions(decisions):
        if claim and d.claim != claim:
            continue
        if d.group == row["group_id"] or (d.claim and d.claim in members) or (
                d.action == "dismiss" and members & set(d.members)):
            out.append(d)
    return out
