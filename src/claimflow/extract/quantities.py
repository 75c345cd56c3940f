"""The spaCy component that finds quantities: number anchors from the Matcher, units,
currencies and qualifiers from phrase tables looked up next to each anchor, then a short scan
assembles value, scale, unit, qualifier and range. The result is a list of plain dicts
in `doc.user_data["quantities"]` (plain data, so `nlp.pipe(n_process=...)` can ship it
between processes).
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, replace
from functools import partial
from operator import attrgetter

import numpy
from pint.errors import PintError
from spacy.attrs import IDX, LIKE_NUM, LOWER, ORTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from claimflow.extract import numbers, patterns, units

log = logging.getLogger(__name__)


@dataclass
class Q:
    """A quantity being assembled (token indices into the doc; `end` exclusive)."""

    start: int
    end: int
    low: float | None
    high: float | None
    num_start: int
    num_end: int
    raw: str = ""              # the numeral as written (for year / identifier checks)
    scale: float | None = None
    unit: units.UnitSpec | None = None
    currency: str | None = None    # ISO code
    currency_name: str | None = None
    minor: float = 1.0         # cents -> 0.01
    count_noun: str | None = None
    per: units.UnitSpec | None = None  # rate denominator ("tokens/sec", "$ per kg")
    per_scale: float = 1.0     # a scaled denominator: "$2.85 per million British thermal units"
    per2: units.UnitSpec | None = None  # a second denominator: "CHF 32 per square metre per month"
    qualifier: str = "="
    vague: bool = False
    is_range: bool = False
    open_high: bool = False    # a trailing "+" / "or more"
    per_count: tuple[float, str] | None = None  # a price per counted thing: (scale, plural noun)
    direction: str | None = None   # said by the words themselves ("doubled", "halved")
    emissions: bool = False

    @property
    def has_unit(self) -> bool:
        return bool(self.unit or self.currency or self.count_noun)


def _phrase_table() -> dict[str, list[tuple[str, str]]]:
    """Phrase-matcher labels -> phrases: units, currency words/prefixes, qualifiers."""
    table: dict[str, list[tuple[str, str]]] = {"UNIT": [], "CUR_PRE": [], "CUR_POST": [], "MINOR": [],
                                               "QUAL_BEFORE": [], "QUAL_AFTER": []}
    for form in units.UNIT_FORMS:
        table["UNIT"].append((form, form))
    for code, (_, pre, post) in patterns.CURRENCIES.items():
        table["CUR_PRE"] += [(p, code) for p in pre]
        table["CUR_POST"] += [(p, code) for p in post]
    for code in sorted(patterns.CODES_AS_WORDS):  # in capitals only (see _reads_as_word)
        table["CUR_PRE"].append((code.lower(), code))
        table["CUR_POST"].append((code.lower(), code))
    table["MINOR"] = [(w, w) for w in patterns.MINOR_CURRENCIES]
    table["QUAL_BEFORE"] = [(p, q) for p, q in patterns.QUALIFIERS_BEFORE.items()]
    table["QUAL_AFTER"] = [(p, q) for p, q in patterns.QUALIFIERS_AFTER.items()]
    return table


@Language.factory("claimflow_quantities")
def make_quantity_finder(nlp: Language, name: str) -> "QuantityFinder":
    return QuantityFinder(nlp)


class QuantityFinder:
    """Number anchors come from the Matcher (its patterns are in `patterns.py`). Units,
    currencies and qualifiers are phrase tables looked up only next to an anchor: the
    token sequence's LOWER ids against a dict, so the cost follows the number of
    anchors, not the length of the text."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        for family, pats in patterns.MATCHER_PATTERNS.items():
            self.matcher.add(family, pats)
        self.vague_id = nlp.vocab.strings.add("vague")
        self._group_patterns(nlp)
        self.tables: dict[str, dict[tuple[int, ...], str]] = {}
        for label, items in _phrase_table().items():
            table: dict[tuple[int, ...], str] = {}
            for phrase, value in items:
                key = tuple(nlp.vocab.strings.add(t.lower_) for t in nlp.make_doc(phrase))
                table.setdefault(key, value)
            self.tables[label] = table
        # per table: first (last) word -> the lengths of its phrases that start (end) with
        # it, longest first: the only lengths a look-up there need try
        self.first_lens = {label: _lengths_by(table, 0) for label, table in self.tables.items()}
        self.last_lens = {label: _lengths_by(table, -1) for label, table in self.tables.items()}
        self.vocab = nlp.vocab
        self.lexes = _LexCache(nlp.vocab)
        self.is_trigger = _Members([nlp.vocab.strings.add(w) for w in patterns.TRIGGER_WORDS])

    def _group_patterns(self, nlp: Language) -> None:
        """spaCy's Matcher tries every pattern at every token. Grouped by what their first
        token must be (LIKE_NUM, a LOWER or an ORTH value), only the patterns that can start
        at a token are tried there, on the few tokens a match can span (patterns have no
        open-ended operator), within the same windows: the same matches for less work.
        Patterns that cannot be grouped so turn the grouping off (one Matcher per window)."""
        self.starts: dict[tuple, list[tuple[str, list]]] = {}
        strings = nlp.vocab.strings
        grouped = True
        for family, pats in patterns.MATCHER_PATTERNS.items():
            for pat in pats:
                first = pat[0]
                keys = []
                if any(t.get("OP") not in (None, "?", "!") for t in pat) or set(first) - {"LIKE_NUM", "LOWER", "ORTH"} \
                        or len(first) != 1:
                    grouped = False
                elif first.get("LIKE_NUM") is True:
                    keys = [("num",)]
                elif "LOWER" in first or "ORTH" in first:
                    attr = "lower" if "LOWER" in first else "orth"
                    value = first.get("LOWER", first.get("ORTH"))
                    words = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
                    if not all(isinstance(w, str) for w in words):
                        grouped = False
                    keys = [(attr, strings.add(w)) for w in words if isinstance(w, str)]
                else:
                    grouped = False
                for key in keys:
                    self.starts.setdefault(key, []).append((family, pat))
        self.grouped = grouped
        self.max_len = max(len(p) for pats in patterns.MATCHER_PATTERNS.values() for p in pats)
        self.is_first_lower = _Members([k[1] for k in self.starts if k[0] == "lower"])
        self.is_first_orth = _Members([k[1] for k in self.starts if k[0] == "orth"])
        self.first_lowers_set = set(self.is_first_lower.values.tolist())
        self.first_orths_set = set(self.is_first_orth.values.tolist())
        self._start_matchers: dict[tuple, Matcher] = {}
        # The same patterns as plain data, tried on the attribute lists (see _match_at); any
        # pattern they cannot express leaves the Matcher to do all the matching.
        compiled = {key: [(family == "vague", _compile_pattern(p, strings)) for family, p in pats]
                    for key, pats in self.starts.items()}
        if all(c is not None for pats in compiled.values() for _, c in pats):
            # (vague?, pattern, no optional token?): see _match_at
            self.compiled = {key: [(v, c, not any(opt for _, _, opt in c)) for v, c in pats]
                             for key, pats in compiled.items()}
        else:
            self.compiled = None
        self._start_patterns: dict[tuple, list] = {}

    def _patterns_for(self, num: int, low: int, orth: int) -> list:
        """The compiled patterns that can start at a token with these LIKE_NUM, LOWER and
        ORTH values (the last two 0 when no pattern starts with them)."""
        keys = self._start_keys(num, low, orth)
        pats = self._start_patterns[(bool(num), low, orth)] = [p for k in keys for p in self.compiled.get(k, ())]
        return pats

    @staticmethod
    def _start_keys(num: int, low: int, orth: int) -> tuple:
        return ((("num",),) if num else ()) + ((("lower", low),) if low else ()) + ((("orth", orth),) if orth else ())

    def _matcher_for(self, keys: tuple) -> Matcher:
        m = self._start_matchers.get(keys)
        if m is None:
            m = self._start_matchers[keys] = Matcher(self.vocab)
            for family in patterns.MATCHER_PATTERNS:
                pats = [p for k in keys for f, p in self.starts.get(k, ()) if f == family]
                if pats:
                    m.add(family, pats)
        return m

    def _matches(self, doc: Doc, arr, lowers_col: list[int], orths_col: list[int]) \
            -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(number anchors, vague quantities) as token spans; `arr` holds the doc's
        LIKE_NUM, LOWER and ORTH columns (the last two also as lists)."""
        anchors, vague = [], []
        windows = self._windows(doc, arr)
        if not self.grouped:
            for ws, we in windows:
                for match_id, s, e in self.matcher(doc[ws:we]):
                    (vague if match_id == self.vague_id else anchors).append((ws + s, ws + e))
            return anchors, vague
        cand = numpy.flatnonzero((arr[:, 0] != 0) | self.is_first_lower(arr[:, 1]) | self.is_first_orth(arr[:, 2]))
        rows = arr[cand, :3].tolist()
        cand = cand.tolist()
        lowers, orths, width = self.first_lowers_set, self.first_orths_set, self.max_len
        start_patterns = self._start_patterns  # (LIKE_NUM?, LOWER or 0, ORTH or 0) -> patterns
        cols = (arr[:, 0].tolist(), lowers_col, orths_col) if self.compiled is not None else None
        j, nc = 0, len(cand)
        for ws, we in windows:
            while j < nc and cand[j] < ws:
                j += 1
            while j < nc and cand[j] < we:
                i = cand[j]
                num, low, orth = rows[j]
                low, orth = low if low in lowers else 0, orth if orth in orths else 0
                if cols is not None:
                    pats = start_patterns.get((bool(num), low, orth)) or self._patterns_for(num, low, orth)
                    _match_at(pats, cols, i, min(we, i + width), anchors, vague)
                else:
                    keys = self._start_keys(num, low, orth)
                    for match_id, s, e in self._matcher_for(keys)(doc[i:min(we, i + width)]):
                        (vague if match_id == self.vague_id else anchors).append((i + s, i + e))
                j += 1
        return anchors, vague

    def __call__(self, doc: Doc) -> Doc:
        arr = doc.to_array([LIKE_NUM, LOWER, ORTH, SPACY, IDX])
        lowers, orths = arr[:, 1].tolist(), arr[:, 2].tolist()
        anchors, vague = self._matches(doc, arr, lowers, orths)
        if not anchors and not vague:
            doc.user_data["quantities"] = []
            return doc
        index = _PhraseIndex(lowers, self.tables, self.first_lens, self.last_lens)
        tokens = self.lexes.tokens(orths, arr[:, 3].tolist())
        found = _Scan(tokens, index).run(sorted(set(anchors)), sorted(set(vague)))
        where = _Spans(doc, tokens, arr[:, 4])
        doc.user_data["quantities"] = [r for r in map(partial(_safe_record, where), found) if r is not None]
        return doc


    def _windows(self, doc: Doc, arr) -> list[tuple[int, int]]:
        """Stretches of the doc worth matching: around tokens that are numbers or the
        words vague patterns turn on. Found on the token attribute array (`arr`: LIKE_NUM
        and LOWER columns first; no Python object per token), so the Matcher's per-token
        cost is paid only near numbers."""
        hits = numpy.flatnonzero((arr[:, 0] != 0) | self.is_trigger(arr[:, 1]))
        out: list[tuple[int, int]] = []
        n = len(doc)
        for i in hits.tolist():
            s, e = max(0, i - 3), min(n, i + 4)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out


class _Members:
    """`numpy.isin(col, values)` for a fixed set of uint64 hashes, asked of every doc's
    token columns: a table of the values' low 16 bits answers most tokens at once, and
    only the few it lets through (a few percent) are looked up by binary search in the
    sorted values (isin would sort the column and the values together on every call)."""

    _LOW_MASK = numpy.uint64(0xFFFF)

    def __init__(self, values) -> None:
        self.values = numpy.unique(numpy.asarray(values, dtype=numpy.uint64))
        self.table = numpy.zeros(1 << 16, dtype=bool)
        self.table[self.values & self._LOW_MASK] = True

    def __call__(self, col):
        values = self.values
        if not len(values):
            return numpy.zeros(len(col), dtype=bool)
        out = self.table[col & self._LOW_MASK]
        maybe = numpy.flatnonzero(out)
        if len(maybe):
            sub = col[maybe]
            pos = numpy.searchsorted(values, sub)
            pos[pos == len(values)] = 0  # past the largest value: no match (compared with any value)
            out[maybe] = values[pos] == sub
        return out


_PATTERN_COLUMNS = {"LIKE_NUM": 0, "LOWER": 1, "ORTH": 2}  # the columns `_match_at` reads


def _compile_pattern(pat: list[dict], strings) -> tuple | None:
    """A Matcher pattern as plain data: per token (column, accepted values, optional), the
    values as ids of the StringStore (LIKE_NUM as 0/1); None for what this cannot express
    (other attributes or operators: the Matcher then does the matching)."""
    out = []
    for spec in pat:
        op = spec.get("OP")
        attrs = set(spec) - {"OP"}
        if op not in (None, "?") or len(attrs) != 1 or not attrs <= set(_PATTERN_COLUMNS):
            return None
        attr = attrs.pop()
        value = spec[attr]
        if attr == "LIKE_NUM":
            if not isinstance(value, bool):
                return None
            values = frozenset({int(value)})
        else:
            words = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
            if not all(isinstance(w, str) for w in words):
                return None
            values = frozenset(strings.add(w) for w in words)
        out.append((_PATTERN_COLUMNS[attr], values, op == "?"))
    return tuple(out)


def _match_at(pats: list, cols: tuple, i: int, stop: int, anchors: list, vague: list) -> None:
    """Every match of the compiled patterns `pats` ((vague?, pattern, plain?) triples) that
    starts at token i and ends by `stop`, appended as (start, end) to `anchors` or `vague`.
    As spaCy's Matcher (no "greedy"): every way through the optional tokens is a match of
    its own; none is empty."""
    for is_vague, pat, plain in pats:
        if plain:  # no optional token (most patterns): one way through, token by token
            j = i
            for col, values, _ in pat:
                if j >= stop or cols[col][j] not in values:
                    break
                j += 1
            else:
                (vague if is_vague else anchors).append((i, j))
            continue
        n = len(pat)
        states = [(0, i)]  # (position in the pattern, next token)
        while states:
            k, j = states.pop()
            if k == n:
                if j > i:
                    (vague if is_vague else anchors).append((i, j))
                continue
            col, values, optional = pat[k]
            if optional:
                states.append((k + 1, j))
            if j < stop and cols[col][j] in values:
                states.append((k + 1, j + 1))


class _Lex:
    """What the scan reads of a token, as plain attributes: spaCy builds a Token object on
    every `doc[i]` and each of its attributes is a call (`text` and `lower_` a StringStore
    lookup). All but the trailing space are attributes of the lexeme, so one `_Lex` per
    (word, trailing space) serves every occurrence in every doc (see `_LexCache`). Named as
    spaCy's Token attributes, so the scan reads either the same way."""

    __slots__ = ("text", "lower_", "whitespace_", "text_with_ws", "is_digit", "is_alpha", "like_num",
                 "is_title", "is_upper", "is_lower", "is_punct", "is_space", "phone_part", "mixed_case")

    def __init__(self, lex, space: bool) -> None:
        self.text = lex.orth_
        self.lower_ = lex.lower_
        self.whitespace_ = " " if space else ""
        self.text_with_ws = self.text + self.whitespace_
        self.is_digit, self.is_alpha, self.like_num = lex.is_digit, lex.is_alpha, lex.like_num
        self.is_title, self.is_upper, self.is_lower = lex.is_title, lex.is_upper, lex.is_lower
        self.is_punct, self.is_space = lex.is_punct, lex.is_space
        # may be part of a phone number (see _Scan._phone): "+44", "(212", "0958"
        self.phone_part = self.text[:1] in "+(" or self.text[:1] == "0" and len(self.text) > 1 and self.is_digit
        rest = self.text[1:]  # a capital after the first letter (none in a lower-case rest)
        self.mixed_case = not rest.islower() and any(ch.isupper() for ch in rest)

    def __len__(self) -> int:
        return len(self.text)


class _LexCache(dict):
    """ORTH id -> (`_Lex` without, `_Lex` with a trailing space), made on first sight."""

    LIMIT = 300_000  # distinct words kept before starting afresh (memory stays bounded)

    def __init__(self, vocab) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, orth: int) -> tuple[_Lex, _Lex]:
        if len(self) >= self.LIMIT:
            self.clear()
        lex = self.vocab[orth]
        pair = self[orth] = (_Lex(lex, False), _Lex(lex, True))
        return pair

    def tokens(self, orths: list[int], spaces: list[int]) -> "_Tokens":
        return _Tokens([pair[sp] for pair, sp in zip(map(self.__getitem__, orths), spaces)])


class _Tokens(list):
    """The doc's tokens as `_Lex` objects, by token index (list indexing: a negative index
    counts from the end, as `doc[i]` does). Slices go through `span(start, stop)`."""

    def span(self, start: int, stop: int) -> "_TokenList":
        """Tokens start..stop-1, with slice semantics (negative and out-of-range ends)."""
        return _TokenList(self[start:stop])


