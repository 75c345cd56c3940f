"""Attribution: what a number is about (subject), what it measures (metric) and when
(period), read from the sentence and from the document's structure: Markdown headings,
bold lines, short title lines of plain text, list labels ("**Market Size**: ..."),
"GPT-3: 300B tokens" prefixes, and list intros whose period carries down ("by 2027").

The vocabularies are data at the top; the functions below apply them in a fixed order
of evidence: the clause, then the sentence, then the line's label, then the headings.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field

from claimflow.documents import Document
from claimflow.extract import patterns
from claimflow.extract.units import UNIT_FORMS
from spacy.lang.en.stop_words import STOP_WORDS


def _lower_twin(rx: re.Pattern) -> re.Pattern | None:
    """`rx` (case-insensitive) without re.I, for text that is lower-cased first (ASCII
    text, or any text that is `_twin_safe`):
    there it matches the same spans, and faster (sre scans ahead for the first letters
    of an alternation only when case matters). None when the pattern has a capital (a
    literal, or an escape such as \\S) or a scoped flag, which lower-casing would change."""
    if not rx.flags & re.I or re.search(r"[A-Z]|\(\?[a-zA-Z]*-", rx.pattern):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.I)


def _twin_safe(text: str) -> bool:
    """Whether the lower-case twins, on `text.lower()`, match where their patterns match on
    `text`: on ASCII text, and on text without the four characters that case-insensitive
    matching equates with ASCII letters (İ ı ſ K; İ is also the one character lower()
    turns into two). Every other character lower() maps to one character of the same
    word, digit and space classes, never to an ASCII one (checked over all of Unicode by
    tests/test_extract_properties.py)."""
    return text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


def _isearch(rx: re.Pattern, twin: re.Pattern | None, text: str, low: str | None) -> re.Match | None:
    """`rx.search(text)`, through its lower-case twin when `low` (text.lower() of text
    that is `_twin_safe`) is given: same span, but groups come back lower-cased."""
    return twin.search(low) if twin is not None and low is not None else rx.search(text)

# Labels and headings that name a metric or a period, not a subject.
METRIC_WORDS = {
    "size", "cost", "costs", "time", "speed", "memory", "revenue", "share", "growth", "price",
    "pricing", "latency", "energy", "emissions", "budget", "cagr", "users", "impact", "value",
    "valuation", "spend", "spending", "investment", "funding", "throughput", "usage", "rate",
    "margin", "profit", "income", "sales", "capacity", "consumption", "requirements", "numbers",
    "performance", "breakdown", "duration", "length", "count", "volume", "target", "shares", "prices",
}
GENERIC_LABELS = {
    "impact", "size", "market size", "numbers", "requirements", "current market", "projected growth",
    "total addressable market", "problem", "solution", "opportunity", "key players", "use case",
    "adoption", "examples", "trend", "note", "summary", "overview", "cost", "value", "results",
    "the problem", "addressable segments", "characteristics", "opportunities", "technologies",
}
# A label ending in one of these names a resource someone needs ("Memory requirements",
# "Massive compute requirements"), so it says what is measured, not about whom.
RESOURCE_LABEL_HEADS = {"requirement", "requirements", "needs", "usage", "consumption", "footprint",
                        "demand", "demands"}
# A generic label ending in one of these still names a thing ("Total Addressable Market"),
# which says more than the document's title.
THING_LABEL_HEADS = {"market", "markets", "segment", "segments", "sector", "industry"}
# Rate adjectives that belong to the period, not the subject ("Daily inference").
PERIOD_ADJECTIVES = {"daily", "weekly", "monthly", "quarterly", "yearly", "annual", "annually"}
HEADING_PREFIXES = re.compile(r"^(?:case study|example|part \w+|chapter \w+|section \w+|appendix \w+)\s*[:\-–]\s*", re.I)
NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+", re.I)
MARKUP = re.compile(r"[*_`]+")
LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
LABEL = re.compile(r"^\s*(?:[-*+•]|\d+[.)])?\s*(?:\*\*|__)?([^:*\n]{1,60}?)(?:\*\*|__)?\s*:\s")

# Words that start a sentence in capitals without being names.
COMMON_CAPS = {
    "the", "a", "an", "this", "that", "these", "those", "it", "in", "on", "for", "with", "by",
    "at", "as", "and", "but", "or", "if", "when", "while", "what", "which", "who", "how", "why",
    "there", "here", "we", "i", "you", "they", "he", "she", "our", "their", "its", "my", "all",
    "some", "most", "many", "more", "less", "only", "also", "even", "indeed", "however", "thus",
    "total", "market", "size", "current", "projected", "training", "target", "standard", "with",
    "daily", "high", "low", "new", "per", "each", "every", "both", "one", "two", "from", "to",
    "estimated", "about", "around", "over", "under", "after", "before", "since", "until", "so",
    "nearly", "almost", "roughly", "approximately", "barely", "fully", "exactly", "up", "down", "fewer",
    "not", "no", "yes", "note", "notes", "examples", "example", "impact", "size", "cost", "costs",
    "problem", "solution", "opportunity", "is", "are", "was", "were", "be", "do", "does", "did",
    "can", "could", "will", "would", "should", "may", "might", "must", "has", "have", "had",
    "then", "than", "just", "very", "much", "such", "other", "another", "any", "few", "several",
    "like", "again", "obviously", "arguably", "apps", "questions", "things", "agents", "consumer",
    "numerous", "prior", "given", "besides", "does", "overall", "key", "major", "large", "small",
    "global", "annual", "average", "gross", "net", "core", "early", "late", "recent", "latest", "chief",
}

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Nationality adjectives: alone they qualify a name ("its British arm"), they are none.
DEMONYMS = {
    "american", "british", "chinese", "european", "german", "french", "japanese", "indian", "korean", "italian",
    "spanish", "canadian", "australian", "russian", "brazilian", "dutch", "swiss", "swedish", "israeli", "saudi",
    "mexican", "taiwanese", "asian", "african", "western", "eastern", "northern", "southern", "english", "irish",
    "scottish", "polish", "turkish", "danish", "norwegian", "finnish", "belgian", "austrian", "greek", "portuguese",
    "emirati", "singaporean", "indonesian", "vietnamese", "thai", "nigerian", "egyptian", "argentine", "chilean",
}

# Verb and noun cues for the metric, nearest to the number first.
VERB_METRICS = [
    (re.compile(r"\b(?:lose|loses|losing|lost|losses?)\b", re.I), "loss"),
    (re.compile(r"\b(?:fined?|penalty|penalised|penalized)\b", re.I), "fine"),
    (re.compile(r"\b(?:sells? for|selling for|sold for|priced at|price of|prices?|retails? (?:at|for))\b", re.I), "price"),
    (re.compile(r"\b(?:cost|costs|costing)\b", re.I), "cost"),
    (re.compile(r"\b(?:invest(?:ed|s|ing|ment)?|poured)\b", re.I), "investment"),
    (re.compile(r"\b(?:sav(?:e|es|ed|ing|ings))\b", re.I), "savings"),
    (re.compile(r"\braised?\b|\braising\b|\bfunding\b", re.I), "funding raised"),
    (re.compile(r"\b(?:generates?|generated|earn(?:s|ed)?|revenue|brings? in|brought in)\b", re.I), "revenue"),
    (re.compile(r"\b(?:guided|guides|guidance|forecasts?|forecasted)\b", re.I), "guidance"),
    (re.compile(r"\b(?:grew|grow(?:s|n|ing)?|growth)\b", re.I), "growth"),
    # "valued at", "values the company at £2.4bn", "valuing it at €300 million"
    (re.compile(r"\b(?:valu(?:ed|es|ing)\b[^,;.]{0,40}?\bat|valuation)\b", re.I), "valuation"),
    (re.compile(r"\b(?:spent|spend(?:s|ing)?)\b", re.I), "spending"),
    (re.compile(r"\b(?:borrow(?:s|ed|ing)?)\b", re.I), "borrowing"),
    (re.compile(r"\b(?:hired|employs?|employed|employees|staff)\b", re.I), "headcount"),
    (re.compile(r"\b(?:profits?)\b", re.I), "profit"),
    (re.compile(r"\b(?:sold|sales)\b", re.I), "sales"),
]
# Which kinds of quantity a verb cue may name (money verbs do not name durations).
# Matches wherever one of the cues above does (all are case-insensitive).
_ANY_VERB_METRIC = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in VERB_METRICS), re.I)
_ANY_VERB_METRIC_LOW = _lower_twin(_ANY_VERB_METRIC)
_VERB_METRICS_LOW = [_lower_twin(rx) for rx, _ in VERB_METRICS]
assert all(rx.flags & re.I for rx, _ in VERB_METRICS)
VERB_KINDS = {"growth": ("percent", "points", "currency", "multiplier"), "headcount": ("count",)}
# What every match of each cue contains, lower-cased (keep in step with VERB_METRICS): on
# ASCII text a cue is searched only where one of its words is in the lower-cased text, and
# none is when no word of any cue is there (one scan for plain words, ~2x faster than the
# combined cues, whose \b before each alternative keeps sre from scanning ahead).
VERB_CUE_NEEDS = {
    "loss": ("los",), "fine": ("fine", "penal"), "price": ("sell", "sold for", "price", "retail"),
    "cost": ("cost",), "investment": ("invest", "poured"), "savings": ("sav",), "funding raised": ("rais", "funding"),
    "revenue": ("generat", "earn", "revenue", "bring", "brought"), "guidance": ("guid", "forecast"),
    "growth": ("grew", "grow"), "valuation": ("valu",), "spending": ("spen",), "borrowing": ("borrow",), "headcount": ("hired", "employ", "staff"),
    "profit": ("profit",), "sales": ("sold", "sales"),
}
assert VERB_CUE_NEEDS.keys() == {name for _, name in VERB_METRICS}
_VERB_CUE_WORDS = re.compile("|".join(re.escape(w) for words in VERB_CUE_NEEDS.values() for w in words))


@lru_cache(maxsize=None)
def _verb_metrics_of(kind: str) -> tuple[tuple[re.Pattern, str, re.Pattern | None, tuple[str, ...]], ...]:
    """The verb cues that may name a quantity of `kind`, in order, with their lower-case
    twins and needed words."""
    return tuple((rx, name, twin, VERB_CUE_NEEDS[name]) for (rx, name), twin in zip(VERB_METRICS, _VERB_METRICS_LOW)
                 if kind in VERB_KINDS.get(name, ("currency",)))


@lru_cache(maxsize=None)
def _revenue_cue_of(kind: str) -> tuple[tuple[re.Pattern, str, re.Pattern | None, tuple[str, ...]], ...]:
    """The entries of `_verb_metrics_of(kind)` named "revenue"."""
    return tuple(e for e in _verb_metrics_of(kind) if e[1] == "revenue")


METRIC_SYNONYMS = {"long": "length", "wide": "width", "tall": "height", "high": "height", "deep": "depth",
                   "thick": "thickness", "savings": "reduction", "saving": "reduction", "electricity": "energy cost",
                   "speed-up": "speedup", "speed up": "speedup", "spend": "spending"}
# (word, its \b-bounded regex, synonym): the regex is tried only where the word is a substring
_SYNONYM_RX = [(k, re.compile(rf"\b{k}\b"), v) for k, v in METRIC_SYNONYMS.items()]
DEFAULT_METRIC = {
    "currency": "cost", "time": "time", "data": "size", "energy": "energy", "power": "power",
    "emissions": "emissions", "percent": "share", "points": "change", "multiplier": "factor",
    "tokens": "data size", "parameters": "parameter count", "length": "length", "mass": "mass",
    "volume": "volume", "area": "area", "speed": "speed", "temperature": "temperature",
    "frequency": "frequency", "bandwidth": "bandwidth", "bit rate": "speed", "number": "value",
}
# A label names the metric of a duration only if it is a word for time.
TIME_METRIC_WORDS = {"time", "times", "duration", "latency", "length", "delay", "lifetime", "period", "window"}
TRAINING_METRICS = {"cost", "duration", "time", "energy", "emissions", "data size", "energy cost"}
NP_STOP = set(patterns.COUNT_STOP_WORDS) - {"time", "times"} | {
    "than", "vs", "versus", "per", "between", "among", "across", "against", "within", "without",
    "including", "like", "via", "near", "toward", "towards", "upon", "onto", "through",
    "throughout", "beyond", "alone", "each", "respectively", "total", "combined", "overall", "using",
    "including", "according", "following", "regarding", "excluding", "compared", "year-on-year",
    "year-over-year", "yoy", "month-on-month", "quarter-on-quarter", "well", "next", "last", "previous",
    "early", "late", "mid", "instead", "rather", "respectively",
    # prepositions of circumstance ("lost 3% amid daily swings", "rose 2% despite weak earnings")
    "amid", "amidst", "despite", "ahead", "behind", "unlike", "besides",
    # time adverbs name no metric ("dropped to -15C overnight")
    "overnight", "yesterday", "today", "tonight", "tomorrow", "now", "again", "already", "earlier", "later",
    "intraday"}
NP_STOP -= {"more", "less"}

# Periods, in order of preference: (pattern, how to write the period).
PERIOD_RULES = [
    (r"(?i:\bby (?:the end of |end of |early |late |mid-?)?(?P<by>(?:19|20)\d\d)\b)", "by {by}"),
    (r"\b(?P<q>Q[1-4])\s*'?(?P<qy>(?:19|20)?\d\d)\b", "{q} {qy}"),
    (r"\b(?P<h>H[12]|FY)(?:\s+|\s*'|(?<=FY))(?P<hy>(?:19|20)?\d\d)\b", "{h} {hy}"),
    (r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+"
     r"(?P<mony>(?:19|20)\d\d)\b", "{mon} {mony}"),
    (r"(?i:\bthan (?P<ago>\w+ (?:years?|months?|weeks?|days?) ago)\b)", "{ago}"),
    (r"\bsince (?P<smon>January|February|March|April|May|June|July|August|September|October|November|December)\s+"
     r"(?P<smony>(?:19|20)\d\d)\b", "since {smon} {smony}"),
    (r"(?i:\b(?P<qn>first|second|third|fourth)[ -]quarter\b)", "Q{qn}"),
    (r"(?i:\bfiscal (?:year )?(?P<fy>(?:19|20)\d\d)\b)", "FY {fy}"),
    (r"(?i:\b(?P<rel>next|last|this|previous) (?P<relu>year|quarter|month)\b)", "{rel} {relu}"),
    (r"(?i:\b(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y/y)\b)", "year on year"),
    (r"(?i:\b(?:annuali[sz]ed|per year|a year(?! ago| earlier| before| later)|per annum|annually|yearly|each year|"
     r"per-year)\b|/yr\b|/year\b)", "per year"),
    (r"(?i:\b(?:(?<!by )(?<!nearly )(?<!almost )(?<!about )(?<!roughly )(?<!than )(?<!of )a quarter(?! ago| earlier| of|[- ]point|[- ]percentage)"
     r"|per quarter|quarterly|each quarter)\b)", "per quarter"),
    (r"(?i:\b(?:a month|per month|monthly|each month)\b)", "per month"),
    (r"(?i:\b(?:a day|per day|daily|each day)\b)", "per day"),
    (r"\b(?:in|during|for|of) (?:(?i:early|late) |(?i:mid)-?)?(?P<yr>(?:19|20)\d\d)\b", "{yr}"),
    (r"\bsince (?:(?i:early|late) |(?i:mid)-?)?(?P<syr>(?:19|20)\d\d)\b", "since {syr}"),
    (r"\b(?:in|during|by|for) (?:(?i:early|late|mid)[- ])?(?P<mo>January|February|March|April|May|June|July|August|"
     r"September|October|November|December)\b(?! \d)", "{mo}"),
    (r"(?i:\b(?:current(?:ly)?|today|now)\b)", "current"),
]
# Outside the claim's own clause only explicit periods count ("founded in 2019, it employs
# 250 people" does not date the headcount).
STRONG_PERIOD_RULES = 8
# One pass per text finds every rule's matches; the most preferred rule wins.
_PERIOD = re.compile("|".join(f"(?P<rule{i}>{p})" for i, (p, _) in enumerate(PERIOD_RULES)))
_RULE_OF_GROUP = {_PERIOD.groupindex[f"rule{i}"]: i for i in range(len(PERIOD_RULES))}


# Every rule needs a year, a Q/H/FY code or one of these words: a text with none of them
# is answered without the combined regex (keep in step with PERIOD_RULES).
_HINT_CASED = (r"(?:19|20)\d\d|[QH][1-4]|FY"
               r"|January|February|March|April|May|June|July|August|September|October|November|December")
_HINT_WORDS = ("ago", "year", "annu", "/yr", "quarter", "month", "day", "daily", "current", "today", "now")
_PERIOD_HINT = re.compile(_HINT_CASED + "|(?i:" + "|".join(map(re.escape, _HINT_WORDS)) + ")")
# The same test on `_twin_safe` text in two case-sensitive scans (the words on the lower-cased
# text), which sre runs ~2x faster than one scan with a case-insensitive group.
# (spelt with a literal first character in every alternative, which sre scans ahead for:
# the same strings as _HINT_CASED, ~3x faster)
_HINT_CASED_RX = re.compile(_HINT_CASED.replace(r"(?:19|20)\d\d|[QH][1-4]", r"19\d\d|20\d\d|Q[1-4]|H[1-4]"))
assert _HINT_CASED_RX.pattern != _HINT_CASED
_HINT_WORDS_RX = re.compile("|".join(map(re.escape, _HINT_WORDS)))


@lru_cache(maxsize=256)  # asked of a sentence by _period, then again by find_period
def _period_hint(text: str) -> bool:
    if _twin_safe(text):
        return _HINT_CASED_RX.search(text) is not None or _HINT_WORDS_RX.search(text.lower()) is not None
    return _PERIOD_HINT.search(text) is not None


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
# What each rule's match must contain, as (lower-case words looked up in the lower-cased
# text, words looked up as written): a rule none of whose words is in a text cannot match
# anywhere in it, so the text is scanned with the other rules only (same matches: at each
# position the alternation still tries the remaining rules in their order). Keep in step
# with PERIOD_RULES.
PERIOD_RULE_NEEDS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("by ",), ()),
    ((), ("Q1", "Q2", "Q3", "Q4")),
    ((), ("H1", "H2", "FY")),
    ((), _MONTH_NAMES),
    (("ago",), ()),
    ((), ("since ",)),
    (("quarter",), ()),
    (("fiscal",), ()),
    (("year", "quarter", "month"), ()),
    (("year", "yoy", "y/y"), ()),
    (("year", "annu", "/yr"), ()),
    (("quarter",), ()),
    (("month",), ()),
    (("day", "daily"), ()),
    ((), ("19", "20")),
    ((), ("since ",)),
    ((), _MONTH_NAMES),
    (("current", "today", "now"), ()),
]
assert len(PERIOD_RULE_NEEDS) == len(PERIOD_RULES)
_ALL_RULES = tuple(range(len(PERIOD_RULES)))


# Rules scanned together: a text is scanned with every block that holds one of its
# possible rules (a superset of them, so the same matches: the added rules cannot match
# in it either), so at most 2 ** len(PERIOD_RULE_BLOCKS) regexes are ever compiled
# (it was one per distinct set of possible rules: 108 compilations of ~2 ms each in
# 300k words of the benchmark corpus). Blocks group rules whose words come together.
# (find_period's short scans with the rules that can win add at most 2 ** 4 + 2 ** 3.)
PERIOD_RULE_BLOCKS: list[tuple[int, ...]] = [
    (0, 5, 14, 15),         # by / since / in a year
    (1, 2, 6, 7, 11),       # quarters, halves, fiscal years
    (3, 16),                # month names
    (4, 8, 9, 10, 12, 13),  # ago, this/next year, year on year, per year/month/day
    (17,),                  # current
]
assert sorted(i for b in PERIOD_RULE_BLOCKS for i in b) == list(range(len(PERIOD_RULES)))
_BLOCK_OF_RULE = {i: k for k, b in enumerate(PERIOD_RULE_BLOCKS) for i in b}


@lru_cache(maxsize=1024)
def _period_regex(rules: tuple[int, ...]) -> tuple[re.Pattern, dict[int, int]]:
    """The combined regex of some rules (in their order) and its group index -> rule."""
    if rules == _ALL_RULES:
        return _PERIOD, _RULE_OF_GROUP
    rx = re.compile("|".join(f"(?P<rule{i}>{PERIOD_RULES[i][0]})" for i in rules))
    return rx, {rx.groupindex[f"rule{i}"]: i for i in rules}


def _rules_needing(column: int) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """(word, the rules needing it) for each distinct word of one column of PERIOD_RULE_NEEDS
    (a word several rules need, "year" or a month name, is looked up once)."""
    rules: dict[str, list[int]] = {}
    for i, needs in enumerate(PERIOD_RULE_NEEDS):
        for w in needs[column]:
            rules.setdefault(w, []).append(i)
    return tuple((w, tuple(r)) for w, r in rules.items())


_LOWER_NEEDS = _rules_needing(0)
_EXACT_NEEDS = _rules_needing(1)


def _possible_rules(text: str) -> tuple[int, ...]:
    if not _twin_safe(text):  # it holds one of İ ı ſ K, which re.I equates with ASCII letters
        return _ALL_RULES
    low = text.lower()
    found: set[int] = set()
    for w, rules in _LOWER_NEEDS:
        if w in low:
            found.update(rules)
    for w, rules in _EXACT_NEEDS:
        if w in text:
            found.update(rules)
    return tuple(sorted(found))


@lru_cache(maxsize=1024)
def _block_rules(possible: tuple[int, ...]) -> tuple[int, ...]:
    """The rules of every block holding one of `possible` (see PERIOD_RULE_BLOCKS)."""
    blocks = {_BLOCK_OF_RULE[i] for i in possible}
    return tuple(sorted(i for k in blocks for i in PERIOD_RULE_BLOCKS[k]))


@lru_cache(maxsize=1024)
def _winning_regex(scanned: tuple[int, ...], rules: int) -> re.Pattern:
    """The regex of the rules of `scanned` below `rules` (find_period's short scan)."""
    return _period_regex(tuple(i for i in scanned if i < rules))[0]


@lru_cache(maxsize=4096)
def find_period(text: str, rules: int = len(PERIOD_RULES)) -> str | None:
    """The period named in `text` by the first `rules` rules, or None."""
    if not _period_hint(text):
        return None
    possible = _possible_rules(text)
    if not possible or possible[0] >= rules:
        return None  # only rules that cannot win could match
    scanned = _block_rules(possible)
    if rules < len(PERIOD_RULES) and scanned[-1] >= rules:
        # First a scan with only the rules that can win (a sentence is read with the 8
        # explicit ones): where one of them matches, the scan with them alone matches there
        # or earlier, so none found means none can win. Most sentences end here, and the
        # rest are scanned with all the rules, as before (a later rule's match could hide
        # a winning one from the short scan, but not from that one).
        if _winning_regex(scanned, rules).search(text) is None:
            return None
    regex, rule_of_group = _period_regex(scanned)
    best_i, best_m = rules, None
    for m in regex.finditer(text):
        i = rule_of_group[m.lastindex]  # a rule's group encloses its fields, so it closes last
        if i < best_i:
            best_i, best_m = i, m
            if i == 0:
                break  # no rule is preferred to the first
    if best_m is None:
        return None
    found = PERIOD_RULES[best_i][1].format(**{k: v for k, v in best_m.groupdict().items() if v is not None})
    for word, n in (("Qfirst", "Q1"), ("Qsecond", "Q2"), ("Qthird", "Q3"), ("Qfourth", "Q4")):
        if found.lower() == word.lower():
            return n
    return found


_RX_DOCCONTEXT_1 = re.compile(r"(?:\*\*|__)([^*_:]{2,80}):?(?:\*\*|__):?")
# a capitalised word after a lower-case letter, comma or semicolon and a space: the
# capital comes first and the lookbehind after it (the same matches as "(?<=[a-z,;] )[A-Z]...",
# but sre scans ahead for the capital instead of trying the lookbehind at every position)
_RX_DOCCONTEXT_2 = re.compile(r"([A-Z](?<=[a-z,;] [A-Z])[\w\-\.]*[\w])")
_RX_DOCCONTEXT_3 = re.compile(r"\b[a-z][a-z\-]+\b")
_RX_DOCCONTEXT_4 = re.compile(r"\n")
# Sentence openers: a capitalised word at the start of the text, or after a newline or
# after sentence-final punctuation and spaces. The word at the start is matched apart
# (_RX_FIRST_WORD) so the regex begins with a character class, which sre scans ahead for
# (the same words as "(?:^|[.!?]\s+|\n)([A-Z][a-z][\w\-]*)", ~3x faster).
_RX_DOCCONTEXT_5 = re.compile(r"[.!?\n](?:(?<=\n)|(?<!\n)\s+)([A-Z][a-z][\w\-]*)")
_RX_FIRST_WORD = re.compile(r"[A-Z][a-z][\w\-]*")
_RX_LOWER_WORD = re.compile(r"[a-z][a-z\-]+")
_LOWER_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")


def _lower_word(text: str, low: str) -> bool:
    """`low in set(_RX_DOCCONTEXT_3.findall(text))`, for one word: each occurrence's run
    of [a-z-] characters is read with that regex (its matches there, with the character
    either side for the \\b, are the whole text's: a match cannot cross another
    character). One str.find over the text instead of a list of all its words."""
    if not _RX_LOWER_WORD.fullmatch(low):
        return False
    chars, n = _LOWER_WORD_CHARS, len(text)
    i = text.find(low)
    while i >= 0:
        s, e = i, i + len(low)
        while s and text[s - 1] in chars:
            s -= 1
        while e < n and text[e] in chars:
            e += 1
        if low in _RX_DOCCONTEXT_3.findall(text, s, e + 1):
            return True
        i = text.find(low, e)
    return False


class MidCaps:
    """The document's names by their capitals: words capitalised mid-sentence
    (`_RX_DOCCONTEXT_2`), and capitalised sentence openers that the document never writes
    in lower case and that are no common word ("Nvidia reported", not "Training GPT-3").
    Only membership is asked, for a few words per claim, so the openers are collected at
    the first question and the lower-case test is made per word asked (it was a set of
    every lower-case word of the text: ~half of DocContext.build)."""

    __slots__ = ("text", "mid", "openers", "asked")

    def __init__(self, text: str) -> None:
        self.text = text
        self.mid = set(_RX_DOCCONTEXT_2.findall(text))
        self.openers: set[str] | None = None
        self.asked: dict[str, bool] = {}

    def __contains__(self, w: str) -> bool:
        if w in self.mid:
            return True
        found = self.asked.get(w)
        if found is None:
            found = self.asked[w] = self._opener_name(w)
        return found

    def _opener_name(self, w: str) -> bool:
        if self.openers is None:
            self.openers = set(_RX_DOCCONTEXT_5.findall(self.text))
            m = _RX_FIRST_WORD.match(self.text)
            if m:
                self.openers.add(m.group())
        low = w.lower()
        return (w in self.openers and low not in STOP_WORDS and low not in COMMON_CAPS
                and not (_PLURAL_NOUN.fullmatch(w) and _reporting_noun(self.text, w))
                and not _lower_word(self.text, low))


# A plural common noun's shape ("Analysts", "Officials", "Economists") opening a sentence
# before a verb of saying or expecting is the figure's source, not its subject ("Analysts
# expect growth of 2.5%", "Officials said 40 people were injured"); before other verbs it
# stays the sentence's thing ("Wages grew 4.1%", "Exports to China jumped 12%"). Names of
# this shape are names when the document also writes them mid-sentence ("Williams said ...
# shares in Williams"); "-ss", "-us", "-is", "-as", "-os" and "-ens" endings are left to the
# other tests ("Lexus", "Paris", "Adidas", "Siemens said it would close two plants": a
# one-sentence text gives no other evidence, and few plurals end so).
_PLURAL_NOUN = re.compile(r"[A-Z][a-z]{2,}(?<!e)[^suiao'’\W]s|[A-Z][a-z]{2,}e[^nsuiao'’\W]s")
_REPORTING_VERBS = ("said|say|says|expect|expected|estimate|estimated|forecast|predict|predicted|warn|warned|"
                    "believe|believed|think|thought|told|reported|noted|cautioned|argue|argued|reckon|fear|feared")


def _reporting_noun(text: str, w: str) -> bool:
    """`w` opens a sentence before a verb of saying or expecting somewhere in `text`."""
    return re.search(rf"(?:^|[.!?]\s+|\n){re.escape(w)}\s+(?:(?:also|now|still)\s+)?(?:{_REPORTING_VERBS})\b", text) is not None


@dataclass
class DocContext:
    """Per-document structure, computed once."""

    doc: Document
    line_starts: list[int]
    headings: list[tuple[int, int, str]]  # (offset, level, title)
    mid_caps: MidCaps  # `in` only
    heading_offsets: set[int] = field(default_factory=set)
    heading_starts: list[int] = field(default_factory=list)
    chains: dict[int, list[str]] = field(default_factory=dict)
    subjects_seen: list[tuple[int, str]] = field(default_factory=list)
    last_count: tuple[int, int] = (-1, -1)  # the last count attributed (figures come in text order)
    # (end, unit, subject, metric, direction, clause before it) of the last figure
    last_figure: tuple[int, str, str, str, str | None, str] | None = None
    names_cache: dict[str, list[str]] = field(default_factory=dict)  # see _names
    period_hints: dict[tuple[int, int], bool] = field(default_factory=dict)  # see _period
    labels: dict[int, tuple[str, int]] = field(default_factory=dict)  # line start -> its label (_line_label)
    open_headings: tuple[int, list[tuple[int, str]]] = (0, [])  # see _chain_upto (never modified in place)

    @classmethod
    def build(cls, doc: Document) -> "DocContext":
        text = doc.text
        starts = [0] + [m.end() for m in _RX_DOCCONTEXT_4.finditer(text)]
        heads = [(h.start, h.level, h.title) for h in doc.headings]
        # Bold-only lines and short title lines of plain text act as headings below the
        # Markdown ones ("**LoRA (Low-Rank Adaptation)**", "Pre-Training").
        markdown = bool(heads)
        for i, s in enumerate(starts):
            e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
            line = text[s:e].strip()
            if not line or line.startswith("#"):
                continue
            m = _RX_DOCCONTEXT_1.fullmatch(line)
            if m:
                heads.append((s, 7, m.group(1).strip()))
                continue
            if not markdown and _looks_like_title(line, text, e):
                heads.append((s, 7, line))
        heads.sort()
        return cls(doc, starts, heads, MidCaps(text), {off for off, _, _ in heads}, [off for off, _, _ in heads])

    def line_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        s = self.line_starts[i]
        e = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.doc.text)
        return s, e

    def heading_chain(self, offset: int) -> list[str]:
        """Titles governing `offset`, innermost first (computed once per heading position)."""
        k = bisect.bisect_right(self.heading_starts, offset)
        cached = self.chains.get(k)
        if cached is None:
            cached = self.chains[k] = self._chain_upto(k)
        return list(cached)

    def _chain_upto(self, k: int) -> list[str]:
        # the open headings after the first k, continued from the last k asked (figures
        # come in text order; it was a walk over all k headings for each new k)
        done, chain = self.open_headings
        if k < done:
            done, chain = 0, []
        chain = list(chain)
        for _off, level, title in self.headings[done:k]:
            while chain and chain[-1][0] >= level:
                chain.pop()
            chain.append((level, title))
        self.open_headings = (k, chain)
        return [clean_heading(t) for _, t in reversed(chain)]


