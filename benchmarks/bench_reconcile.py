"""Benchmark: reconcile 100,000 generated claims; print time and peak memory.

    .venv/bin/python benchmarks/bench_reconcile.py [--claims 100000] [--seed 1]

Not a test. The claims imitate what the extractor produces from a large corpus: many
subjects (companies, market segments by region, model names with numbers in them such
as "Llama 2 70B"), a handful of metrics per unit, periods ("by 2027", "Q2 2024", "per
quarter"), each fact repeated 1-8 times across articles with spelling noise ("GPT3",
"Nvidia's", "... segment"), and some repeats off by a scale slip or a wrong figure.
Target on 2 cores: under 30 s and under 2 GB.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimflow.claims import Claim  # noqa: E402
from claimflow.reconcile import reconcile  # noqa: E402
from claimflow.reconcile.keys import period_key  # noqa: E402


def link_scores(claims: list[Claim], truth: dict) -> tuple[float, float]:
    """Pairwise link precision/recall of the groups against the generating facts,
    counted per cell without listing pairs."""
    from collections import Counter

    pairs = lambda counts: sum(n * (n - 1) // 2 for n in counts.values())  # noqa: E731
    both = pairs(Counter((c.group_id, truth[c.claim_id]) for c in claims))
    predicted = pairs(Counter(c.group_id for c in claims))
    actual = pairs(Counter(truth[c.claim_id] for c in claims))
    return both / max(predicted, 1), both / max(actual, 1)

COMPANIES = """OpenAI Anthropic Microsoft Nvidia Meta Google Amazon Apple Oracle IBM Intel AMD Cohere Mistral
Databricks Snowflake Salesforce Adobe Baidu Alibaba Tencent Samsung Huawei xAI Inflection Perplexity Runway
Midjourney Stability Hugging Face Scale Together CoreWeave Lambda Cerebras Groq SambaNova Graphcore""".split()
MODEL_FAMILIES = [("GPT", ["2", "3", "3.5", "4", "4o", "4 Turbo"]), ("Llama", ["2 7B", "2 13B", "2 70B", "3 8B", "3 70B", "3.1 405B"]),
                  ("Claude", ["2", "3 Opus", "3 Sonnet", "3.5 Sonnet"]), ("Gemini", ["1.0 Pro", "1.5 Pro", "1.5 Flash", "Ultra"]),
                  ("Mistral", ["7B", "Large"]), ("Mixtral", ["8x7B", "8x22B"]), ("Falcon", ["7B", "40B", "180B"]),
                  ("Qwen", ["1.5 72B", "2 72B", "2 7B"]), ("Phi", ["2", "3 mini", "3 medium"]), ("PaLM", ["2", "540B"])]
REGIONS = """North American European Asian Latin American Middle Eastern African Nordic German French Japanese
Indian Chinese Korean Brazilian Canadian Australian UK US Global Southeast Asian""".split(" ")
SEGMENTS = """Enterprise Software; Developer Tools & APIs; Consumer Applications; Research & Academia;
Infrastructure & Cloud; Edge & Mobile Deployment; Model Evaluation & Safety Tools; Data Labeling;
Vector Databases; AI Chips; Inference Hardware; Speech Recognition; Computer Vision; Robotics;
Autonomous Vehicles; Healthcare AI; Legal AI; Financial Services AI; Customer Support Automation;
Code Generation; Marketing Automation; Cybersecurity AI; Education Technology; Drug Discovery""".replace("\n", " ").split("; ")
METRICS = {
    "USD": ["training cost", "revenue", "market size", "funding raised", "compute budget", "valuation", "operating cost"],
    "tokens": ["training data size", "context window"],
    "parameters": ["parameter count"],
    "s": ["training time", "response latency"],
    "%": ["market share", "revenue growth", "gross margin"],
    "x": ["speedup", "cost reduction", "memory reduction"],
    "GPUs": ["GPU count"],
}
PERIODS = [None] * 6 + [f"by {y}" for y in range(2025, 2031)] + [f"Q{q} {y}" for q in range(1, 5) for y in range(2022, 2026)] \
    + ["per quarter", "per year", "current", "in 2024", "in 2023"]


def subjects(rng: random.Random, n: int) -> list[str]:
    out = set()
    for fam, versions in MODEL_FAMILIES:
        out.update(f"{fam}-{v}" if v[0].isdigit() and " " not in v else f"{fam} {v}" for v in versions)
    out.update(COMPANIES)
    out.update(f"{c} {p}" for c in COMPANIES for p in ("Cloud", "AI", "Research", "Ventures", "Labs"))
    while len(out) < n:
        kind = rng.random()
        if kind < 0.5:
            out.add(f"{rng.choice(REGIONS)} {rng.choice(SEGMENTS)} segment")
        elif kind < 0.8:
            out.add(f"{rng.choice(COMPANIES)} {rng.choice(SEGMENTS)}")
        else:
            fam, _ = rng.choice(MODEL_FAMILIES)
            out.add(f"{rng.choice(COMPANIES)} {fam} {rng.randint(1, 400)}B")
    return sorted(out)


def noisy(rng: random.Random, subject: str) -> str:
    r = rng.random()
    if r < 0.15:
        return subject.lower()
    if r < 0.25:
        return subject.replace(" segment", "") if subject.endswith(" segment") else subject + " segment"
    if r < 0.30:
        return subject.replace("-", "")  # GPT-3 -> GPT3
    if r < 0.35:
        return subject + "'s"
    if r < 0.38:  # a typo: one letter dropped from the longest word
        word = max(subject.split(), key=len)
        if len(word) > 6:
            i = rng.randrange(1, len(word) - 1)
            return subject.replace(word, word[:i] + word[i + 1:], 1)
    return subject


def generate(n: int, seed: int = 1, truth: dict | None = None) -> list[Claim]:
    """n claims; `truth` (if given) receives claim_id -> the fact it was generated from."""
    truth = {} if truth is None else truth
    rng = random.Random(seed)
    names = subjects(rng, max(2000, n // 6))
    claims: list[Claim] = []
    k = 0
    while len(claims) < n:
        subject = rng.choice(names)
        unit = rng.choice(list(METRICS))
        metric = rng.choice(METRICS[unit])
        period = rng.choice(PERIODS)
        base = 10 ** rng.uniform(0, 11)
        spread = rng.choice([1.0, 1.0, 1.5, 2.0])
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 8])):
            low, high = base, base * spread
            r = rng.random()
            if r < 0.03:
                low, high = low * 1000, high * 1000  # scale slip
            elif r < 0.08:
                low, high = low * 3, high * 3  # a different figure
            q = rng.choice(["=", "=", "~", ">="])
            if q == ">=":
                high = None
            k += 1
            truth[f"c{k:07d}"] = (subject, unit, metric, period_key(period))
            claims.append(Claim(
                claim_id=f"c{k:07d}", doc=f"article_{rng.randint(1, n // 20):05d}.txt", start=0, end=5,
                surface=f"{base:.3g}", sentence="", stated_low=low, stated_high=high, stated_unit=unit,
                low=low, high=high, unit=unit, qualifier=q, subject=noisy(rng, subject), metric=metric,
                period=period))
    return claims[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t0 = time.perf_counter()
    truth: dict = {}
    claims = generate(args.claims, args.seed, truth)
    t1 = time.perf_counter()
    rec = reconcile(claims)
    t2 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    groups = rec.groups
    verdicts = groups.column("verdict").to_pylist()
    sizes = groups.column("n_claims").to_pylist()
    print(f"claims:      {len(claims):,} ({len({c.subject for c in claims}):,} distinct subject strings), generated in {t1 - t0:.1f} s")
    print(f"groups:      {groups.num_rows:,} ({sum(1 for s in sizes if s > 1):,} with 2+ claims, largest {max(sizes)})")
    print(f"verdicts:    {verdicts.count('agree'):,} agree, {verdicts.count('conflict'):,} conflict, {verdicts.count('single'):,} single")
    p, r = link_scores(rec.claims, truth)
    print(f"links:       precision {p:.3f}, recall {r:.3f} against the generating facts")
    print(f"reconcile:   {t2 - t1:.1f} s")
    print(f"peak memory: {peak_mb:,.0f} MB (whole process, ru_maxrss)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
