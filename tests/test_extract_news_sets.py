"""The extractor on the project's own hand-labelled news sentences (tests/data/audit_news_*.jsonl,
see tests/data/README.md), scored by `claimflow.evaluate.score_sentences`.

Each set was written and labelled by hand before the extractor's output was looked at;
sets 1 and 2 were then used to fix rules (regression sets now), set 3 only for a handful. The
floors sit just below the figures measured when they were set (docs/extraction.md)."""
from pathlib import Path

import pytest

from claimflow.documents import Document
from claimflow.evaluate import load_jsonl, score_sentences
from claimflow.extract import get_extractor

DATA = Path(__file__).resolve().parent / "data"
FLOORS = {  # set -> {(mode, measure): minimum}
    "audit_news_1.jsonl": {("value", "f1"): 0.985, ("value+kind", "f1"): 0.945},
    "audit_news_2.jsonl": {("value", "f1"): 0.975, ("value+kind", "f1"): 0.94},
    "audit_news_3.jsonl": {("value", "f1"): 0.955, ("value+kind", "f1"): 0.92},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_news_sentences(name):
    items = load_jsonl(DATA / name)
    ex = get_extractor()
    preds = {it["id"]: [c.to_dict() for c in ex.extract(Document(name=it["id"], text=it["text"]))] for it in items}
    scores = score_sentences(items, preds, canonical_too=True)
    for (mode, measure), floor in FLOORS[name].items():
        got = getattr(scores[mode], measure)
        assert got >= floor, f"{name} {mode} {measure} = {got:.3f} < {floor} ({scores[mode]})"
