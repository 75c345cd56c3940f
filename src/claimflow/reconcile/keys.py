"""Normalised keys for reconciliation: subject, metric, period, unit dimension.

Two claims can state the same fact only if they share a *block*: the same unit
dimension, the same period key, the same metric head noun and the same numbers inside
the subject. Fuzzy scoring (grouping.py) only ever runs inside a block, so the
numeric-identity veto ("GPT-3" vs "GPT-4", "Llama 2 70B" vs "7B", "by 2027" vs "by
2028") is enforced by construction *and* re-checked on every candidate link
(`veto_reason`).

Vocabularies are data (the frozensets and tables below), kept apart from the code.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimflow.claims import CANONICAL_UNITS

# Words that carry no identity in a subject or metric: articles, conjunctions,
# prepositions, and the "segment"/"market" suffixes reports glue onto names.
STOPWORDS = frozenset(
    """a an the of and or & for in on at to by from with per via vs versus
    its their this that these those""".split()
)
GENERIC_SUBJECT_WORDS = frozenset(
    "segment segments market markets sector sectors industry industries space category".split()
)
# Rate words a metric loses when the period already says them
# ("quarterly revenue" per quarter == "revenue" per quarter).
PERIOD_WORDS = frozenset("quarterly annual annualized annualised yearly monthly weekly daily".split())
# A metric's head noun is the last word before the first of these.
METRIC_PREPOSITIONS = frozenset("of in for from per on at to since with by over during among across".split())

# Period vocabularies.
_PERIOD_RATES = (
    (re.compile(r"\b(per|a|each|every)\s+quarter\b|\bquarterly\b|/\s*q(uarter)?\b"), "per-quarter"),
    (re.compile(r"\b(per|a|each|every)\s+(year|annum)\b|\bannual(ly|i[sz]ed)?\b|\byearly\b|/\s*y(ea)?r\b|\byoy\b"), "per-year"),
    (re.compile(r"\b(per|a|each|every)\s+month\b|\bmonthly\b|/\s*mo(nth)?\b"), "per-month"),
    (re.compile(r"\b(per|a|each|every)\s+week\b|\bweekly\b"), "per-week"),
    (re.compile(r"\b(per|a|each|every)\s+day\b|\bdaily\b|/\s*day\b"), "per-day"),
)
_PERIOD_NOW = re.compile(r"^(current(ly)?|today|now|at present|presently|as of now|this year)$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_QUARTER = re.compile(r"\bq([1-4])\b|\b(first|second|third|fourth)\s+quarter\b")
_HALF = re.compile(r"\bh([12])\b|\b(first|second)\s+half\b")
_ORD = {"first": "1", "second": "2", "third": "3", "fourth": "4"}

# Tokens: runs of letters, or a number with its attached letters ("70b", "4o", "3.5").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[a-z]*|[a-z]+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"['’]s\b", "", text)


def singular(word: str) -> str:
    """Crude English singular, applied the same way to both sides of a comparison."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ss", "us")) or (word.endswith("is") and len(word) > 4):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def tokens(text: str | None) -> tuple[str, ...]:
    """Lower-cased, accent-folded, singular tokens without stopwords.

    Numbers are split from letters *before* them ("GPT-3" and "GPT3" both give
    ("gpt", "3")) but keep letters glued *after* them ("70B" -> "70b", "4o" -> "4o"),
    because those letters are part of a model's identity.
    """
    raw = _TOKEN.findall(_fold(text or "").replace(",", ""))
    return tuple(singular(t) for t in raw if t not in STOPWORDS)


def numbers_in(toks: tuple[str, ...]) -> tuple[str, ...]:
    """The numeric identity of a name: every token that starts with a digit, sorted."""
    return tuple(sorted(t for t in toks if t[0].isdigit()))


def subject_tokens(subject: str | None) -> tuple[str, ...]:
    toks = tokens(subject)
    kept = tuple(t for t in toks if t not in GENERIC_SUBJECT_WORDS)
    return kept or toks


def metric_tokens(metric: str | None) -> tuple[str, ...]:
    # Parenthesised asides ("model size (use case)") do not change the metric.
    return tokens(re.sub(r"\([^)]*\)", " ", metric or ""))