def _looks_like_title(line: str, text: str, end: int) -> bool:
    words = line.split()
    if not (1 <= len(words) <= 12) or line[-1] in ".,;:!?…\"'”)" or line.startswith(("-", "*", "•")):
        return False
    if not line[0].isupper():
        return False
    nxt = text[end + 1:end + 400].split("\n", 1)[0]
    return len(nxt.split()) > len(words)


@lru_cache(maxsize=4096)  # a title is cleaned for every heading position under it
def clean_heading(title: str) -> str:
    t = MARKUP.sub("", title).strip()
    t = NUMBERING.sub("", t)
    t = HEADING_PREFIXES.sub("", t)
    return t.strip(" :")


@dataclass
class Attribution:
    subject: str
    metric: str
    period: str | None
    direction: str | None


@dataclass
class _Where:
    """Where a figure stands: its sentence, line, list label and clause."""

    text: str
    start: int
    s0: int  # sentence start (within the line)
    s1: int
    line_start: int
    line: str
    label: str
    label_end: int
    clause_before: str
    clause_after: str
    headings: list[str]
    # the clause before for the subject: a thousands separator does not end it ("The iPhone 15
    # starts at $1,199 and comes with 256GB": the phone is the subject of both); metric,
    # period and direction read `clause_before`, which any comma ends
    subject_before: str


