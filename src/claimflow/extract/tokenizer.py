"""The blank English tokenizer, taught to split quantities the way the rules read them:
"~$4.6M" -> "~" "$" "4.6" "M"; "500ms-5s" -> "500" "ms" "-" "5" "s"; "$50-100B+" -> "$"
"50" "-" "100" "B" "+"; "8- to 16-meter" -> "8" "-" "to" "16" "-" "meter". Names with
digits stay whole ("GPT-3", "Llama2", "H100", "2x2"), and so does scientific notation
("1.5e6", "-1e-3", "2.48×10−5"), which LIKE_NUM then accepts (see numbers.like_num).
Unicode spaces (no-break, narrow, thin) read as spaces and a Unicode minus as "-", and
digit groups split by spaces ("5 000", "1 400 000") as one numeral: the text is rewritten
character for character before tokenising, so every offset stays that of the original."""
from __future__ import annotations

import re
from functools import partial

import spacy
from spacy.attrs import LIKE_NUM
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from claimflow.extract.numbers import SCIENTIFIC, like_num

EXTRA_PREFIXES = [r"c\.(?=[0-9])", r"[A-Za-z]{1,3}\$(?=[0-9])", r"~", r"≈", r"₿", r"₾", r"₹", r"₩", r"₽", r"₺", r"元", r"₡", r"₭", r"₱", r"₦", r"₪", r"₫", r"₴", r"ரூ", r"\(", r"\[",
                  r"±(?=[0-9.])"]  # "3.3 V ±5%", "accurate to ±0.5°C": the tolerance sign apart from its number
EXTRA_SUFFIXES = [r"(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹¢])[.,;:]", r"\+", r"(?<=[0-9])[-–—]", r"(?<=[0-9])%", r"(?<=[0-9])[€£¥¢元₾₡₭₱₦₪₫₴]",
                  r"(?<=[a-z][A-Z])\.",  # a sentence-final period after a unit: "120 kW."
                  r"(?<=/[A-Z])\."]  # and after a rate's denominator: "3.2 mmol/L."
# "Mt." is a megatonne and a full stop after a number ("45.6 Mt."); before a name, "Mt"
# "." "Everest" reads the same to the rules.
UNIT_LETTER_STOPS = {f"{c}." for c in "kmbsghltwxp"} | {"Mt."}
EXTRA_INFIXES = [
    # digit -> unit/scale letters, when the letters end the token or a hyphen follows
    r"(?<=[0-9])(?=[A-Za-zµμ°Ω]+(?:\b|$|(?=[-–/])))",
    r"(?<=[0-9])(?=[%€£¥])",
    # area and volume symbols with a power: "24703m2", "40ft²", "3km³"
    r"(?<=[0-9])(?=(?:[kcmd]?m|ft|in|mi)[23²³](?:\b|$))",
    # hyphen or dash between a quantity and the next one ("10-50", "4x-8x", "$500M-2B")
    r"(?<=[0-9])[-–—](?=[0-9~$€£¥.])",
    r"(?<=[0-9][A-Za-z%])[-–—](?=[0-9~$€£¥])",
    r"(?<=[0-9][A-Za-z]{2})[-–—](?=[0-9~$€£¥])",
    r"(?<=[0-9][A-Za-z]{3})[-–—](?=[0-9~$€£¥])",
    # a sentence-final period after a scale letter: "$4.6M." -> "M" "."
    r"(?<=[0-9][A-Za-z])\.$",
    r"(?<=[0-9][A-Za-z]{2})\.$",
    # a currency code glued to its amount: "USD115.5", "eur125"
    r"(?<=USD|EUR|GBP|JPY|CNY|INR|CAD|AUD|CHF|NZD|HKD|usd|eur|gbp|jpy|cny|inr|cad|aud|chf|nzd|hkd)(?=[0-9])",
    # "2,000.45±0.01": a value and its tolerance
    r"(?<=[0-9])±(?=[0-9])",
    # footnote markers glued to a word: "users[1]"
    r"(?<=[A-Za-z.,;:)])\[(?=\d{1,3}(?:\]|$))",
    # the currency sign or tilde of a range's second end: "$25,000-$40,000", "$0.50-~$1"
    r"(?<=[-–—])[$€£¥~](?=[0-9])",
    # a currency code, then a comma and the next figure: "500 USD,100 times"
    r"(?<=[A-Z]{3}),(?=[0-9])",
    # "3-inch", "16-meter": the number from a compound modifier
    r"(?<=[0-9])[-–](?=[A-Za-z])",
    # "130/80": two- or three-digit numbers on both sides of a slash, as two tokens (a
    # reading "130/80 mmHg" is two values; the scan joins other such pairs back into a
    # fraction, see quantities._slash_pair)
    r"(?:(?<=^[0-9]{2})|(?<=^[0-9]{3}))/(?=[0-9]{2,3}$)",
    # a word glued by a hyphen to the figure it bounds or signs: "minus-5", "sub-7", "now-18"
    r"(?:(?<=^minus)|(?<=^Minus)|(?<=^sub)|(?<=^Sub)|(?<=^now))-(?=[0-9$€£])",
]