def metric_head(metric: str | None) -> str:
    """The head noun of a metric phrase: "training cost" -> "cost", "share of memory" ->
    "share", "investment in OpenAI" -> "investment". Used as a blocking key, so claims
    whose metrics cannot be the same ("cost" vs "speedup") are never compared."""
    words = _TOKEN.findall(_fold(re.sub(r"\([^)]*\)", " ", metric or "")))
    head: list[str] = []
    for w in words:
        if w in METRIC_PREPOSITIONS and head:
            break
        if w not in STOPWORDS:
            head.append(w)
    return singular(head[-1]) if head else ""


def period_key(period: str | None) -> str:
    """A comparable form of a period: "by 2027" / "in 2027" -> "2027"; "Q2 2024" ->
    "2024-q2"; "quarterly" / "per quarter" -> "per-quarter"; "currently" -> "current".
    Anything else keeps its normalised words. No period gives ""."""
    if not period or not period.strip():
        return ""
    p = _fold(period).strip()
    if _PERIOD_NOW.match(p):
        return "current"
    parts: list[str] = []
    years = _YEAR.findall(p)
    if years:
        parts.append("-".join(sorted(set(years))))
        q = _QUARTER.search(p)
        if q:
            parts.append("q" + (q.group(1) or _ORD[q.group(2)]))
        h = _HALF.search(p)
        if h:
            parts.append("h" + (h.group(1) or _ORD[h.group(2)]))
    for pattern, name in _PERIOD_RATES:
        if pattern.search(p):
            parts.append(name)
            break
    if parts:
        return "|".join(parts)
    return " ".join(tokens(p))


def unit_dimension(unit: str | None) -> str:
    """The comparison class of a canonical unit. Canonical units are already one per
    dimension ("s", "Wh", "bytes"...), and currencies stay apart (no exchange rates),
    so the unit itself is the class; count nouns are folded ("GPUs" == "gpu")."""
    unit = (unit or "").strip()
    if unit in CANONICAL_UNITS or re.fullmatch(r"[A-Z]{3}(/.+)?", unit):
        return unit
    return " ".join(singular(w) for w in _fold(unit).split())


@dataclass(frozen=True)
class ClaimKey:
    """Everything reconciliation needs to know about one claim's identity."""

    block: tuple[str, str, str, tuple[str, ...]]  # (dimension, period, metric head, numbers in subject)
    subject: tuple[str, ...]
    metric: tuple[str, ...]

    @property
    def subject_text(self) -> str:
        return " ".join(self.subject)

    @property
    def metric_text(self) -> str:
        return " ".join(self.metric)

    @property
    def bag(self) -> frozenset[str]:
        """Subject and metric words together: "Training GPT-3 | cost" and
        "GPT-3 | training cost" are the same fact with a word moved across."""
        return frozenset(self.subject) | frozenset(self.metric)

    def text(self) -> str:
        dim, period, _head, _nums = self.block
        return f"{self.subject_text}|{self.metric_text}|{period}|{dim}"


def claim_key(subject: str | None, metric: str | None, period: str | None, unit: str | None) -> ClaimKey:
    subj = subject_tokens(subject)
    met = metric_tokens(metric)
    per = period_key(period)
    if per:
        met = tuple(t for t in met if t not in PERIOD_WORDS) or met
    block = (unit_dimension(unit), per, metric_head(metric), numbers_in(subj))
    return ClaimKey(block=block, subject=subj, metric=met)


def veto_reason(a: ClaimKey, b: ClaimKey) -> str | None:
    """Why two claims can never state the same fact, or None. Numbers are identity:
    fuzzy scorers rate "GPT-3"/"GPT-4" and "by 2027"/"by 2028" 90+, so they are vetoed
    here, as are different unit dimensions and different metric heads."""
    (dim_a, per_a, head_a, num_a), (dim_b, per_b, head_b, num_b) = a.block, b.block
    if dim_a != dim_b:
        return f"different unit dimensions ({dim_a or 'number'} vs {dim_b or 'number'})"
    if per_a != per_b:
        return f"different periods ({per_a or 'none'} vs {per_b or 'none'})"
    if num_a != num_b:
        return f"different numbers in the subject ({' '.join(num_a) or 'none'} vs {' '.join(num_b) or 'none'})"
    if head_a != head_b:
        return f"different metrics ({head_a or '?'} vs {head_b or '?'})"
    return None