def _clause_comma(text: str) -> int:
    """The last comma of `text` that ends a clause, or -1: not a thousands separator
    ("$1,199 and comes with": the clause runs on)."""
    i = text.rfind(",")
    while i > 0 and text[i - 1].isdigit() and text[i + 1:i + 2].isdigit():
        i = text.rfind(",", 0, i)
    return i


_RX_ATTRIBUTE_1 = re.compile(r"[,;)(—!?]|\s-\s|\.\s")
_RX_ATTRIBUTE_2 = re.compile(r"(?:19|20)\d\d")


def attribute(ctx: DocContext, rec: dict, sent_start: int, sent_end: int) -> Attribution:
    """Attribute one quantity record (see quantities._to_record); offsets are absolute in
    the document text."""
    text = ctx.doc.text
    start, end = rec["start"], rec["end"]
    ls, le = ctx.line_of(start)
    s0, s1 = max(sent_start, ls), min(sent_end, le)
    line = text[ls:le]
    label, label_end = _line_label(ctx, line, ls, start)
    # the clause: bounded by , ; ( ) — within the sentence; a count just before is
    # blanked out ("thousands of GPUs for months": "GPUs" is what that figure counts)
    b0 = max(s0, label_end)
    before = text[b0:start]
    ls_, le_ = ctx.last_count
    if b0 <= ls_ < le_ <= start:
        before = before[:ls_ - b0] + " " * (le_ - ls_) + before[le_ - b0:]
    if rec["kind"] == "count":
        ctx.last_count = (start, end)
    stop = max(before.rfind(";"), before.rfind("("), before.rfind("—"))
    after = text[end:s1]
    m = _RX_ATTRIBUTE_1.search(after)
    w = _Where(text, start, s0, s1, ls, line, label, label_end, before[max(before.rfind(","), stop) + 1:],
               after[:m.start()] if m else after, ctx.heading_chain(start),
               before[max(_clause_comma(before), stop) + 1:])
    kind = rec["kind"]

    cell = _table_cell(ctx, ls, line, start) if "|" in line else None
    if cell is not None:
        # a table row: the first cell names the subject, the column header the metric or period
        row, head = cell
        w.label, w.clause_before, w.clause_after, w.subject_before = row, "", "", ""
        period = find_period(head) or (head if _RX_ATTRIBUTE_2.fullmatch(head) else None)
        metric = head.lower() if head and not period else _metric(rec, kind, "", "", row, w.headings)
        subject = _tidy_subject(row or _subject(ctx, rec, kind, w))
        return Attribution(subject, metric, period, None)

    last, ctx.last_figure = ctx.last_figure, None
    between = text[last[0]:start] if last is not None and s0 <= last[0] <= start else None
    subject = metric = direction = None
    if between is not None and last[1] == rec["unit"] and _COMPARED_FROM.match(between):
        subject, metric = last[2], last[3]  # "fell to 3.6% in the quarter from 5.7%": the same measure
    elif between is not None and _CHANGE_AFTER.match(between):
        subject = last[2]  # "sold 87,286 vehicles, down 11%": the change of the figure just before
    elif between is not None and rec["kind"] == "currency" and last[1] != rec["unit"] and last[1] in patterns.CURRENCIES \
            and _CONVERTED.match(between):
        subject, metric = last[2], last[3]  # "revenue was €2.5 billion ($2.7 billion)": the same money converted
    elif between is not None and rec["kind"] == "currency" and last[1] == rec["unit"] and last[3] \
            and _PER_SHARE.match(w.clause_after) and _RESTATED.match(between):
        # "a net loss of $1.3 billion, or 42 cents a share": the same amount per share
        subject, metric = last[2], f"{last[3]} per share"
    elif between is not None and last[4] is not None and _RESTATED.match(between) and not _LEVEL_BEFORE.search(last[5]):
        # "climbed $2.13, or 2.6%": the same change restated in another unit (not a level:
        # in "jumped 42% to C$18.6 million, or 74 cents a share" the cents are no change)
        direction = last[4]
        subject = last[2] if last[2] and last[2] != last[1] else None  # not a count's own noun
        if not _RX_OF_AFTER.match(w.clause_after):  # "or 8% of its work force" keeps its share
            metric = "change" if rec["kind"] in ("percent", "points") else last[3]
    if subject is None:
        subject = _tidy_subject(_subject(ctx, rec, kind, w))
    if metric is None:
        metric = _metric(rec, kind, w.clause_before, w.clause_after, label, w.headings)
        if metric in TRAINING_METRICS:
            # "Training GPT-3 cost", "GPT-3 training: ~3,287 MWh" (not a heading far above)
            if "train" in f"{w.clause_before} {label}".lower():
                metric = f"training {metric}"
    if subject and subject != rec["unit"]:
        ctx.subjects_seen.append((start, subject))
    period = _period(w.clause_after, w.clause_before, text[s0:s1], line, label, ctx, ls, (s0, s1))
    direction = rec.get("direction") or direction or (None if kind == "time" else _direction(w.clause_before, w.clause_after))
    ctx.last_figure = (end, rec["unit"], subject, metric, direction, w.clause_before)
    return Attribution(subject, metric, period, direction)  # "rose 48% over five years": the years do not rise


