"""The processed/ tables: their schemas, atomic Parquet writes and the run lock.

Every table a run writes has an explicit pyarrow schema here (claims use
`claimflow.claims.CLAIM_SCHEMA`, groups `claimflow.reconcile.GROUP_SCHEMA`), so a
column never changes type because one run happened to hold only nulls.

Writes are atomic: the table goes to a temporary file in the same folder, is flushed
to disk, then `os.replace`d over the old one. A run killed mid-way leaves the previous
table in place, never a half-written file.

Two runs at once would interleave their writes, so a run holds `processed/.lock`
(a `filelock.FileLock`, an OS-level lock released when the process dies) while it
reads raw/ and writes processed/.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import filelock
import pyarrow as pa
import pyarrow.parquet as pq

from claimflow.claims import CLAIM_SCHEMA

# One row per file seen in raw/ on this run.
DOCUMENT_STATUSES = (
    "ok",         # extracted on this run
    "unchanged",  # same bytes as an earlier run: claims served from the cache
    "duplicate",  # same bytes as another article (see duplicate_of): claims listed once, under that one
    "failed",     # could not be read or extracted (see error)
    "refused",    # not taken in (unknown extension, too large, symlink out of raw/, ...)
    "unstable",   # still being written (size changed between two looks); taken next run
)

DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("doc", pa.string(), nullable=False),
        pa.field("path", pa.string(), nullable=False),
        pa.field("sha256", pa.string()),
        pa.field("bytes", pa.int64()),
        pa.field("format", pa.string()),
        pa.field("status", pa.string(), nullable=False),
        pa.field("error", pa.string()),
        pa.field("extracted_at", pa.timestamp("us", tz="UTC")),
        pa.field("claims", pa.int64()),
        pa.field("duplicate_of", pa.string()),
    ]
)

# One row per pipeline run, appended.
RUN_SCHEMA = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("started_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("finished_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("status", pa.string(), nullable=False),  # "ok" or "failed" (some articles failed)
        pa.field("articles", pa.int64()),   # files seen in raw/
        pa.field("extracted", pa.int64()),  # extracted on this run
        pa.field("unchanged", pa.int64()),  # served from the cache
        pa.field("duplicates", pa.int64()),
        pa.field("failed", pa.int64()),
        pa.field("skipped", pa.int64()),    # refused or unstable
        pa.field("claims", pa.int64()),
        pa.field("new_claims", pa.int64()),  # claim ids not in the previous claims table
        pa.field("groups", pa.int64()),
        pa.field("conflicts", pa.int64()),
        pa.field("stale_decisions", pa.int64()),
        pa.field("work_seconds", pa.float64()),  # time inside claimflow's own steps
        pa.field("extractor_version", pa.string()),
        pa.field("message", pa.string()),
    ]
)

TABLE_FILES = {
    "documents": "documents.parquet",
    "claims": "claims.parquet",
    "groups": "groups.parquet",
    "runs": "runs.parquet",
}


class RunLocked(RuntimeError):
    """Another run holds the project lock. `str(err)` says which lock and what to do."""

    exit_code = 3


def _temp_beside(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def write_tables(tables: dict[Path, pa.Table]) -> list[Path]:
    """Write several tables as one step: every table goes to a temporary file in its
    target folder first (written, flushed, fsynced); only when all are written are they
    `os.replace`d over the old files, in the order given. If anything fails while
    writing, no target file is touched and the temporaries are removed."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, table in tables.items():
            path = Path(path)
            fd, tmp = _temp_beside(path)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                pq.write_table(table, fh)
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        for tmp, _ in staged:
            _discard(tmp)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
    return [path for _, path in staged]


def write_table(table: pa.Table, path: str | os.PathLike) -> Path:
    """Write `table` to `path` atomically: temporary file in the same folder, fsync,
    `os.replace`. Readers see either the old file or the new one, never a partial one."""
    return write_tables({Path(path): table})[0]


def write_text(text: str, path: str | os.PathLike) -> Path:
    """Atomic write of a small text file (same temp + replace dance)."""
    path = Path(path)
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise
    return path


def read_table(path: str | os.PathLike, schema: pa.Schema | None = None) -> pa.Table | None:
    """The table at `path`, cast to `schema` when given; None if the file does not exist."""
    path = Path(path)
    if not path.exists():
        return None
    table = pq.read_table(path)
    if schema is not None and not table.schema.equals(schema):
        table = table.select([n for n in schema.names if n in table.column_names])
        missing = [f for f in schema if f.name not in table.column_names]
        for f in missing:
            table = table.append_column(f, pa.nulls(len(table), f.type))
        table = table.select(schema.names).cast(schema)
    return table


def read_documents(processed: Path) -> pa.Table | None:
    return read_table(processed / TABLE_FILES["documents"], DOCUMENT_SCHEMA)


def read_claims(processed: Path) -> pa.Table | None:
    return read_table(processed / TABLE_FILES["claims"], CLAIM_SCHEMA)


def read_runs(processed: Path) -> pa.Table | None:
    return read_table(processed / TABLE_FILES["runs"], RUN_SCHEMA)


def runs_with(processed: Path, row: dict) -> pa.Table:
    """The run log with `row` appended (to be written with the run's other tables)."""
    new = pa.Table.from_pylist([row], schema=RUN_SCHEMA)
    old = read_runs(processed)
    return pa.concat_tables([old, new]) if old is not None else new


def append_run(processed: Path, row: dict) -> Path:
    """Append one row to runs.parquet (read, concatenate, atomic rewrite; the log is small)."""
    return write_table(runs_with(processed, row), processed / TABLE_FILES["runs"])


def lock_path(processed: Path) -> Path:
    return Path(processed) / ".lock"


@contextmanager
def run_lock(processed: Path, timeout: float = 0) -> Iterator[Path]:
    """Hold the project's run lock; raise `RunLocked` at once (or after `timeout` s) if
    another run holds it. The OS drops the lock when the holder dies, so a killed run
    never leaves the project locked."""
    path = lock_path(processed)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(path))
    try:
        lock.acquire(timeout=timeout)
    except filelock.Timeout:
        raise RunLocked(
            f"another claimflow run is writing to {Path(processed)} (it holds {path}); "
            "wait for it to finish and try again"
        ) from None
    try:
        yield path
    finally:
        lock.release()


def check_unlocked(processed: Path) -> None:
    """Raise `RunLocked` if a run holds the lock now (a quick look; takes and drops it)."""
    with run_lock(processed):
        pass
