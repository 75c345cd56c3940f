"""The one exception ingest raises."""
from __future__ import annotations


class IngestError(Exception):
    """An article that cannot be read. `str(err)` is the one-line reason."""

    def __init__(self, reason: str) -> None:
        # one line, always: reasons end up in a table cell and on stderr
        super().__init__(" ".join(str(reason).split()))