# Between two figures of one sentence: the second is compared with the first ("to 3.6%
# in the third quarter from 5.7%", "$2.1bn, up from $1.8bn", "3.6% versus 5.7%") ...
_COMPARED_FROM = re.compile(r"^[^;:.!?]{0,60}\b(?:from|versus|vs\.?|compared (?:with|to)|against)\s+"
                            r"(?:(?:an?|the|about|around|roughly|nearly|almost|some|just)\s+)*[~$€£¥₹]?$", re.I)
# ... or converts it into another currency or unit, in brackets ("€2.5 billion ($2.7 billion)") ...
_CONVERTED = re.compile(r"^\s*\(\s*(?:(?:about|around|roughly|some|nearly|almost)\s+)?[~$€£¥₹]?$", re.I)
# ... or restates the first, a change, in another unit ("climbed $2.13, or 2.6%, to $83.49") ...
_RESTATED = re.compile(r"^\s*,\s*or\s+(?:(?:about|around|roughly|nearly|almost|some|just)\s+)?[~$€£¥₹]?$", re.I)
_PER_SHARE = re.compile(r"\s*(?:a|per)\s+(?:diluted\s+|basic\s+)?share\b", re.I)
_RX_OF_AFTER = re.compile(r"\s*of\b")
# A level reached, not a change: the clause ends in "to", "at", "from" or "of" (and signs).
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|from|of)\s*[~$€£¥₹(]?\s*$", re.I)
# ... or is the change of the first ("sold 87,286 vehicles, down 11%").
_CHANGE_AFTER = re.compile(r"^\W*(?:up|down|an? (?:increase|decrease|rise|drop|fall) of)\s+(?:by\s+)?"
                           r"(?:(?:about|around|roughly|nearly|almost|some|just)\s+)?[~]?$", re.I)


_RX_SUBJECT_1 = re.compile(r"\s*(?:(?:and|but|while)\s+[a-z]+(?:s|ed)|([a-z]{3,}ing))\b")


def _subject(ctx: DocContext, rec: dict, kind: str, w: _Where) -> str:
    """The evidence for the subject, strongest first."""
    text, start, s0 = w.text, w.start, w.s0
    sentence_before = text[s0:start]
    in_title = w.line_start in ctx.heading_offsets  # every word of a title is capitalised
    m = _RX_SUBJECT_1.match(w.subject_before)
    if m and m.group(1) not in _NOT_PARTICIPLES:
        # a second predicate of the sentence's subject: "The phone has ..., and starts at $799";
        # "Volkswagen will cut 35,000 jobs in Germany, saving about €1.5 billion a year"
        opener = "" if in_title else _first_name(ctx, sentence_before)
        # (the name opens the sentence, maybe after an article: "The iPhone 15 ... and comes with")
        opens = opener and _RX_TIDY_SUBJECT_1.sub("", sentence_before.lstrip(), count=1).startswith(opener)
        found = opener if opens else _sentence_subject(sentence_before)
        if found:
            return found
    if _dummy_it(sentence_before):
        found = _infinitive_object(ctx, w.clause_after)  # "it is ~5X cheaper to train GPT-3.5 now"
        if found:
            return found
    return ((not in_title and _clause_name(ctx, w.subject_before))
            or (not in_title and not _label_subject(w.label)
                and _last_name(ctx, text[max(s0, w.label_end):start - len(w.subject_before)]))
            or _by_agent(ctx, w.clause_after)
            or _of_name(ctx, kind, w.clause_after)
            or _infinitive_object(ctx, w.clause_after)
            or (_purpose(w.clause_after) if kind == "time" else "")
            or _count_subject(rec, kind, text, w.clause_after)
            or _label_subject(w.label)
            or (_previous_subject(ctx, start, s0, sentence_before) if not w.label and not LIST_MARK.match(w.line) else "")
            or _sentence_subject(sentence_before)
            or (rec["unit"] if kind == "count" and not w.label else "")
            or _heading_subject(tuple(w.headings), w.label))


_RX_LOWER_RUNS = re.compile(r"[a-z]+")
_RX_HEADING_SUBJECT_2 = re.compile(r"((?:[A-Z][\w&'\-]*\s+)+[A-Z][\w&'\-]*)")


@lru_cache(maxsize=4096)  # the figures of a section share its headings, most also a label
def _heading_subject(headings: tuple[str, ...], label: str) -> str:
    """The innermost specific heading; but a generic label that still names a thing
    ("**Total Addressable Market**: $50-100B+") beats the document's own title."""
    found = next((i for i, h in enumerate(headings) if not _generic(h)), None)
    if found is None:
        return ""
    words = _RX_LOWER_RUNS.findall(label.lower())
    if found == len(headings) - 1 and found > 0 and words and words[-1] in THING_LABEL_HEADS:
        return label
    heading = headings[found]
    if _headline(heading):
        # a news headline is a sentence, not a topic: only a name in it can be the subject
        m = _RX_HEADING_SUBJECT_2.match(heading)
        return m.group(1) if m else ""
    return _heading_topic(heading)


def _headline(heading: str) -> bool:
    """"Northway Retail warns on profits as shoppers cut back": a sentence (several
    lower-case content words), unlike a title ("Training Costs & Resource Requirements")."""
    words = heading.split()
    return len(words) >= 6 and sum(1 for x in words[1:] if x[:1].islower() and x.lower() not in STOP_WORDS) >= 3


def _heading_topic(heading: str) -> str:
    """A section title names a topic and what is measured about it: "Training Costs &
    Resource Requirements" is about training, "Inference Latency & Speed" about inference."""
    words = heading.split()
    cut = next((i for i, x in enumerate(words) if i and x.lower().strip(",:") in METRIC_WORDS), None)
    if cut is None or any(x.lower() in STOP_WORDS for x in words[:cut]):
        return heading  # "A survey of model costs" is a title, not "Topic Metric & Metric"
    topic = " ".join(words[:cut]).rstrip(" &,-–")
    low = topic.lower()
    return heading if _generic(topic) or low in STOP_WORDS or low in TOPIC_NOT else topic


# Words that cannot be a heading's topic on their own ("Total Revenue" is not about "Total").
TOPIC_NOT = {"total", "current", "projected", "overall", "annual", "average", "gross", "net", "key", "major",
             "new", "high", "low", "estimated", "expected", "typical", "daily", "monthly", "yearly", "quarterly"}


_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")


def _table_cell(ctx: DocContext, line_start: int, line: str, offset: int) -> tuple[str, str] | None:
    """For a figure in a table row ("| GPT-3 | $4.6M |"): (the row's first cell, the
    column's header). The header is the first row of the table block, with or without a
    Markdown separator row under it (the DOCX and PDF readers write none)."""
    if line.count("|") < 2 or not line.lstrip().startswith("|"):
        return None
    text = ctx.doc.text
    i = bisect.bisect_right(ctx.line_starts, line_start) - 1
    top = i
    while top > 0:
        s, e = ctx.line_starts[top - 1], ctx.line_starts[top] - 1
        prev = text[s:e]
        if prev.count("|") < 2 or not prev.lstrip().startswith("|"):
            break
        top -= 1
    if top == i:
        return None  # the header row itself
    header = text[ctx.line_starts[top]:ctx.line_starts[top + 1] - 1]
    if _TABLE_SEP.match(header):
        return None
    cells = _cells(line)
    col = next((k for k, (a, b, _) in enumerate(cells) if a <= offset - line_start < b), None)
    if col is None or col == 0:
        return None
    head_cells = [c for _, _, c in _cells(header)]
    return cells[0][2], head_cells[col] if col < len(head_cells) else ""


_RX_CELLS_1 = re.compile(r"\|")


def _cells(line: str) -> list[tuple[int, int, str]]:
    bars = [m.start() for m in _RX_CELLS_1.finditer(line)]
    return [(a + 1, b, MARKUP.sub("", line[a + 1:b]).strip()) for a, b in zip(bars, bars[1:])]


_RX_LABEL_1 = re.compile(r"[.!?]\s")


def _line_label(ctx: DocContext, line: str, line_start: int, claim_start: int) -> tuple[str, int]:
    """`_label`, with the line's label read once per line (the claims of a line differ
    only in whether they stand after it)."""
    found = ctx.labels.get(line_start)
    if found is None:  # the label as for a claim at the line's end (the end of a label is within the line)
        found = ctx.labels[line_start] = _label(line, line_start, line_start + len(line))
    if found[1] > claim_start + 1:
        return "", line_start  # the claim stands before the label's end
    return found


def _label(line: str, line_start: int, claim_start: int) -> tuple[str, int]:
    m = LABEL.match(line) if ":" in line else None  # the regex's colon
    if not m or line_start + m.end() > claim_start + 1:
        return "", line_start
    label = MARKUP.sub("", m.group(1)).strip()
    if len(label.split()) > 7 or _RX_LABEL_1.search(label):
        return "", line_start  # a sentence before a colon is no label
    return label, line_start + m.end()


_RX_LABEL_SUBJECT_1 = re.compile(r"^(\w+) for (.+)$")


def _label_subject(label: str) -> str:
    """A list label names the subject ("Enterprise Software: $10-30B"), unless it names
    the metric; "Training time" still says what was timed."""
    if not label or _generic(label) or _ADJECTIVE_LABEL.match(label):
        return ""
    m = _RX_LABEL_SUBJECT_1.match(label)
    if m and m.group(1).lower() in METRIC_WORDS:
        return m.group(2)  # "Target for real-time"
    if _metric_label(label):
        words = label.split()
        if words[-1].lower() in RESOURCE_LABEL_HEADS:
            return ""
        head = " ".join(words[:-1])
        return head if head and not _generic(head) and head.lower() not in COMMON_CAPS - {"training"} else ""
    return label


# A label that is an adjective describes, it names nothing: "Time-consuming", "Extremely expensive".
_ADJECTIVE_LABEL = re.compile(r"^(?:[A-Za-z]+ly\s+)?(?:[A-Za-z]+-(?:consuming|intensive|heavy|hungry|bound|limited|prone)"
                              r"|[A-Za-z]+(?:ive|ous|ful))$")


@lru_cache(maxsize=8192)
def _generic(s: str) -> bool:
    low = s.lower().strip()
    if low in GENERIC_LABELS:
        return True
    words = _RX_LOWER_RUNS.findall(low)
    return bool(words) and all(w in METRIC_WORDS or w in {"market", "total", "current", "projected",
                                                          "addressable", "key", "the", "of", "and"} for w in words)


_NAME = re.compile(r"[A-Z][\w\-\.&']*[\w]|[A-Z]|[A-Za-z]+[\-]?\d[\w\.\-]*"
                   r"|[a-z]{1,2}[A-Z](?:[a-z][\w\-]*|[A-Z]+)")  # "iPhone", "eBay", "iOS"; not "pH"


_RX_NAMES_2 = re.compile(r"(?:Q[1-4]|H[12]|FY\d*|CY\d*|(?:early|mid|late)-?(?:19|20)\d\d)", re.I)
_RX_NAMES_3 = re.compile(r"\d+(?:\.\d+)*[BbMmKk]?")
_RX_NAMES_4 = re.compile(r"[$€£~]?\d[\d.,]*[A-Za-z%]*")


def _names(ctx: DocContext, span: str) -> list[str]:
    """Runs of capitalised words (names) in `span`; sentence-initial words count only
    when the document uses them capitalised mid-sentence too. Cached per document (the
    claims of a sentence ask about the same stretches); callers do not modify the list."""
    found = ctx.names_cache.get(span)
    if found is None:
        found = ctx.names_cache[span] = _find_names(ctx, span) if _MAY_NAME.search(span) else []
    return found


# A word of a name's shape (_NAME) holds a capital or letters before a digit ("gpt-4"): a
# span with neither holds no name (60% of the spans asked in the benchmark corpus).
_MAY_NAME = re.compile(r"[A-Z]|[A-Za-z]-?\d")


def _name_word(ctx: DocContext, raw: str, starts_sentence: bool) -> tuple[str, bool, bool, bool]:
    """One whitespace token of `_names`: (the word without its punctuation, whether it is
    a name, whether it continues a run as a version number, whether a name may join a
    run). Depends only on the token, its place and the document (see _word_form)."""
    w, shape, start_ok, version, joins = _WORD_FORMS.get(raw) or _word_form(raw)
    return w, shape and (not starts_sentence or start_ok or w in ctx.mid_caps), version, joins


# raw token -> _word_form(raw), shared by all documents (at most _WORD_FORMS_LIMIT kept)
_WORD_FORMS: dict[str, tuple[str, bool, bool, bool, bool]] = {}
_WORD_FORMS_LIMIT = 200_000


def _word_form(raw: str) -> tuple[str, bool, bool, bool, bool]:
    """What `_name_word` reads of a token without the document: (the word without its
    punctuation, whether it has a name's shape, whether it is a name even when it opens a
    sentence (a digit, or capitals only), whether it continues a run as a version number,
    whether a name may join a run). A word of a name's shape that opens a sentence is a
    name when it is also in the document's `mid_caps`."""
    w = raw.strip("*_\"“”()[]:,.;!?")
    if w.endswith(("'s", "’s")):
        w = w[:-2]  # "Anthropic's" -> "Anthropic"
    w = w.strip("'‘’")
    shape = bool(w) and bool(_NAME.fullmatch(w)) \
        and w.lower() not in COMMON_CAPS and not w.replace(".", "").replace(",", "").isdigit() \
        and not _RX_NAMES_4.fullmatch(w) and not _RX_NAMES_2.fullmatch(w)  # period codes are no names
    start_ok = any(c.isdigit() for c in w) or w.isupper() and len(w) > 1
    version = raw == w and bool(_RX_NAMES_3.fullmatch(w))  # "Llama 3.1 405B", "Windows 11"
    joins = w.lower() not in METRIC_WORDS and (w.lower() not in UNIT_FORMS or any(ch.isdigit() for ch in w)) \
        and not all(p in patterns.MONTHS for p in w.lower().split("-")) and w.lower() not in WEEKDAYS  # "April-June"
    found = (w, shape, start_ok, version, joins)
    if len(_WORD_FORMS) < _WORD_FORMS_LIMIT:
        _WORD_FORMS[raw] = found
    return found


def _find_names(ctx: DocContext, span: str) -> list[str]:
    forms = _WORD_FORMS
    mid_caps = ctx.mid_caps
    out: list[str] = []
    run: list[str] = []
    prev_end_char = ""
    # str.split() and the regex \S+ split on the same (Unicode) whitespace
    for raw in span.split():
        starts_sentence = not prev_end_char or prev_end_char in ".!?:\n"
        w, is_name, start_ok, version, joins = forms.get(raw) or _word_form(raw)
        is_name = is_name and (not starts_sentence or start_ok or w in mid_caps)
        if not is_name and run and version:
            is_name = True  # "Llama 3.1 405B", "Windows 11"
        if is_name and joins:
            run.append(w)
        else:
            if run:
                out.append(" ".join(run))
            run = []
        if raw != w and run:
            # punctuation ends the run
            out.append(" ".join(run))
            run = []
        prev_end_char = raw[-1]
    if run:
        out.append(" ".join(run))
    out = [n for n in out if n]
    merged: list[str] = []
    for n in out:
        if merged and f"{merged[-1]} of {n}" in span:
            merged[-1] = f"{merged[-1]} of {n}"  # "Bank of England", "University of Tokyo"
        else:
            merged.append(n)
    return [n for n in merged if n.lower() not in DEMONYMS]  # "its British arm": no name


_RX_OTHER_CONJUNCT = re.compile(r"\band (?:a|an|the|its|their|his|her|our)\s")


def _clause_name(ctx: DocContext, clause: str) -> str:
    """The first name of the clause before a figure, unless it names an earlier figure's
    thing and a conjunct with its own noun follows ("has 16GB of RAM and a battery rated
    for up to 18 hours": the hours are the battery's; "a CT scan of the abdomen and the
    pelvis is 54 mGy" keeps CT)."""
    name = _first_name(ctx, clause)
    if name and " and " in clause:
        i = clause.find(name.split()[0])
        if i > 0 and any(c.isdigit() for c in clause[:i]) and _RX_OTHER_CONJUNCT.search(clause, i):
            return ""
    return name


def _first_name(ctx: DocContext, clause: str) -> str:
    names = _names(ctx, clause)
    if len(names) > 1 and (names[0] + "'s" in clause or names[0] + "’s" in clause) and re.search(re.escape(names[0]) + r"['’]s\s+" + re.escape(names[1].split()[0]), clause):
        return names[1]  # "China's BYD sold ...": the owner qualifies the name after it
    return names[0] if names else ""


def _last_name(ctx: DocContext, span: str) -> str:
    """The nearest name before the clause, if it stands within a few words of it."""
    words = span.rsplit(None, 5)[-5:]  # = span.split()[-5:] (a 6th piece is the rest)
    tail = " ".join(words)
    names = _names(ctx, tail)
    if not names:
        return ""
    rest = tail[tail.rfind(names[-1].split()[-1]):].lower().split()
    if any(w in ("and", "or", "and/or") for w in rest):
        return ""  # a name inside an enumeration ("API endpoints, and/or hardware, or ...")
    return names[-1]


_RX_BY_AGENT_1 = re.compile(r"\bby ([A-Z][\w\-]+(?: [A-Z][\w\-]+)*)")


def _by_agent(ctx: DocContext, clause_after: str) -> str:
    m = _RX_BY_AGENT_1.search(clause_after) if "by " in clause_after else None  # the regex's literal
    return m.group(1) if m and m.group(1) in ctx.mid_caps and m.group(1).lower() not in patterns.MONTHS \
        and m.group(1).lower() not in WEEKDAYS else ""  # "returned by Monday" is a date


_RX_OF_NAME_1 = re.compile(r"\s*of\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)")
_RX_OF_NAME_2 = re.compile(r"\s*in the ((?:[A-Z][\w\-]*\s+)*(?:[\w\-]+\s+)?)(?:world|market|space|industry|sector|ecosystem)\b")


def _of_name(ctx: DocContext, kind: str, clause_after: str) -> str:
    """"two types of LLMs": a count of kinds of a named thing is about that thing."""
    if kind != "count":
        return ""
    m = _RX_OF_NAME_1.match(clause_after)
    if m:
        return m.group(1)
    # "2 market segments in the AI cloud world"
    m = _RX_OF_NAME_2.match(clause_after)
    return m.group(1).strip() if m and m.group(1).strip() else ""


_TO_VERB = re.compile(r"\s*(?:[a-z]+er\s+|more\s+\w+\s+|less\s+\w+\s+)?to\s+[a-z]+\s+(?:an?\s+|the\s+)?(\S.*)")


_RX_PURPOSE_1 = re.compile(r"\s*for\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)")


def _purpose(clause_after: str) -> str:
    """"Days to weeks for fine-tuning": what a duration is spent on."""
    m = _RX_PURPOSE_1.match(clause_after)
    if not m:
        return ""
    words = _np(m.group(1).split(), 2)
    return " ".join(words) if words and words[0] not in STOP_WORDS else ""


def _infinitive_object(ctx: DocContext, clause_after: str) -> str:
    """"~5X cheaper to train GPT-3.5 equivalent", "$5M to train GPT-3": the named thing
    the figure is spent on."""
    m = _TO_VERB.match(clause_after) if "to" in clause_after else None  # the regex's literal
    if not m:
        return ""
    rest = m.group(1)
    name = _first_name(ctx, " ".join(rest.split()[:3]))
    if not name or not rest.startswith(name.split()[0]):
        return ""
    nxt = rest[len(name):].split()[:1]
    return f"{name} {nxt[0]}" if nxt and nxt[0].lower() in {"equivalent", "class", "level", "grade"} else name


KIND_WORDS = {"types", "kinds", "sorts", "forms", "categories", "classes", "varieties", "flavors", "flavours"}


_RX_COUNT_SUBJECT_1 = re.compile(r"\d-[A-Za-z]+$")
_RX_WORDS = re.compile(r"[A-Za-z][\w\-]*")
_RX_OF_PHRASE = re.compile(r"\s*of\s+((?:[\w\-'’]+\s+){0,3}[\w\-'’]*[\w\-])")  # "of the world's cobalt"
_RX_COUNT_SUBJECT_4 = re.compile(r"[A-Za-z][\w\-]*|&")


def _count_subject(rec: dict, kind: str, text: str, clause_after: str) -> str:
    """What a count is about: "a 3-stage LLM training process" -> "LLM training process";
    "a few types of infrastructure companies" -> "infrastructure companies"; "a few
    multi-billion AI foundation model regional companies" -> the counted phrase."""
    if kind != "count":
        return ""
    surface = text[rec["start"]:rec["end"]]
    noun = rec["unit"]
    if _RX_COUNT_SUBJECT_1.search(surface):
        words = _np(_RX_COUNT_SUBJECT_4.findall(clause_after), 4)
        return " ".join(words)
    if noun.lower() in KIND_WORDS:
        m = _RX_OF_PHRASE.match(clause_after)
        return m.group(1) if m else ""
    words = _RX_WORDS.findall(surface)
    lead = {"a", "an", "few", "handful", "of", "several", "dozen", "dozens", "couple", "thousands", "millions",
            "billions", "hundreds", "tens", "trillions", "and", "or", "to"}  # "15,000 and 20,000 people"
    while words and (words[0].lower() in lead or words[0].lower() in _NUMBER_WORDS
                     or words[0] in ("k", "K", "m", "M", "bn", "b", "B", "mn", "T")):
        words.pop(0)
    doing = _participle_phrase(clause_after)
    if words and doing:
        return " ".join(words + doing)  # "a dozen companies building AI cloud products"
    return " ".join(words) if len(words) > 1 else ""


_NOT_PARTICIPLES = {"including", "excluding", "according", "following", "during", "regarding", "concerning",
                    "nothing", "something", "anything", "everything", "morning", "evening", "spring", "thing"}
_PHRASE_END = {"and", "or", "but", "than", "to", "as", "while", "because", "which", "that", "so"}


_RX_PARTICIPLE_PHRASE_1 = re.compile(r"[A-Za-z][\w\-]*|\S")
_RX_PARTICIPLE_PHRASE_2 = re.compile(r"[a-z]{3,}ing")


def _participle_phrase(clause_after: str) -> list[str]:
    """"companies building AI cloud related products and services" -> ["building", "AI",
    "cloud", "related", "products"]: what the counted things do says which they are."""
    words = _RX_PARTICIPLE_PHRASE_1.findall(clause_after)
    if not words or not _RX_PARTICIPLE_PHRASE_2.fullmatch(words[0]) or words[0] in _NOT_PARTICIPLES:
        return []
    out = [words[0]]
    for w in words[1:6]:
        if not _RX_WORDS.fullmatch(w) or w.lower() in _PHRASE_END:
            break
        out.append(w)
    return out if len(out) > 1 else []


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                 "twenty", "hundred", "thousand", "million", "billion"}