# How far outside the doc a neighbour look-up may reach: the scan looks a few tokens
# (at most about 15) before or after the tokens it holds.
_PAD = 64


def _near(tokens: list) -> list:
    """`near[i]`: token i, or None outside the doc (what the scan asks about its
    neighbours), for -_PAD <= i < len(tokens) + _PAD: the tokens followed by _PAD Nones,
    which a negative index also reads (it counts from the end)."""
    return tokens + [None] * _PAD


class _TokenList(list):
    @property
    def text(self) -> str:
        if len(self) == 1:  # most numbers are one token
            return self[0].text_with_ws.rstrip()
        return "".join([t.text_with_ws for t in self]).rstrip() if self else ""

    @property
    def lower_(self) -> str:
        return self.text.lower()


def _lengths_by(table: dict[tuple[int, ...], str], end: int) -> dict[int, tuple[int, ...]]:
    """Word at position `end` (0 or -1) of the table's phrases -> their lengths, longest first."""
    out: dict[int, set[int]] = {}
    for key in table:
        if key:
            out.setdefault(key[end], set()).add(len(key))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in out.items()}


class _PhraseIndex:
    """Longest phrase of a table starting at, or ending at, a token index. `first_lens`
    and `last_lens` map each table's first and last words to the lengths of the phrases
    they start or end: a token that is neither starts or ends no phrase, which is answered
    without building a key, and only those lengths are tried."""

    def __init__(self, lowers: list[int], tables, first_lens, last_lens) -> None:
        # padded with a value that is no word (-1), as `_near` pads the tokens: an index a
        # little outside the doc reads the padding and finds no phrase
        self.lowers = tuple(lowers) + (-1,) * _PAD
        self.tables = tables
        self.first_lens = first_lens
        self.last_lens = last_lens

    def starting(self, label: str, i: int) -> tuple[int, str] | None:
        """Outside the doc (i < 0 or past its end): None."""
        low = self.lowers
        lens = self.first_lens[label].get(low[i])
        if lens is None:
            return None
        table = self.tables[label]
        for n in lens:
            v = table.get(low[i:i + n])  # a key running into the padding matches nothing
            if v is not None:
                return i + n, v
        return None

    def ending(self, label: str, i: int) -> tuple[int, str] | None:
        """Outside the doc (i <= 0 or past its end): None."""
        low = self.lowers
        lens = self.last_lens[label].get(low[i - 1])
        if lens is None:
            return None
        table = self.tables[label]
        for n in lens:
            if n <= i:
                v = table.get(low[i - n:i])
                if v is not None:
                    return i - n, v
        return None


class _Spans:
    """Text and character offsets of token spans as spaCy's Span gives them, read from the
    scan's tokens and the doc's IDX column (no Span and Token objects per record)."""

    def __init__(self, doc: Doc, tokens: "_Tokens", idx) -> None:
        self.doc, self.tokens, self.idx = doc, tokens, idx

    def text(self, s: int, e: int) -> str:
        """As `Span.text`: the last token's trailing space left off."""
        if not 0 <= s < e <= len(self.tokens):
            return self.doc[s:e].text
        toks = self.tokens
        return "".join([t.text_with_ws for t in toks[s:e - 1]]) + toks[e - 1].text

    def chars(self, s: int, e: int) -> tuple[int, int]:
        """As (`Span.start_char`, `Span.end_char`)."""
        if not 0 <= s < e <= len(self.tokens):
            span = self.doc[s:e]
            return span.start_char, span.end_char
        return int(self.idx[s]), int(self.idx[e - 1]) + len(self.tokens[e - 1].text)


def _safe_record(where: _Spans, q: Q) -> dict | None:
    """One quantity's record; a quantity whose conversion fails is skipped (and logged),
    it never takes its document down."""
    try:
        rec = _to_record(where, q)
    except (PintError, ValueError, ArithmeticError) as exc:
        log.warning("skipped %r at token %d: %s", where.text(q.start, q.end), q.start, exc)
        return None
    if not _finite(rec["stated_low"], rec["stated_high"], rec["low"], rec["high"]):
        # "1e400" overflows a float: no claim (and no "Infinity" in the JSON output)
        log.debug("skipped %r at token %d: the value overflows a float", where.text(q.start, q.end), q.start)
        return None
    return rec


def _finite(*values: float | None) -> bool:
    """No value is infinite or NaN (None is no value)."""
    for v in values:
        if v is not None and not math.isfinite(v):
            return False
    return True


def _to_record(where: _Spans, q: Q) -> dict:
    written = where.text(q.start, q.end) if q.unit is not None or q.per is not None else ""
    if q.currency:
        stated_unit, unit_canon = q.currency_name or q.currency, q.currency
        factor = q.minor
        canon = lambda v: v * factor  # noqa: E731
        # in a rate the currency is named in words: "dollar per hour", "cent per dozen"
        rate_head = q.currency_name if q.minor != 1.0 else patterns.CURRENCIES[q.currency][0]
    elif q.unit is not None:
        stated_unit, unit_canon = units.stated_name(q.unit, written), q.unit.canonical
        if q.emissions:
            stated_unit, unit_canon = f"{stated_unit} CO2e", "t CO2e"
        spec = q.unit
        if q.emissions:
            spec = units.UnitSpec(spec.stated, spec.pint, "emissions")
        canon = lambda v: units.to_canonical(v, spec)  # noqa: E731
        rate_head = stated_unit
    elif q.count_noun:
        stated_unit = unit_canon = rate_head = q.count_noun
        canon = lambda v: v  # noqa: E731
    else:
        # a bare number: pint's (and quantulum's) name for a number without a unit
        stated_unit, unit_canon, rate_head = "dimensionless", "", ""
        canon = lambda v: v  # noqa: E731
    if q.per_count is not None:
        # "$30 per million tokens" -> 3e-05 USD/tokens (stated: dollar per million tokens)
        scale, noun = q.per_count
        words = {1e3: "thousand ", 1e6: "million ", 1e9: "billion "}.get(scale, "")
        stated_unit = f"{rate_head} per {words}{noun if words else _singular(noun)}"
        base = canon
        canon = lambda v: base(v) / scale  # noqa: E731
        unit_canon = f"{unit_canon}/{noun}"
    if q.per is not None:
        # Counts per time become per second ("tokens/s"); a physical rate is converted whole
        # by pint (`units.rate_canonical`: "m/ms" -> m/s, "J/m^2" -> Wh/m^2, "l/km" -> m^3/m);
        # other rates keep the stated denominator ("USD/h", "USD/kg", "kg/day"), whose size
        # is part of what was said.
        per_name = units.stated_name(q.per, written)
        if q.per_scale != 1.0:
            words = {1e3: "thousand", 1e6: "million", 1e9: "billion"}.get(q.per_scale, f"{q.per_scale:g}")
            per_name = f"{words} {_plural(per_name)}"
        stated_unit = f"{rate_head} per {per_name}"
        rate = units.rate_canonical(q.unit, q.per) if q.unit is not None and not q.emissions and q.per_scale == 1.0 else None
        if q.per.kind == "time" and (q.count_noun or q.unit is not None and q.unit.kind in ("tokens", "parameters")):
            per_s = units.to_canonical(1.0, q.per)
            base = canon
            canon = lambda v: base(v) / per_s  # noqa: E731
            unit_canon = f"{unit_canon}/s"
        elif rate is not None:
            unit_canon, factor = rate
            canon = lambda v: v * factor  # noqa: E731
        else:
            unit_canon = f"{unit_canon}/{q.per.stated}"
            if q.per_scale != 1.0:
                base, per_scale = canon, q.per_scale
                canon = lambda v: base(v) / per_scale  # noqa: E731
        if q.per2 is not None:
            stated_unit = f"{stated_unit} per {units.stated_name(q.per2, written)}"
            unit_canon = f"{unit_canon}/{q.per2.stated}"
    low, high = q.low, q.high
    start_char, end_char = where.chars(q.start, q.end)
    canon_low = _tidy(canon(low)) if low is not None else None
    # most figures are one value, the same float object at both ends: converted once
    canon_high = canon_low if high is low else _tidy(canon(high)) if high is not None else None
    return {
        "start": start_char, "end": end_char, "tok_start": q.start, "tok_end": q.end,
        "num_tok_start": q.num_start,
        "stated_low": low, "stated_high": high, "stated_unit": stated_unit,
        "low": canon_low, "high": canon_high,
        "unit": unit_canon, "qualifier": q.qualifier, "vague": q.vague, "direction": q.direction,
        "kind": ("emissions" if q.emissions else q.unit.kind if q.unit else "currency" if q.currency else "count" if q.count_noun else "number"),
    }


# Phone numbers: an international prefix and two or more digit groups, an area code in
# brackets before a local number, or a national number opening with its trunk "0" in
# groups ("0800 123 4567", "020 7946 0958").
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}(?:[ .\-]\(?\d{1,4}\)?){2,5}|\(\d{2,5}\)[ .\-]?\d{3,4}[ .\-]\d{3,4}"
                    r"|0\d{2,4}(?:[ .\-]\d{3,7}){1,2})(?!\w|[.,]\d)")


# A set score's second number with its tiebreak, as one token: "7(3" of "6-7(3)".
_TIEBREAK = re.compile(r"\d{1,2}\(\d{1,2}$")


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")  # a decimal comma, read only before a scale word
_JOINERS = frozenset({"-", "–", "+", "/"})  # what `_Scan._joined` joins numbers with
_DASHES = frozenset({"-", "–"})
_PHONE_PART = attrgetter("phone_part")


