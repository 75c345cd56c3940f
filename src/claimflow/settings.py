"""Where a claimflow project keeps its files. One place, so the CLI, the flows and the
tests agree. Every path can be overridden on the command line."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # articles larger than this are refused (configurable)


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "processed"

    @property
    def reviews(self) -> Path:
        """Reviewer-owned decisions: outside processed/, never rewritten by a run."""
        return self.root / "reviews" / "decisions.jsonl"

    @property
    def prefect_home(self) -> Path:
        return self.root / ".prefect"


def project_paths(root: str | os.PathLike | None = None) -> ProjectPaths:
    return ProjectPaths(Path(root or os.environ.get("CLAIMFLOW_ROOT", ".")).resolve())