_DET_SUBJECT = re.compile(r"^\s*(?:The|This|That|These|Its|Their|Our)\s+((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)"
                          r"(?=,|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|said|says|expects?|"
                          r"reported|plans?|cut|[a-z]+ed|[a-z]+s|brought|made|took|gave|saw|sold|bought|rose|fell|grew|"
                          r"hit|set|put|won|lost|paid|spent|left|led|began|became|held|kept|told|said|got|ran|drew)\b)")


def _sentence_subject(sentence_before: str) -> str:
    """"The startup, founded in 2019, ... has raised $1.2bn": the sentence's own subject."""
    m = _DET_SUBJECT.match(sentence_before)
    if not m:
        return ""
    words = m.group(1).split()
    nxt = sentence_before[m.end():].split(None, 2)
    if len(nxt) >= 2 and nxt[0].endswith("s") and nxt[1] in _PLURAL_VERBS and len(words) < 3:
        words.append(nxt[0])  # "The new rules apply": "rules" is the noun, not a verb after "new"
    while len(words) > 1 and (words[-1] in _ADVERBS or words[-1].endswith("ly")):
        words.pop()  # "The company also plans ..."
    return " ".join(words)


_ADVERBS = {"also", "still", "now", "then", "already", "just", "even", "again", "further", "too", "meanwhile"}
# Verbs that follow a plural subject ("The big banks said", "The new rules apply").
_PLURAL_VERBS = {"are", "were", "have", "had", "said", "say", "will", "would", "can", "could", "may", "might",
                 "must", "should", "apply", "remain", "need", "face", "include", "cover", "show", "account", "make",
                 "take", "expect", "want", "require", "rose", "fell", "grew", "kept", "held", "cost", "pay", "paid"}


