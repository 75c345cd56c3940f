"""The extractor: builds the blank English pipeline (tokenizer rules, sentencizer, the
quantity component) and turns a `Document` into `Claim`s with attribution."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimflow.claims import CLAIM_FIELDS, Claim, claim_id_maker
from claimflow.documents import Document, code_blocks
from claimflow.extract import quantities, units  # noqa: F401  (quantities registers the spaCy factory)
from claimflow.extract.attribution import DocContext, attribute
from claimflow.extract.patterns import ABBREVIATIONS
from claimflow.extract.tokenizer import blank_english

CHUNK_CHARS = 100_000  # texts are parsed in paragraph-aligned chunks of about this size


class Extractor:
    def __init__(self) -> None:
        nlp = blank_english()
        nlp.add_pipe("claimflow_quantities")
        nlp.max_length = CHUNK_CHARS * 4
        self.nlp = nlp
        units.registry()  # pint's unit registry (~0.1 s) is built with the pipeline, not at the first unit

    # -- public API ----------------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[Document], n_process: int = 1,
                     batch_size: int = 64) -> Iterator[list[Claim]]:
        """Claims of each document, in order. Long texts are cut into paragraph-aligned
        chunks. With n_process > 1 whole articles (parse and attribution) go to worker
        processes: spaCy's own `nlp.pipe(n_process=...)` would parallelise only the parse
        and ship every Doc back here for attribution, which measured slower than one process."""
        docs = list(docs)
        if n_process > 1 and len(docs) > 1:
            yield from _extract_in_pool(docs, n_process)
            return
        jobs = ((chunk, (i, off)) for i, d in enumerate(docs) for off, chunk in split_text(d.text))
        # Chunks come back in order: a document's claims are yielded as soon as its last
        # chunk is parsed, so only one batch of spaCy Docs is alive at a time.
        nxt, parts = 0, []
        for sdoc, (i, off) in self.nlp.pipe(jobs, as_tuples=True, batch_size=batch_size):
            while nxt < i:
                yield self._claims(docs[nxt], parts)
                parts, nxt = [], nxt + 1
            parts.append((off, sdoc))
        while nxt < len(docs):
            yield self._claims(docs[nxt], parts)
            parts, nxt = [], nxt + 1

    # -- internals -------------------------------------------------------------------
    def _claims(self, doc: Document, parts) -> list[Claim]:
        text = doc.text
        fences = code_blocks(text) if "```" in text else None  # a fence opens with ```
        ctx = DocContext.build(doc)
        out: list[Claim] = []
        sentence_ends: dict = {}
        name, sha = doc.name, doc.sha256
        claim_id = claim_id_maker(sha)
        for off, sdoc in parts:
            for rec in sdoc.user_data.get("quantities", []):
                start, end = rec["start"] + off, rec["end"] + off
                if fences and any(a <= start < b for a, b in fences):
                    continue
                s0, s1 = sentence_span(text, start, end, sentence_ends)
                if off:  # offsets in the document (the first chunk's, at 0, are already)
                    rec = {**rec, "start": start, "end": end}
                att = attribute(ctx, rec, s0, s1)
                # positional, in the order of _CLAIM_ARGS (checked against CLAIM_FIELDS below)
                out.append(Claim(
                    claim_id(start, end), name, start, end, text[start:end], text[s0:s1].strip(),
                    rec["stated_low"], rec["stated_high"], rec["stated_unit"],
                    rec["low"], rec["high"], rec["unit"], rec["qualifier"],
                    att.direction, att.subject, att.metric, att.period, sha,
                ))
        return out


# The order of Claim's positional arguments in _claims (the rest keep their defaults).
_CLAIM_ARGS = ("claim_id", "doc", "start", "end", "surface", "sentence", "stated_low", "stated_high",
               "stated_unit", "low", "high", "unit", "qualifier", "direction", "subject", "metric", "period",
               "doc_sha256")
assert CLAIM_FIELDS[:len(_CLAIM_ARGS)] == _CLAIM_ARGS, "Claim's fields moved: update _claims"


# "[.!?…][.!?…]*" is "[.!?…]+" spelt so the pattern opens with a character class, which
# sre scans ahead for (same matches, ~2x faster)
_SENT_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def sentence_span(text: str, start: int, end: int, cache: dict | None = None) -> tuple[int, int]:
    """The sentence around [start, end): within its line, between sentence-final
    punctuation followed by a capital (abbreviations like "Mr." or "U.S." do not end one).
    Computed only for claims, so the pipeline needs no per-token sentencizer. `cache`
    (one dict per text) keeps each line's sentence ends for the line's other claims."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    ends = cache.get((ls, le)) if cache is not None else None
    if ends is None:
        ends = [(m.start(), m.end()) for m in _SENT_END.finditer(text, ls, le) if not _abbreviation(text, m.start())]
        if cache is not None:
            cache[(ls, le)] = ends
    s0, s1 = ls, le
    for ms, me in ends:
        if me <= start:
            s0 = me
        elif ms >= end:
            s1 = ms + 1
            break
    return s0, s1


def _abbreviation(text: str, dot: int) -> bool:
    word = text[max(0, dot - 6):dot + 1].split()[-1] if text[max(0, dot - 6):dot + 1].split() else ""
    return word.lower().lstrip("(\"'") in ABBREVIATIONS or (len(word) == 2 and word[0].isupper())


def _extract_batch(batch: list[Document]) -> list[list[Claim]]:
    from claimflow.extract import get_extractor

    return list(get_extractor().extract_many(batch))


def _extract_in_pool(docs: list[Document], n_process: int, batch_docs: int = 8) -> Iterator[list[Claim]]:
    """Articles in batches on a fork-based process pool; workers inherit the built
    pipeline, claims come back pickled, in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from claimflow.extract import get_extractor

    get_extractor()  # built once here; forked workers inherit it
    batches = [docs[i:i + batch_docs] for i in range(0, len(docs), batch_docs)]
    with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork")) as pool:
        for claims in pool.map(_extract_batch, batches):
            yield from claims


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut `text` into (offset, chunk) pieces of at most about `limit` characters, at
    paragraph breaks where possible, else at line breaks, else at spaces."""
    if len(text) <= limit:
        return [(0, text)]
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + limit, n)
        if end < n:
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, pos + limit // 2, end)
                if cut > pos:
                    end = cut + len(sep)
                    break
        out.append((pos, text[pos:end]))
        pos = end
    return out
