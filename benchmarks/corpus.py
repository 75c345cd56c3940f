"""A deterministic generated corpus for the benchmarks (built in memory, never committed).

The pool is every sentence of the shared devsets (../shared/devsets/*.jsonl, "text"
field) and every block of the articles in raw/*.txt (paragraphs, bullet runs, headings,
tables; code fences are left out so a shuffled opening fence never swallows the rest of
an article). Articles are drawn from the pool with `random.Random(seed)`: a "# " title,
then "## " section headings, raw blocks as they are and devset sentences joined into
paragraphs of 2-6 (a final "." added where a devset sentence has none), until the
article reaches its drawn length. Unless `verbatim`, every numeral's digits are redrawn
per occurrence (years 1900-2099 kept, the first digit stays non-zero) so a sentence drawn
twice is not the same string twice: spaCy's tokenizer caches strings it has seen, and a
corpus of a few hundred sentences repeated verbatim would flatter it (bare tokenizer 388k
words/s on the verbatim 2M corpus against ~200k on 200k words). Words are whitespace
tokens (`len(text.split())`).
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@dataclass
class Pool:
    headings: list[str]
    blocks: list[str]      # raw/ blocks kept whole (bullets, tables, paragraphs)
    sentences: list[str]   # devset sentences and raw prose sentences
    sources: str           # what the pool was built from (printed by the benchmarks)


_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def load_pool(raw_dir: Path = REPO / "raw", devsets_dir: Path = SHARED / "devsets") -> Pool:
    headings: list[str] = []
    blocks: list[str] = []
    sentences: list[str] = []
    sources = []
    raw_files = sorted(raw_dir.glob("*.txt"))
    for p in raw_files:
        text = re.sub(r"^```.*?^```[^\n]*$", "", p.read_text(encoding="utf-8"), flags=re.M | re.S)
        for block in re.split(r"\n\s*\n", text):
            block = block.strip()
            if not block or block == "---":
                continue
            if block.startswith("#") and "\n" not in block:
                headings.append(block.lstrip("#").strip())
            elif block[0].isalpha() and "\n" not in block:
                sentences += _SENT_SPLIT.split(block)
            else:
                blocks.append(block)
    sources.append(f"{len(raw_files)} raw/ articles")
    dev_files = sorted(devsets_dir.glob("*.jsonl")) if devsets_dir.is_dir() else []
    n_dev = 0
    for p in dev_files:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sent = json.loads(line)["text"].strip()
                sentences.append(sent if sent[-1:] in ".!?" else sent + ".")
                n_dev += 1
    if dev_files:
        sources.append(f"{n_dev} devset sentences from {len(dev_files)} files in {devsets_dir}")
    else:
        sources.append(f"no devsets ({devsets_dir} absent or not used): raw/ only")
    if not (headings and sentences):
        raise SystemExit("corpus pool is empty: need raw/*.txt")
    return Pool(headings, blocks, sentences, "; ".join(sources))


_NUMERAL = re.compile(r"\d+")


def _redraw_digits(text: str, rng: random.Random) -> str:
    def sub(m: re.Match) -> str:
        d = m.group(0)
        if len(d) == 4 and d[:2] in ("19", "20"):
            return d
        first = str(rng.randint(1, 9)) if d[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in d[1:])
    return _NUMERAL.sub(sub, text)


def make_article(pool: Pool, rng: random.Random, min_words: int, max_words: int,
                 verbatim: bool = False) -> str:
    target = rng.randint(min_words, max_words)
    parts = [f"# {rng.choice(pool.headings)}"]
    words = len(parts[0].split())
    since_heading = 0
    while words < target:
        r = rng.random()
        if since_heading >= 3 and r < 0.2:
            part = f"## {rng.choice(pool.headings)}"
            since_heading = 0
        elif r < 0.55 and pool.blocks:
            part = rng.choice(pool.blocks)
            since_heading += 1
        else:
            part = " ".join(rng.choice(pool.sentences) for _ in range(rng.randint(2, 6)))
            since_heading += 1
        parts.append(part if verbatim else _redraw_digits(part, rng))
        words += len(part.split())
    return "\n\n".join(parts) + "\n"


def build_corpus(total_words: int, seed: int = 0, min_words: int = 1000, max_words: int = 5000,
                 pool: Pool | None = None, verbatim: bool = False) -> tuple[list[str], Pool]:
    """Articles of `min_words`..`max_words` words until `total_words` is reached."""
    pool = pool or load_pool()
    rng = random.Random(seed)
    texts: list[str] = []
    n = 0
    while n < total_words:
        t = make_article(pool, rng, min_words, max_words, verbatim)
        texts.append(t)
        n += len(t.split())
    return texts, pool


def word_count(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)
