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


# --- Sentence-level sets ------------------------------------------------------------
# Lines {"id", "text", "quantities": [{"low", "high", "unit", ...}]}, as in the devsets
# built from other extractors' test suites. Their unit names are the sources' own
# ("Dollar", "metre", "pound-mass", "dimensionless"), so a unit is compared by the *kind*
# of quantity it can name (currency, length, mass, ...), never by spelling: "Meter" and
# "metre" agree, "Pound" may be money or mass, "dimensionless" is a bare number or a count.

SENTENCE_TOLERANCE = 1e-5
# Currency names the gold sets use that the extractor has no word for ("Pound" may be
# money or mass: it gets both kinds).
GOLD_ONLY_CURRENCY_NAMES = {"pound", "sen"}


def _close(a, b) -> bool:
    return math.isclose(float(a), float(b), rel_tol=SENTENCE_TOLERANCE, abs_tol=1e-9)


def _ends(q: dict, stated: bool) -> tuple[float, float] | None:
    """A quantity's interval; a claim's value as stated ("3 days" -> 3) where it has one.
    One open end counts as the other ("over 5%" -> 5..5)."""
    lo = q.get("stated_low", q.get("low")) if stated else q.get("low")
    hi = q.get("stated_high", q.get("high")) if stated else q.get("high")
    if lo is None and hi is None:
        return None
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    return float(lo), float(hi)


def _pint_kind(name: str) -> str | None:
    """The kind of a physical unit name pint understands ("meter per millisecond" -> speed)."""
    import pint

    from claimflow.extract import units

    expr = name.replace(" per ", "/").replace("square ", "").replace("cubic ", "")
    try:
        dim = units.registry().parse_units(expr.replace(" ", "_")).dimensionality
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return None
    for kind, (_, ref) in units.CANONICAL.items():
        if ref and "square " not in name and "cubic " not in name \
                and units.registry().parse_units(ref).dimensionality == dim:
            return kind
    return None


def unit_name_kinds(name: str | None) -> frozenset[str]:
    """The kinds of quantity a gold unit name can denote (see `claims.unit_kind`)."""
    from claimflow.extract import patterns, units

    n = " ".join(str(name or "").lower().replace("_", " ").split())
    if n in ("", "dimensionless"):
        return frozenset({"number", "count"})
    if n in ("%", "percent", "percentage", "per cent"):
        return frozenset({"percent"})
    kinds: set[str] = set()
    head = n.split(" per ")[0]
    words = {w for _, pre, post in patterns.CURRENCIES.values() for w in pre + post}
    words |= {v[0] for v in patterns.CURRENCIES.values()} | set(patterns.MINOR_CURRENCIES)
    if {head, head + "s", head.rstrip("s"), head.split()[-1]} & (words | GOLD_ONLY_CURRENCY_NAMES):
        kinds.add("currency")
    for form in (n, n + "s", n.replace("-mass", "")):
        spec = units.lookup(form)
        if spec is not None:
            kinds.add(spec.kind)
            break
    else:
        kind = _pint_kind(n)
        if kind:
            kinds.add(kind)
    return frozenset(kinds or {"count"})


@dataclass
class SentenceScore:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def _prf(tp: int, fp: int, fn: int) -> SentenceScore:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return SentenceScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, tp, fp, fn)


def score_sentences(items: list[dict], preds: dict[str, list[dict]],
                    kinds: set[str] | None = None) -> dict[str, SentenceScore]:
    """{"value": ..., "value+kind": ...} over sentence items. Within an item, claims and
    gold quantities pair one to one, first fit: on *value* when both ends agree within
    1e-5 (relative), on *value+kind* when the claim's canonical unit is also of a kind
    the gold unit can name. `kinds` keeps only claims of those kinds (for a set that
    labels only currencies, say)."""
    from claimflow.claims import unit_kind

    out = {}
    for mode in ("value", "value+kind"):
        tp = fp = fn = 0
        for item in items:
            gold = [(_ends(q, stated=False), unit_name_kinds(q.get("unit"))) for q in item["quantities"]]
            claims = [c for c in preds.get(str(item["id"]), []) if kinds is None or unit_kind(c["unit"]) in kinds]
            claims = [(_ends(c, stated=True), unit_kind(c["unit"])) for c in claims]
            claims = [c for c in claims if c[0] is not None]
            used: set[int] = set()
            for value, kind in claims:
                for j, (gv, gk) in enumerate(gold):
                    if j not in used and gv is not None and _close(value[0], gv[0]) and _close(value[1], gv[1]) \
                            and (mode == "value" or kind in gk):
                        used.add(j)
                        break
            tp, fp, fn = tp + len(used), fp + len(claims) - len(used), fn + len(gold) - len(used)
        out[mode] = _prf(tp, fp, fn)
    return out
