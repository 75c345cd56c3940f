"""Verdict of a group of claims from their value intervals.

Each claim's canonical interval is [low, high]; None is an open end ("$100M+" has no
high, "under 700 million" has no low). Rules:

* ``~`` (approximately) widens the interval by ``APPROX_TOLERANCE`` (10 %) each side;
* ``>=``/``>`` with a single value opens the high end, ``<=``/``<`` the low end (the
  extractor usually does this already; a stated range keeps its bounds);
* bounds are inclusive, so touching intervals agree ("$10B+" and "~$10B");
* a group *agrees* when all intervals share a point (for intervals on a line that is
  the same as "every pair overlaps"), otherwise it is a *conflict*.

A conflict records the gap between the highest low and the lowest high as a ratio,
and flags a likely scale slip when that ratio is within a factor of
``SCALE_SLIP_WINDOW`` of 10^3, 10^6 or 10^9 (a "thousand" read as a "million").
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from claimflow.claims import Claim

APPROX_TOLERANCE = 0.10
SCALE_SLIPS = (1e3, 1e6, 1e9)
SCALE_SLIP_WINDOW = 1.6


@dataclass(frozen=True)
class Interval:
    low: float | None
    high: float | None

    def overlaps(self, other: "Interval") -> bool:
        lo = max_low(self.low, other.low)
        hi = min_high(self.high, other.high)
        return lo is None or hi is None or lo <= hi


def max_low(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def min_high(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def stated_interval(claim: Claim) -> Interval:
    """The claim's interval with open ends implied by its qualifier."""
    low, high = claim.low, claim.high
    q = claim.qualifier or "="
    if q in (">=", ">") and low is not None and (high is None or high == low):
        high = None
    elif q in ("<=", "<") and high is not None and (low is None or low == high):
        low = None
    return Interval(low, high)


def effective_interval(claim: Claim, tolerance: float = APPROX_TOLERANCE) -> Interval:
    """The interval used for judging: the stated one, widened for "~"."""
    iv = stated_interval(claim)
    if (claim.qualifier or "=") != "~":
        return iv
    low = None if iv.low is None else iv.low - abs(iv.low) * tolerance
    high = None if iv.high is None else iv.high + abs(iv.high) * tolerance
    return Interval(low, high)


@dataclass(frozen=True)
class Verdict:
    verdict: str  # "agree" | "conflict" | "single"
    reason: str
    low: float | None  # span of the group's stated intervals (None = open)
    high: float | None
    gap_ratio: float | None = None  # conflict: highest low / lowest high (>1)
    scale_slip: float | None = None  # 1e3, 1e6 or 1e9 when the gap looks like one
    below: tuple[int, ...] = ()  # conflict: indexes of the claims on the low side
    above: tuple[int, ...] = ()  # ... and on the high side


# --- words -----------------------------------------------------------------------

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_TIME = ((31557600.0, "year"), (2629800.0, "month"), (604800.0, "week"), (86400.0, "day"),
         (3600.0, "hour"), (60.0, "minute"), (1.0, "second"))
_SI = ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))


def _num(x: float) -> str:
    return f"{x:.3g}" if abs(x) < 1e15 else f"{x:.2e}"


def _compact(x: float) -> str:
    for scale, suffix in _SCALES:
        if abs(x) >= scale:
            return f"{_num(x / scale)}{suffix}"
    return _num(x)


def format_value(x: float, unit: str) -> str:
    """A canonical value the way an article would write it: "$4.6M", "300B tokens",
    "3 months", "350 GB", "40%"."""
    unit = unit or ""
    if unit == "USD":
        return ("-" if x < 0 else "") + "$" + _compact(abs(x))
    if len(unit) == 3 and unit.isupper():
        return f"{_compact(x)} {unit}"
    if unit in ("%", "x"):
        return f"{_num(x)}{unit}"
    if unit == "s":
        for size, name in _TIME:
            if abs(x) >= size:
                v = x / size
                return f"{_num(v)} {name}{'' if v == 1 else 's'}"
        return f"{_num(x)} seconds"
    if unit in ("bytes", "Wh", "W", "J", "Hz", "bytes/s", "bits/s"):
        prefixes = {"bytes": "B", "bytes/s": "B/s", "bits/s": "bit/s"}
        base = prefixes.get(unit, unit)
        for scale, p in _SI:
            if abs(x) >= scale:
                return f"{_num(x / scale)} {p}{base}"
        return f"{_num(x)} {base}"
    return f"{_compact(x)} {unit}".strip()


