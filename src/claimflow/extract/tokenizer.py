"""The blank English tokenizer, taught to split quantities the way the rules read them:
"~$4.6M" -> "~" "$" "4.6" "M"; "500ms-5s" -> "500" "ms" "-" "5" "s"; "$50-100B+" -> "$"
"50" "-" "100" "B" "+"; "8- to 16-meter" -> "8" "-" "to" "16" "-" "meter". Names with
digits stay whole ("GPT-3", "Llama2", "H100", "2x2"), and so does scientific notation
("1.5e6", "-1e-3", "2.48×10−5"), which LIKE_NUM then accepts (see numbers.like_num)."""
from __future__ import annotations

import re
from functools import partial

import spacy
from spacy.attrs import LIKE_NUM
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from claimflow.extract.numbers import SCIENTIFIC, like_num

EXTRA_PREFIXES = [r"c\.(?=[0-9])", r"[A-Za-z]{2,3}\$(?=[0-9])", r"~", r"≈", r"₿", r"₾", r"₹", r"₩", r"₽", r"₺", r"元", r"₡", r"₭", r"₱", r"₦", r"₪", r"₫", r"₴", r"ரூ", r"\(", r"\["]
EXTRA_SUFFIXES = [r"(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹])[.,;:]", r"\+", r"(?<=[0-9])[-–—]", r"(?<=[0-9])%", r"(?<=[0-9])[€£¥元₾₡₭₱₦₪₫₴]",
                  r"(?<=[a-z][A-Z])\."]  # a sentence-final period after a unit: "120 kW."
UNIT_LETTER_STOPS = {f"{c}." for c in "kmbsghltwx"}
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


def blank_english() -> spacy.Language:
    nlp = spacy.blank("en")
    defaults = nlp.Defaults
    nlp.tokenizer.prefix_search = compile_prefix_regex(list(defaults.prefixes) + EXTRA_PREFIXES).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(defaults.suffixes) + EXTRA_SUFFIXES).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(EXTRA_INFIXES + list(defaults.infixes)).finditer
    nlp.tokenizer.token_match = re.compile(SCIENTIFIC + "$").match
    # spaCy keeps "k." and "m." whole as abbreviations; after a number they are a scale or
    # unit and a full stop ("worth $8k.", "cost £3m.", "took 10s.")
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in UNIT_LETTER_STOPS}
    base = nlp.vocab.lex_attr_getters[LIKE_NUM]
    nlp.vocab.lex_attr_getters[LIKE_NUM] = partial(like_num, base=base)
    return nlp
