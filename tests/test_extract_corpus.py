"""The extractor on the bundled corpus, scored against the gold labels in tests/data."""
from pathlib import Path

import pytest

from claimflow.evaluate import load_jsonl, score
from claimflow.extract import get_extractor
from claimflow.ingest import read_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "seed_claims.jsonl"


@pytest.fixture(scope="module")
def corpus_score():
    ex = get_extractor()
    preds = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        preds += [c.to_dict() for c in ex.extract(read_document(path))]
    return score(preds, load_jsonl(GOLD))


def test_value_and_unit_precision_recall(corpus_score):
    s = corpus_score
    assert s.recall >= 0.97, [m["surface"] for m in s.misses]
    assert s.precision >= 0.97, [(e["surface"], e["low"], e["unit"]) for e in s.extras]


def test_attribution(corpus_score):
    assert corpus_score.subject >= 0.90
    assert corpus_score.metric >= 0.85
    assert corpus_score.qualifier >= 0.95


def test_every_span_slices_the_text_to_its_surface():
    ex = get_extractor()
    for path in sorted((ROOT / "raw").glob("*.txt")):
        doc = read_document(path)
        for c in ex.extract(doc):
            assert doc.text[c.start:c.end] == c.surface
            assert c.low is None or c.high is None or c.low <= c.high


def test_parallel_extraction_gives_the_same_claims():
    ex = get_extractor()
    docs = [read_document(p) for p in sorted((ROOT / "raw").glob("*.txt"))] * 2
    one = [[c.to_dict() for c in cs] for cs in ex.extract_many(docs)]
    two = [[c.to_dict() for c in cs] for cs in ex.extract_many(docs, n_process=2)]
    assert one == two and sum(map(len, one)) > 100
