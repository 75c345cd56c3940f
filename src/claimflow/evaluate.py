"""Scoring claims against hand-labelled gold (the project's own evaluation code).

Gold lines carry doc, start, end, low, high, unit, qualifier, subject, metric and an
`optional` flag. A prediction *matches* a gold claim of the same document when their
spans overlap and low/high/unit agree (relative tolerance 1e-6, None equals None only).
Optional gold claims never count as misses and, when matched, not as false positives.
Subject and metric are right when rapidfuzz's token-set similarity is at least 80.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-12)


def _overlap(p: dict, g: dict) -> bool:
    return p["doc"] == g["doc"] and p["start"] < g["end"] and g["start"] < p["end"]


def _value_match(p: dict, g: dict) -> bool:
    return _overlap(p, g) and _same(p.get("low"), g.get("low")) and _same(p.get("high"), g.get("high")) \
        and (p.get("unit") or "") == (g.get("unit") or "")


@dataclass
class Score:
    precision: float
    recall: float
    subject: float
    metric: float
    qualifier: float
    matched: int
    misses: list[dict]
    extras: list[dict]


def match_gold(preds: list[dict], gold: list[dict]) -> dict[int, int]:
    """Pairs predictions with gold claims one to one: {prediction index: gold index}, the
    first unused gold claim whose span overlaps and whose value and unit agree."""
    taken: dict[int, int] = {}
    used: set[int] = set()
    for pi, p in enumerate(preds):
        for gi, g in enumerate(gold):
            if gi not in used and _value_match(p, g):
                taken[pi] = gi
                used.add(gi)
                break
    return taken


def score(preds: list[dict], gold: list[dict]) -> Score:
    docs = {g["doc"] for g in gold}
    preds = [p for p in preds if p["doc"] in docs]
    taken = match_gold(preds, gold)
    optional = {gi for gi, g in enumerate(gold) if g.get("optional")}
    tp = sum(1 for gi in taken.values() if gi not in optional)
    fp = len(preds) - len(taken)
    fn = len(gold) - len(optional) - tp
    sim = lambda a, b: fuzz.token_set_ratio(a or "", b or "", processor=str.lower) >= 80  # noqa: E731
    n = max(len(taken), 1)
    subj = sum(sim(preds[p]["subject"], gold[g]["subject"]) for p, g in taken.items()) / n
    metr = sum(sim(preds[p]["metric"], gold[g]["metric"]) for p, g in taken.items()) / n
    qual = sum((preds[p].get("qualifier") or "=") == (gold[g].get("qualifier") or "=") for p, g in taken.items()) / n
    matched_gold = set(taken.values())
    return Score(
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        subject=subj, metric=metr, qualifier=qual, matched=len(taken),
        misses=[g for gi, g in enumerate(gold) if gi not in optional and gi not in matched_gold],
        extras=[p for pi, p in enumerate(preds) if pi not in taken],
    )
