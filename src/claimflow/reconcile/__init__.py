"""Reconciliation: group claims stating the same fact, judge each group, apply reviews.

    from claimflow.reconcile import reconcile, GROUP_SCHEMA
    rec = reconcile(claims, decisions_path=paths.reviews)
    rec.claims        # copies of the claims with group_id and verdict set
    rec.groups        # pa.Table with GROUP_SCHEMA, one row per group (singletons too)
    rec.stale         # decisions whose claims vanished (claimflow.review.StaleDecision)

Every claim gets a group: a claim that matches nothing is its own group with verdict
"single" (so ``group_id`` is never null and a reviewer's ``split`` has somewhere to
go). Group ids are ``"g"`` + 12 hex digits of the SHA-1 of the group's key (normalised
subject | metric | period | unit of the variant most members use), so they are the same
on every run that sees the same facts, whatever the row order.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import pyarrow as pa

from claimflow.claims import Claim, claims_to_table
from claimflow.reconcile.grouping import group_keys
from claimflow.reconcile.keys import ClaimKey, claim_key, veto_reason
from claimflow.reconcile.verdict import Verdict, effective_interval, judge
from claimflow.review import Decision, StaleDecision, active_decisions, load_decisions

__all__ = ["reconcile", "Reconciled", "GROUP_SCHEMA", "claim_key", "veto_reason", "judge", "group_id_for"]

GROUP_SCHEMA = pa.schema(
    [
        pa.field("group_id", pa.string(), nullable=False),
        pa.field("key", pa.string(), nullable=False),
        pa.field("subject", pa.string()),
        pa.field("metric", pa.string()),
        pa.field("period", pa.string()),
        pa.field("unit", pa.string()),
        pa.field("n_claims", pa.int64(), nullable=False),
        pa.field("members", pa.list_(pa.string()), nullable=False),
        pa.field("documents", pa.list_(pa.string()), nullable=False),
        pa.field("low", pa.float64()),
        pa.field("high", pa.float64()),
        pa.field("verdict", pa.string(), nullable=False),  # agree | conflict | single
        pa.field("reason", pa.string()),
        pa.field("gap_ratio", pa.float64()),
        pa.field("scale_slip", pa.float64()),
        # "open" (conflict awaiting review), "accepted", "dismissed", or "" (nothing to review)
        pa.field("review_status", pa.string(), nullable=False),
        pa.field("accepted_claim", pa.string()),
        pa.field("review_note", pa.string()),
    ]
)


def group_id_for(key: str) -> str:
    return "g" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass
class Reconciled:
    claims: list[Claim]
    groups: pa.Table
    stale: list[StaleDecision] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # unreadable decision lines

    def claims_table(self) -> pa.Table:
        return claims_to_table(self.claims)

    def open_conflicts(self) -> list[dict]:
        return [g for g in self.groups.to_pylist() if g["verdict"] == "conflict" and g["review_status"] == "open"]


def _representative(keys: list[ClaimKey], claims: list[Claim]) -> tuple[str, Claim]:
    counts = Counter(k.text() for k in keys)
    key = min(counts, key=lambda t: (-counts[t], t))
    first = min((c for k, c in zip(keys, claims) if k.text() == key), key=lambda c: c.claim_id)
    return key, first


def _keep_apart(groups: list[list[int]], claims: list[Claim]) -> list[list[int]]:
    """Claims that never state the same fact stand alone: a claim with no subject (an
    empty subject is no identity), and a second claim from a sentence that already has
    one in the group (a sentence does not restate its own figure: "fined £5m and ordered
    to pay costs of £250,000"). The same sentence *text* elsewhere in the article (a
    repeated list item) is another statement and may join."""
    out: list[list[int]] = []
    for members in groups:
        if len(members) < 2:
            out.append(members)
            continue
        kept: list[int] = []
        alone: list[list[int]] = []
        for i in members:
            c = claims[i]
            if not (c.subject or "").strip() or any(_same_sentence(c, claims[k]) for k in kept):
                alone.append([i])
            else:
                kept.append(i)
        out += _by_document_unless_named(kept, claims) + alone
    return out


def _by_document_unless_named(members: list[int], claims: list[Claim]) -> list[list[int]]:
    """A subject that is one common noun ("company", "group") points back to a name in
    its own article: two articles' "company" are not the same company. So does a subject
    that is the measure itself ("Unemployment rose to 4.1%": whose unemployment the
    article says elsewhere). Such claims join only claims of their own article."""
    if not members:
        return []
    common = [i for i in members if _common_noun(claims[i].subject) or _measure_as_subject(claims[i])]
    if not common or len({claims[i].doc for i in members}) == 1:
        return [members]
    named = [i for i in members if i not in common]
    home = claims[named[0]].doc if named else claims[members[0]].doc
    by_doc: dict[str, list[int]] = {}
    for i in common:
        if claims[i].doc != home:
            by_doc.setdefault(claims[i].doc, []).append(i)
    stay = [i for i in members if claims[i].doc == home or i in named]
    return [stay] + list(by_doc.values())


# What the extractor writes when the text names no measure (a bare "$5M", "3 days"):
# a repeated figure may share it, but two different figures under it are no conflict.
GENERIC_METRICS = frozenset({"cost", "time", "length", "value", "size", "share", "factor", "energy", "power",
                             "mass", "volume", "area", "speed", "temperature", "frequency", "change", "price"})


def _agree_unless_named(groups: list[list[int]], claims: list[Claim]) -> list[list[int]]:
    """A group held together only by a generic metric ("Lendry | cost": $140M raised, a
    $2.1B valuation, a $48,000 loan) is split by value instead of reported as a
    conflict: equal figures stay together, different ones stand apart. A conflict needs
    a named measure on at least one side ("Training GPT-3 | cost" joins "GPT-3 |
    training cost")."""
    out: list[list[int]] = []
    for members in groups:
        if len(members) < 2 or not all((claims[i].metric or "").lower() in GENERIC_METRICS for i in members) \
                or judge([claims[i] for i in members]).verdict != "conflict":
            out.append(members)
            continue
        by_value: dict[tuple, list[int]] = {}
        for i in members:
            by_value.setdefault((claims[i].low, claims[i].high), []).append(i)
        out.extend(by_value.values())
    return out


def _common_noun(subject: str) -> bool:
    words = subject.split()
    return len(words) == 1 and words[0].isalpha() and words[0].islower()


def _measure_as_subject(c: Claim) -> bool:
    subject, metric = (c.subject or "").strip().lower(), (c.metric or "").strip().lower()
    return bool(subject) and subject == metric


def _same_sentence(a: Claim, b: Claim) -> bool:
    return bool(a.sentence) and a.doc == b.doc and a.sentence == b.sentence and abs(a.start - b.start) < len(a.sentence)


def reconcile(claims: Sequence[Claim], decisions_path: Path | None = None) -> Reconciled:
    """Group, apply reviewers' splits, judge, apply accept/dismiss. Pure: reads the
    decisions file, writes nothing; the input claims are not modified."""
    claims = [replace(c) for c in claims]
    keys = [claim_key(c.subject, c.metric, c.period, c.unit) for c in claims]
    groups = _agree_unless_named(_keep_apart(group_keys(keys), claims), claims)

    decisions, problems = load_decisions(decisions_path)
    active = active_decisions(decisions)
    index_of = {c.claim_id: i for i, c in enumerate(claims)}
    stale: list[StaleDecision] = []

    # 1. splits: the claim leaves whatever group it is in and stands alone.
    split_out: set[int] = set()
    for d in active:
        if d.action != "split":
            continue
        i = index_of.get(d.claim or "")
        if i is None:
            stale.append(StaleDecision(d, "the split claim is no longer in any article"))
        else:
            split_out.add(i)
    if split_out:
        kept = [[i for i in g if i not in split_out] for g in groups]
        groups = [g for g in kept if g] + [[i] for i in sorted(split_out)]

    # 2. ids and verdicts
    rows: list[dict] = []
    group_of: dict[int, int] = {}
    seen_ids: set[str] = set()
    verdicts: list[Verdict] = []
    for gi, members in enumerate(groups):
        gclaims = [claims[i] for i in members]
        key, rep = _representative([keys[i] for i in members], gclaims)
        if len(members) == 1 and members[0] in split_out:
            key = f"{key}|split:{rep.claim_id}"
        gid = group_id_for(key)
        if gid in seen_ids:  # cannot happen for distinct keys; never emit a duplicate id
            key = f"{key}|{min(c.claim_id for c in gclaims)}"
            gid = group_id_for(key)
        seen_ids.add(gid)
        v = judge(gclaims)
        verdicts.append(v)
        for i in members:
            group_of[i] = gi
            claims[i].group_id = gid
            claims[i].verdict = v.verdict
        rows.append({
            "group_id": gid, "key": key, "subject": rep.subject, "metric": rep.metric,
            "period": rep.period, "unit": rep.unit, "n_claims": len(members),
            "members": sorted(c.claim_id for c in gclaims),
            "documents": sorted({c.doc for c in gclaims}),
            "low": v.low, "high": v.high, "verdict": v.verdict, "reason": v.reason,
            "gap_ratio": v.gap_ratio, "scale_slip": v.scale_slip,
            "review_status": "open" if v.verdict == "conflict" else "",
            "accepted_claim": None, "review_note": None,
        })

    # 3. accept / dismiss: resolved through claim ids; newest decision per group wins.
    by_id = {r["group_id"]: gi for gi, r in enumerate(rows)}
    applied: dict[int, Decision] = {}
    for d in active:
        if d.action not in ("accept", "dismiss"):
            continue
        gi, why = _resolve(d, index_of, group_of, by_id)
        if gi is None:
            stale.append(StaleDecision(d, why))
        else:
            applied[gi] = d
    for gi, d in applied.items():
        row = rows[gi]
        new = [claims[i] for i in groups[gi] if d.members and claims[i].claim_id not in d.members]
        reopened = _contradicting_newcomers(d, [claims[i] for i in groups[gi]], new, index_of, claims)
        who = f"{d.action}ed" if d.action == "dismiss" else "accepted"
        note = f"{who} by {d.reviewer or 'a reviewer'} on {d.time[:10]}" + (f": {d.note}" if d.note else "")
        if reopened:
            row["review_status"] = "open"
            row["review_note"] = (f"reopened: {len(reopened)} new claim(s) disagree since it was {note}")
        else:
            row["review_status"] = "accepted" if d.action == "accept" else "dismissed"
            row["review_note"] = note
        if d.action == "accept":
            row["accepted_claim"] = d.claim

    table = pa.Table.from_pylist(rows, schema=GROUP_SCHEMA)
    return Reconciled(claims=claims, groups=table, stale=stale, problems=problems)


def _resolve(d: Decision, index_of: dict[str, int], group_of: dict[int, int],
             by_id: dict[str, int]) -> tuple[int | None, str]:
    if d.action == "accept":
        i = index_of.get(d.claim or "")
        if i is None:
            return None, "the accepted claim is no longer in any article"
        return group_of[i], ""
    live = [index_of[m] for m in d.members if m in index_of]
    if d.members and not live:
        return None, "none of the dismissed group's claims is in any article now"
    if not live:
        gi = by_id.get(d.group)
        return (gi, "") if gi is not None else (None, "the group no longer exists")
    votes = Counter(group_of[i] for i in live)
    best = max(votes.values())
    tied = sorted(g for g, n in votes.items() if n == best)
    return (by_id[d.group] if by_id.get(d.group) in tied else tied[0]), ""


def _contradicting_newcomers(d: Decision, members: list[Claim], new: list[Claim],
                             index_of: dict[str, int], claims: list[Claim]) -> list[Claim]:
    """Claims that joined the group after the decision and disagree with it: with the
    accepted claim (accept), or with any other member (dismiss)."""
    if not new:
        return []
    if d.action == "accept":
        ref = [claims[index_of[d.claim]]]
    else:
        ref = members
    out = []
    for c in new:
        iv = effective_interval(c)
        if any(r is not c and not iv.overlaps(effective_interval(r)) for r in ref):
            out.append(c)
    return out
