"""Helpers shared by the pattern-table tests: run the extractor on a text, find a claim
by its surface, and check it against a table row (low, high, canonical unit, qualifier)."""
import pytest

from claimflow.claims import is_canonical_unit
from claimflow.documents import Document
from claimflow.extract import get_extractor


def claims_of(text: str):
    return get_extractor().extract(Document("t.txt", text))


def find(text: str, surface: str):
    found = claims_of(text)
    hits = [c for c in found if c.surface == surface]
    assert hits, f"{surface!r} not found in {[c.surface for c in found]}"
    return hits[0]


def check_row(c, low, high, unit, qual) -> None:
    """The claim's interval (an open end is None on both sides), canonical unit and qualifier."""
    assert (c.low is None, c.high is None) == (low is None, high is None)
    if low is not None:
        assert c.low == pytest.approx(low, rel=1e-6)
    if high is not None:
        assert c.high == pytest.approx(high, rel=1e-6)
    assert c.unit == unit
    assert c.qualifier == qual
    assert is_canonical_unit(c.unit)
