"""Claim extraction: spaCy rules on a blank English pipeline.

    from claimflow.extract import get_extractor
    claims = get_extractor().extract(document)

`EXTRACTOR_VERSION` changes whenever a rule, vocabulary or the code that applies them
changes (it hashes this package's sources), so caches keyed on it re-extract.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from claimflow import __version__


def _sources_hash() -> str:
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


EXTRACTOR_VERSION = f"{__version__}+{_sources_hash()}"


@lru_cache(maxsize=1)
def get_extractor():
    """The process-wide extractor (building the pipeline takes a moment)."""
    from claimflow.extract.extractor import Extractor

    return Extractor()


__all__ = ["EXTRACTOR_VERSION", "get_extractor"]