_RX_PREVIOUS_SUBJECT_1 = re.compile(r"\b(?:it|its|they|their|this|these)\b", re.I)


def _previous_subject(ctx: DocContext, start: int, sentence_start: int, sentence_before: str) -> str:
    """The subject of the figure just before, in the same line: within one sentence, or
    in the next when it refers back ("it", "its", "they", "this")."""
    text = ctx.doc.text
    if _dummy_it(sentence_before):
        return ""  # "it takes 9-12 months to ...", "it is ~5X cheaper to train ...": "it" points nowhere
    for off, subj in reversed(ctx.subjects_seen):
        if off < start and "\n" not in text[off:start] and (
                off >= sentence_start or _RX_PREVIOUS_SUBJECT_1.search(sentence_before)):
            return subj
        break
    return ""


# "it" as a placeholder subject: "it takes", "it costs ... to", "it is (probably) ... cheaper"
_DUMMY_IT = re.compile(r"\bit\s+(?:(?:still\s+|only\s+|now\s+)?(?:takes?|took|costs?)|(?:is|was|'s|will be|would be)"
                       r"(?:\s+(?:probably|likely|now|still|about|roughly|already|only))*)\s+[^,;]*$", re.I)
_DUMMY_IT_LOW = _lower_twin(_DUMMY_IT)


@lru_cache(maxsize=256)  # asked twice per figure (_subject, _previous_subject)
def _dummy_it(sentence_before: str) -> bool:
    """`_DUMMY_IT.search(sentence_before)`: on `_twin_safe` text, none without an "it"
    (its first word), else the lower-case twin on the lower-cased text."""
    if _DUMMY_IT_LOW is not None and _twin_safe(sentence_before):
        low = sentence_before.lower()
        return "it" in low and _DUMMY_IT_LOW.search(low) is not None
    return _DUMMY_IT.search(sentence_before) is not None


