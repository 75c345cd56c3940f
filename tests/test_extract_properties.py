"""Properties of the extractor on arbitrary text (hypothesis): it never raises, every
span slices the text to its surface, intervals are ordered, units are canonical."""
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimflow.claims import QUALIFIERS, is_canonical_unit
from claimflow.documents import Document
from claimflow.extract import get_extractor

# Text that looks like what the rules read: numbers, units, currency, qualifiers and
# Markdown structure mixed with arbitrary characters.
PIECES = st.sampled_from([
    "$", "€", "£", "~", "+", "-", "–", " to ", " and ", " between ", "%", " percent", "x", "X", "M", "B", "bn",
    " million", " billion", " tokens/sec", " GB", "MWh", " metric tons CO2", " months", " days", "ms", "s",
    " users", " GPUs", " a few", " thousands of", " more than ", " up to ", " about ", "(estimated)", "\n",
    "\n- **Market Size**: ", "\n### 2. Heading\n", ": ", ", ", ". ", "GPT-3", "Q2 2024", " by 2027", "[1]",
    "1", "2", "10", "4.6", "1,500", "0", "  ", "twenty-one", "a dozen", "half", " per ", "/", "°C", "½",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extractor_properties(text):
    doc = Document("p.txt", text)
    for c in get_extractor().extract(doc):
        assert doc.text[c.start:c.end] == c.surface
        assert c.surface.strip()
        assert c.qualifier in QUALIFIERS
        assert is_canonical_unit(c.unit), c.unit
        for v in (c.low, c.high, c.stated_low, c.stated_high):
            assert v is None or math.isfinite(v)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, (c.surface, c.low, c.high)
        assert c.low is not None or c.high is not None


def test_every_unit_in_the_table_converts_to_its_canonical_unit():
    """A unit row pint cannot convert ("decade" is a logarithmic ratio in pint) once took
    down whole articles; every row is converted here."""
    from claimflow.extract import units

    for stated, expr, kind, _forms in units.UNIT_TABLE:
        if expr is not None and kind in units.CANONICAL and units.CANONICAL[kind][1] is not None:
            scale, _offset = units._factor(expr, kind)
            assert scale > 0, stated



def _tokens(doc):
    return [(t.text, t.idx, t.whitespace_, t.norm_, t.like_num) for t in doc]


_PAIR = []


def _warm_and_plain():
    """claimflow's tokenizer (it fills spaCy's chunk cache itself, see
    tokenizer._SameLengthTokenizer) and the same tokenizer caching nothing; built once."""
    if not _PAIR:
        from claimflow.extract.tokenizer import blank_english

        plain = blank_english().tokenizer.tokenizer
        plain.max_cache_size = 0
        _PAIR.extend([blank_english().tokenizer, plain])
    return _PAIR


def test_tokenizer_cache_warming_gives_the_tokens_of_an_uncached_tokenizer():
    """On the bundled articles, read twice (cold, then from the cache)."""
    from pathlib import Path

    from claimflow.extract.tokenizer import same_length_text

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parents[1].glob("raw/*.txt"))]
    assert len(texts) >= 5
    warm, plain = _warm_and_plain()
    for text in texts + texts:
        assert _tokens(warm(text)) == _tokens(plain(same_length_text(text)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_tokenizer_cache_warming_on_arbitrary_text(texts):
    from claimflow.extract.tokenizer import same_length_text

    warm, plain = _warm_and_plain()
    for text in texts + texts:
        assert _tokens(warm(text)) == _tokens(plain(same_length_text(text)))


# --- the lower-case twins of attribution's case-insensitive regexes ----------------------
# Attribution searches lower-cased text with case-sensitive twins of its re.I patterns
# wherever `_twin_safe` allows (faster in sre); these check that it finds the same spans.

def test_lower_case_maps_every_other_character_within_its_classes():
    """What `_twin_safe` relies on, over all of Unicode: apart from İ ı ſ K, lower() gives one
    character, never an ASCII one for a non-ASCII one, in the same \\w, \\d and \\s classes."""
    import sys

    folds = {"\u0130", "\u0131", "\u017f", "\u212a"}
    odd = []
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        if c in folds:
            continue
        low = c.lower()
        if len(low) != 1 or low.isascii() or (c.isalnum(), c.isdecimal(), c.isspace()) != (
                low.isalnum(), low.isdecimal(), low.isspace()):
            odd.append(hex(cp))
    assert not odd


CUE_PIECES = st.sampled_from([
    "it takes ", "It costs ", "it is probably ", "IT WAS ", "core inflation ", "Free Cash Flow ", "revenue ",
    "raised ", "Invested ", "cost ", "spent ", "year", "Quarter ", "MONTH", "ago", "daily ", "/yr", "now ",
    "March ", "Q3 ", "FY", "2024 ", "É", "Σ", "ς", "ß", "İ", "ı", "ſ", "\u212a", "é", "—", " ", ", ", ". ",
])
CUE_TEXTS = st.lists(st.one_of(CUE_PIECES, st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(CUE_TEXTS)
def test_lower_case_twins_find_the_spans_of_their_patterns(text):
    from claimflow.extract import attribution as a

    pairs = [(a._DUMMY_IT, a._DUMMY_IT_LOW), (a._LEXICON, a._LEXICON_LOW),
             (a._ANY_VERB_METRIC, a._ANY_VERB_METRIC_LOW)]
    pairs += [(rx, twin) for (rx, _), twin in zip(a.VERB_METRICS, a._VERB_METRICS_LOW)]
    if a._twin_safe(text):
        low = text.lower()
        assert len(low) == len(text)
        for rx, twin in pairs:
            if twin is not None:
                assert [m.span() for m in twin.finditer(low)] == [m.span() for m in rx.finditer(text)], rx.pattern
    assert a._period_hint(text) == (a._PERIOD_HINT.search(text) is not None)
    assert a._dummy_it(text) == (a._DUMMY_IT.search(text) is not None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=40),
       st.lists(st.integers(0, 2**64 - 1), max_size=200), st.integers(0, 2**64 - 1))
def test_token_column_membership_is_numpy_isin(values, col, salt):
    """The token-column membership test (low-bits table, then binary search), against
    numpy.isin, with entries that share a value's low 16 bits but not the value."""
    import numpy

    from claimflow.extract.quantities import _Members

    vals = numpy.unique(numpy.array(values, dtype=numpy.uint64))
    near = [(v & ~0xFFFF) ^ (salt & ~0xFFFF) | (v & 0xFFFF) for v in values]  # same low bits
    column = numpy.array(col + values + near, dtype=numpy.uint64)
    assert (_Members(vals)(column) == numpy.isin(column, vals)).all()
