"""The quantity component matches its patterns itself (quantities._match_at, on the token
attribute lists); spaCy's Matcher on the same windows must find the same spans."""
from spacy.attrs import LIKE_NUM, LOWER, ORTH, SPACY

from claimflow.extract import get_extractor

TEXTS = [
    "Sales rose by nearly a quarter to $4.6M, a third of firms cut costs by two - thirds.",
    "Thousands of GPUs, 10s of trillions of tokens, a few months, for months to years.",
    "It doubled; costs were cut in half and rose by a - third. Twice as fast, half a dozen, a half turn.",
    "½ cup, ¾ of users, 1 1/2 miles, two hundred and five, a hundred, half million, by more than a half",
]


def test_own_matching_equals_spacy_matcher():
    nlp = get_extractor().nlp
    comp = nlp.get_pipe("claimflow_quantities")
    assert comp.compiled is not None  # every pattern compiles (else the Matcher does it all)
    compiled = comp.compiled
    try:
        for doc in nlp.tokenizer.pipe(TEXTS):
            arr = doc.to_array([LIKE_NUM, LOWER, ORTH, SPACY])
            lowers, orths = arr[:, 1].tolist(), arr[:, 2].tolist()
            comp.compiled = compiled
            own = comp._matches(doc, arr, lowers, orths)
            comp.compiled = None
            theirs = comp._matches(doc, arr, lowers, orths)
            assert own[0] or own[1]
            assert (set(own[0]), set(own[1])) == (set(theirs[0]), set(theirs[1]))
    finally:
        comp.compiled = compiled
