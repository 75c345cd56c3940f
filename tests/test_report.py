"""The conflict report: processed/conflicts.md and a self-contained conflicts.html."""
from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from claimflow.reconcile import reconcile
from claimflow.report import write_reports
from claimflow.review import append_decision
from test_reconcile import load_gold_claims


def _with_extra_conflict():
    """The gold claims plus a second, reviewed conflict whose article text holds markup."""
    claims = load_gold_claims()
    azure = next(c for c in claims if c.claim_id == "004-006")
    hostile = replace(azure, claim_id="x-1", doc="005_<script>alert(1)</script>.html", surface="$25M",
                      low=25e6, high=25e6, sentence='Azure <b>quarterly</b> revenue was $25M & "rising".')
    return claims + [hostile]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls, self.marks, self._in_mark = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_mark = tag == "mark"
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.urls.append(value)

    def handle_endtag(self, tag):
        self._in_mark = False if tag == "mark" else self._in_mark

    def handle_data(self, data):
        if self._in_mark:
            self.marks.append(data)


def test_reports_show_each_conflict_open_first_with_claims_side_by_side(tmp_path):
    claims = _with_extra_conflict()
    first = reconcile(claims)
    azure = next(g for g in first.groups.to_pylist() if "x-1" in g["members"])
    decisions = tmp_path / "reviews" / "decisions.jsonl"
    append_decision(decisions, "dismiss", azure["group_id"], members=azure["members"], note="memo typo", reviewer="ana")
    rec = reconcile(claims, decisions)
    paths = write_reports(rec, tmp_path / "processed")
    assert [p.name for p in paths] == ["conflicts.md", "conflicts.html"]

    md = paths[0].read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", md, re.M)
    assert sections[0].startswith("GPT-3") and sections[1].startswith("Microsoft Azure"), "open conflicts first"
    assert "$4.6M is below the $10M–$15M range by 2.2x" in md
    assert "**$10 million to $15 million**" in md, "the figure is highlighted in its sentence"
    assert "10,000,000 – 15,000,000 USD" in md  # canonical interval
    assert "Review status: **open**" in md and "Review status: **dismissed" in md
    assert "likely a scale slip (x1,000)" in md

    page = paths[1].read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags, "article text is escaped, never executed"
    assert "&lt;script&gt;" in page and "&lt;b&gt;quarterly&lt;/b&gt;" in page
    assert parsed.urls == [], "self-contained: no network assets or outside links"
    assert "style" in parsed.tags
    assert "$10 million to $15 million" in parsed.marks and "$25M" in parsed.marks
    assert page.index("GPT-3 — training cost") < page.index("Microsoft Azure — quarterly revenue")
    assert page.count('<article class="claim') == 3 + 2, "every claim of each conflict gets its card"


def test_stale_decisions_are_listed_in_the_report(tmp_path):
    decisions = tmp_path / "decisions.jsonl"
    append_decision(decisions, "accept", "gold", "gone-claim", note="old article", reviewer="ana")
    rec = reconcile(load_gold_claims(), decisions)
    md, page = (p.read_text(encoding="utf-8") for p in write_reports(rec, tmp_path / "processed"))
    assert "Stale decisions" in md and "gone-claim" in md
    assert "Stale decisions" in page and "gone-claim" in page


def test_no_conflicts_says_so(tmp_path):
    claims = [c for c in load_gold_claims() if c.claim_id != "003-001"]
    md, page = (p.read_text(encoding="utf-8") for p in write_reports(reconcile(claims), tmp_path))
    assert "No conflicts" in md and "No conflicts" in page
