"""Numbers: numerals, number words, scale words and vague quantities, as data plus the
small functions that read them. No spaCy here: these work on token texts."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
MAGNITUDE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
NUMBER_WORDS = {**UNITS_WORDS, **TENS_WORDS, **MAGNITUDE_WORDS, "dozen": 12}

# "two thirds", "one-half", "three quarters": denominators written as words
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

# Scale words and suffixes after a numeral: "4.6M", "$5bn", "10 million".
SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mm": 1e6, "M": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "bil": 1e9, "B": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "T": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    "dozen": 12,  # "three dozen roses" is 36
}
# Scale forms that are also units or words elsewhere: accepted only after a currency
# ("$5m", "$3b"), or in front of a count noun/unit ("10k users", "300B tokens").
WEAK_SCALES = {"m", "b", "mm", "mil", "T", "mn"}
# Written words are case-insensitive; one-letter suffixes are case-sensitive.
SCALE_CASE_INSENSITIVE = {"thousand", "million", "billion", "trillion", "bn", "mn", "mln", "bln",
                          "bil", "tn", "trn", "lakh", "lakhs", "crore", "crores", "dozen"}

# Vague quantities: phrase -> (low, high). Plural scale words give one order of magnitude
# ("thousands" = 1,000-10,000), the convention of the gold labels.
VAGUE_WORDS = {
    "a few": (2.0, 5.0), "few": (2.0, 5.0), "a handful": (3.0, 5.0), "a handful of": (3.0, 5.0),
    "several": (3.0, 9.0), "a couple": (2.0, 2.0), "a couple of": (2.0, 2.0),
    "a dozen": (12.0, 12.0), "dozens": (24.0, 144.0), "dozens of": (24.0, 144.0),
    "half a dozen": (6.0, 6.0),
}
# "a half turn", "half an hour": one half of the unit that follows
HALF_PHRASES = {("a", "half"), ("half", "a"), ("half", "an")}
# "a third of firms", "a quarter of a percentage point", "by a quarter point": a fraction
# with its article, a quantity only before "of" (a share, "of a mile") or "point(s)".
A_FRACTIONS = {("a", w): 1 / d for w, d in FRACTION_WORDS.items() if not w.endswith("s") and w != "half"}
# "a quarter-point cut", "a half-point hike": the bare word, a quantity only before "point(s)".
BARE_FRACTIONS = {("half",): 0.5, ("quarter",): 0.25}
# Words that state a multiplier: "tenfold", "doubled", "twice as fast" -> (factor, direction).
MULTIPLIER_WORDS = {
    "twofold": (2.0, None), "threefold": (3.0, None), "fourfold": (4.0, None), "fivefold": (5.0, None),
    "sixfold": (6.0, None), "sevenfold": (7.0, None), "eightfold": (8.0, None), "ninefold": (9.0, None),
    "tenfold": (10.0, None), "twentyfold": (20.0, None), "hundredfold": (100.0, None),
    "thousandfold": (1000.0, None),
    "doubled": (2.0, "up"), "doubling": (2.0, "up"), "tripled": (3.0, "up"), "tripling": (3.0, "up"),
    "quadrupled": (4.0, "up"), "quadrupling": (4.0, "up"),
    "twice": (2.0, None), "thrice": (3.0, None),
    "double": (2.0, "up"), "triple": (3.0, "up"), "quadruple": (4.0, "up"),
}
# The base verbs count only after these ("more than double", "expected to triple"), not as
# adjectives ("double-digit", "a double room").
MULTIPLIER_VERBS = {"double", "triple", "quadruple"}
MULTIPLIER_VERB_CUES = {"than", "nearly", "almost", "roughly", "about", "to", "will", "could", "would", "may",
                        "might", "should", "can", "more"}
# A change stated as a fraction: "cut costs by half", "rose by a third", "by one-fifth",
# "by three-quarters", "halved" -> percent. Every fraction word: "half", "third" ... "tenth",
# and "two thirds" ... "nine tenths" (numerator below the denominator).
CHANGE_FRACTIONS = {w: 100 / d for w, d in FRACTION_WORDS.items() if not w.endswith("s")}
CHANGE_FRACTIONS.update({f"{n} {w}": 100 * UNITS_WORDS[n] / d for w, d in FRACTION_WORDS.items() if w.endswith("s")
                         for n in ("two", "three", "four", "five", "six", "seven", "eight", "nine") if UNITS_WORDS[n] < d})
HALVING_WORDS = {"halved": 50.0, "halving": 50.0, "halves": 50.0}
# A plural time unit without a numeral ("for months", "days to weeks"): from one of the
# unit up to the next larger unit (a week of days, a year of months, a decade of years).
VAGUE_DURATIONS = {"seconds": 60.0, "minutes": 60.0, "hours": 24.0, "days": 7.0, "weeks": 4.0,
                   "months": 12.0, "years": 10.0, "decades": 10.0}
PLURAL_SCALES = {"tens": 10.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
                 "billions": 1e9, "trillions": 1e12}
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}

_NUMERAL = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?(?:\.\d+)?$")  # 1,500,000; 12,34,567 (Indian)
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
# Scientific notation, one token (see tokenizer.SCIENTIFIC): "1.5e6", "-1e-3", "2.48×10−5",
# "5.5x10-3", "3×10^8", "6.02×10²³", "8x2^10" (a power needs "^" unless the base is 10
# with a signed or superscript exponent: "2x10" and "2x100" are no powers).
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
SCIENTIFIC = (r"[-+−]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+−]?\d+"
              r"|[x×·*]10(?:\^[-+−]?\d+|[-+−]\d+|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[x×]\d+\^[-+−]?\d+)")
_SCI = re.compile(r"^([-+]?(?:\d+(?:\.\d+)?|\.\d+))(?:[eE]([-+]?\d+)|[x×·*](\d+)\^?([-+]?\d+))$")
_SCI_FULL = re.compile(SCIENTIFIC + "$")
# A race time: "2:02:42" (h:mm:ss, hours up to 99) or "1:45.32" (m:ss.cc); "10:30" is a clock time.
_RACE_TIME = re.compile(r"^(?:(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)|([0-5]?\d):([0-5]\d\.\d+))$")
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

# parse_numeral, parse_race_time and scale_of are pure functions of one token text, asked
# again and again of the same words: cached (their answers are floats or None)
_word_cache = lru_cache(maxsize=1 << 16)


@_word_cache
def parse_numeral(text: str) -> float | None:
    """A written numeral: "1,500,000", "4.6", ".5", "1/2", "½", "3½", "1.5e6"."""
    t = text.replace("\u2212", "-").replace("\u2009", "").replace("\u202f", "")
    if not t or t in {"-", "+", ".", ","}:
        return None
    if t[-1] in VULGAR_FRACTIONS:
        whole = t[:-1]
        base = parse_numeral(whole) if whole else 0.0
        return None if base is None else base + VULGAR_FRACTIONS[t[-1]]
    if _NUMERAL.match(t) and any(c.isdigit() for c in t):
        return float(t.replace(",", ""))
    m = _FRACTION.match(t)
    if m and int(m.group(2)) != 0:
        return int(m.group(1)) / int(m.group(2))
    m = _SCI.match(_plain_powers(t)) if _SCI_FULL.match(t) else None
    if m:
        if m.group(2) is not None or m.group(3) == "10":
            return float(f"{m.group(1)}e{m.group(2) or m.group(4)}")
        return float(m.group(1)) * float(m.group(3)) ** int(m.group(4))
    if len(t) == 1 and unicodedata.numeric(t, None) is not None and not t.isascii():
        return float(unicodedata.numeric(t))
    return None


@_word_cache
def parse_race_time(text: str) -> float | None:
    """"2:02:42" -> 7362.0 seconds, "1:45.32" -> 105.32; None for anything else ("10:30")."""
    m = _RACE_TIME.match(text)
    if m is None:
        return None
    if m.group(1) is not None:
        return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    return int(m.group(4)) * 60 + float(m.group(5))


def _plain_powers(t: str) -> str:
    """"10²³" -> "10^23", "10⁻⁵" -> "10^-5"."""
    for i, ch in enumerate(t):
        if ch in "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺":
            return t[:i] + "^" + t[i:].translate(_SUPERSCRIPTS)
    return t


def like_num(text: str, base) -> bool:
    """spaCy's LIKE_NUM (`base`), also true for numerals it misses: scientific notation,
    a Unicode minus ("−273.15") and a whole number with a vulgar fraction ("2½")."""
    if base(text):
        return True
    if text[:1] == "\u2212":
        return base(text[1:]) or parse_numeral(text) is not None
    if text[-1:] in VULGAR_FRACTIONS:
        return text[:-1].isdigit()
    return bool(_SCI_FULL.match(text) or _RACE_TIME.match(text))


def parse_number_words(words: list[str]) -> float | None:
    """English number words: ["two", "hundred", "thousand"] -> 200000.0;
    ["twenty", "one"] -> 21; ["a", "hundred", "and", "two"] -> 102."""
    words = [w.lower() for w in words if w not in {"-", "and"}]
    if tuple(words) in HALF_PHRASES:
        return 0.5
    if tuple(words) in A_FRACTIONS:
        return A_FRACTIONS[tuple(words)]
    if tuple(words) in BARE_FRACTIONS:
        return BARE_FRACTIONS[tuple(words)]
    if len(words) >= 2 and words[-2] in ("half", "quarter") and words[-1] in MAGNITUDE_WORDS:
        lead = 0.5 if words[-2] == "half" else 0.25
        return lead * MAGNITUDE_WORDS[words[-1]] if len(words) == 2 or words[:-2] == ["a"] else None
    if not words or any(w not in NUMBER_WORDS and w != "a" for w in words):
        return None
    if words[0] == "a":
        words = ["one"] + words[1:]
        if len(words) == 1:
            return None
    if "a" in words:
        return None
    total, current = 0.0, 0.0
    seen_any = False
    prev = ""
    for w in words:
        v = NUMBER_WORDS[w]
        if w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in MAGNITUDE_WORDS and prev in MAGNITUDE_WORDS and prev != "hundred" and not current:
            total *= v  # "a million million" is 1e12, "a thousand million" 1e9
        elif w in MAGNITUDE_WORDS:
            total += (current or 1) * v
            current = 0.0
        else:
            current += v
        seen_any = True
        prev = w
    return total + current if seen_any else None


def is_number_word(lower: str) -> bool:
    return lower in NUMBER_WORDS


@_word_cache
def scale_of(text: str) -> float | None:
    """Multiplier of a scale word or suffix, or None ("T." ending a sentence counts)."""
    if len(text) == 2 and text[1] == "." and text[0] in "KMBT":
        text = text[0]
    if text in SCALE_WORDS and text not in SCALE_CASE_INSENSITIVE:
        return SCALE_WORDS[text]
    low = text.lower()
    if low in SCALE_CASE_INSENSITIVE:
        return SCALE_WORDS[low]
    return None


def is_year(value: float, text: str) -> bool:
    """A bare four-digit integer that reads as a calendar year."""
    return text.isdigit() and len(text) == 4 and 1800 <= value <= 2100