_RX_TIDY_SUBJECT_1 = re.compile(r"^(?:the|a|an)\s+", re.I)


def _tidy_subject(s: str) -> str:
    if "*" in s or "_" in s or "`" in s:  # MARKUP's characters
        s = MARKUP.sub("", s)
    s = s.strip(" :-–")
    if s[:1] in ("t", "T", "a", "A"):  # the first letters of the article the regex removes
        s = _RX_TIDY_SUBJECT_1.sub("", s)
    first, _, rest = s.partition(" ")
    if rest and first.lower() in PERIOD_ADJECTIVES:
        s = rest  # "Daily inference": "daily" is the period
    return s


def _singular(w: str) -> str:
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_RX_NP_1 = re.compile(r"[a-z][a-z\-]*")


def _np(words: list[str], limit: int = 4) -> list[str]:
    out = []
    for w in words[:limit]:
        lw = w.lower().strip("*_")
        if not _RX_NP_1.fullmatch(lw) or lw in NP_STOP or (not out and (lw.endswith("ed") and len(lw) > 3 or lw.endswith("ly") and len(lw) > 4)):
            break
        out.append(lw)
    return out


# "an annualized increase of $5-6B", "revenue of $3.7 billion", "a valuation of $18bn"
_OF_METRIC = re.compile(
    r"(?:\b(?:an?|the|its|their|his|her|our)\s+([a-z\-]+\s+)?)?\b(increase|decrease|reduction|rise|drop|gain|"
    r"loss|growth|investment|budget|valuation|revenue|revenues|cost|price|value|total|size|share|deficit|surplus|"
    r"profit|income|sales|fine|salary|spending|fee|fees|rate|tax|premium|discount|dividend|payment|bonus|"
    r"subsidy|penalty|rent|wage|coupon|yield)\s+of\s*[~$€£¥]*\s*$")


_LEVEL = re.compile(
    r"\b((?:[A-Za-z][a-z\-]+\s+)?[A-Za-z][a-z\-]+)\s+(?:rose|fell|grew|improved|increased|decreased|declined|dropped|"
    r"jumped|climbed|slipped|reached|hit|held|stood|stayed|remained|came in)\s+(?:at|to)\s*[~$€£¥]*\s*$")


def _tail_word(before: str) -> str:
    """`before` without the spaces and currency signs at its end: `_OF_METRIC` and `_LEVEL`
    end in "of" / "at" / "to", then \\s*, signs, \\s* and the end (str.rstrip() strips what \\s
    matches), so they can match only when this ends so."""
    return before.rstrip().rstrip("~$€£¥").rstrip()


_RX_METRIC_1 = re.compile(r"[A-Za-z][\w\-]*|%|\S")
_RX_METRIC_2 = re.compile(r"\s*(cheaper|faster|more|less|fewer|smaller|larger|bigger|higher|lower)\b\s*(?:to\s+(\w+))?\s*([\w\-]+(?:\s+[\w\-]+)?)?", re.I)
_RX_METRIC_3 = re.compile(r"\s*(reduction|decrease|increase|drop|rise|cut|improvement|growth|gain)\s+in\s+([\w\-]+(?:\s+[\w\-]+)?)", re.I)
_RX_METRIC_4 = re.compile(r"\s*([A-Z][\w\-]*)\s+(investment|stake|funding)\b")
_RX_METRIC_5 = re.compile(r"\s*(?:of|in)\s+([A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*)?)")
_RX_METRIC_6 = re.compile(r"\s*to\s+([a-z]+(?:\s+(?:to\s+)?[a-z]+){0,3})")
_RX_METRIC_7 = re.compile(r"\b(?:to|at|of|from|is|was|were|stood|reached|hit)\s*[~$€£¥₹]?\s*$", re.I)
_RX_METRIC_8 = re.compile(r"\s*ago\b")
_RX_METRIC_9 = re.compile(r"([a-z]+)ed\b")
_RX_METRIC_10 = re.compile(r"(?:Q[1-4]|H[12]|FY|\d)")
_RX_METRIC_11 = re.compile(r"\s*in (?:annual |quarterly )?revenues?\b")
_RX_METRIC_12 = re.compile(r"\bin ([A-Z][\w\-]*)")
_RX_METRIC_13 = re.compile(r"\bfrom ([A-Z][\w\-]*)")


def _metric(rec: dict, kind: str, before: str, after: str, label: str, headings: list[str]) -> str:
    if kind == "count":
        return f"number of {rec['unit']}"
    aw = _RX_METRIC_1.findall(after)
    if rec["unit"].endswith("/s") and kind in ("tokens", "count", "data"):
        return "speed"
    # "an annualized increase of $5-6B", "a valuation of $2B"
    tail = _tail_word(before)
    m = _OF_METRIC.search(before) if tail.endswith("of") else None  # the regex ends in "of" + signs
    if m:
        return f"{m.group(1) or ''}{m.group(2)}".strip().lower()
    # "% of memory", "50% of its investment in OpenAI"
    if kind in ("percent", "number") and aw[:1] == ["of"]:
        m = _RX_OF_PHRASE.match(after)
        if m:
            words = m.group(1).split()
            cut = next((i for i, w in enumerate(words) if i and (w.lower() in NP_STOP - {"its", "their", "our", "his", "her"}
                                                              and not (w == "in" and i + 1 < len(words) and words[i + 1][:1].isupper())
                                                              or w.isdigit() or _clause_verb(w, words[i - 1]))), len(words))
            return "share of " + " ".join(words[:cut])
    # comparatives after multipliers / percents
    # (each regex below is tried only for the kinds its rule applies to)
    m = _RX_METRIC_2.match(after) if kind in ("multiplier", "percent") else None
    if m:
        comp, verb, obj = m.group(1).lower(), m.group(2), (m.group(3) or "")
        obj_np = " ".join(_singular(w) for w in _np(obj.split(), 2))
        if verb:
            obj_np = _gerund(verb)
        if comp == "cheaper":
            return f"{obj_np} cost reduction".strip()
        if comp == "faster":
            return f"{obj_np} speedup".strip() if obj_np else "speedup"
        if comp in ("more", "larger", "bigger", "higher"):
            return f"{obj_np} increase".strip()
        return f"{obj_np} reduction".strip()
    # "30% reduction in operational costs"
    m = _RX_METRIC_3.match(after)
    if m:
        obj = " ".join(_singular(w) for w in _np(m.group(2).split(), 2))
        return f"{obj} {m.group(1).lower()}".strip()
    # a noun phrase right after the quantity: "$4.6M training cost", "~350GB GPU memory"
    np = _np(aw, 3)
    if np and np[0] in ("in", "more", "less", "fewer"):
        np = []  # "£31.6bn more than forecast" names no metric "more"
    m = _RX_METRIC_4.match(after) if kind == "currency" else None
    if m:
        return f"investment in {m.group(1)}"  # "$10B OpenAI investment"
    if np and not (len(np) == 1 and np[0] in {"and", "or"}):
        phrase = " ".join(np)
        if np[-1] in ("windows",):
            phrase = " ".join(np[:-1] + ["window"])
        phrase = METRIC_SYNONYMS.get(phrase, phrase)
        for k, rx, v in _SYNONYM_RX:
            if k in phrase:
                phrase = rx.sub(v, phrase)
        if kind == "data" and aw[:1] == ["of"]:
            pass
        else:
            return phrase
    # "~45TB of text" -> "text size"; "$25B in revenue"
    m = _RX_METRIC_5.match(after)
    if m and kind == "currency" and not m.group(1)[0].islower():
        m = None  # "invested $10B in OpenAI": the target, not the metric
    phrase = m.group(1).lower().split() if m else []
    if m and phrase[0] not in NP_STOP and not _RX_METRIC_10.match(m.group(1)) and phrase[0] not in patterns.MONTHS \
            and phrase[0] not in WEEKDAYS and phrase[0] not in _NUMBER_WORDS \
            and phrase[-1] != "terms":  # "lost 15 lb in six weeks", "fell 11% in dollar terms"
        words = [w for w in m.group(1).split() if w.lower() not in NP_STOP]
        word = " ".join(words)
        if kind == "currency":
            return word.lower()
        return f"{word} {DEFAULT_METRIC.get(kind, 'value')}"
    # "9-12 months to decide to quit your job"
    m = _RX_METRIC_6.match(after) if kind == "time" else None
    if m:
        words = m.group(1).split()
        k = next((i for i, w in enumerate(words) if w in ("and", "or", "but")), len(words))
        if _ANY_VERB_METRIC.match(" ".join(words[k + 1:])):
            words = words[:k]  # "took six years to build and cost $1.9bn"; not "to train and iterate"
        words = [w for w in words if w not in {"your", "the", "a", "an", "their", "our", "my", "his", "her", "it"}]
        return "time to " + " ".join(words)
    # time since: "launched ~15 months ago"
    if kind == "time" and _RX_METRIC_8.match(after):
        verb = _RX_METRIC_9.findall(before.lower())
        return f"time since {verb[-1] if verb else 'event'}" if verb else "time since"
    # verbs in the clause: "cost", "invested ... in OpenAI", "raised"
    low = before.lower() if _twin_safe(before) else None
    # one scan tells whether any cue is there (on _twin_safe text after one for their words)
    cue = (low is None or _VERB_CUE_WORDS.search(low) is not None) \
        and _isearch(_ANY_VERB_METRIC, _ANY_VERB_METRIC_LOW, before, low) is not None
    # without a cue only "revenue" can name the metric (by the words after the figure)
    for rx, name, twin, needs in _verb_metrics_of(kind) if cue else _revenue_cue_of(kind):
        if (cue and (low is None or any(w in low for w in needs)) and _isearch(rx, twin, before, low)) \
                or (name == "revenue" and _RX_METRIC_11.match(after)):
            if name == "investment":
                m2 = _RX_METRIC_12.search(after)
                return f"investment in {m2.group(1)}" if m2 else name
            if name == "growth":
                m2 = _RX_METRIC_13.search(after)
                return f"growth from {m2.group(1)}" if m2 else name
            return name
    if label and _metric_label(label) and (kind != "time" or label.split()[-1].lower() in TIME_METRIC_WORDS):
        low = label.lower()
        if kind == "currency" and "market" in low:
            return "market size"
        if low not in GENERIC_LABELS or low in ("market size", "size", "cost"):
            return low
    level = _RX_METRIC_7.search(before) if kind in ("percent", "points") else None
    if kind in ("percent", "points") and not level and (rec.get("direction") or _direction(before, after)):
        return "change"  # "Prices fell 0.3%", "up 94% from a year ago", "orders rose 8%"
    found = _lexicon_metric(before) if kind in ("currency", "percent", "points", "number", "count") else ""
    if found:
        return found  # "Core inflation slowed to 4.1%", "Free cash flow rose to €2.6bn"
    if kind == "currency" and "market" in "\n".join([label] + headings[:2]).lower():  # in one of them
        return "market size"
    m = _LEVEL.search(before) if tail.endswith(("at", "to")) else None  # ends in "at"/"to" + signs
    if m and m.group(1).split()[-1].lower() not in NP_STOP and m.group(1).split()[0].lower() not in NP_STOP:
        return m.group(1).lower()  # "gross margin improved to 68%", "core inflation held at 3.2%"
    if kind in ("percent", "points") and (rec.get("direction") or _direction(before, after)):
        return "change"
    return DEFAULT_METRIC.get(kind, "value")


