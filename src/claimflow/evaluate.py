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
from functools import lru_cache
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
# Names the gold sets use for more than one kind.
AMBIGUOUS_GOLD_NAMES = {"pound": frozenset({"currency", "mass"}), "points": frozenset({"count", "points"}),
                        "point": frozenset({"count", "points"})}


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


def _claim_kind(unit_table_kind: str) -> str:
    """A unit-table kind as the claims name it (`claims.unit_kind` of its canonical unit):
    the table's "bit rate" is the claims' "bandwidth"."""
    from claimflow.claims import unit_kind
    from claimflow.extract import units

    canon = units.CANONICAL.get(unit_table_kind)
    return unit_kind(canon[0]) if canon else unit_table_kind


def _pint_kind(name: str) -> str | None:
    """The kind of a physical unit name pint understands ("meter per millisecond" -> speed)."""
    import pint

    from claimflow.extract import units

    if "square " in name or "cubic " in name:
        return None
    try:
        dim = units.registry().parse_units(name.replace(" per ", "/").replace(" ", "_")).dimensionality
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return None
    for kind, (_, ref) in units.CANONICAL.items():
        if ref and units.registry().parse_units(ref).dimensionality == dim:
            return _claim_kind(kind)
    return None


@lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    """Every currency word, symbol and name of the extractor's table, once per process."""
    from claimflow.extract import patterns

    words = {w for _, pre, post in patterns.CURRENCIES.values() for w in pre + post}
    words |= {v[0] for v in patterns.CURRENCIES.values()} | set(patterns.MINOR_CURRENCIES)
    return frozenset(words | GOLD_ONLY_CURRENCY_NAMES)


def unit_name_kinds(name: str | None) -> frozenset[str]:
    """The kinds of quantity a gold unit name can denote (as `claims.unit_kind` names them)."""
    from claimflow.extract import patterns, units

    raw = " ".join(str(name or "").replace("_", " ").split())
    n = raw.lower()
    if n in ("", "dimensionless"):
        return frozenset({"number", "count"})
    if n in ("%", "percent", "percentage", "per cent"):
        return frozenset({"percent"})
    if n in AMBIGUOUS_GOLD_NAMES:
        return AMBIGUOUS_GOLD_NAMES[n]
    head = n.split(" per ")[0].split("/")[0]
    if head.upper() in patterns.CURRENCIES or \
            {head, head + "s", head.rstrip("s"), head.split()[-1]} & _currency_words():
        return frozenset({"currency"})
    kinds: set[str] = set()
    for form, original in ((n, raw), (n + "s", raw + "s"), (n.replace("-mass", ""), raw)):
        spec = units.lookup(form, original)
        if spec is not None:
            kinds.add(_claim_kind(spec.kind))
            break
    else:
        kind = _pint_kind(n)
        if kind:
            kinds.add(kind)
    if not kinds and ("/" in n or " per " in n):
        kinds.add("rate")
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
                    kinds: set[str] | None = None, canonical_too: bool = False) -> dict[str, SentenceScore]:
    """{"value": ..., "value+kind": ...} over sentence items. Within an item, claims and
    gold quantities pair one to one, first fit: on *value* when both ends agree within
    1e-5 (relative), on *value+kind* when the claim's canonical unit is also of a kind
    the gold unit can name. `kinds` keeps only claims of those kinds (for a set that
    labels only currencies, say). A gold quantity may list `alternatives` (other
    acceptable intervals) and be `optional` (matched: no true positive and no false one;
    missed: no miss). `canonical_too` also accepts a claim's canonical interval (for sets
    labelled in a unit of their own choosing)."""
    from claimflow.claims import unit_kind

    out = {}
    for mode in ("value", "value+kind"):
        tp = fp = fn = 0
        for item in items:
            gold = sorted(item["quantities"], key=lambda q: bool(q.get("optional")))  # required first
            gold = [([_ends(q, stated=False)] + [_ends({"low": a, "high": b}, stated=False)
                                                  for a, b in q.get("alternatives", ())],
                     unit_name_kinds(q.get("unit")) if q.get("unit") is not None else None, bool(q.get("optional")))
                    for q in gold]
            claims = [c for c in preds.get(str(item["id"]), []) if kinds is None or unit_kind(c["unit"]) in kinds]
            claims = [([_ends(c, stated=True)] + ([_ends(c, stated=False)] if canonical_too else []), unit_kind(c["unit"]))
                      for c in claims]
            claims = [c for c in claims if c[0][0] is not None]
            used: set[int] = set()
            optional_hits = 0
            for values, kind in claims:
                for j, (intervals, gk, _) in enumerate(gold):
                    if j in used or (mode != "value" and gk is not None and kind not in gk):
                        continue
                    if any(v is not None and g is not None and _close(v[0], g[0]) and _close(v[1], g[1])
                           for v in values for g in intervals):
                        used.add(j)
                        optional_hits += gold[j][2]
                        break
            required = sum(1 for g in gold if not g[2])
            hits = len(used) - optional_hits
            tp, fp, fn = tp + hits, fp + len(claims) - len(used), fn + required - hits
        out[mode] = _prf(tp, fp, fn)
    return out
