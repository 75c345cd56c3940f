"""Money and numerals on unseen text (from a QA audit), as tables of examples: (text,
surface, low, high, canonical unit, qualifier), with the things that must not change."""
import json
import math

import pytest

from claimflow.claims import is_canonical_unit
from claimflow.documents import Document
from claimflow.extract import get_extractor

CASES = {
    "unicode spaces and minus signs": [
        ("The race is 5\u00a0km long.", "5\u00a0km", 5000, 5000, "m", "="),
        ("They raised $5\u00a0million.", "$5\u00a0million", 5e6, 5e6, "USD", "="),
        ("Inflation hit 20\u00a0% in May.", "20\u00a0%", 20, 20, "%", "="),
        ("It was 40\u00a0°C in Seville.", "40\u00a0°C", 40, 40, "°C", "="),
        ("Turnout was 5\u202f% lower.", "5\u202f%", 5, 5, "%", "="),
        ("Some 5\u2009000 runners took part.", "5\u2009000 runners", 5000, 5000, "runners", "~"),
        ("A crowd of 12\u00a0500 people came.", "12\u00a0500 people", 12500, 12500, "people", "="),
        ("The city has 1 400 000 people.", "1 400 000 people", 1.4e6, 1.4e6, "people", "="),
        ("valued 10 000 dollars.", "10 000 dollars", 1e4, 1e4, "USD", "="),
        ("The balance fell to −€450,000.", "−€450,000", -450000, -450000, "EUR", "="),
        ("Power prices hit −$40/MWh.", "−$40/MWh", -40, -40, "USD/MWh", "="),
    ],
}

# Must read as written (no change from the rules above).
UNCHANGED = [
    # a year and a count are two numbers; one space and one group is no thousands group
    ("in 2019 200 people came.", "200 people", 200, 200, "people", "="),
    ("scores of 3 100 were recorded.", "100", 100, 100, "", "="),
]

NOT_CLAIMS = [
]


def _claims(text: str):
    return get_extractor().extract(Document("t.txt", text))


def _find(text: str, surface: str):
    claims = _claims(text)
    hits = [c for c in claims if c.surface == surface]
    assert hits, f"{surface!r} not found in {[c.surface for c in claims]}"
    return hits[0]


@pytest.mark.parametrize("text,surface,low,high,unit,qual",
                         [case for cases in CASES.values() for case in cases] + UNCHANGED)
def test_money_and_numerals(text, surface, low, high, unit, qual):
    c = _find(text, surface)
    assert text[c.start:c.end] == c.surface
    assert (c.low is None, c.high is None) == (low is None, high is None)
    if low is not None:
        assert c.low == pytest.approx(low, rel=1e-6)
    if high is not None:
        assert c.high == pytest.approx(high, rel=1e-6)
    assert c.unit == unit
    assert c.qualifier == qual
    assert is_canonical_unit(c.unit)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert _claims(text) == []


def test_scores_of_3_100_are_two_numbers():
    assert [c.surface for c in _claims("scores of 3 100 were recorded.")] == ["3", "100"]