class _Scan:
    """The scan around each number anchor. Token-level, O(number of anchors)."""

    def __init__(self, tokens: _Tokens, index: "_PhraseIndex") -> None:
        self.doc = tokens  # self.doc[i]: token i (a `_Lex`)
        self.t = _near(tokens)  # self.t[i]: token i or None
        self.index = index
        self.n = len(tokens)
        # the hot helpers as bound C methods (no Python frame per call); same answers as
        # the methods below, which they shadow
        self.tok = self.t.__getitem__
        self.span = tokens.span
        self.phrase_at = index.starting
        self.phrase_ending = index.ending

    # helpers ------------------------------------------------------------------------
    def tok(self, i: int):
        return self.t[i]

    def span(self, start: int, stop: int) -> "_TokenList":
        return self.doc.span(start, stop)

    def glued(self, i: int) -> bool:
        """No whitespace between token i and token i+1."""
        t = self.t[i]
        return t is not None and not t.whitespace_

    def phrase_at(self, label: str, i: int) -> tuple[int, str] | None:
        return self.index.starting(label, i)

    def phrase_ending(self, label: str, i: int) -> tuple[int, str] | None:
        return self.index.ending(label, i)

    def is_break(self, i: int) -> bool:
        t = self.t[i]
        return t is None or t.is_space or "\n" in t.text

    # main -----------------------------------------------------------------------------
    def run(self, anchors: list[tuple[int, int]], vague: list[tuple[int, int]]) -> list[Q]:
        qs: list[Q] = []
        used_until = -1
        groups = self._group_numbers(anchors)
        vague_at = {s: e for s, e in vague}
        items = sorted([(s, e, "n", v) for s, e, v in groups] + [(s, e, "v", None) for s, e in vague_at.items()],
                       key=lambda x: (x[0], -x[1]))
        for s, e, kind, value in items:
            if s < used_until:
                continue
            self.floor = max(used_until, 0)
            q = self._vague(s, e) if kind == "v" else self._number(s, e, value)
            if q is None:
                continue
            qs.append(q)
            used_until = q.end
        qs = self._merge_ranges(qs)
        self._carry_units(qs)
        for q in qs:
            if not q.is_range:
                _apply_bounds(q)
            elif q.open_high:
                q.high = None
        return qs

    def _group_numbers(self, anchors: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
        """Join "two hundred thousand", "a hundred and two", "10 1/2" into one number."""
        out: list[tuple[int, int, float]] = []
        i = 0
        anchors = sorted(anchors, key=lambda x: (x[0], -x[1]))
        # keep longest match per start, drop nested
        clean: list[tuple[int, int]] = []
        for s, e in anchors:
            if clean and s < clean[-1][1]:
                continue
            clean.append((s, e))
        clean = self._join_tokenised(clean)
        while i < len(clean):
            s, e = clean[i]
            if e - s == 2 and self.doc[s].is_digit and self.doc[s + 1].is_digit:
                out.append((s, e, float(self.doc[s].text + self.doc[s + 1].text)))
                i += 1
                continue
            if e - s >= 3 and self.doc[s + 1].text in {".", ",", "/"} and self.doc[s].is_digit:
                value = self._tokenised_value(s, e)
                if value is not None:
                    out.append((s, e, value))
                i += 1
                continue
            words = [self.doc[s].text] if e - s == 1 else [self.doc[x].text for x in range(s, e)]
            numeric = numbers.parse_numeral(words[0]) if len(words) == 1 else None
            if numeric is None and len(words) == 1:
                numeric = numbers.parse_race_time(words[0])  # "2:02:42" in seconds (see _race_time)
            if numeric is None and len(words) == 1 and _DECIMAL_COMMA.fullmatch(words[0]) and self.t[e] is not None \
                    and numbers.scale_of(self.t[e].text) is not None:
                numeric = float(words[0].replace(",", "."))  # "€1,5 million": no thousands group has 1-2 digits
            j = i + 1
            if numeric is None:
                # number words, possibly several anchors in a row
                while j < len(clean):
                    ns, ne = clean[j]
                    between = [t.lower_ for t in self.span(e, ns)]
                    if between == ["and"] and words[-1].lower() not in ("hundred", "thousand", "million", "billion", "trillion"):
                        break  # "one and one" is two numbers; "a hundred and two" is one
                    if between in ([], ["and"], ["-"]) and all(
                        numbers.is_number_word(t.lower_) for t in self.span(ns, ne) if t.text != "-"
                    ) and numbers.parse_number_words(words + between + [t.text for t in self.span(ns, ne)]) is not None:
                        words += between + [t.text for t in self.span(ns, ne)]
                        e = ne
                        j += 1
                    else:
                        break
                value = numbers.parse_number_words(words)
                key = tuple(w.lower() for w in words)
                if key not in numbers.A_FRACTIONS and key not in numbers.BARE_FRACTIONS:
                    value, e = self._fraction_words(value, e)  # not "a third quarter"
            else:
                value = numeric
                # mixed number "10 1/2"
                if j < len(clean) and clean[j][0] == e:
                    frac = self.doc[e].text
                    if "/" in frac and numbers.parse_numeral(frac) is not None and "." not in words[0]:
                        value += numbers.parse_numeral(frac)
                        e = clean[j][1]
                        j += 1
                    elif clean[j][1] - e == 3 and self.doc[e + 1].text == "/" and words[0].isdigit():
                        # tokenised text: "7 3 / 4 %", "101 1 / 4"
                        frac_value = self._tokenised_value(e, clean[j][1])
                        if frac_value is not None and frac_value < 1:
                            value += frac_value
                            e = clean[j][1]
                            j += 1
            i = j
            if value is not None:
                out.append((s, e, value))
        return out

    def _fraction_words(self, value: float | None, e: int) -> tuple[float | None, int]:
        """"two thirds", "one-half", "two and a half"."""
        if value is None:
            return value, e
        k = e + 1 if self.t[e] is not None and self.t[e].text == "-" else e
        t = self.t[k]
        if t is not None and t.lower_ in numbers.FRACTION_WORDS and value < 20:
            return value / numbers.FRACTION_WORDS[t.lower_], k + 1
        words = [x.lower_ for x in self.span(e, e + 3)]
        if words == ["and", "a", "half"]:
            return value + 0.5, e + 3
        return value, e

    def _join_tokenised(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Numbers split by a tokeniser, as in Penn-Treebank style text: "6 . 2" (6.2),
        "80 , 000" (80,000), "1 / 4" (a quarter), "7 3 / 4" (7.75). Only with spaces on
        both sides of the mark, which ordinary prose never writes."""
        out: list[tuple[int, int]] = []
        for s, e in spans:
            # each join below needs the previous number to end at s or one mark before it
            if out and e - s == 1 and s - out[-1][1] <= 1 and self.doc[s].is_digit:
                ps, pe = out[-1]
                mark = self.t[pe]
                if pe == s and self.doc[pe - 1].is_digit and len(self.doc[pe - 1].text) <= 3 and len(self.doc[s].text) == 3 \
                        and self.doc[pe - 1].whitespace_ == " " and pe - ps == 1 \
                        and (self.phrase_at("UNIT", e) or self.phrase_at("CUR_POST", e)):
                    out[-1] = (ps, e)  # "10 000 dollars" (SI thousands; "scores of 3 100" are two)
                    continue
                if mark is not None and pe + 1 == s and mark.text == "/" and pe - ps == 1 and self.doc[pe - 1].is_digit \
                        and self._joined(pe) and not self._slash_pair(pe):
                    out[-1] = (ps, e)  # "12/25", "50/50": one token in the text, a fraction as before
                    continue
                if mark is not None and pe + 1 == s and mark.text in {".", ",", "/"} and self.doc[pe - 1].is_digit \
                        and self.doc[pe - 1].whitespace_ and mark.whitespace_:
                    if mark.text == "," and len(self.doc[s].text) != 3:
                        out.append((s, e))
                        continue
                    out[-1] = (ps if mark.text != "/" or pe - ps == 1 else ps, e)
                    continue
            out.append((s, e))
        return out

    def _slash_pair(self, i: int) -> bool:
        """"130/80 mmHg": a glued slash between two whole numbers above 20, then a unit, is two
        values in that unit (a blood pressure, "100/200 Mbps"), not a fraction."""
        a, b = self.tok(i - 1), self.tok(i + 1)
        if a is None or b is None or not (a.is_digit and b.is_digit and self._joined(i)) or int(a.text) <= 20 \
                or int(b.text) <= 20:
            return False
        u = self.phrase_at("UNIT", i + 2)
        return u is not None and units.lookup(u[1], self.span(i + 2, u[0]).text) is not None and self._unit_ok(i + 2, u[0])

    def _tokenised_value(self, s: int, e: int) -> float | None:
        toks = [t.text for t in self.span(s, e)]
        if toks[1] == ".":
            return float(f"{toks[0]}.{''.join(toks[2:])}") if len(toks) == 3 else None
        if toks[1] == ",":
            return float("".join(t for t in toks if t != ","))
        if toks[1] == "/" and len(toks) == 3:
            d = int(toks[2])
            return int(toks[0]) / d if d else None
        return None

    # a single number ---------------------------------------------------------------------
    def _number(self, s: int, e: int, value: float) -> Q | None:
        doc = self.doc
        raw = doc[s].text_with_ws.rstrip() if e - s == 1 else doc.span(s, e).text  # (as _TokenList.text)
        if e - s == 1 and numbers.parse_race_time(raw) is not None:
            return self._race_time(s, e, raw, value)
        if self._not_a_claim(s, e, raw, value) or raw.lower() in numbers.MAGNITUDE_WORDS \
                or self._identifier_part(s, e, raw) or self._code_or_result(s, e, raw):
            return None  # a bare "billion" ("billion-parameter models") is an adjective
        q = Q(start=s, end=e, low=value, high=value, num_start=s, num_end=e, raw=raw)
        bracketed = self._accounting_brackets(s, e, raw, value)
        if bracketed:  # "$(12.4) million", "(3.2) million euros": a negative amount
            q.low = q.high = -value
            q.start, q.end = s - 1, e + 1
        self._left(q)
        self._right(q)
        if not bracketed and self._bracketed_amount(q):  # "($12.4 million)"
            q.low = q.high = -value
            q.start, q.end = q.start - 1, q.end + 1
        if q.end > e and self._in_a_name(s, e, raw):
            return None
        age = self._age(q)
        unit_tok = self.tok(q.num_end)
        if q.unit is not None and numbers.is_year(value, raw) and unit_tok is not None and unit_tok.is_title \
                and unit_tok.is_alpha and len(unit_tok.text) > 2 and q.num_end > 0 and not self.is_break(q.num_end - 1):
            return None  # "during 2016 Stone spoke": a year, then a name
        if q.count_noun and q.qualifier == ">" and self.tok(q.start - 1) is not None \
                and self.tok(q.start - 1).lower_ in patterns.LITERAL_BOUND_VERBS:
            q.qualifier = "="  # "passed 52 bills" counts bills; "passed 100,000" is a bound
        share = False
        if not q.has_unit and q.scale is None and 0 < value < 1 and self.tok(q.end) is not None and self.tok(q.end).lower_ == "of" \
                and (not any(c.isdigit() for c in raw) or "/" in raw or raw[-1:] in numbers.VULGAR_FRACTIONS):
            share = True
            art, u = self.tok(q.end + 1), self.phrase_at("UNIT", q.end + 2)
            spec = units.lookup(u[1], self.span(q.end + 2, u[0]).text) if u and art is not None and art.lower_ in ("a", "an") else None
            if spec is not None:
                q.unit, q.end = spec, u[0]  # "two thirds of a mile"
            elif u and art is not None and art.lower_ == "a" and u[1] in units.POINT_FORMS:
                q.end = u[0]
                self._points(q, q.end)  # "a quarter of a point"
            else:
                q.unit = units.FRACTION  # "two-thirds of new capacity", "3/4 of users": a share
        elif not q.has_unit and q.scale is None and 0 < value < 1 and not any(c.isdigit() for c in raw) \
                and self.tok(q.end) is not None and self.tok(q.end).lower_ in patterns.COMPARATIVES:
            q.unit = units.FRACTION  # "two-thirds less power", "a third more": a change by that share
        fraction = tuple(raw.lower().split())
        if fraction in numbers.A_FRACTIONS or fraction in numbers.BARE_FRACTIONS:
            points = q.unit is not None and q.unit.kind == "points"
            if not (points or share and q.count_noun is None and (
                    fraction in numbers.A_FRACTIONS or fraction == ("half",) and not self._part_of_a_whole(s))):
                return None  # "a third quarter", "the first half": only "a third of", "half of", "a quarter point" are amounts
        if q.unit is not None and q.unit.kind == "multiplier" and self.doc[q.end - 1].text == "X" and self.glued(q.end - 1) \
                and self.t[q.end] is not None and self.t[q.end].text in {"-", "–"} and self.t[q.end + 1] is not None \
                and self.t[q.end + 1].is_alpha and not self.t[q.end + 1].lower_.endswith(("er", "est")):
            q.unit, q.end = None, q.end - 1  # "40 million X-series phones": X names a product line
        if q.unit is not None and q.unit.kind == "time" and numbers.is_year(value, raw) and self.glued(e - 1) \
                and self.t[e].text == "s":
            return None  # "the 2030s", "1990s": a decade of years, no duration
        if q.unit is None and raw.lower() == "zero" and self.t[s - 1] is not None and self.t[s - 1].lower_ == "absolute":
            q.unit = units.lookup("kelvin")  # "absolute zero" is 0 K
        if q.unit is None and not q.currency and not q.count_noun:
            if q.scale is None and (numbers.is_year(value, raw) or self._glued_unknown(e) or self._year_in_context(s, e, raw)):
                return None
            if not any(c.isdigit() for c in raw):
                # bare number words: "one" is mostly a pronoun, "billion-parameter" an adjective
                if (raw.lower() in {"one", "a", "an"} and not self._ratio_follows(e) and not self._range_follows(e)) \
                        or raw.lower() in numbers.MAGNITUDE_WORDS:
                    return None
            if q.scale and q.scale >= 1e6 and self._after_model_name(s):
                q.unit = units.UnitSpec("parameters", None, "parameters")  # "GPT-3 175B"
        if tuple(raw.lower().split()) in numbers.HALF_PHRASES and q.unit is None and q.scale is None:
            return None  # "a half" is a quantity with a unit or scale: "a half turn", "half a million"
        if q.count_noun and numbers.is_year(value, raw) and q.scale is None and not (
                self.tok(s - 1) is not None and self.tok(s - 1).lower_ in {"and", "to", "-", "–", "or"}
                and self.tok(s - 2) is not None and self.tok(s - 2).like_num
                and not numbers.is_year(float(self.tok(s - 2).text) if self.tok(s - 2).text.isdigit() else 0,
                                        self.tok(s - 2).text)):
            return None  # "1988 sales" is a year modifying a noun; "1000 to 2000 workers" counts them
        if q.unit is not None and q.unit.kind == "time" and q.qualifier == "=" and not age and self._period_phrase(q.start) \
                and not (self.tok(q.num_end) is not None and self.tok(q.num_end).is_alpha
                         and self.phrase_at("UNIT", q.num_end) is None) \
                and not (self.tok(q.num_end) is not None and self.tok(q.num_end).text in {"-", "–"}
                         and self.glued(q.num_end - 1)):  # "the 50 previous years", "the 10-day mission" count them
            return None  # "for the nine months", "in the first eight months": a period
        if not q.has_unit and q.scale is None and (self._bare_enumerator(q) or self._before_identifier(q)
                                                   or self._listed_identifier(s)):
            return None
        # "than 2 years ago" dates the comparison; it is not a claim of its own
        nxt = self.t[q.end]
        if nxt is not None and nxt.lower_ == "ago" and self.t[q.start - 1] is not None and self.t[q.start - 1].lower_ == "than":
            return None
        # "a year or two", "a week or two": 1-2 of the unit
        if q.unit is None and not q.currency and not q.count_noun and self.t[s - 1] is not None \
                and self.t[s - 1].lower_ == "or" and self.t[s - 2] is not None:
            spec = units.lookup(self.t[s - 2].lower_, self.t[s - 2].text)
            if spec is not None and spec.kind == "time" and not self.t[s - 2].lower_.endswith("s"):
                q.unit, q.low, q.start, q.qualifier = spec, 1.0, s - 2, "~"
        if q.scale:
            # to 15 digits, a double's own precision: 16.13 lakh crore is 1.613e13, not 16129999999999.998
            q.low = float(f"{q.low * q.scale:.15g}") if q.low is not None else None
            q.high = float(f"{q.high * q.scale:.15g}") if q.high is not None else None
        return q

    def _part_of_a_whole(self, s: int) -> bool:
        """"the first half of 2024", "the back half of the year", "the other half of the
        deal": a bare "half" after one of HALF_OF_NAMES names a part, it is no share
        ("nearly half of respondents", "more than half of all users" are)."""
        prev = self.tok(s - 1)
        return prev is not None and prev.lower_ in patterns.HALF_OF_NAMES

    def _race_time(self, s: int, e: int, raw: str, value: float) -> Q | None:
        """"Kipchoge won in 2:02:42", "ran the 800m in 1:45.32": a time written h:mm:ss or
        m:ss.cc is a duration in seconds near a word of racing (RACE_WORDS), not before
        "am"/"GMT" and not h:mm:ss after "at" (a clock time), unless a result word comes
        before the "at" ("the record stands at 2:00:35", RACE_RESULT_BEFORE_AT)."""
        prev, nxt, before_at = self.tok(s - 1), self.tok(e), self.tok(s - 2)
        clock = prev is not None and prev.lower_ == "at" and raw.count(":") == 2 \
            and not (before_at is not None and before_at.lower_ in patterns.RACE_RESULT_BEFORE_AT)
        if clock or nxt is not None and nxt.lower_ in patterns.TIME_OF_DAY \
                or not any(w in patterns.RACE_WORDS for w in self._near_words(s, e)):
            return None
        q = Q(start=s, end=e, low=value, high=value, num_start=s, num_end=e, raw=raw, unit=units.lookup("seconds"))
        self._left(q)
        return q

    def _year_in_context(self, s: int, e: int, raw: str) -> bool:
        """A four-digit number outside 1800-2100 that still reads as a year: with an era
        ("A.D. 1000", "1200 BC"), after "by"/"until"/"since"/"in"/"before"/"after" ("by
        2120"), or paired with a year ("between 1600 and 1900", "from 1750 to 1850")."""
        if not (raw.isdigit() and len(raw) == 4 and 1000 <= int(raw) <= 2299):
            return False
        prev, nxt = self.tok(s - 1), self.tok(e)
        if prev is not None and (prev.lower_ in patterns.ERA_WORDS or prev.lower_ in patterns.YEAR_CUES):
            return True
        if nxt is not None and nxt.lower_ in patterns.ERA_WORDS:
            return True
        nxt2, prev2, prev3 = self.tok(e + 1), self.tok(s - 2), self.tok(s - 3)
        if prev is not None and prev.lower_ in {"between", "from"} and nxt is not None and nxt.lower_ in {"and", "to"} \
                and nxt2 is not None and nxt2.text.isdigit() and len(nxt2.text) == 4 and int(raw) < int(nxt2.text) <= 2100 \
                and not self._has_unit_at(e + 2):
            return True  # "painted between 1503 and 1519"
        if prev is not None and prev.lower_ in {"and", "to"} and prev2 is not None and prev2.text.isdigit() \
                and len(prev2.text) == 4 and 1000 <= int(prev2.text) < int(raw) and prev3 is not None \
                and prev3.lower_ in {"between", "from"} and not self._has_unit_at(e):
            return True
        for link, k in ((self.tok(e), e + 1), (self.tok(s - 1), s - 2)):
            # "1600 and 1900", "from 1900 to 1600", "A.D. 1000 and 1260"
            other, before = self.tok(k), self.tok(k - 1)
            if link is not None and other is not None and link.lower_ in {"and", "to", "-", "–", "through"} \
                    and not (k > e and self._has_unit_at(k + 1)) \
                    and other.text.isdigit() and (numbers.is_year(float(other.text), other.text)
                                                  or len(other.text) == 4 and before is not None
                                                  and before.lower_ in patterns.ERA_WORDS):
                return True
        return False

    def _accounting_brackets(self, s: int, e: int, raw: str, value: float) -> bool:
        """"(" number ")" in a financial sentence or a table row, with a currency sign
        before it or a scale or currency after it, or written as an amount ("(0.08)",
        "(1,204)"): a negative amount. Not "(1) net income" (an enumerator), "(2023)",
        "(212) 555-0187" or "£3m (3.9)" (see ACCOUNTING_WORDS)."""
        if value <= 0 or not self._in_brackets(s - 1, e) or numbers.is_year(value, raw):
            return False
        after = self.tok(e + 1)
        if after is not None and after.like_num and numbers.scale_of(after.text) is None:
            return False  # "(212) 555-0187"
        money = self.phrase_ending("CUR_PRE", s - 1) is not None or after is not None and (
            numbers.scale_of(after.text) is not None or self.phrase_at("CUR_POST", e + 1) is not None)
        return (money or "." in raw or "," in raw) and self._accounting_context(s)

    def _bracketed_amount(self, q: Q) -> bool:
        """"($12.4 million)": a bracket holding only an amount, in a financial sentence."""
        return bool(q.currency) and not q.is_range and q.qualifier == "=" and q.low is not None and q.low > 0 \
            and self._in_brackets(q.start - 1, q.end) and self._accounting_context(q.start)

    def _in_brackets(self, o: int, c: int) -> bool:
        """Tokens o and c are "(" and ")", and no amount ends right before the "(" (a
        conversion: "£3m ($3.9m)", "236.5 billion yuan ($32.6 billion)")."""
        op, cl = self.tok(o), self.tok(c)
        if op is None or cl is None or op.text != "(" or cl.text != ")" or not self.glued(o) or not self.glued(c - 1):
            return False
        prev = self.tok(o - 1)
        if prev is None:
            return True
        if prev.like_num or prev.text == "%" or numbers.scale_of(prev.text) is not None:
            return False
        for label in ("CUR_POST", "UNIT"):
            hit = self.phrase_ending(label, o)
            before = self.tok(hit[0] - 1) if hit is not None else None
            if before is not None and (before.like_num or numbers.scale_of(before.text) is not None):
                return False
        return True

    def _accounting_context(self, i: int) -> bool:
        """A word of ACCOUNTING_WORDS in the sentence around token i, or a table row."""
        lo, hi = self._sentence_window(i, patterns.ACCOUNTING_WINDOW)
        return any(self.doc[j].text == "|" or self.doc[j].lower_ in patterns.ACCOUNTING_WORDS for j in range(lo, hi))

    def _sentence_window(self, i: int, w: int) -> tuple[int, int]:
        """Tokens lo..hi-1 around token i: at most w either side, within its sentence and line."""
        lo = i
        while lo > 0 and i - lo < w:
            p = self.doc[lo - 1]
            if "\n" in p.text or "\n" in p.whitespace_ or p.text in {".", "!", "?"} and p.whitespace_:
                break
            lo -= 1
        hi = i + 1
        while hi < self.n and hi - i <= w:
            p = self.doc[hi - 1]
            if "\n" in p.whitespace_ or "\n" in self.doc[hi].text or hi - 1 > i and p.text in {".", "!", "?"} and p.whitespace_:
                break
            hi += 1
        return lo, hi

    def _in_a_name(self, s: int, e: int, raw: str) -> bool:
        """"the Three Mile Island plant", "at Five Guys": a capitalised number word and a
        capitalised word after it, in mid-sentence, are a name."""
        if not (raw[:1].isupper() and raw.replace("-", "").isalpha()):
            return False
        prev, nxt, nxt2 = self.t[s - 1], self.t[e], self.t[e + 1]
        if nxt is None or not nxt.is_title:
            return False
        if prev is not None and prev.is_alpha and not prev.is_title:
            return True
        return nxt2 is not None and nxt2.is_title  # "Three Mile Island is ..." opening a sentence

    def _age(self, q: Q) -> bool:
        """An age: "a 65-year-old", "15 year-old students", "her 18-month-old" (the "-old"
        joins the surface), "men aged 18 to 34" (a bare number after "aged" is in years)."""
        if q.unit is not None and q.unit.kind == "time":
            t, t2 = self.tok(q.end), self.tok(q.end + 1)
            if t is not None and t2 is not None and t.text in {"-", "–"} and t2.lower_ == "old" and self.glued(q.end):
                q.end += 2
                return True
            return False
        if q.unit is None and not q.currency and not q.count_noun and q.low is not None and 0 < q.low < 130:
            p1, p2, p3 = self.tok(q.start - 1), self.tok(q.start - 2), self.tok(q.start - 3)
            if p1 is not None and (p1.lower_ == "aged" or p1.lower_ in {"to", "and", "-", "–"} and p2 is not None
                                   and p2.like_num and p3 is not None and p3.lower_ == "aged"):
                q.unit = units.lookup("years")
                return True
        return False

    def _period_phrase(self, s: int) -> bool:
        prev = self.t[s - 1]
        if prev is None:
            return False
        if prev.lower_ in patterns.PERIOD_VERB_LIKE:
            # "the last 11 weeks", "over the past five years", "Last 12 months": a period;
            # "expected to last 11 weeks", "will last 3 days": a duration
            before = self.tok(s - 2)
            return before is None or self.is_break(s - 2) or before.is_punct or before.lower_ in patterns.PERIOD_LEADS
        if prev.lower_ in {"first", "previous", "coming", "recent", "latest", "final", "initial"}:
            return True
        return prev.lower_ == "the"

    def _bare_enumerator(self, q: Q) -> bool:
        """"1 ) explains why ...", "9 - iron", "28 - year - old": enumerators and
        compound modifiers in tokenised text."""
        nxt, nxt2 = self.t[q.end], self.t[q.end + 1]
        if nxt is not None and nxt.text == ")" and not any(t.text == "(" for t in self.span(max(0, q.start - 4), q.start)):
            return True
        return nxt is not None and nxt.text == "-" and nxt2 is not None and nxt2.is_alpha and nxt.whitespace_ \
            and not self.glued(q.end - 1) and nxt2.lower_ not in {"to", "and", "or"}

    def _listed_identifier(self, s: int) -> bool:
        """"junctions 10 and 11", "pages 4 and 5", "gates 10, 11 and 12", "bays 4-6": a number
        after a plural identifier noun, or in a list whose first member follows an identifier
        noun, is an identifier too."""
        prev = self.tok(s - 1)
        if prev is not None and prev.lower_ in patterns.ID_LIST_NOUNS:
            return True
        j = s - 1
        for _ in range(6):  # a list of a few members at most
            link, member = self.tok(j), self.tok(j - 1)
            if link is None or member is None or link.lower_ not in patterns.ID_LIST_LINKS or not member.is_digit:
                return False
            j -= 2
            t = self.tok(j)
            if t is not None and (t.lower_ in patterns.ID_NOUNS or t.lower_ in patterns.ID_LIST_NOUNS):
                return True
        return False

    def _before_identifier(self, q: Q) -> bool:
        """"24703 L-202", "24703 m212": a number before a code is part of the code."""
        nxt = self.t[q.end]
        return nxt is not None and any(c.isdigit() for c in nxt.text) and any(c.isalpha() for c in nxt.text)

    def _after_model_name(self, s: int) -> bool:
        """"GPT-3 175B", "Llama 3.1 405B": a size right after a model name."""
        prev = self.t[s - 1]
        if prev is None:
            return False
        if any(c.isdigit() for c in prev.text) and any(c.isalpha() for c in prev.text):
            return True
        prev2 = self.t[s - 2]
        return prev.like_num and prev2 is not None and prev2.is_title and prev2.is_alpha

    def _glued_unknown(self, e: int) -> bool:
        """A number glued to letters that are no unit: "3D", "5G", "4K" are names."""
        t = self.t[e]
        return t is not None and self.glued(e - 1) and t.is_alpha and t.lower_ != "ish"

    def _not_a_claim(self, s: int, e: int, raw: str, value: float) -> bool:
        prev, nxt = self.t[s - 1], self.t[e]
        if nxt is not None and nxt.lower_ in numbers.ORDINAL_SUFFIXES and self.glued(e - 1):
            return True
        if prev is not None:
            pl = prev.lower_
            if (pl in patterns.ID_NOUNS or pl in patterns.MONTHS) and not self._ptb_pound(s - 1):
                return True
            prev2 = self.tok(s - 2)
            if prev.text == "." and prev2 is not None and (prev2.lower_ in patterns.MONTHS or prev2.lower_ in patterns.ID_NOUNS
                                                          or prev2.lower_ + "." in patterns.ID_NOUNS and self.glued(s - 2)):
                return True  # "oct . 13", "no . 1" in tokenised text, "p. 4"
            if prev.text == "[" and nxt is not None and nxt.text == "]":
                return True  # footnote marker
            if prev.text in {"#", "@", "/"} and self.glued(s - 1) and not (prev.text == "/" and self._slash_pair(s - 1)):
                return True
            # "Llama 2", "Windows 10", "English 101": a number in a name
            # capitals after the first letter: "iPhone 15", "PlayStation 5" (a per-word flag)
            if (prev.is_title or prev.is_upper or prev.mixed_case) and prev.is_alpha and len(pl) > 1 and pl not in STOP_WORDS \
                    and pl not in patterns.QUALIFIERS_BEFORE and pl not in {"us", "rs"} \
                    and prev.text not in units.UNITS_BEFORE \
                    and not self._currency_code_before(s, e) \
                    and not self._counted_not_named(s, e, raw) \
                    and not (nxt is not None and (self.phrase_at("UNIT", e) and (nxt.text != '"' or self._inch_mark(e))
                                                  or self._currency_after(s, e)
                                                  or numbers.scale_of(nxt.text))) \
                    and not (self._joined(e) and nxt.text in {"-", "–"} and self.tok(e + 1).is_digit
                             and self.phrase_at("UNIT", e + 2)):  # "NHS 10-20%": a range
                return True
        if nxt is not None:
            if nxt.lower_ in patterns.TIME_OF_DAY and self._clock_time(raw, value, nxt.lower_):
                return True
            if nxt.text == ":" and self.glued(e - 1) and self.t[e + 1] is not None and self.t[e + 1].is_digit:
                return True  # 10:30
            if nxt.lower_ in patterns.MONTHS and value <= 31 and float(value).is_integer():
                return True  # 3 March
        # list numbering "1. " / "2) " at a line start, and Markdown heading numbers
        if nxt is not None and nxt.text in {".", ")"} and (self._line_start(s) or prev is not None and prev.text in {";", "|"}):
            return True
        if prev is not None and prev.lower_ == "net" and raw.lower() == "zero":
            return True  # "net zero" is a target's name
        if nxt is not None and self.glued(s) and nxt.text in {"K", "k"} and self.t[e + 1] is not None \
                and self.t[e + 1].lower_ in patterns.RESOLUTION_NOUNS:
            return True  # "8K video", "4K TV": a resolution's name
        return False

    def _counted_not_named(self, s: int, e: int, raw: str) -> bool:
        """The capitalised word before the number at s..e is no name's head ("Llama 2
        models", "Windows 11 users" stay names): the number has thousands separators (a
        name's number has none: "Ford Recalls 3,000 Trucks"), or the word is an imperative
        or a headline verb (`patterns.ACTION_VERBS`) and a counted noun follows the number,
        with the verb opening its sentence or line ("Whisk 3 eggs", "Hire 40 workers") or
        the noun in capitals as well (a headline: "Police Arrest 3 Men")."""
        if "," in raw:
            return True
        if self.tok(s - 1).lower_ not in patterns.ACTION_VERBS:
            return False
        end = self._count_noun(e)
        if end is None:
            return False
        before = self.tok(s - 2)
        opens = before is None or self.is_break(s - 2) or "\n" in before.whitespace_ \
            or before.text in {".", "!", "?", ":", ";", '"', "“", "(", "-", "*", "•"}
        return opens or self.doc[e].is_title  # "Police Arrest 3 Men", "Apple Unveils 3 New iPhones"

    @staticmethod
    def _clock_time(raw: str, value: float, after: str) -> bool:
        """"2 pm", "10.30 am", "11:45 pm" read as times; "2.123 pm" (picometres) does not."""
        if after not in {"am", "pm"}:
            return True
        frac = raw.partition(".")[2]
        return 0 <= value < 13 and (not frac or len(frac) == 2 and int(frac) < 60)

    def _currency_code_before(self, s: int, e: int | None = None) -> bool:
        """"USD 5", "JPY 300", "MAUD 60": a currency code, not a name with a number ("AMD
        300 chips" is a name: see _reads_as_word)."""
        prev = self.tok(s - 1)
        code = prev.text.upper() if prev is not None else ""
        cur = self.phrase_ending("CUR_PRE", s)
        if cur is not None and self._reads_as_word(cur[0], s, cur[1], s, e):
            return False
        return cur is not None or (code in patterns.CURRENCIES and code not in patterns.CODES_AS_WORDS) or (
            len(code) == 4 and code[0] == "M" and code[1:] in patterns.CURRENCIES)

    def _currency_after(self, s: int, e: int) -> bool:
        """A currency word or code right after the number at s..e ("5 dollars", "5 EUR"),
        not one that reads as a word here ("Open 24/7 all year")."""
        cur = self.phrase_at("CUR_POST", e)
        return cur is not None and not self._reads_as_word(e, cur[0], cur[1], s, e)

    def _reads_as_word(self, cs: int, ce: int, code: str, num_s: int, num_e: int | None) -> bool:
        """A currency form at cs..ce that is a word here: a code in CODES_AS_WORDS not in
        capitals, or in capitals text ("TOP 10 PICKS"), or with a counted noun or a unit
        after the figure or the code ("ALL 5 teams", "AMD 300 chips", "IRR 15%", "40 TOP players");
        an abbreviation of CASED_PREFIXES not in its case ("tk", "rm")."""
        text = self.span(cs, ce).text
        low = text.lower()
        if low in patterns.CASED_PREFIXES:
            return text not in patterns.CASED_PREFIXES[low]
        if code not in patterns.CODES_AS_WORDS or low != code.lower():
            return False
        if text != code:
            return True
        before = cs < num_s  # the code stands before the number
        outer, after = (self.tok(cs - 1), self.tok(num_e) if num_e is not None else None) if before \
            else (self.tok(num_s - 1), self.tok(ce))
        for t in (outer, after):
            if t is None or not t.is_alpha or numbers.scale_of(t.text) is not None:
                continue
            if t.is_upper and len(t.text) > 1:
                return True
        if after is not None and self._count_noun(num_e if before else ce) is not None:
            return True
        if not before and after is not None and after.is_alpha and after.is_lower \
                and after.lower_ not in patterns.COUNT_STOP_WORDS and numbers.scale_of(after.text) is None:
            return True  # "12 AWG wire": the code names a kind of the noun after it
        if before and num_e is not None and num_e - num_s == 1 and self.doc[num_s].is_digit \
                and len(self.doc[num_s].text) <= 2 and numbers.scale_of(after.text if after is not None else "") is None:
            return True  # "PHP 8", "TOP 10": a small whole number after such a code is a version or a rank
        unit = self.phrase_at("UNIT", num_e) if before and num_e is not None else None
        return unit is not None and self._unit_ok(num_e, unit[0])

    def _ptb_pound(self, i: int) -> bool:
        """"expects # 200 million in sales .": Penn Treebank's "#" for "£" (see PTB_POUND),
        a "#" standing alone in lower-cased text with detached punctuation."""
        t = self.tok(i)
        if t is None or t.text != patterns.PTB_POUND or not t.whitespace_ or self._line_start(i):
            return False
        detached = False
        for j in range(max(0, i - 12), min(self.n, i + 12)):
            w = self.doc[j]
            if "\n" in w.text or "\n" in w.whitespace_:
                if j < i:
                    detached = False
                    continue
                break
            if any(c.isupper() for c in w.text):
                return False
            detached = detached or (w.text in patterns.PTB_DETACHED and j > 0 and bool(self.doc[j - 1].whitespace_))
        return detached

    def _identifier_part(self, s: int, e: int, raw: str) -> bool:
        """Numbers that are parts of codes, not quantities: "1111-2222-3333" (account and
        phone numbers, ISO dates: three or more numbers joined by hyphens), "J1149.5+6663",
        "scp2-173" (a number glued by a sign to a code with letters and digits), and the
        second year of a span "2013-14" ("fiscal 2013/14")."""
        nxt, prev = self.t[e], self.t[s - 1]
        if (nxt is None or nxt.text not in _JOINERS) and (prev is None or prev.text not in _JOINERS) \
                and "/" not in raw:
            return False  # joined to nothing, no split year (the checks below need one of these)
        parts = 1
        j = e
        while self._joined(j) and self.t[j + 1].is_digit:
            parts, j = parts + 1, j + 2
        j = s - 1
        while j - 1 >= 0 and self._joined(j) and self.t[j - 1].is_digit:
            parts, j = parts + 1, j - 2
        if parts >= 3:
            return True
        if s >= 2 and self._joined(s - 1):
            before = self.t[s - 2].text
            if any(c.isalpha() for c in before) and any(c.isdigit() for c in before):
                return True
            if len(raw) == 2 and raw.isdigit() and before.isdigit() and numbers.is_year(float(before), before):
                return True
        first, slash, second = raw.partition("/")
        if slash and first.isdigit() and second.isdigit() and numbers.is_year(float(first), first) \
                and int(second) in ((int(first) + 1) % 100, int(first) + 1):
            return True  # "in 2024/25", "2023/2024": a split year (a period), not a fraction
        return False

    def _code_or_result(self, s: int, e: int, raw: str) -> bool:
        """Numbers that name, code or score something rather than measure it: a game's
        score ("beat Arsenal 3-1", "won 121-115", set scores "6-4, 7-6"), a street address
        ("1450 Broadway", "221B Baker Street"), a stock index ("ftse 100", "S&P 500"), a
        phone number ("+44 20 7946 0958", "(212) 555-0187"), a code with a leading zero
        ("0958"), a decade ("the '80s")."""
        digits = raw.lstrip("+")
        if not digits.isdigit():
            return False
        if len(digits) > 1 and digits[0] == "0":
            return True  # "007", "0958": a code, not a count
        prev, nxt = self.tok(s - 1), self.tok(e)
        # a score needs a dash next to the number, an address a capital after it
        score = nxt is not None and nxt.text in _DASHES or prev is not None and prev.text in _DASHES
        address = nxt is not None and nxt.text[:1].isupper()
        if prev is not None and (prev.lower_ in patterns.INDEX_NAMES or "&" in prev.text and prev.is_upper) \
                and not (nxt is not None and (self.phrase_at("UNIT", e) or self.phrase_at("CUR_POST", e))):
            return True
        prev2, prev3 = self.tok(s - 2), self.tok(s - 3)
        if self._joined(e) and self.tok(e).text == "-" and self.tok(e + 1).is_digit and len(self.tok(e + 1).text) > 1 \
                and self.tok(e + 1).text[0] == "0":
            return True  # "555-0142": the first part of a code
        if prev is not None and prev.text == "-" and self._joined(s - 1) and prev2.is_digit and prev3 is not None \
                and (prev3.lower_ in patterns.ID_NOUNS or prev3.text == "." and self.tok(s - 4) is not None
                     and self.tok(s - 4).lower_ + "." in patterns.ID_NOUNS):
            return True  # "Case No. 23-1157": the second part of an identifier
        if prev is not None and prev.text == "-" and self._joined(s - 1) and prev2.is_digit and prev3 is not None \
                and prev3.is_upper and prev3.is_alpha and len(prev3.text) > 1 \
                and not (nxt is not None and (self.phrase_at("UNIT", e) or self.phrase_at("CUR_POST", e))):
            return True  # "ISO 3888-2", "MIL-STD 810-8": a part number after a code
        if prev is not None and prev2 is not None and (prev2.lower_, prev.lower_) in patterns.INDEX_BIGRAMS:
            return True  # "S P 500" (text stripped of "&"), "Euro Stoxx 50"
        if nxt is not None and nxt.text in patterns.MODEL_WORDS:
            return True  # "the 737 Max", "iPhone 11 Pro", "787 Dreamliner"
        if prev is not None and prev.text in {"-", "–"} and self._joined(s - 1) and prev2.is_digit and self._after_month(s - 2):
            return True  # "Sept. 20-24": the last day of a span of dates
        if nxt is not None and nxt.lower_ == "s" and self.glued(e - 1) and len(digits) == 2 and digits[1] == "0" \
                and prev is not None and prev.lower_ in patterns.DECADE_BEFORE:
            return True
        return score and self._score(s, e) or address and self._address(e) or self._phone(s)

    def _has_unit_at(self, k: int) -> bool:
        """A unit, a currency word or a counted noun starts at token k."""
        return self.phrase_at("UNIT", k) is not None or self.phrase_at("CUR_POST", k) is not None \
            or self._count_noun(k) is not None

    def _after_month(self, i: int) -> bool:
        """Token i follows a month name ("Sept. 20", "oct 5")."""
        p = self.tok(i - 1)
        if p is not None and p.text == ".":
            p = self.tok(i - 2)
        return p is not None and p.lower_ in patterns.MONTHS

    def _score(self, s: int, e: int) -> bool:
        """A result "N-M": both small whole numbers, with a sports verb just before, a
        result noun or nothing countable after, or another result beside it ("6-4, 7-6")."""
        if self._joined(e) and self.tok(e).text in {"-", "–"} and self.tok(e + 1).is_digit:
            a, b = s, e + 1
        elif s >= 2 and self._joined(s - 1) and self.tok(s - 1).text in {"-", "–"} and self.tok(s - 2).is_digit:
            a, b = s - 2, s
        elif self._joined(e) and self.tok(e).text in {"-", "–"} and _TIEBREAK.match(self.tok(e + 1).text) \
                and self.tok(e + 2) is not None and self.tok(e + 2).text == ")":
            return True  # "6-7(3)", "7-6(5)": a tennis set won on a tiebreak
        else:
            return False
        if max(len(self.tok(a).text), len(self.tok(b).text)) > 3:
            return False
        after = self.tok(b + 1)
        if after is not None and after.lower_ not in patterns.SCORE_FOLLOWERS and (
                after.is_alpha or self.phrase_at("UNIT", b + 1) or self.phrase_at("CUR_POST", b + 1)):
            return False  # "won 3-5 seats", "rose 3-5%": a range
        if after is not None and after.lower_ in patterns.SCORE_NOUNS:
            return True
        for k in range(a - 1, max(a - 5, -1), -1):
            t = self.tok(k)
            if t.is_punct and t.text != ",":
                break
            if t.lower_ in patterns.SCORE_VERBS:
                return True
        # set scores: "6-4, 7-6"
        nxt2, prv2 = self.tok(b + 2), self.tok(a - 2)
        return (after is not None and after.text == "," and nxt2 is not None and nxt2.is_digit and self._joined(b + 3)) \
            or (a >= 4 and self.tok(a - 1).text == "," and prv2 is not None and prv2.is_digit and self._joined(a - 3))

    def _address(self, e: int) -> bool:
        """"1450 Broadway", "30 Rockefeller Plaza", "221B Baker Street": up to three
        capitalised words ending in a street word (a glued letter after the number may stand
        between)."""
        j = e
        t = self.tok(j)
        if t is not None and len(t.text) == 1 and t.is_upper and self.glued(j - 1):
            j += 1
        for k in range(j, j + 4):
            t = self.tok(k)
            if t is None or not t.is_alpha or not t.text[:1].isupper():
                return False
            if t.text in patterns.STREET_WORDS:
                return k > j or t.text == "Broadway"
        return False

    def _phone(self, s: int) -> bool:
        """Inside a phone number: "+44 20 7946 0958", "(212) 555-0187", "0800 123 4567".
        Only the few tokens around the number are read, and only when one of them looks
        like a part of a phone number (a "+NN", a bracket, a group with a leading zero)."""
        a, b = max(0, s - 5), min(self.n, s + 6)
        toks = self.doc[a:b]
        if not any(map(_PHONE_PART, toks)):
            return False
        text = "".join(t.text_with_ws for t in toks)
        at = sum(len(t.text_with_ws) for t in toks[:s - a])  # token s's offset in `text`
        return any(m.start() <= at < m.end() for m in _PHONE.finditer(text))

    def _joined(self, i: int) -> bool:
        """Token i is a hyphen, plus or slash with no space on either side."""
        t = self.t[i]
        return t is not None and t.text in _JOINERS and i > 0 and self.glued(i - 1) and self.glued(i) \
            and self.t[i + 1] is not None

    def _line_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.doc[j].text in {"#", "##", "###", "####", "-", "*", "(", ">"}:
            j -= 1
        return j < 0 or "\n" in self.doc[j].text or "\n" in self.doc[j].whitespace_ or (
            self.doc[j].is_space)

    # left of the number: currency, "~", qualifier words ---------------------------------
    def _left(self, q: Q) -> None:
        i = q.start
        cur = self.phrase_ending("CUR_PRE", i)
        if cur is not None and cur[0] < getattr(self, "floor", 0):
            cur = None  # that currency word belongs to the previous amount ("17 USD 25")
        if cur is not None and self._reads_as_word(cur[0], i, cur[1], i, q.num_end):
            cur = None  # "ALL 5 teams", "Try 3 times"
        prev = self.tok(i - 1)
        if cur is None and prev is not None and len(prev.text) == 4 and prev.text[0] in "mM" \
                and prev.text[1:].upper() in patterns.CURRENCIES and i - 1 >= getattr(self, "floor", 0):
            q.currency = prev.text[1:].upper()  # "MAUD 60": millions of AUD
            q.currency_name = q.currency
            q.scale = 1e6
            i -= 1
        if cur is not None and (cur[0] == i - 1 or self.span(cur[0], i).text.count(" ") <= 1):
            cs = cur[0]
            q.currency = cur[1]
            q.currency_name = self._currency_name(cur[1], self.span(cs, i).text)
            i = cs
        elif cur is None and self._ptb_pound(i - 1):
            q.currency, q.currency_name = "GBP", patterns.CURRENCIES["GBP"][0]
            i -= 1
        if prev is not None and prev.text in units.UNITS_BEFORE and q.unit is None and not q.currency:
            q.unit = units.lookup(units.UNITS_BEFORE[prev.text], prev.text)  # "Mach 2"
            i -= 1
        t = self.tok(i - 1)
        if t is not None and t.text in {"~", "≈"}:
            q.qualifier = "~"
            i -= 1
        word = self.tok(i - 2) if t is not None and t.text == "-" and self.glued(i - 2) else None
        if word is not None and word.is_alpha and word.lower_ in patterns.HYPHEN_PREFIX_BOUNDS \
                and any(c.isdigit() for c in q.raw):  # ("sub-zero" is an idiom)
            q.qualifier = patterns.HYPHEN_PREFIX_BOUNDS[word.lower_]  # "sub-7 nanometer" is below 7
            i -= 2
        elif word is not None and word.is_alpha and word.lower_ not in {"minus", "negative"}:
            pass  # "production-four-door", "now-18": a hyphen after a word joins a compound, no sign
        elif t is not None and t.text == "-" and not self._is_range_dash(i - 1) and self.glued(i - 1):
            # a minus sign: "-15", "$-99.99", "minus-5 yards"
            q.low = -q.low if q.low is not None else None
            q.high = q.low
            i -= 1
            if word is not None:
                i -= 1
        t = self.tok(i - 1)
        if t is not None and t.lower_ in {"minus", "negative"} and q.low is not None \
                and not (self.t[i - 2] is not None and self.t[i - 2].lower_ == "or"):
            q.low = q.high = -q.low  # "minus five percent"
            i -= 1
        # "percent of 10", "per cent of twenty-two": the unit written first
        if self.t[i - 1] is not None and self.t[i - 1].lower_ == "of" and q.unit is None:
            pu = self.phrase_ending("UNIT", i - 1)
            if pu is not None and pu[1] in {"percent", "percents", "per cent"} and (pu[0] == 0 or self.is_break(pu[0] - 1)):
                q.unit = units.lookup("%")
                i = pu[0]
        t1, t2 = self.t[i - 1], self.t[i - 2]  # None outside the doc (see _near)
        if q.unit is None and t1 is not None and t1.lower_ == "of" and t2 is not None and t2.lower_ == "factor":
            q.unit = units.lookup("x")  # "by a factor of 10"
        qual = self.phrase_ending("QUAL_BEFORE", i)
        if qual is not None and not (qual[1] == ">" and self.t[qual[0]].lower_ == "over" and self._time_follows(q)) \
                and not self._moved_up_to(qual[0]):
            q.qualifier = _stronger(q.qualifier, self._negated(qual[0], qual[1]))
        q.start = i

    def _negated(self, j: int, qual: str) -> str:
        """A bound phrase starting at token j, turned over by a negation just before it:
        "not exceeding 1,200mg", "should not receive more than 2.5 mL" are <= (see NEGATIONS)."""
        if qual not in patterns.NEGATED_BOUNDS:
            return qual
        for k in range(j - 1, max(-1, j - 2 - patterns.NEGATION_GAP), -1):
            t = self.doc[k]
            if t.lower_ in patterns.NEGATIONS:
                return patterns.NEGATED_BOUNDS[qual]
            if not t.is_alpha or t.lower_ in patterns.NEGATION_BLOCKERS:
                break
        return qual

    def _moved_up_to(self, i: int) -> bool:
        """"edged up to 6.8%", "climbed up to $5": a movement to a level, not a bound."""
        t, verb = self.t[i], self.t[i - 1]
        return t is not None and t.lower_ in ("up", "down") and verb is not None \
            and verb.lower_ in patterns.MOVEMENT_VERBS

    def _time_follows(self, q: Q) -> bool:
        """"built over six years": "over" a duration spans it, it is no lower bound."""
        u = self.phrase_at("UNIT", q.end)
        spec = units.lookup(u[1], self.span(q.end, u[0]).text) if u else None
        return spec is not None and spec.kind == "time"

    def _is_range_dash(self, i: int) -> bool:
        """A dash after a number, a unit or a scale joins a range ("5 kg-10 kg"); after any
        other word it is a minus sign ("hit -$40/MWh")."""
        prev = self.t[i - 1]
        if prev is None:
            return False
        if prev.like_num or prev.text in {"%", "$"}:
            return True
        return prev.is_alpha and (self.phrase_ending("UNIT", i) is not None or numbers.scale_of(prev.text) is not None
                                  or self.phrase_ending("CUR_POST", i) is not None)

    # right of the number: scale, unit, currency word, count noun, rate, "+" -------------------
    def _right(self, q: Q) -> None:
        k = q.end
        t = self.t[k]
        if t is None:
            return
        if t.text == "K" and any(w in units.TEMPERATURE_WORDS for w in self._near_words(q.num_start, k + 1)):
            q.unit, q.end = units.lookup("kelvin"), k + 1  # "573.15K" next to "300 °C"
            return
        # scale: "M", "bn", "million"
        sc = numbers.scale_of(t.text)
        if sc is not None and not (t.text in numbers.WEAK_SCALES and not self._weak_scale_ok(q, k)):
            q.scale = sc
            k += 1
            # adjacent scale words multiply: "16.13 lakh crore", "2.5k crore", "5 million million"
            t = self.tok(k)
            while t is not None and t.text not in numbers.WEAK_SCALES and numbers.scale_of(t.text) is not None \
                    and t.lower_ != "dozen":
                q.scale *= numbers.scale_of(t.text)
                k += 1
                t = self.tok(k)
        # "70-billion-parameter": a scale word inside a hyphenated modifier
        t = self.t[k]
        if q.scale is None and t is not None and t.text == "-" and self.glued(k - 1) and self.glued(k) \
                and self.t[k + 1] is not None and self.t[k + 1].lower_ in numbers.MAGNITUDE_WORDS:
            q.scale = numbers.MAGNITUDE_WORDS[self.t[k + 1].lower_]
            k += 2
        # "1000+ tokens/sec", "1 million+ token": an open bound before the unit
        t = self.t[k]
        if t is not None and t.text == "+" and self.glued(k - 1):
            q.qualifier = _stronger(q.qualifier, ">=")
            q.open_high = True
            k += 1
        elif t is not None and t.text in {"-", "–"} and self.glued(k - 1) and self.glued(k) \
                and self.tok(k + 1) is not None and self.tok(k + 1).lower_ == "plus":
            q.qualifier = _stronger(q.qualifier, ">=")  # "9,000-plus locations", "$1 billion-plus"
            q.open_high = True
            k += 2
        # finance shorthand "30 musd", "48.5 mgbp"
        t = self.t[k]
        if t is not None and not q.currency and len(t.lower_) >= 4 and t.lower_[:-3] in patterns.SCALED_CURRENCY_PREFIX \
                and t.lower_[-3:].upper() in patterns.CURRENCIES:
            q.scale = (q.scale or 1) * patterns.SCALED_CURRENCY_PREFIX[t.lower_[:-3]]
            q.currency = t.lower_[-3:].upper()
            q.currency_name = q.currency
            k += 1
        # "40ish", "360-ish": about that much
        t = self.t[k]
        # ("500-odd volunteers": about 500; a bare "odd" after a space is the adjective)
        ish = 1 if t is not None and t.lower_ == "ish" else 2 if t is not None and t.text in {"-", "–"} \
            and self.t[k + 1] is not None and self.t[k + 1].lower_ in ("ish", "odd") and self.glued(k) else 0
        if ish and self.glued(k - 1):
            q.qualifier = _stronger(q.qualifier, "~")
            k += ish
        # hyphenated modifier "3-inch", "16-meter"
        t = self.t[k]
        hyphen = t is not None and t.text in {"-", "–"} and self.glued(k - 1) and self.glued(k)
        kk = k + 1 if hyphen else k
        # a unit in brackets: "20 (kg)", "20 [kg]"
        t = self.t[kk]
        if not hyphen and t is not None and t.text in {"(", "[", "{", "<"}:
            bu = self.phrase_at("UNIT", kk + 1)
            close = self.t[bu[0]] if bu else None
            if bu and close is not None and close.text in {")", "]", "}", ">"} and bu[0] - kk <= 3:
                spec = units.lookup(bu[1], self.span(kk + 1, bu[0]).text)
                if spec is not None and spec.pint:
                    q.unit = spec
                    q.end = bu[0] + 1
                    return
        # currency word after the number
        cw = None if hyphen else self.phrase_at("CUR_POST", kk)
        if cw is not None and self.t[cw[0]] is not None and self.t[cw[0]].like_num and (
                (cw[0] - kk == 1 and not self.doc[kk].is_alpha) or not self.doc[cw[0] - 1].whitespace_):
            cw = None  # "10 $ 30", "3 USD50 cards": a sign before a number belongs to that number
        if cw is not None and self._reads_as_word(kk, cw[0], cw[1], q.num_start, None):
            cw = None  # "40 TOP players"
        if cw is None and not hyphen and q.currency is None and self.tok(kk) is not None \
                and self.tok(kk).lower_ in patterns.CONTEXT_CURRENCIES:
            code = self._context_currency(kk)
            if code is not None:
                cw = (kk + 1, code)  # "5.1 billion crowns" after "SEK 6.2 billion"
        minor = self.phrase_at("MINOR", kk)
        unit = self.phrase_at("UNIT", kk)
        if cw is not None and (q.currency in (None, cw[1])) and not (unit and unit[0] > cw[0]):
            if q.currency is None:
                q.currency = cw[1]
                q.currency_name = self._currency_name(cw[1], self.span(kk, cw[0]).text)
            k = cw[0]
            after_scale = numbers.scale_of(self.t[k].text) if self.t[k] is not None else None
            if after_scale and q.scale is None and self.t[k].text not in numbers.WEAK_SCALES:
                q.scale = after_scale
                k += 1
        elif minor is not None and not q.currency and (not hyphen or minor[1] != "p"):
            code, frac, name = patterns.MINOR_CURRENCIES[minor[1]]
            if minor[1] != "p" or self.glued(kk - 1):
                if minor[1] in patterns.CENT_FORMS:
                    code = self._named_cent_currency(kk) or code  # "C$1.2 billion, or 74 cents a share"
                q.currency, q.minor, q.currency_name = code, frac, name  # "74 cents", "a 0.25-cent tax"
                k = minor[0]
        elif unit is not None and not q.currency:
            spec = units.lookup(unit[1], self.span(kk, unit[0]).text)
            if spec is not None and self._unit_ok(kk, unit[0]):
                q.unit = spec
                q.per = units.rate_per(unit[1])  # "1.2 million bpd": barrels per day
                k = unit[0]
                if spec.stated == "degree":
                    k = self._degree_reading(q, k)
                elif spec.stated == "kilotonne" and self.doc[k - 1].text == "kt" \
                        and not (self.tok(k) is not None and self.tok(k).lower_ == "of") \
                        and any(w in units.SPEED_WORDS for w in self._near_words(q.num_start, k)):
                    q.unit = units.lookup("knots")  # "winds of 30 kt"
            elif spec is None and unit[1] in units.POINT_FORMS \
                    and self._points(q, unit[0], counted=unit[1] == "points" or hyphen):
                k = unit[0]  # "fell 350 points", "fell 0.2 points to 3.9%", "a quarter-point cut"
        elif q.currency is None and q.unit is None and not hyphen and self._time_after_modifier(q, kk):
            k = q.end  # "29 peak days", "5 business days"
        elif q.currency is None and q.unit is None and not hyphen:
            noun_end = self._count_noun(kk)
            if noun_end is not None and q.raw.lower() == "one" and self.doc[noun_end - 1].lower_.endswith("s"):
                noun_end = None  # "that one costs", "one hopes": a pronoun before a verb
            if noun_end is not None:
                noun = self.doc[noun_end - 1].text
                q.count_noun = patterns.COUNT_ACRONYMS.get(noun, noun)  # "20,000 TEU"
                k = noun_end
        elif hyphen and q.currency is None and q.scale is None:
            # "a 3-stage process" counts stages
            t = self.tok(kk)
            if t is not None and t.lower_ in patterns.MEMBER_WORDS:
                k = kk + 1  # "a 320-strong herd": 320 members, no count noun "strongs"
            elif t is not None and t.is_alpha and t.lower_ not in patterns.COUNT_STOP_WORDS and len(t) > 2:
                q.count_noun = _plural(t.lower_)
                k = kk + 1
        # pounds after a currency scale word: "361 million pounds" is money
        if q.unit is not None and q.unit.stated == "lb" and (q.scale and q.scale >= 1e6 or self._money_pounds(q, k)):
            q.unit, q.currency, q.currency_name = None, "GBP", "pound sterling"
        # emissions: "552 metric tons CO2 equivalent", "tonnes of CO2"
        if q.unit is not None and q.unit.kind == "mass" and q.unit.stated in {"tonne", "ton", "metric ton", "megatonne",
                                                                               "kilotonne"}:
            look = [x.lower_ for x in self.span(k, k + 3)]
            if any(w.startswith("co2") or w in {"carbon", "co₂"} for w in look):
                q.emissions = True
                if q.unit.stated in {"tonne", "ton", "metric ton"}:
                    q.unit = units.UnitSpec("tonne", "metric_ton", "mass")
                k += 1 + (look[0] == "of") if look and (look[0].startswith("co2") or look[0] == "of") else 0
                if self.t[k] is not None and self.t[k].lower_ in {"equivalent", "e", "eq", "eq."}:
                    k += 1
        # rate: "tokens/second", "tokens per sec", "$15.4/hour", "$350 per kg"
        if q.has_unit:
            k_before_rate = k
            if q.unit is not None and q.unit.pint and not q.emissions:
                k = self._skip_of_phrase(k)  # "3.5 million barrels of oil a day"
            t = self.tok(k)
            if t is not None and t.lower_ in {"/", "per", "a", "an", "each"}:
                tu = self.phrase_at("UNIT", k + 1)
                t2 = self.tok(k + 1)
                if tu is None and t2 is not None and t2.lower_ in numbers.MAGNITUDE_WORDS and t.lower_ in {"/", "per"}:
                    tu = self.phrase_at("UNIT", k + 2)  # "$2.85 per million British thermal units"
                    if tu is not None:
                        q.per_scale = numbers.MAGNITUDE_WORDS[t2.lower_]
                        k += 1
                spec = units.lookup(tu[1], self.span(k + 1, tu[0]).text) if tu else None
                if spec is None and tu and t.lower_ in {"/", "per"}:
                    spec = units.lookup_denominator(tu[1], self.span(k + 1, tu[0]).text)  # "150 kg/ha"
                if spec is not None and spec.kind == "time" and t.lower_ in {"a", "an", "each", "per"} \
                        and q.currency and spec.stated in {"year", "quarter", "month", "week", "day"}:
                    spec = None  # "$25B a quarter" is a period of the amount, not a rate
                after_unit = self.t[tu[0]] if tu else None
                if spec is not None and t.lower_ in {"a", "an"} and after_unit is not None \
                        and after_unit.lower_ in _TIME_REFERENCES:
                    spec = None  # "up from 32k tokens a year ago": a time reference, no rate
                if q.unit is not None and q.unit.kind == "multiplier" and spec is not None and spec.kind == "time" \
                        and self.doc[k - 1].lower_ == "times":
                    q.unit, q.count_noun = None, "times"  # "four times a week" is a frequency, no multiplier
                elif q.unit is not None and q.unit.kind in ("percent", "points", "multiplier") and spec is not None \
                        and spec.kind == "time":
                    spec = None  # "40% a year" dates the figure (period), it is no rate
                if spec is not None and (t.lower_ in {"/", "per"} or spec.kind == "time"
                                         or q.currency and spec.kind != "time" and len(self.span(k + 1, tu[0]).text) > 1):
                    # "$3.49 a gallon", "$23,750 an acre": a price per unit, however introduced
                    q.per = spec
                    k = tu[0]
                    k = self._second_per(q, k)
                elif q.currency and t.lower_ in {"per", "/", "a", "an", "each"}:
                    # a price per counted thing: "$30 per million input tokens", "$5 a share"
                    end = self._per_count(q, k + 1)
                    if end is not None:
                        k = end
                if spec is None or q.per is not spec:
                    q.per_scale = 1.0
            if q.per is None and q.per_count is None:
                k = k_before_rate
        # trailing "+", "or more", "(estimated)"
        after = self.phrase_at("QUAL_AFTER", k)
        if after is not None and self.t[k].text == "+" and self.t[k + 1] is not None \
                and self.t[k + 1].text.startswith("/"):
            after = None  # "+/-" is a tolerance, not an open bound
        if after is not None and self.t[after[0]] is not None and self.t[after[0]].lower_ == "to":
            after = None  # "25 billion transistors and up to 128GB": "up to" belongs to the next figure
        if after is not None and self.tok(k).lower_ == "plus" and self._plus_adds(q, after[0]):
            after = None  # "£30 plus VAT", "500g plus 20 minutes": an addition, not an open bound
        if after is not None:
            q.qualifier = _stronger(q.qualifier, after[1])
            q.open_high = after[1] in (">=", ">")
            k = after[0]
        q.end = max(k, q.num_end)

    def _plus_adds(self, q: Q, j: int) -> bool:
        """"plus" before token j adds something ("£19,548 plus 9p per elector", "£30 plus
        VAT"): after an amount with its unit, any word or figure may follow; after a bare
        number only a figure or a currency ("5 plus 3"). At the end of a phrase ("£30 plus.")
        or before a noun after a bare number it is an open bound."""
        t = self.tok(j)
        if t is None or self.is_break(j) or t.is_punct and self.phrase_at("CUR_PRE", j) is None:
            return False
        if q.has_unit or q.unit is not None:
            return True
        return t.like_num or self.phrase_at("CUR_PRE", j) is not None

    def _time_after_modifier(self, q: Q, k: int) -> bool:
        """"29 peak days", "7 travel days", "5 business days": a plural time unit after one
        lower-case modifier is the number's unit (sets it and q.end). Not after a year ("the
        2020 election years"), nor a singular unit ("a 5 year plan")."""
        t, u = self.tok(k), self.phrase_at("UNIT", k + 1)
        if t is None or u is None or u[0] != k + 2 or not t.is_alpha or not t.is_lower or not t.whitespace_ \
                or self.doc[k + 1].lower_ not in patterns.PLURAL_TIME_UNITS or t.lower_ in patterns.COUNT_STOP_WORDS \
                or t.lower_ in STOP_WORDS or numbers.is_year(q.low or 0, q.raw) or self.phrase_at("UNIT", k) \
                or self.phrase_at("CUR_POST", k) or numbers.scale_of(t.text) is not None:
            return False
        q.unit, q.end = units.lookup(u[1], self.doc[k + 1].text), u[0]
        return q.unit is not None

    def _named_cent_currency(self, k: int) -> str | None:
        """The dollar or euro named nearest before the cents at token k in their sentence
        ("C$1.2 billion, or 74 cents", "in Canadian dollars ... 74 cents"), or None (see
        patterns.CENT_CURRENCIES). A currency after the cents is a conversion ("2 cents per
        kWh, or roughly €0.02") and says nothing of theirs."""
        lo, _ = self._sentence_window(k, patterns.CONTEXT_WINDOW)
        best, j, hi = None, lo, k
        while j < hi:  # left to right, the longest form at each token ("Canadian dollars", not "dollars")
            hits = [h for h in (self.phrase_at("CUR_PRE", j), self.phrase_at("CUR_POST", j)) if h is not None]
            hit = max(hits, default=None)
            if hit is None or j == k:
                j += 1
                continue
            if hit[1] in patterns.CENT_CURRENCIES and not self._reads_as_word(j, hit[0], hit[1], hit[0], hit[0]) \
                    and (best is None or abs(j - k) < best[0]):
                best = (abs(j - k), hit[1])
            j = hit[0]
        return best[1] if best is not None else None

    def _skip_of_phrase(self, k: int) -> int:
        """"2,700 kWh of electricity per year": the index of "per" after "of" and one to three
        words, or k when there is none. After such a phrase "a year" dates the amount (its
        period, as "$5 billion of revenue a year"); only "per" makes it a rate."""
        t = self.tok(k)
        if t is None or t.lower_ != "of":
            return k
        j = k + 1
        while j < min(k + 4, self.n) and self.doc[j].is_alpha and self.doc[j].lower_ not in patterns.COUNT_STOP_WORDS:
            j += 1
        nxt = self.tok(j)
        return j if j > k + 1 and nxt is not None and nxt.lower_ == "per" else k

    def _second_per(self, q: Q, k: int) -> int:
        """"CHF 32 per square metre per month": a second denominator after the first."""
        t = self.tok(k)
        if t is None or t.lower_ not in {"per", "/", "a", "an"}:
            return k
        tu = self.phrase_at("UNIT", k + 1)
        spec = units.lookup(tu[1], self.span(k + 1, tu[0]).text) if tu else None
        if spec is None or spec == q.per or t.lower_ in {"a", "an"} and spec.kind != "time":
            return k
        after = self.tok(tu[0])
        if t.lower_ in {"a", "an"} and after is not None and after.lower_ in _TIME_REFERENCES:
            return k  # "150 kg/ha a decade ago": a time reference, no second denominator
        q.per2 = spec
        return tu[0]

    def _near_words(self, s: int, e: int, before: int = 10, after: int = 10) -> list[str]:
        """The lower-cased words around tokens s..e-1 in their sentence, nearest first on
        each side (at most `before` and `after` of them). Asked only for units whose reading
        depends on context ("degrees", "K", "pounds")."""
        out: list[str] = []
        for j in range(s - 1, max(-1, s - 1 - before), -1):
            t = self.doc[j]
            if t.text in patterns.SENTENCE_STOPS or "\n" in t.text or "\n" in t.whitespace_:
                break
            out.append(t.lower_)
        for j in range(e, min(self.n, e + after)):
            t = self.doc[j]
            if t.text in patterns.SENTENCE_STOPS or "\n" in t.text:
                break
            out.append(t.lower_)
            if "\n" in t.whitespace_:
                break
        return out

    def _degree_reading(self, q: Q, k: int) -> int:
        """"degree(s)" or "°": an angle when an angle word is near ("tilted 23.5 degrees",
        "a 360-degree view", "40° N"), an academic degree near words of study, else a
        temperature in the scale the sentence names (degrees Celsius by default); "12
        degrees below zero" is -12 (and "zero" is no figure of its own)."""
        near = self._near_words(q.num_start, k)
        nxt = self.tok(k)
        if nxt is not None and nxt.text in {"N", "S", "E", "W"} or any(
                w in units.ANGLE_WORDS or w.startswith(units.ANGLE_PREFIXES) for w in near):
            return k
        if q.low is not None and float(q.low).is_integer() and q.low <= 10 and self.doc[k - 1].lower_ == "degrees" \
                and any(w in units.ACADEMIC_WORDS for w in near):
            q.unit, q.count_noun = None, "degrees"
            return k
        scale = next((units.TEMPERATURE_SCALES[w] for w in near if w in units.TEMPERATURE_SCALES), "°c")
        q.unit = units.lookup(scale)
        words = [t.lower_ for t in self.span(k, k + 2)]
        if words in (["below", "zero"], ["above", "zero"]):
            if words[0] == "below" and q.low is not None:
                q.low = q.high = -abs(q.low)
            k += 2
        return k

    def _money_pounds(self, q: Q, k: int) -> bool:
        """"sold for 200 pounds", "the fine was 500 pounds": pounds near words of money
        are pound sterling; words of weight, or "of" after ("200 pounds of meat"), keep mass."""
        if self.doc[k - 1].lower_ != "pounds" or self.doc[k - 2].text in {"-", "–"}:
            return False  # "a twenty-pound bag", "a 5 pound weight": a modifier, a weight
        nxt = self.tok(k)
        if nxt is not None and nxt.lower_ == "of":
            return False
        near = self._near_words(q.num_start, k, before=8, after=4)
        return not any(w in units.WEIGHT_WORDS for w in near) and any(w in units.MONEY_WORDS for w in near)
    def _points(self, q: Q, end: int, counted: bool = True) -> bool:
        """"points" after a number: percentage points in a clause about a rate, else counted
        points when `counted` (written "points", or a compound "a 50-point lead"; a singular
        "one point" counts nothing, as "one store" does not). True when it took the word."""
        before = self.tok(q.start - 1)
        level = before is not None and before.lower_ in patterns.LEVEL_WORDS  # "slumped 4.2% to 1,402 points"
        if self._rate_context(q.start, end, figures=not level):
            q.unit = units.PERCENTAGE_POINTS
        elif counted:
            q.count_noun = "points"
        else:
            return False
        return True

    def _rate_context(self, s: int, e: int, figures: bool = True) -> bool:
        """The clause around tokens s..e is about a rate: a rate word ("yield", "unemployment",
        "margin"), or (with `figures`) a percentage figure that is not a restatement of a change
        (", or 2.6%", "(2.6%)" follow index points). Looks at most 15 tokens either side, within
        the sentence. A level reached ("fell 1.2% to 7,402 points") is told by rate words only."""
        for span in (range(s - 1, max(-1, s - 16), -1), range(e, min(self.n, e + 15))):
            for j in span:
                t = self.doc[j]
                if t.text in patterns.SENTENCE_STOPS or "\n" in t.text:
                    break
                low = t.lower_
                if low in patterns.RATE_CONTEXT_WORDS:
                    return True
                if figures and low in patterns.PERCENT_WORDS and j >= 1 and self.doc[j - 1].like_num:
                    before = self.tok(j - 2)
                    if before is None or before.lower_ not in patterns.RESTATEMENT_WORDS:
                        return True
        return False

    def _per_count(self, q: Q, k: int) -> int | None:
        """After "per": an optional scale word, up to two modifiers and a counted noun
        ("million input tokens", "share", "user"). Sets the price's denominator."""
        scale = 1.0
        t = self.t[k]
        if t is not None and numbers.scale_of(t.text) and (t.lower_ in numbers.MAGNITUDE_WORDS or t.lower_ in {"k", "m", "mn", "bn"}):
            scale = numbers.scale_of(t.text)
            k += 1
        for j in range(k, min(k + 3, self.n)):
            w = self.doc[j]
            if not w.is_alpha or w.lower_ in patterns.COUNT_STOP_WORDS:
                break
            if w.lower_ in _PRICE_DENOMINATORS or w.lower_.rstrip("s") in _PRICE_DENOMINATORS:
                q.per_count = (scale, _plural(w.lower_.rstrip("s")) if not w.lower_.endswith("s") else w.lower_)
                return j + 1
        # any other singular noun after "a/an/per/each": "$2.31 a share", "$84,000 per patient",
        # "$2.31 a diluted share" (a participle modifies the noun after it)
        intro = self.tok(k - 1 if scale == 1.0 else k - 2)
        j = k
        w = self.tok(j)
        code = _CURRENCY_WORD_CODES.get(w.lower_) if w is not None and q.currency else None
        if code is not None and intro is not None and intro.lower_ in {"per", "a", "an", "each", "to", "/"}:
            q.per_count = (1.0, code)  # "R$5.42 per dollar": an exchange rate, BRL/USD
            return j + 1
        if w is not None and w.lower_.endswith("ed") and self.tok(j + 1) is not None and self.tok(j + 1).is_alpha:
            j, w = j + 1, self.tok(j + 1)
        if intro is None or intro.lower_ not in {"a", "an", "per", "each"} or w is None or not _denominator_noun(w) \
                or _singular(w.lower_) in _CURRENCY_DENOMINATORS \
                or self.phrase_at("UNIT", j) is not None or scale == 1.0 and w.lower_.endswith("s") and not w.lower_.endswith("ss"):
            return None
        q.per_count = (scale, w.lower_ if w.lower_.endswith("s") and scale != 1.0 else _plural(w.lower_))
        return j + 1

    def _weak_scale_ok(self, q: Q, k: int) -> bool:
        """"$5m" is five million; "5m" alone is five metres."""
        if q.currency:
            return True
        nxt = self.t[k + 1]
        if nxt is None:
            return False
        return bool(self.phrase_at("CUR_POST", k + 1) or (self.phrase_at("UNIT", k + 1) and nxt.lower_ in {"tokens", "parameters", "token", "params"})
                    or (nxt.is_alpha and nxt.lower_.endswith("s") and nxt.lower_ not in patterns.NOT_COUNT_NOUNS and len(nxt) > 3
                        and nxt.lower_ not in patterns.DISTANCE_EVENTS)  # "100m hurdles" is a distance
                    or (nxt.lower_ in patterns.IRREGULAR_PLURALS and self.phrase_at("UNIT", k + 1) is None))  # "5m people"

    def _unit_ok(self, s: int, e: int) -> bool:
        text = self.span(s, e).text
        if text == '"':
            return self._inch_mark(s)
        if text in ("C", "F") and not self.glued(s - 1):
            return False  # "-12C" is a temperature, "grade 5 C" is not
        if text.lower() in units.AMBIGUOUS_SHORT:
            # "in", "s", "m", "x" need to be glued to the number or be followed by a break,
            # "of" ("4 L of wine") or a dimension word ("2 1/2 in thick")
            if not self.glued(s - 1):
                nxt = self.t[e]
                if text.lower() == "in" or text.lower() in {"s", "t", "b", "g", "l", "w", "j", "h"}:
                    if nxt is not None and (nxt.is_alpha or nxt.like_num or nxt.text in {"$", "€", "£"}) \
                            and nxt.lower_ not in _MEASURE_FOLLOWERS \
                            and not (text.lower() != "in" and nxt.lower_ in _UNIT_CONJUNCTIONS):
                        return False
                if text.lower() in ("x", "×") and nxt is not None and (nxt.like_num):
                    return False  # "1 m x 1 m" is a product, "3 x 4" too
        return True

    def _inch_mark(self, i: int) -> bool:
        """A double quote after a number is an inch mark ('a 9" pan', '10 " long'),
        unless it closes a quotation opened earlier on the line ('the class "English 101"')."""
        if not self.glued(i - 1):
            nxt = self.t[i + 1]
            if nxt is None or nxt.lower_ not in _MEASURE_FOLLOWERS:
                return False
        quotes = 0
        for j in range(i - 1, max(-1, i - 80), -1):
            t = self.doc[j]
            if "\n" in t.text or "\n" in t.whitespace_:
                break
            if t.text in {"“", "”"} or t.text == '"' and not (j > 0 and self.doc[j - 1].like_num and self.glued(j - 1)):
                quotes += 1  # an earlier inch mark ('9"') opens no quotation
        return quotes % 2 == 0

    def _context_currency(self, k: int) -> str | None:
        """The currency a word of several names ("crowns", "dinars"), from a country,
        currency or city word in the same sentence nearby, the nearest first (see
        CONTEXT_CURRENCIES)."""
        default, context = patterns.CONTEXT_CURRENCIES[self.doc[k].lower_]
        lo, hi = self._sentence_window(k, patterns.CONTEXT_WINDOW)
        for j in sorted(range(lo, hi), key=lambda j: abs(j - k)):
            code = context.get(self.doc[j].lower_)
            if code is not None:
                return code
        return default

    def _currency_name(self, code: str, written: str) -> str:
        name = patterns.CURRENCIES[code][0]
        w = written.lower()
        if w in {"usd", "eur", "gbp", "jpy", "cny", "cad", "aud", "inr", "€", "£", "$"}:
            return w.upper() if w.isalpha() else {"€": "EUR", "£": "GBP", "$": "USD"}[w]
        if code == "USD" and ("us" in w or "united states" in w):
            return "united states dollar"
        if code == "GBP" and "british" in w:
            return "british pound"
        return name if code != "USD" else "dollar"

    def _count_noun(self, k: int) -> int | None:
        """End of a count noun phrase after a number: "users", "market segments",
        "credible companies". Up to two modifiers, no stop words, no punctuation."""
        for j in range(k, min(k + 3, self.n)):
            t = self.doc[j]
            low = t.lower_
            # (a letter is never a digit: an all-letter word is read no further)
            model_like = not t.is_alpha and t.text[:1].isalpha() and t.text.isalnum() and any(c.isdigit() for c in t.text)
            if model_like and j + 1 < self.n:
                continue  # "16,000 H100 GPUs"
            if j == k and low in patterns.COUNT_MODIFIERS:
                continue  # "2 million more customers", "500 extra staff"
            if not t.is_alpha or low in patterns.COUNT_STOP_WORDS or t.is_space:
                return None
            if j > k and not self.doc[j - 1].whitespace_:
                return None
            if t.text in patterns.COUNT_ACRONYMS:
                return j + 1  # "20,000 TEU"
            acronym_plural = len(t.text) > 2 and t.text[-1] == "s" and t.text[-2].isupper()  # "GPUs"
            if low in patterns.IRREGULAR_PLURALS or acronym_plural or (
                low.endswith("s") and len(low) > 2 and not low.endswith(("ss", "us", "is"))
                and low not in patterns.NOT_COUNT_NOUNS
            ):
                nxt = self.t[j + 1]
                # "GPUs", "companies"; not "years" (units) which the unit table handles
                if nxt is not None and nxt.text == "'" :
                    return None
                return j + 1
            if t.is_upper and len(low) > 1 and not low.endswith("s"):
                return None  # an acronym that is not plural: "AI", "GPU"
        return None

    # vague quantities ------------------------------------------------------------------------
    def _vague(self, s: int, e: int) -> Q | None:
        words = [t.lower_ for t in self.span(s, e)]
        if words[-1] in numbers.VAGUE_DURATIONS:
            return self._vague_duration(s, e, words)
        if words[0] in ("by", "in") or words[0] in numbers.MULTIPLIER_WORDS or words[0] in numbers.HALVING_WORDS:
            return self._change_word(s, e, words)
        chained = False
        if words[-1] == "of" and words[0] in numbers.PLURAL_SCALES:
            m = numbers.PLURAL_SCALES[words[0]]
            low, high = m, m * 10
            # "tens of thousands (of dollars)", "hundreds of millions of": the scales multiply
            while self.tok(e) is not None and self.tok(e).lower_ in numbers.PLURAL_SCALES \
                    and numbers.PLURAL_SCALES[self.tok(e).lower_] > m:
                m = numbers.PLURAL_SCALES[self.tok(e).lower_]
                low, high, e, chained = low * m, high * m, e + 1, True
                if self.tok(e) is not None and self.tok(e).lower_ == "of":
                    e += 1
        elif len(words) == 4 and words[1] == "s":
            base = numbers.parse_numeral(self.doc[s].text)
            if base is None:
                return None
            m = numbers.PLURAL_SCALES[words[3]]
            low, high = base * m, base * 10 * m
            # "10s of trillions of tokens"
            if self.t[e] is not None and self.t[e].lower_ == "of":
                e += 1
        elif words[0] == "multi":
            return None
        else:
            key = " ".join(words)
            if key not in numbers.VAGUE_WORDS:
                return None
            low, high = numbers.VAGUE_WORDS[key]
            if self.t[e] is not None and self.t[e].lower_ == "of":
                e += 1
        q = Q(start=s, end=e, low=low, high=high, num_start=s, num_end=e, raw=self.span(s, e).text, vague=True)
        q.qualifier = "~" if low != high else "="
        self._left(q)
        k = e
        unit = self.phrase_at("UNIT", k)
        cw = self.phrase_at("CUR_POST", k)
        if cw is not None:
            q.currency = cw[1]
            q.currency_name = self._currency_name(cw[1], self.span(k, cw[0]).text)
            q.end = cw[0]
        elif unit is not None:
            spec = units.lookup(unit[1], self.span(k, unit[0]).text)
            if spec is None:
                return None
            q.unit = spec
            q.end = unit[0]
        else:
            # "a few multi-billion AI foundation model regional companies": allow a few modifiers
            end = None
            for j in range(k, min(k + 7, self.n)):
                t = self.doc[j]
                if t.is_punct and t.text != "-" or t.is_space or t.lower_ in patterns.COUNT_STOP_WORDS:
                    break
                ne = self._count_noun(j)
                if ne is not None:
                    end = ne
                    break
            if end is None:
                if chained:  # "tens of thousands marched": a number, nothing named to count
                    q.end = e - 1 if self.tok(e - 1).lower_ == "of" else e
                    q.raw = self.span(s, q.end).text
                    return q
                return None
            q.count_noun = self.doc[end - 1].text
            q.end = end
        return q

    def _change_word(self, s: int, e: int, words: list[str]) -> Q | None:
        """"tenfold" / "doubled" / "twice as fast" -> a multiplier; "halved", "cut in half" and
        "cut costs by half" / "by a third" -> a percent change (down, unless the verb says up)."""
        qualifier = "="
        if words[0] in numbers.MULTIPLIER_WORDS:
            if words[0] in numbers.MULTIPLIER_VERBS and not (
                    self.t[s - 1] is not None and self.t[s - 1].lower_ in numbers.MULTIPLIER_VERB_CUES
                    and not (self.t[s + 1] is not None and self.t[s + 1].text in {"-", "–"})):
                return None  # "double-digit", "a double room"
            factor, direction = numbers.MULTIPLIER_WORDS[words[0]]
            spec, value, e = units.lookup("x"), factor, s + 1
            qual = self.phrase_ending("QUAL_BEFORE", s)
            if qual is not None:
                qualifier = qual[1]  # "more than doubled"
        else:
            if words[0] in ("by", "in"):
                hedge = words[1] if len(words) > 2 and words[1] in patterns.FRACTION_HEDGES else None
                if hedge:
                    qualifier = patterns.FRACTION_HEDGES[hedge]
                value = numbers.CHANGE_FRACTIONS.get(" ".join(w for w in words[1:] if w not in ("a", "one", "-", hedge)))
                nxt = self.t[e]
                if value is None or not self._after_change_verb(s) or nxt is not None and (
                        nxt.lower_ in {"a", "an", "the", "of", "past", "-", "party", "parties", "time"}
                        or self.phrase_at("UNIT", e)):
                    return None  # "by half past", "divided by a third party", "fell by half a point"
                s += 1
                direction = None
            else:
                value, direction = numbers.HALVING_WORDS[words[0]], "down"
            spec = units.lookup("%")
        if spec is None:
            return None
        q = Q(start=s, end=e, low=value, high=value, num_start=s, num_end=e, raw=self.span(s, e).text,
              unit=spec, qualifier=qualifier)
        q.direction = direction
        return q

    def _after_change_verb(self, s: int) -> bool:
        """A verb of change before "by" in its clause ("cut costs by", "rose by", "were up by
        one-fifth, and costs by a quarter"), at most ten words back."""
        for j in range(s - 1, max(-1, s - 11), -1):
            w = self.doc[j].lower_
            if w in patterns.SENTENCE_STOPS or "\n" in w:
                return False
            if any(w in ws for ws in patterns.DIRECTION_WORDS.values()) or w in patterns.CHANGE_VERBS:
                return True
        return False

    def _vague_duration(self, s: int, e: int, words: list[str]) -> Q | None:
        """"for months" (1-12 months), "months to years" (a month to 10 years, stated in
        years as "500ms-5s" is stated in seconds); not "for years to come", "for days on end"."""
        nxt = self.t[e]
        if words[0] == "for":
            after = self.t[e + 1]
            if nxt is not None and (nxt.lower_ in ("of", "and", "or", "ago") or after is not None and (
                    (nxt.lower_, after.lower_) in (("to", "come"), ("on", "end")))):
                return None
            s += 1
        last = units.lookup(words[-1])
        if last is None:
            return None
        high = numbers.VAGUE_DURATIONS[words[-1]]
        low = 1.0
        if len(words) == 3 and words[0] != "for":
            first = units.lookup(words[0])
            if first is None or first == last:
                return None
            low = units.to_canonical(1.0, first) / units.to_canonical(1.0, last)
            if low >= high:
                return None
        q = Q(start=s, end=e, low=low, high=high, num_start=s, num_end=e, raw=self.span(s, e).text, vague=True,
              unit=last, qualifier="~", is_range=True)
        return q

    def _carry_units(self, qs: list[Q]) -> None:
        """"Sales reached 1.2m units, up from 900,000": a bare number compared with the
        figure just before it is in the same unit."""
        # "45 and 50 mg", "3, 4 or 5 days": a list of numbers shares the unit of its last
        for a, b in reversed(list(zip(qs, qs[1:]))):
            if a.has_unit or a.is_range or a.vague or a.scale or not (b.unit or b.count_noun) or b.is_range:
                continue
            between = [t.lower_ for t in self.span(a.end, b.start)]
            if between in (["and"], ["or"], [","]) and b.num_start == b.start:
                a.unit, a.count_noun, a.per = b.unit, b.count_noun, b.per
            elif len(between) == 1 and between[0] in patterns.DIMENSION_CONNECTORS and b.num_start == b.start \
                    and b.unit is not None and b.unit.kind == "length" and not b.per:
                a.unit = b.unit  # "12 x 8 x 4 inches", "a 10 by 12 foot room": each side in the unit
            elif between == ["/"] and b.unit is not None and self._slash_pair(a.end):
                a.unit, a.per = b.unit, b.per  # "130/80 mmHg": two readings in one unit
                b.qualifier = _stronger(b.qualifier, a.qualifier)  # "above 130/80 mmHg" bounds both
        # "close 20 to 25 of its 310 stores": a part of a counted whole counts the same things
        for a, b in zip(qs, qs[1:]):
            if not a.has_unit and not a.unit and b.count_noun and not a.vague and b.num_start == b.start \
                    and [t.lower_ for t in self.span(a.end, b.start)] in (["of", "its"], ["of", "their"], ["of", "the"],
                                                                        ["of", "our"], ["of", "his"], ["of", "her"],
                                                                        ["of"]):  # "won 412 of 650 seats"
                a.count_noun = b.count_noun
        for i in range(1, len(qs)):
            # the figure compared with: the one before, skipping a multiplier ("twice as many as")
            a, b = qs[i - 1], qs[i]
            if i > 1 and a.unit is not None and a.unit.kind == "multiplier":
                a = qs[i - 2]
            if b.has_unit or not a.has_unit or b.is_range or b.start - a.end > 12:
                continue
            words = [t.lower_ for t in self.span(max(a.end, b.start - 5), b.start)]
            if len(words) >= 3 and words[-1] in ("'s", "’s") and self.doc[b.start - 2].is_title:
                words = words[:-2]  # "twice as many as Tesla's 1.8 million", "than Ford's 900,000"
            # "162 million tonnes, up 4 million", "rose 5 million tonnes to 40 million": a scaled
            # bare number after a word of change, beside a scaled amount (not a percentage)
            change = b.scale is not None and a.scale is not None and words[-1:] and words[-1] in patterns.CHANGE_LINKS \
                and not (a.unit is not None and a.unit.kind in ("percent", "points", "multiplier")) and not a.vague
            if change or words[-1:] in (["from"], ["versus"], ["vs"], ["vs."], ["against"], ["than"]) \
                    or words[-2:] in (["compared", "with"], ["compared", "to"]) \
                    or words[-2:] in (["many", "as"], ["much", "as"]):
                if any(self.doc[x].text in {".", ";", "\n"} or "\n" in self.doc[x].text for x in range(a.end, b.start)):
                    continue
                b.unit, b.currency, b.currency_name, b.count_noun, b.minor = (
                    a.unit, a.currency, a.currency_name, a.count_noun, a.minor)

    # ranges ----------------------------------------------------------------------------------
    def _merge_ranges(self, qs: list[Q]) -> list[Q]:
        out: list[Q] = []
        qs = list(qs)
        i = 0
        while i < len(qs):
            a = qs[i]
            if i + 1 < len(qs):
                b = qs[i + 1]
                # each way of joining two figures allows at most 4 tokens between them
                merged = None
                if b.start - a.end <= 4:
                    merged = self._try_ratio(a, b)
                    if merged is None:
                        merged = self._try_compound(a, b)
                        if merged is not None:
                            qs[i + 1] = merged  # a third unit may follow: "2 hours 1 minute 9 seconds"
                            i += 1
                            continue
                        merged = self._try_tolerance(a, b) or self._try_range(a, b)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _try_compound(self, a: Q, b: Q) -> Q | None:
        """One amount written in two units: "3 dollars 50 cents", "thirteen dollars and
        forty-five cents", "5 feet 2 inches", "12 ft 2 in"."""
        if b.start - a.end > 2:
            return None
        between = tuple(t.lower_ for t in self.span(a.end, b.start) if not t.is_space)
        if between not in ((), ("and",)) or a.is_range or b.is_range or a.low is None or b.low is None \
                or a.per is not None or a.per_count is not None:
            return None  # "$52 a barrel and 63 cents per share" are two prices
        if a.unit is not None and a.unit.stated == "h" and b.unit is not None and b.unit.stated in units.AFTER_HOURS \
                and self.glued(b.num_end - 1) and not b.scale:
            b.unit = units.lookup(units.AFTER_HOURS[b.unit.stated])  # "2h 15m": minutes after hours
        if a.currency and a.minor == 1.0 and not a.scale:
            if b.currency == a.currency and b.minor < 1.0:
                extra = b.low * b.minor
            elif not b.has_unit and b.low < 100 and float(b.low).is_integer() and not b.scale \
                    and float(a.low).is_integer() and "." not in a.raw:
                extra = b.low / 100
            else:
                return None
        elif a.unit is not None and a.unit.kind == "time" and b.unit is not None and b.unit.kind == "time" \
                and a.unit.pint and b.unit.pint and not a.scale and not b.scale:
            ratio = units.to_canonical(1.0, b.unit) / units.to_canonical(1.0, a.unit)
            if ratio >= 1:
                return None
            extra = b.low * ratio  # "27 minutes 30 seconds", "2 hours 15 minutes", "4 hours and 20 minutes"
        elif a.unit is not None and a.unit.stated in ("ft", "lb", "stone", "yard", "mile") and a.unit.pint:
            # imperial amounts are written in two units; metric ones are not ("12 m 2 dm" is two)
            sub = b.unit
            nxt = self.t[b.end]
            if sub is None and nxt is not None and nxt.lower_ in {"in", "inch", "inches", "\""} and a.unit.stated == "ft":
                sub = units.lookup("inch")
                b.end += 1
            if sub is None or sub.kind != a.unit.kind or not sub.pint:
                return None
            ratio = units.to_canonical(1.0, sub) / units.to_canonical(1.0, a.unit)
            if ratio >= 1:
                return None
            extra = b.low * ratio
        else:
            return None
        a.low = a.low + extra
        a.high = a.low
        a.end = b.end
        return a

    def _after_movement(self, s: int, percent: bool, own_unit: bool = False, rising: bool | None = None) -> bool:
        """"rose €400 million to ...", "fell from 5% to ...", "cut costs from $5m to ...",
        "went up from ¥210 to ...", "rose by $2 billion to ...": a verb of movement before the
        figure (with "from" or "by", anywhere earlier in the clause; with "by" when the first
        figure has its own unit or magnitude). "grew by 10% to 12%", "fell by 7 to 9 mmHg"
        and "rose 5% to 10%" stay ranges of the change. With "from", a verb whose direction
        the ends contradict (`rising`: "reduced from 44 mg to 50 mg") says no change."""
        t = self.tok(s - 1)
        if t is not None and t.lower_ == "from":
            return self._change_before(s - 1, rising)
        if not percent and own_unit and t is not None and t.lower_ == "by":
            return self._change_before(s - 1)
        return not percent and self._movement_at(s - 1)

    def _change_before(self, j: int, rising: bool | None = None) -> bool:
        """A verb of change in the clause before token j ("from"/"by"), at most CHANGE_LOOKBACK
        words back: "reduced on appeal from", "cut the main rate of national insurance by";
        not one whose direction contradicts `rising` (the ends of "from X to Y" go up)."""
        for k in range(j - 1, max(-1, j - 1 - patterns.CHANGE_LOOKBACK), -1):
            t = self.doc[k]
            if t.text in patterns.SENTENCE_STOPS or t.text in {",", ":", "(", ")"} or self.is_break(k) \
                    or t.lower_ in patterns.RANGE_WORDS:
                return False
            if self._movement_at(k):
                against = patterns.DIRECTION_WORDS["down" if rising else "up"] if rising is not None else ()
                return t.lower_ not in against
        return False

    def _to_a_range(self, k: int) -> bool:
        """Token k is "to" before a range ("to 3 to 5 per cent", "to $3-$4"): a figure, then a
        range connector and another figure within the next few tokens."""
        t = self.tok(k)
        if t is None or t.lower_ != "to":
            return False
        for j in range(k + 2, min(self.n - 1, k + 6)):
            w = self.doc[j]
            if w.lower_ in {"to", "-", "–"} and self.doc[j - 1].like_num or w.lower_ in {"to", "-", "–"} \
                    and numbers.scale_of(self.doc[j - 1].text) is not None:
                nxt = self.doc[j + 1]
                return nxt.like_num or self.phrase_at("CUR_PRE", j + 1) is not None
            if w.is_punct and w.text not in {"$", "€", "£", "¥", "%", "."} or self.is_break(j):
                return False
        return False

    def _share_ends(self, a: Q, b: Q) -> None:
        """"from 5 to 7%", "rise from £1.20 to £1.50 an hour": a change and a level, or two
        levels, split from "X to Y". The first end without a unit is in the second's (and its
        scale when it reads so: "from 5 to 7 million"); a first end in the same unit takes the
        second's rate denominator ("£1.20" is GBP/h there too)."""
        if not a.has_unit and a.unit is None:
            a.unit, a.currency, a.currency_name, a.minor, a.count_noun = b.unit, b.currency, b.currency_name, b.minor, \
                b.count_noun
            if a.scale is None and b.scale is not None and b.high is not None and a.low is not None \
                    and a.low <= b.high / b.scale:
                a.scale = b.scale
                a.low, a.high = (float(f"{v * b.scale:.15g}") if v is not None else None for v in (a.low, a.high))
        if a.per is None and a.per_count is None and a.unit == b.unit and a.currency == b.currency \
                and a.count_noun == b.count_noun and (b.per is not None or b.per_count is not None):
            a.per, a.per_scale, a.per2, a.per_count = b.per, b.per_scale, b.per2, b.per_count

    def _movement_at(self, j: int) -> bool:
        """Token j is a verb of movement ("rose"), or a particle after a verb of motion ("went up")."""
        t = self.tok(j)
        if t is None:
            return False
        if t.lower_ in patterns.MOVEMENTS:
            return True
        verb = self.tok(j - 1)
        return t.lower_ in patterns.MOVEMENT_PARTICLES and verb is not None \
            and verb.lower_ in patterns.MOVEMENT_PARTICLE_VERBS

    def _level_after_change(self, a: Q, b: Q) -> bool:
        """"fell 0.5% to 4,120", "rose 1% to 2,400": a percentage, then a bare number of
        another kind (an index level, a price without its sign) is a change and a level,
        never a range: after a verb of movement, or when the bare end is a magnitude no
        percentage range reaches (over 100)."""
        if a.unit is None or a.unit.kind not in ("percent", "points") or b.has_unit or b.unit is not None \
                or a.is_range or b.high is None:
            return False
        return abs(b.high) > 100 or self._movement_at(a.start - 1) or (
            self.tok(a.start - 1) is not None and self.tok(a.start - 1).lower_ == "by"
            and any(self._movement_at(j) for j in range(a.start - 4, a.start - 1)))

    def _range_follows(self, e: int) -> bool:
        """"one to two years", "one or two days": the number opens a range."""
        t, t2 = self.tok(e), self.tok(e + 1)
        return t is not None and t2 is not None and t.lower_ in {"to", "or", "-", "–"} \
            and (t2.like_num or numbers.is_number_word(t2.lower_))

    def _ratio_follows(self, e: int) -> bool:
        """"one in three", "one out of five": the number starts a share."""
        words = [t.lower_ for t in self.span(e, e + 3)]
        k = 1 if words[:1] == ["in"] else 2 if words[:2] == ["out", "of"] else 0
        return bool(k) and self.t[e + k] is not None and self.t[e + k].like_num

    def _try_ratio(self, a: Q, b: Q) -> Q | None:
        """"1 in 4 homes", "seven in ten trains", "4.5 out of 5": a share, as a percentage."""
        if a.has_unit or a.unit or a.scale or b.unit or b.currency or b.scale or a.is_range or b.is_range \
                or a.low is None or b.low is None or a.vague or b.vague:
            return None
        between = tuple(t.lower_ for t in self.span(a.end, b.start))
        if between not in (("in",), ("out", "of")) or not 0 < a.low <= b.low:
            return None
        q = Q(start=a.start, end=b.num_end, low=a.low / b.low, high=a.low / b.low, num_start=a.num_start,
              num_end=b.num_end, raw=self.span(a.start, b.num_end).text, unit=units.FRACTION)
        q.qualifier = a.qualifier
        return q

    def _try_tolerance(self, a: Q, b: Q) -> Q | None:
        """"12.5 ± 0.3 mm", "9.83 +/- 0.01": a value and its tolerance, read as the range."""
        if b.start - a.end > 3 or a.low is None or b.low is None or a.is_range or b.is_range:
            return None
        between = "".join(t.text for t in self.span(a.end, b.start))
        if between not in ("±", "+/-", "+-", "+/−") or (a.has_unit and b.has_unit and (a.unit != b.unit or a.currency != b.currency)):
            return None
        unit_from = a if a.has_unit else b
        q = Q(start=a.start, end=b.end, low=a.low - abs(b.low), high=a.low + abs(b.low), num_start=a.num_start,
              num_end=b.num_end, raw=f"{a.raw}±{b.raw}", unit=unit_from.unit, currency=unit_from.currency,
              currency_name=unit_from.currency_name, minor=unit_from.minor, count_noun=unit_from.count_noun,
              per=unit_from.per, is_range=True)
        q.qualifier = a.qualifier
        return q

    def _million_not_metres(self, a: Q, b: Q) -> bool:
        """The first end of a range written "8m" is read as metres, but the second is "10m"
        millions of something else ("10m litres", "10m people", "10m")."""
        m_a, m_b = self.t[a.num_end], self.t[b.num_end]
        return a.unit is not None and a.unit.stated == "m" and a.scale is None and a.end == a.num_end + 1 \
            and m_a is not None and m_a.text == "m" and self.glued(a.num_end - 1) \
            and b.scale == 1e6 and m_b is not None and m_b.text == "m" and self.glued(b.num_end - 1) \
            and not (b.unit is not None and b.unit.kind == "length")

    def _try_range(self, a: Q, b: Q) -> Q | None:
        if a.vague or b.vague or a.low is None or b.high is None or b.start - a.end > 4:
            return None
        between = tuple(t.lower_ for t in self.span(a.end, b.start) if not t.is_space)
        if between == () and b.raw.startswith("-") and b.low is not None and b.low < 0 and not a.has_unit:
            # "75 -300mm": the dash was glued to the second number
            b.low = -b.low if b.low is not None else None
            b.high = -b.high if b.high is not None else None
            between = ("-",)
        before = self.t[a.start - 1]
        before_word = before.lower_ if before is not None else ""
        if between == ("and",):
            if before_word not in patterns.BETWEEN_WORDS:
                return None
        elif between not in patterns.RANGE_CONNECTORS:
            return None
        framed = before_word in patterns.FROM_WORDS or before_word in patterns.BETWEEN_WORDS
        if self._million_not_metres(a, b):
            a = replace(a, unit=None)  # "8m-10m litres", "8m to 10m people": millions, as the second end says
        if between == ("or",) and (a.has_unit or not b.has_unit):
            return None
        if a.start > 0 and self.tok(a.start - 1).text == "/" and self._slash_pair(a.start - 1) \
                or self.tok(b.end) is not None and self.tok(b.end).text == "/" and self._slash_pair(b.end):
            return None  # "from 152/94 mmHg to 131/82 mmHg": the ends of readings are no range
        bare_a = not a.has_unit and a.unit is None
        percent = a.unit is not None and a.unit.kind in ("percent", "points") \
            or bare_a and b.unit is not None and b.unit.kind in ("percent", "points")  # "rose 5 to 7%"
        own = not bare_a or a.scale is None and b.scale is not None and b.high is not None \
            and a.low > b.high / b.scale  # "grew by 610,000 to 68.3 million": written in full, not in b's scale
        chained = self._to_a_range(b.end)  # "from 5 to 7 per cent to 3 to 5 per cent": from one range to another
        if between == ("to",) and not chained and self._after_movement(
                a.start, percent=percent, own_unit=own, rising=_rising(a, b)):
            self._share_ends(a, b)
            return None  # "rose €400 million to €2.6bn", "fell from 5% to 3%": a change and a level, two levels
        if self._level_after_change(a, b):
            return None  # "fell 0.5% to 4,120": a change in percent and the level it reached
        # compatible units: a carries none, or the same
        if a.currency and b.currency and a.currency != b.currency:
            return None
        if a.unit and b.unit and a.unit.kind != b.unit.kind:
            return None
        if a.count_noun and b.count_noun and a.count_noun != b.count_noun:
            return None
        if (a.currency and (b.unit or b.count_noun)) or (a.unit and (b.currency or b.count_noun)):
            return None
        a_low = a.low
        if a.scale is None and b.scale is not None:
            raw_b = b.high / b.scale
            if a_low <= raw_b:
                a_low = a_low * b.scale
        both = a.unit is not None and b.unit is not None
        lo_c = _canon_for_compare(a, a_low) if both else a_low
        hi_c = _canon_for_compare(b, b.high) if both else b.high
        swap = False
        if lo_c is not None and hi_c is not None and lo_c > hi_c:
            if not (framed or (both and a_low < 0)):
                return None
            if before_word in patterns.FROM_WORDS and not a_low < 0 and not chained:
                self._share_ends(a, b)
                return None  # "revised from 5 mg to 3 mg": two levels, never a range
            swap = True
        unit = a.unit if a.unit and b.unit is None else b.unit
        q = Q(start=a.start, end=b.end, low=a_low, high=b.high, num_start=a.num_start, num_end=b.num_end,
              raw=f"{a.raw}-{b.raw}", scale=b.scale, unit=unit, currency=b.currency or a.currency,
              currency_name=b.currency_name or a.currency_name, minor=b.minor if b.currency else a.minor,
              count_noun=b.count_noun or a.count_noun, per=b.per or a.per, per_count=b.per_count or a.per_count,
              emissions=b.emissions, is_range=True)
        # a's own unit differs in scale from b's ("500ms-5s"): convert a into b's unit
        if a.unit and b.unit and a.unit != b.unit and a.unit.pint and b.unit.pint:
            q.low = units.to_canonical(a_low, a.unit) / units.to_canonical(1.0, b.unit)
        # "upwards of $10M to $15M" keeps both ends (the qualifier says how to read them);
        # "$50-100B+" opens the upper end.
        q.qualifier = _stronger(a.qualifier, b.qualifier)
        q.open_high = b.open_high
        if swap:
            q.low, q.high = q.high, q.low
        return q


# Prices that stay in the currency: per share ("$2.31 a share", "35 cents a share": earnings and
# offers per share are how financial writing states an amount, and the gold sets read them so)
# and per one thing of any kind ("$25,000-$40,000 per unit", "$5 a piece": the price of one).
_CURRENCY_DENOMINATORS = {"share", "unit", "piece", "item"}
# Currency words after "per": the denominator of an exchange rate, by ISO code.
_CURRENCY_WORD_CODES = {w: code for code, (_, _, words) in patterns.CURRENCIES.items() for w in words
                        if w.isalpha() and len(w) > 3}

# Counted things a price is quoted per ("$30 per million tokens", "$20 per user"); a share
# price ("$5 a share") stays in the currency, as financial writing reads it.
_PRICE_DENOMINATORS = {"token", "user", "seat", "query", "request", "call", "barrel", "person",
                       "head", "license", "gpu", "word", "page", "image", "customer", "subscriber",
                       "employee", "vehicle", "ounce", "dozen"}

# Words after "a year", "a decade" that make it a time reference, no rate ("a year ago").
_TIME_REFERENCES = {"ago", "earlier", "before", "later", "after", "previously"}

# Conjunctions that may follow a one-letter unit ("it weighed 1.2 t and carried cargo").
_UNIT_CONJUNCTIONS = {"and", "or", "but", "nor", "while", "whereas"}

# Words that may follow a one-letter unit ("4 L of wine", "2 in thick").
_MEASURE_FOLLOWERS = {"of", "thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "away"}


def _denominator_noun(t) -> bool:
    """A word that can be what a price is quoted per: a lower-case word that is no stop word."""
    low = t.lower_
    return t.is_alpha and t.text.islower() and len(low) > 2 and low not in patterns.COUNT_STOP_WORDS \
        and low not in STOP_WORDS and low not in patterns.NOT_COUNT_NOUNS


def _tidy(v: float) -> float:
    """Drop conversion noise: 104 °F is 40 °C, not 39.99999999999872."""
    return float(f"{v:.12g}")


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _canon_for_compare(q: Q, v: float | None) -> float | None:
    if v is None:
        return None
    if q.unit is not None and q.unit.pint:
        return units.to_canonical(v, q.unit)
    return v


def _rising(a: Q, b: Q) -> bool | None:
    """The second of two figures is the larger (None when they do not compare: other units)."""
    if a.low is None or b.low is None or a.currency != b.currency or a.count_noun != b.count_noun:
        return None
    if a.unit is not None and b.unit is not None:
        if a.unit.kind != b.unit.kind:
            return None
        return _canon_for_compare(a, a.low) < _canon_for_compare(b, b.low)
    return a.low < b.low if a.unit is None else None


def _stronger(a: str, b: str) -> str:
    return b if patterns.QUALIFIER_RANK[b] >= patterns.QUALIFIER_RANK[a] else a


def _apply_bounds(q: Q) -> None:
    """An open bound leaves that end null: ">= 100" is [100, None], "< 700" is [None, 700]."""
    if q.qualifier in (">=", ">"):
        q.high = None
    elif q.qualifier in ("<=", "<"):
        q.low = None
