"""Verdicts from value intervals: open ends, approximations, touching ranges, scale slips."""
from __future__ import annotations

import pytest

from claimflow.claims import Claim
from claimflow.reconcile import judge, reconcile
from claimflow.reconcile.verdict import format_value


def c(low, high="same", q="=", unit="USD", cid="x"):
    high = low if high == "same" else high
    # each claim stands in a sentence of its own (claims of one sentence never group)
    return Claim(claim_id=cid, doc="d.txt", start=0, end=1, surface="x", sentence=f"x {cid}",
                 stated_low=low, stated_high=high, stated_unit=unit, low=low, high=high, unit=unit,
                 qualifier=q, subject="GPT-3", metric="training cost")


@pytest.mark.parametrize("claims, verdict", [
    # open ends
    ([c(100e6, None, ">="), c(150e6)], "agree"),          # "$100M+" vs "$150M"
    ([c(100e6, None, ">="), c(80e6)], "conflict"),         # "$100M+" vs "$80M"
    ([c(None, 700e6, "<"), c(500e6)], "agree"),            # "under 700M" vs "500M"
    ([c(None, 700e6, "<"), c(900e6)], "conflict"),
    ([c(100e6, None, ">="), c(None, 200e6, "<=")], "agree"),
    ([c(300e6, None, ">="), c(None, 200e6, "<=")], "conflict"),
    # a single value with an "over"/"up to" qualifier is opened even if both ends were set
    ([c(10e9, 10e9, ">"), c(12e9)], "agree"),
    ([c(10e9, 10e9, "<="), c(8e9)], "agree"),
    # approximations: ~ widens by 10 %
    ([c(4.6e6, q="~"), c(5.0e6)], "agree"),                # within 10 %
    ([c(4.6e6, q="~"), c(5.2e6)], "conflict"),             # 13 % off
    ([c(4.6e6), c(5.0e6)], "conflict"),                    # exact figures do not stretch
    # touching ranges agree (bounds are inclusive)
    ([c(5e9, 10e9), c(10e9, 20e9)], "agree"),
    ([c(10e9, None, ">="), c(10e9, q="~")], "agree"),
    # pairwise overlap of intervals on a line means a common point
    ([c(1, 5), c(4, 8), c(3, 6)], "agree"),
    ([c(1, 3), c(2, 5), c(4, 6)], "conflict"),
    # nothing to compare
    ([c(1)], "single"),
])
def test_interval_verdicts(claims, verdict):
    assert judge(claims).verdict == verdict


def test_conflict_reason_in_words_with_gap_ratio():
    v = judge([c(4.6e6, cid="a"), c(10e6, 15e6, ">", cid="b")])
    assert v.verdict == "conflict"
    assert v.reason.startswith("$4.6M is below the $10M–$15M range by 2.2x")
    assert v.gap_ratio == pytest.approx(10 / 4.6)
    assert v.scale_slip is None


@pytest.mark.parametrize("small, big, slip", [(4.6e6, 4.6e9, 1e3), (2.0, 2.1e6, 1e6), (3e6, 2.5e9, 1e3), (1e6, 50e6, None)])
def test_scale_slip_flagged_near_powers_of_a_thousand(small, big, slip):
    v = judge([c(small), c(big)])
    assert v.verdict == "conflict"
    assert v.scale_slip == slip
    assert ("scale slip" in v.reason) is (slip is not None)


def test_negative_values_report_a_difference_not_a_ratio():
    v = judge([c(-5.0, unit="%"), c(3.0, unit="%")])
    assert v.verdict == "conflict" and v.gap_ratio is None
    assert "by 8%" in v.reason


def test_group_span_is_open_when_any_claim_is_open():
    rec = reconcile([c(100e6, None, ">=", cid="a"), c(150e6, cid="b")])
    row = rec.groups.to_pylist()[0]
    assert (row["low"], row["high"], row["verdict"]) == (100e6, None, "agree")


@pytest.mark.parametrize("x, unit, text", [
    (4.6e6, "USD", "$4.6M"), (3e11, "tokens", "300B tokens"), (7889400.0, "s", "3 months"),
    (3.5e11, "bytes", "350 GB"), (40.0, "%", "40%"), (4.0, "x", "4x"), (3.287e9, "Wh", "3.29 GWh"),
])
def test_values_are_written_the_way_articles_write_them(x, unit, text):
    assert format_value(x, unit) == text