# What business and economics news measures, longest first; the one nearest before the
# figure in its clause names the metric ("Core inflation slowed to 4.1%").
METRIC_LEXICON = sorted({
    "core inflation", "headline inflation", "services inflation", "food inflation", "inflation",
    "operating margin", "gross margin", "net margin", "ebitda margin", "profit margin", "margin",
    "free cash flow", "cash flow", "net cash", "net debt", "debt",
    "net profit", "operating profit", "pre-tax profit", "pretax profit", "net income", "operating income",
    "operating loss", "net loss", "ebitda", "earnings per share", "eps", "dividend", "share price",
    "market value", "market capitalisation", "market capitalization", "market cap", "valuation",
    "bank rate", "interest rate", "deposit rate", "policy rate", "mortgage rate", "unemployment rate",
    "benchmark rate", "base rate", "key rate", "repo rate", "prime rate", "lending rate", "discount rate",
    "jobless rate", "inflation rate", "savings rate", "participation rate", "default rate", "tax rate",
    "earnings", "average earnings", "weekly earnings", "hourly earnings", "average hourly earnings",
    "average weekly earnings", "claimant count", "payrolls", "nonfarm payrolls",
    "unemployment", "vacancy rate", "gdp", "wage growth", "wages", "orders", "bookings", "order intake",
    "revenue", "revenues", "sales", "turnover", "capex", "capital expenditure", "yield", "bond yield",
    "market share", "headcount", "workforce", "arr", "annual recurring revenue", "gross merchandise value",
}, key=lambda p: (-len(p), p))
_LEXICON = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in METRIC_LEXICON) + r")s?(?![\w-])", re.I)  # "rates"
_LEXICON_LOW = _lower_twin(_LEXICON)
# The first [a-z] run of each phrase, also with an "s": a phrase found in lower-case text
# starts a run of [a-z] (nothing of [\w-] before it) that ends where the phrase's first run
# ends, or one "s" later for a one-word phrase in the plural (its next character is no
# letter, or nothing of [\w-] follows the phrase and its "s"), so a text none of whose runs
# is one of these holds no phrase.
_LEXICON_FIRST_RUNS = frozenset(run + plural for p in METRIC_LEXICON for run in [_RX_LOWER_RUNS.match(p).group()]
                                for plural in ("", "s"))
assert all(p[:1].isascii() and p[:1].islower() for p in METRIC_LEXICON)


def _lexicon_metric(before: str) -> str:
    found = None
    if _LEXICON_LOW is not None and _twin_safe(before):
        before = before.lower()  # the same spans; the group is lower-cased below anyway
        if _LEXICON_FIRST_RUNS.isdisjoint(_RX_LOWER_RUNS.findall(before)):
            return ""
        rx = _LEXICON_LOW
    else:
        rx = _LEXICON
    for found in rx.finditer(before):
        pass
    return found.group(1).lower() if found else ""


def _metric_label(label: str) -> bool:
    """"Market Size", "Training time", "Cost": a label that names what is measured."""
    words = _RX_LOWER_RUNS.findall(label.lower())
    return bool(words) and len(words) <= 3 and (words[-1] in METRIC_WORDS or _generic(label))


# Verbs that end a share's noun phrase ("half of respondents said", "a third of users left").
# (only forms that are no nouns: "8% of its work force" keeps its "work")
_SHARE_VERBS = {"is", "are", "was", "were", "have", "has", "had", "said", "says", "left", "quit", "will", "would",
                "could", "can", "may", "did", "does", "think", "thought", "expect", "believe", "felt", "saw", "got",
                "went", "made", "took", "paid", "spent", "voted", "came", "comes", "goes"}


def _clause_verb(word: str, before: str) -> bool:
    """`word` is the verb after a share's noun phrase: one of _SHARE_VERBS, or an -ed word
    after a plural ("of respondents agreed"; "the affected users" keeps its adjective)."""
    low = word.lower()
    return low in _SHARE_VERBS or low.endswith("ed") and before.lower().endswith("s")


def _gerund(verb: str) -> str:
    v = verb.lower()
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    if v.endswith("ing"):
        return v
    return v + "ing"


def _period(after: str, before: str, sentence: str, line: str, label: str, ctx: DocContext,
            line_start: int, sentence_key: tuple[int, int] | None = None) -> str | None:
    # The clause's words are the sentence's: when the sentence holds no hint of a period
    # (see find_period) neither do they, and only the label and the list intro are read.
    # Asked once per sentence (the hint holds no space, anchor or lookaround, so a match
    # in a part of the sentence is one in the sentence).
    hint = ctx.period_hints.get(sentence_key) if sentence_key is not None else None
    if hint is None:
        hint = _period_hint(sentence)
        if sentence_key is not None:
            ctx.period_hints[sentence_key] = hint
    if hint:
        last5 = before.rsplit(None, 5)[-5:]  # = before.split()[-5:] (a 6th piece is the rest)
        near_after = _own_words(" ".join(after.split(None, 5)[:5]))  # the words right around the figure
        near_before = " ".join(last5)
        # find_period finds nothing in a text without a hint, and the last two words hold
        # none when the last five hold none (as above)
        if not _period_hint(near_before):
            near_before = ""
        rate = find_period(" ".join(last5[-2:])) if near_before else None
        if rate and rate.startswith("per "):
            return rate  # "an annualized $1B in early 2025" is a yearly rate
        sources = ((near_after, len(PERIOD_RULES)), (near_before, len(PERIOD_RULES)), (sentence, STRONG_PERIOD_RULES),
                   (label, len(PERIOD_RULES)))
    else:
        sources = ((label, len(PERIOD_RULES)),)
    for source, rules in sources:
        found = find_period(source, rules) if source else None
        if found:
            return found
    # a list item inherits the period of the line that introduces its list
    if LIST_MARK.match(line):
        text = ctx.doc.text
        i = bisect.bisect_right(ctx.line_starts, line_start) - 1
        while i > 0:
            i -= 1
            s = ctx.line_starts[i]
            e = ctx.line_starts[i + 1] - 1
            prev = text[s:e]
            if not prev.strip():
                break
            if LIST_MARK.match(prev):
                continue
            return find_period(prev, rules=4)
    return None


# A rate adjective a few words after the figure that modifies a later noun is that noun's
# period, not the figure's ("lost 3% amid daily swings", "5,000 employees and a monthly
# payroll"), unless the noun is the figure's own move ("fell 2% in its worst daily drop") or
# an "in" phrase restates the figure ("$20 million in annual fees"). Right after the figure
# ("500 tonnes daily") or before a preposition or a stop ("sells 500 units daily to ...")
# it is the figure's.
_RATE_ADJECTIVES = ("daily", "monthly", "quarterly", "yearly")
_OWN_MOVES = frozenset("gain gains drop drops rise rises fall falls decline declines increase increases loss losses "
                       "move moves jump jumps advance advances slide slides surge surges plunge plunges".split())
_ADVERB_NEXT = frozenset("to in on at for from through until since and or but over by with across between "
                         "of as than".split())


def _own_words(near_after: str) -> str:
    """`near_after` up to a rate adjective of another noun (see above)."""
    low = near_after.lower()
    if not any(a in low for a in _RATE_ADJECTIVES):
        return near_after
    words = near_after.split()
    for i in range(1, len(words) - 1):
        if words[i].lower() in _RATE_ADJECTIVES and words[i - 1].lower() != "in":
            nxt = words[i + 1].lower()
            if nxt[:1].isalpha() and nxt not in _ADVERB_NEXT and nxt.rstrip(".,;:") not in _OWN_MOVES:
                return " ".join(words[:i])
    return near_after


@lru_cache(maxsize=256)  # asked of the same clause by _metric (percent figures) and attribute
def _direction(before: str, after: str) -> str | None:
    bw = _RX_LOWER_RUNS.findall(before.lower())[-8:]
    aw = _RX_LOWER_RUNS.findall(after.lower())[:2]
    if aw and aw[0] in patterns.COMPARATIVES:
        return patterns.COMPARATIVES[aw[0]]  # "1.9% higher than a year earlier"
    if _DIRECTION_OF.keys().isdisjoint(bw) and _DIRECTION_OF.keys().isdisjoint(aw):
        return None  # no direction word: the loops below return only one of them (most figures)
    for k, w in enumerate(bw):
        if w in _CLAUSE_BREAKS:
            bw = bw[k + 1:]  # "fell 0.3% in September but were 1.9% higher"
    for nouns in (False, True):  # verbs first: "cut its growth forecast to 0.75%" is down
        for i in range(len(bw) - 1, -1, -1):
            w = bw[i]
            if (w in patterns.DIRECTION_NOUNS) != nouns:
                continue
            if i + 1 < len(bw) and patterns.BOUND_BEFORE.get(w) == bw[i + 1] and not (
                    i and bw[i - 1] in patterns.MOVEMENT_VERBS and bw[i - 1] not in _DIRECTION_OF):
                continue  # "more than", "up to": a bound, not a movement ("edged up to 6.8%" is
                # one; in "dropped more than 1,000 points" the verb gives the direction)
            d = _DIRECTION_OF.get(w)
            if d is not None:
                return d
    for i, w in enumerate(aw):
        if i and (w.endswith("ed") or w in _IRREGULAR_PASTS):
            break  # "a 30% annual increase", "60 basis points of easing"; but in "a 500 ml bottle rose" the verb is the bottle's
        d = _DIRECTION_OF.get(w)
        if d is not None:
            return d
    return None


# word -> the first direction (in DIRECTION_WORDS' order) whose words hold it
_DIRECTION_OF: dict[str, str] = {}
for _d, _words in patterns.DIRECTION_WORDS.items():
    for _w in _words:
        _DIRECTION_OF.setdefault(_w, _d)


_CLAUSE_BREAKS = {"but", "while", "whereas", "although", "though", "yet"}
# Past forms of direction verbs that do not end in -ed (see _direction).
_IRREGULAR_PASTS = {"rose", "risen", "grew", "grown", "fell", "fallen", "shrank", "shrunk", "lost", "shed", "sank"}
