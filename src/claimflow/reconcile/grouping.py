"""Group claims that state the same fact.

1. Every claim gets a `ClaimKey` (keys.py). Claims with identical normalised subject and
   metric in the same block form one *entity*; most repeats collapse here for free.
2. Exact rule: entities of one block whose subject+metric words are the same bag are
   linked ("Training GPT-3 | cost" and "GPT-3 | training cost").
3. Fuzzy rule, inside a block only: rapidfuzz ``process.cdist`` over the block's
   distinct subjects with ``score_cutoff`` and ``workers=-1`` gives candidate pairs;
   the pair's metrics must match too. A second candidate source is *head containment*:
   a subject that is a word-prefix of exactly one longer subject in the block
   ("Developer Tools" / "Developer Tools & APIs segment"). Containment at the end is
   not used ("Infrastructure" is not "Cost Optimization & Infrastructure").
   Candidates are kept only when `related`: a fuzzy score alone is not enough, the
   words the two names do not share must themselves look alike (a typo, not a
   different word).
4. Links are merged strongest first, and a merge is refused unless every pair of
   entities in the merged group is `related` (complete linkage), so A~B~C chains cannot
   glue unrelated names. Every link passes `keys.veto_reason` (numbers are identity).

No matrix ever spans more than one block, and a block larger than ``MAX_BLOCK``
distinct subjects is split by its subjects' first word.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from claimflow.reconcile.keys import ClaimKey, veto_reason

SUBJECT_CUTOFF = 88  # token_sort_ratio for two subjects to be candidates
METRIC_CUTOFF = 88  # ... and for their metrics to count as the same
REST_CUTOFF = 75  # fuzz.ratio of the words two names do not share (typos, inflections)
MAX_BLOCK = 3000  # distinct subjects per cdist call
SCORER = fuzz.token_sort_ratio


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def _is_head_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[: len(short)] == short


def words_match(a: tuple[str, ...], b: tuple[str, ...], cutoff: float) -> bool:
    """Two word lists name the same thing up to spelling: the same bag of words, or a
    whole-string score >= cutoff *and* the words left after taking out the common ones
    resemble each other (a typo or an inflection, "nvidia"/"nvida"). A substituted word
    ("data training infrastructure" vs "ai training infrastructure") or an added one
    does not match here."""
    if sorted(a) == sorted(b):
        return True
    rest_a, rest_b = Counter(a), Counter(b)
    common = rest_a & rest_b
    rest_a -= common
    rest_b -= common
    if not rest_a or not rest_b:
        return False
    if SCORER(" ".join(a), " ".join(b), score_cutoff=cutoff) < cutoff:
        return False
    left = " ".join(sorted(rest_a.elements()))
    right = " ".join(sorted(rest_b.elements()))
    return fuzz.ratio(left, right, score_cutoff=REST_CUTOFF) >= REST_CUTOFF


def _is_tail_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(long) and long[-len(short):] == short


def _metrics_match(a: ClaimKey, b: ClaimKey) -> bool:
    """Same metric up to spelling, or one is the other without its modifiers ("size" /
    "market size": English metric phrases end in their head noun)."""
    return (a.metric == b.metric or words_match(a.metric, b.metric, METRIC_CUTOFF)
            or _is_tail_of(a.metric, b.metric) or _is_tail_of(b.metric, a.metric))


def related(a: ClaimKey, b: ClaimKey) -> bool:
    """True when two keys may be linked: no veto, and either the same bag of subject and
    metric words, or matching metrics and subjects that match (`words_match`) or where
    one is the head of the other."""
    if veto_reason(a, b):
        return False
    if a.bag == b.bag:
        return True
    if not _metrics_match(a, b):
        return False
    if _is_head_of(a.subject, b.subject) or _is_head_of(b.subject, a.subject):
        return True
    return words_match(a.subject, b.subject, SUBJECT_CUTOFF)


def _sub_blocks(entity_ids: list[int], keys: list[ClaimKey]) -> list[list[int]]:
    subjects = {keys[e].subject_text for e in entity_ids}
    if len(subjects) <= MAX_BLOCK:
        return [entity_ids]
    by_first: dict[str, list[int]] = defaultdict(list)
    for e in entity_ids:
        by_first[keys[e].subject[0] if keys[e].subject else ""].append(e)
    return list(by_first.values())


def _candidate_links(entity_ids: list[int], keys: list[ClaimKey]) -> list[tuple[float, int, int]]:
    """(score, entity, entity) pairs of one (sub-)block worth linking."""
    by_subject: dict[str, list[int]] = defaultdict(list)
    for e in entity_ids:
        by_subject[keys[e].subject_text].append(e)
    subjects = sorted(by_subject)
    pairs: dict[tuple[str, str], float] = {}

    if len(subjects) > 1:
        scores = process.cdist(subjects, subjects, scorer=SCORER, score_cutoff=SUBJECT_CUTOFF,
                               dtype=np.uint8, workers=-1)
        rows, cols = np.nonzero(np.triu(scores, k=1))
        for i, j in zip(rows.tolist(), cols.tolist()):
            pairs[(subjects[i], subjects[j])] = float(scores[i, j])
        del scores

    # Head containment, only when unambiguous within the block.
    tokens_of = {s: keys[by_subject[s][0]].subject for s in subjects}
    longer_by_prefix: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for s, toks in tokens_of.items():
        for k in range(1, len(toks)):
            longer_by_prefix[toks[:k]].add(s)
    for s, toks in tokens_of.items():
        longer = longer_by_prefix.get(toks)
        if longer and len(longer) == 1:
            (other,) = longer
            pair = (s, other) if s < other else (other, s)
            pairs.setdefault(pair, float(SUBJECT_CUTOFF))

    links = []
    for (sa, sb), score in pairs.items():
        for ea in by_subject[sa]:
            for eb in by_subject[sb]:
                if related(keys[ea], keys[eb]):
                    links.append((score, ea, eb))
    # Same subject, different but similar metric ("training cost" / "training costs"),
    # or a bare metric that ends exactly one longer metric of this subject ("size" /
    # "market size"; but "cost" next to both "training cost" and "energy cost" joins
    # neither).
    for ents in by_subject.values():
        for x in range(len(ents)):
            for y in range(x + 1, len(ents)):
                a, b = keys[ents[x]], keys[ents[y]]
                if a.metric == b.metric or words_match(a.metric, b.metric, METRIC_CUTOFF):
                    links.append((100.0, ents[x], ents[y]))
        for e in ents:
            longer = {keys[o].metric for o in ents if _is_tail_of(keys[e].metric, keys[o].metric)}
            if len(longer) == 1:
                links.extend((float(SUBJECT_CUTOFF), e, o) for o in ents if keys[o].metric in longer)
    return links


def group_keys(keys: Sequence[ClaimKey]) -> list[list[int]]:
    """Partition claim indexes into groups of claims stating the same fact."""
    entity_of: dict[tuple, int] = {}
    entity_keys: list[ClaimKey] = []
    entity_claims: list[list[int]] = []
    for i, k in enumerate(keys):
        ident = (k.block, k.subject, k.metric)
        e = entity_of.get(ident)
        if e is None:
            e = entity_of[ident] = len(entity_keys)
            entity_keys.append(k)
            entity_claims.append([])
        entity_claims[e].append(i)

    uf = _UnionFind(len(entity_keys))
    by_bag: dict[tuple, int] = {}
    by_block: dict[tuple, list[int]] = defaultdict(list)
    for e, k in enumerate(entity_keys):
        first = by_bag.setdefault((k.block, k.bag), e)
        if first != e:
            uf.union(first, e)
        by_block[k.block].append(e)

    for block_entities in by_block.values():
        if len(block_entities) < 2:
            continue
        for sub in _sub_blocks(block_entities, entity_keys):
            if len(sub) < 2:
                continue
            links = _candidate_links(sub, entity_keys)
            links.sort(key=lambda t: (-t[0], t[1], t[2]))
            for _score, a, b in links:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                if all(related(entity_keys[x], entity_keys[y])
                       for x in uf.members[ra] for y in uf.members[rb]):
                    uf.union(ra, rb)

    groups: dict[int, list[int]] = defaultdict(list)
    for e in range(len(entity_keys)):
        groups[uf.find(e)].extend(entity_claims[e])
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