# Same-length rewrites before tokenising (offsets into the original text stay exact):
# Unicode space separators are spaces, a Unicode minus is a minus.
SAME_LENGTH_CHARS = str.maketrans({**{c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                                                 "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
                                   "\u2212": "-"})
# Thousands written in groups of three digits split by spaces ("5 000" with a thin or
# no-break space, "1 400 000" with two or more groups): the spaces become commas, so the
# groups are one numeral. One regular space and one group ("scores of 3 100") is no group.
_THIN_SPACES = "\u00a0\u2009\u202f\u2007"
# (The lookbehinds follow the first digit, so the pattern opens with a character class and
# sre scans ahead for digits instead of trying every position: same matches, ~4x faster.)
DIGIT_GROUPS = re.compile(
    r"[1-9](?<![\d.,+][1-9])(?<!\d [1-9])\d{0,2}"
    rf"(?:(?:[{_THIN_SPACES}]\d{{3}})+(?:[ {_THIN_SPACES}]\d{{3}})*|(?:[ {_THIN_SPACES}]\d{{3}}){{2,}})(?![\d])")
_GROUP_SPACE = str.maketrans({c: "," for c in " " + _THIN_SPACES})


# The characters SAME_LENGTH_CHARS rewrites: replacing only them is ~10x cheaper than a
# translate of the whole text, and most texts (ASCII or not) hold none.
_REWRITTEN = re.compile("[" + "".join(map(chr, SAME_LENGTH_CHARS)) + "]")


def same_length_text(text: str) -> str:
    """`text` as the tokenizer reads it: same length, same offsets (see SAME_LENGTH_CHARS)."""
    text = DIGIT_GROUPS.sub(_commas, text)
    return text if text.isascii() else _REWRITTEN.sub(_rewritten, text)


def _rewritten(m: re.Match) -> str:
    return SAME_LENGTH_CHARS[ord(m.group())]


def _commas(m: re.Match) -> str:
    return m.group(0).translate(_GROUP_SPACE)


class _Memo(dict):
    """A regex method's answers by string, looked up as `memo[string]` (a dict lookup,
    no Python frame, when the string was seen). spaCy's own cache of tokenised chunks
    stops filling in a text after its first special case (`has_special` is set for the
    rest of the text), so in long articles the same words were split again and again:
    the suffix and infix searches try every alternative at every position (~3 µs a call).
    The answers are the regex's own (same match objects, or the finditer's matches as a
    tuple, which spaCy turns into a list), so the tokens are identical. At most `limit`
    strings are kept; `pattern` is the regex's, for spaCy's serialisation
    (`regex.__self__.pattern`)."""

    def __init__(self, fn, pattern: str, limit: int) -> None:
        super().__init__()
        self.fn, self.pattern, self.limit = fn, pattern, limit

    def __missing__(self, string: str):
        found = self.fn(string)
        if len(self) < self.limit:
            self[string] = found
        return found


MEMO_LIMIT = 50_000  # strings per regex (a few MB at most)


def _memo_search(rx: re.Pattern) -> "callable":
    return _Memo(rx.search, rx.pattern, MEMO_LIMIT).__getitem__


def _memo_match(rx: re.Pattern) -> "callable":
    return _Memo(rx.match, rx.pattern, MEMO_LIMIT).__getitem__


def _memo_finditer(rx: re.Pattern) -> "callable":
    # a tuple: most strings have no infix, and their empty tuple is one shared object the
    # garbage collector never tracks (an empty list per string was ~30k tracked objects)
    return _Memo(lambda s: tuple(rx.finditer(s)), rx.pattern, MEMO_LIMIT).__getitem__


CACHE_CHUNKS = 200_000  # whitespace-separated chunks spaCy's tokenizer may cache (its default: 10,000)


class _SameLengthTokenizer:
    """spaCy's tokenizer on `same_length_text(text)`; everything else is the tokenizer's.

    It also keeps spaCy's cache of tokenised chunks filling. spaCy caches a chunk (a run of
    non-space characters) only while no special case has been met in the text being
    tokenised (`has_special` is set for the rest of the text, spaCy #1250), so in an article
    only the chunks before its first "Mr." or "don't" are cached, and never more than
    10,000 in all. Here each chunk not seen before is first tokenised alone, which caches
    it (unless it holds a special case itself: spaCy then caches nothing, as it would in
    the text); the text itself then finds its chunks in the cache. A chunk's tokens depend
    on the chunk alone, so the tokens are the same either way; only the work is not
    repeated (the bare tokenizer's cost per word falls by more than half on long corpora)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        tokenizer.max_cache_size = CACHE_CHUNKS
        self._seen: set[str] = set()

    def __call__(self, text: str):
        text = same_length_text(text)
        seen = self._seen
        if len(seen) < CACHE_CHUNKS:
            new = set(text.split())
            new -= seen
            for chunk in new:
                self.tokenizer(chunk)
            seen |= new
        return self.tokenizer(text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def blank_english() -> spacy.Language:
    nlp = spacy.blank("en")
    defaults = nlp.Defaults
    nlp.tokenizer.prefix_search = _memo_search(compile_prefix_regex(list(defaults.prefixes) + EXTRA_PREFIXES))
    nlp.tokenizer.suffix_search = _memo_search(compile_suffix_regex(list(defaults.suffixes) + EXTRA_SUFFIXES))
    nlp.tokenizer.infix_finditer = _memo_finditer(compile_infix_regex(EXTRA_INFIXES + list(defaults.infixes)))
    nlp.tokenizer.token_match = _memo_match(re.compile(SCIENTIFIC + "$"))
    nlp.tokenizer.url_match = _memo_match(nlp.tokenizer.url_match.__self__)
    # spaCy keeps "k." and "m." whole as abbreviations; after a number they are a scale or
    # unit and a full stop ("worth $8k.", "cost £3m.", "took 10s.", "up 3.5p.")
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in UNIT_LETTER_STOPS}
    base = nlp.vocab.lex_attr_getters[LIKE_NUM]
    nlp.vocab.lex_attr_getters[LIKE_NUM] = partial(like_num, base=base)
    nlp.tokenizer = _SameLengthTokenizer(nlp.tokenizer)
    return nlp