def describe_interval(iv: Interval, unit: str, qualifier: str = "=") -> str:
    approx = "~" if qualifier == "~" else ""
    if iv.low is None and iv.high is None:
        return "any value"
    if iv.high is None:
        return f"{approx}{format_value(iv.low, unit)}+"
    if iv.low is None:
        return f"{'under' if qualifier == '<' else 'up to'} {format_value(iv.high, unit)}"
    if iv.low == iv.high:
        return f"{approx}{format_value(iv.low, unit)}"
    return f"{approx}{format_value(iv.low, unit)}–{format_value(iv.high, unit)}"


def describe_claim(claim: Claim) -> str:
    return describe_interval(stated_interval(claim), claim.unit, claim.qualifier or "=")


def _kind(iv: Interval) -> str:
    if iv.low is not None and iv.high is not None and iv.low != iv.high:
        return "range"
    return "figure"


# --- the verdict ---------------------------------------------------------------------

def _clusters(intervals: list[Interval]) -> list[list[int]]:
    """Indexes grouped, in value order, into runs of intervals with a common point."""
    order = sorted(range(len(intervals)), key=lambda i: (
        intervals[i].low if intervals[i].low is not None else -math.inf,
        intervals[i].high if intervals[i].high is not None else math.inf))
    clusters: list[list[int]] = []
    ceiling = -math.inf
    for i in order:
        iv = intervals[i]
        low = iv.low if iv.low is not None else -math.inf
        high = iv.high if iv.high is not None else math.inf
        if clusters and low <= ceiling:
            clusters[-1].append(i)
            ceiling = min(ceiling, high)
        else:
            clusters.append([i])
            ceiling = high
    return clusters


def judge(claims: Sequence[Claim]) -> Verdict:
    """Agree / conflict / single for the claims of one group, with the reason in words."""
    stated = [stated_interval(c) for c in claims]
    span_low = None if any(iv.low is None for iv in stated) else min(iv.low for iv in stated)
    span_high = None if any(iv.high is None for iv in stated) else max(iv.high for iv in stated)
    unit = claims[0].unit if claims else ""
    if len(claims) < 2:
        return Verdict("single", "one claim, nothing to compare", span_low, span_high)

    eff = [effective_interval(c) for c in claims]
    lows = [(iv.low, i) for i, iv in enumerate(eff) if iv.low is not None]
    highs = [(iv.high, i) for i, iv in enumerate(eff) if iv.high is not None]
    top_low = max(lows)[0] if lows else None
    bottom_high = min(highs)[0] if highs else None
    if top_low is None or bottom_high is None or top_low <= bottom_high:
        who = "both claims" if len(claims) == 2 else f"all {len(claims)} claims"
        s_lows = [iv.low for iv in stated if iv.low is not None]
        s_highs = [iv.high for iv in stated if iv.high is not None]
        common = Interval(max(s_lows) if s_lows else None, min(s_highs) if s_highs else None)
        if common.low is None and common.high is None:
            return Verdict("agree", f"{who} are open-ended and compatible", span_low, span_high)
        if common.low is not None and common.high is not None and common.low > common.high:
            return Verdict("agree", f"{who} agree within the ±{APPROX_TOLERANCE:.0%} allowed for '~'",
                           span_low, span_high)
        return Verdict("agree", f"{who} agree on {describe_interval(common, unit)}", span_low, span_high)

    # Disjoint. Sweep the intervals by their low end into clusters that each share a
    # point; the first cluster is "below", the last "above".
    clusters = _clusters(eff)
    below, above = tuple(clusters[0]), tuple(clusters[-1])
    lo_claim = claims[min(highs)[1]]
    hi_claim = claims[max(lows)[1]]
    lo_iv, hi_iv = stated_interval(lo_claim), stated_interval(hi_claim)
    a, b = lo_iv.high, hi_iv.low  # the gap runs from a (low side) up to b (high side)
    ratio = None
    slip = None
    if a is not None and b is not None and a > 0 and b > 0:
        ratio = b / a
        gap = f"by {ratio:.2g}x" if ratio < 10 else f"by {ratio:,.0f}x"
        for s in SCALE_SLIPS:
            if abs(math.log10(ratio) - math.log10(s)) <= math.log10(SCALE_SLIP_WINDOW):
                slip = s
    else:
        gap = f"by {format_value((b or 0) - (a or 0), unit)}"
    reason = (f"{describe_claim(lo_claim)} is below the {describe_claim(hi_claim)} "
              f"{_kind(hi_iv)} {gap}")
    if len(clusters) > 2:
        reason += f" ({len(clusters)} incompatible values among {len(claims)} claims)"
    elif len(claims) > 2:
        reason += f" ({len(below)} claim{'s' if len(below) != 1 else ''} vs {len(above)})"
    if slip:
        reason += f"; likely a scale slip (x{slip:,.0f})"
    return Verdict("conflict", reason, span_low, span_high, ratio, slip, below, above)
