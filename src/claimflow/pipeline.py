"""The plain steps of a pipeline run; the Prefect flow in flows/pipeline.py calls them.

    scan      raw/ -> the articles ready to read (discover + content hash of each)
    extract   one article -> a JSON-able payload (claims as dicts, text, timings)
    finish    payloads -> documents / claims / groups / runs tables, texts, reports

Everything here runs without Prefect: `run_pipeline()` chains the steps in one process
(no cache), which is what the tests and the benchmark's baseline use. The flow adds the
per-article tasks, the cache keyed on content hash + extractor version, and artifacts.

Identity of an article is the sha256 of its bytes. Two names with the same bytes are
extracted once; the first name (sorted) carries the claims and the other is recorded as
a duplicate of it. A renamed article keeps its claim ids (they hash the content, not the
name), so reviewers' decisions follow it.
"""
from __future__ import annotations

import hashlib
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pyarrow as pa

from claimflow import store
from claimflow.claims import Claim, claims_to_table
from claimflow.settings import DEFAULT_MAX_BYTES, project_paths


class ArticleChanged(Exception):
    """The article's bytes changed between the scan and the read; taken next run."""


@dataclass(frozen=True)
class ArticleRef:
    """An article in raw/ that is ready to read, with the hash of its bytes."""

    name: str
    path: str
    sha256: str
    bytes: int
    format: str


@dataclass
class Scan:
    articles: list[ArticleRef]  # ready and hashed, sorted by name
    skipped: list[dict]         # document rows for files not taken (refused / unstable)

    def unique(self) -> list[ArticleRef]:
        """One article per distinct content (the first name in sorted order)."""
        seen: dict[str, ArticleRef] = {}
        for ref in self.articles:
            seen.setdefault(ref.sha256, ref)
        return list(seen.values())

    def duplicate_of(self) -> dict[str, str]:
        """name -> the name whose claims stand for the same bytes."""
        first: dict[str, str] = {}
        dup: dict[str, str] = {}
        for ref in self.articles:
            if ref.sha256 in first:
                dup[ref.name] = first[ref.sha256]
            else:
                first[ref.sha256] = ref.name
        return dup


@dataclass
class Outcome:
    """What became of one distinct article (by content hash)."""

    sha256: str
    payload: dict | None = None  # from extract_article()
    error: str | None = None
    cached: bool = False  # payload came from an earlier run


@dataclass
class RunSummary:
    run_id: str
    status: str  # "ok" or "failed"
    message: str
    counts: dict[str, int | float]
    paths: dict[str, str]
    failures: list[tuple[str, str]] = field(default_factory=list)
    new_claims: list[dict] = field(default_factory=list)
    open_conflicts: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "RunSummary":
        data = dict(data)
        data["failures"] = [tuple(f) for f in data.get("failures", [])]
        return cls(**data)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def sha256_file(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def describe_error(exc: BaseException) -> str:
    """One line for the documents table: the reader's own reason, or the exception."""
    from claimflow.ingest import IngestError

    if isinstance(exc, (IngestError, ArticleChanged)):
        return str(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- scan ---------------------------------------------------------------------------

def scan(raw_dir: str | Path, *, settle_seconds: float | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Scan:
    """Discover the articles in raw/ and hash the ready ones."""
    from claimflow.ingest import discover

    kwargs: dict = {"max_bytes": max_bytes}
    if settle_seconds is not None:
        kwargs["settle_seconds"] = settle_seconds
    articles: list[ArticleRef] = []
    skipped: list[dict] = []
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return Scan([], [])
    for cand in discover(raw_dir, **kwargs):
        path = Path(cand.path)
        fmt = path.suffix.lower().lstrip(".") or "txt"
        if cand.status != "ready":
            skipped.append(_doc_row(cand.name, path, None, cand.size, fmt, cand.status, cand.reason))
            continue
        try:
            digest = sha256_file(path)
        except OSError as exc:
            skipped.append(_doc_row(cand.name, path, None, cand.size, fmt, "failed", describe_error(exc)))
            continue
        articles.append(ArticleRef(cand.name, str(path), digest, cand.size, fmt))
    articles.sort(key=lambda r: r.name)
    skipped.sort(key=lambda r: r["doc"])
    return Scan(articles, skipped)


# --- extract ------------------------------------------------------------------------

_EXTRACTOR_LOCK = threading.Lock()


def _extractor():
    """The shared extractor, built once even when many task threads ask at the same time
    (building the spaCy pipeline concurrently in each thread costs several times over).
    """
    from claimflow.extract import get_extractor

    with _EXTRACTOR_LOCK:
        return get_extractor()


def extract_article(path: str, sha256: str, *, root: str | None = None,
                    max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Read and extract one article. Returns a JSON-able payload (it is what the flow
    caches): the claims as dicts, the document text, format, timings, extractor version.
    Raises IngestError (unreadable), ArticleChanged (bytes differ from the scan's hash)
    or whatever the extractor raises.

    `seconds` is CPU time of this thread (reading + extracting, plus building the
    extractor if this call built it): time spent waiting for other threads (the GIL, the
    extractor lock) is not counted, so the sum over tasks run in parallel is the work
    done, not inflated by contention."""
    from claimflow.extract import EXTRACTOR_VERSION
    from claimflow.ingest import read_document

    t0 = time.thread_time()
    doc = read_document(path, root=root, max_bytes=max_bytes)
    if doc.sha256 != sha256:
        raise ArticleChanged("changed while being read; it will be taken on the next run")
    claims = _extractor().extract(doc)
    rows = []
    for c in claims:
        row = c.to_dict()
        row["doc_sha256"] = row.get("doc_sha256") or doc.sha256
        rows.append(row)
    return {
        "sha256": doc.sha256,
        "format": doc.format,
        "bytes": Path(path).stat().st_size,
        "text": doc.text,
        "claims": rows,
        "extracted_at": _now().isoformat(),
        "seconds": time.thread_time() - t0,
        "extractor_version": str(EXTRACTOR_VERSION),
    }


def extract_all(scan_: Scan, *, raw_dir: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                extract: Callable[..., dict] = extract_article) -> dict[str, Outcome]:
    """Extract each distinct article in turn, isolating failures (the no-Prefect path)."""
    outcomes: dict[str, Outcome] = {}
    for ref in scan_.unique():
        try:
            payload = extract(ref.path, ref.sha256, root=raw_dir, max_bytes=max_bytes)
            outcomes[ref.sha256] = Outcome(ref.sha256, payload=payload)
        except Exception as exc:  # one bad article never sinks the run
            outcomes[ref.sha256] = Outcome(ref.sha256, error=describe_error(exc))
    return outcomes


# --- finish -------------------------------------------------------------------------

def _doc_row(name, path, sha256, size, fmt, status, error=None, extracted_at=None,
             claims=None, duplicate_of=None) -> dict:
    return {"doc": name, "path": str(path), "sha256": sha256, "bytes": size, "format": fmt,
            "status": status, "error": error, "extracted_at": extracted_at, "claims": claims,
            "duplicate_of": duplicate_of}


@dataclass
class Assembled:
    documents: list[dict]
    claims: list[Claim]
    texts: dict[str, str]
    failures: list[tuple[str, str]]
    counts: dict[str, int]


def assemble(scan_: Scan, outcomes: dict[str, Outcome]) -> Assembled:
    """Documents rows and the claims of this run, each claim under its article's
    current name."""
    dup = scan_.duplicate_of()
    docs: list[dict] = []
    claims: list[Claim] = []
    texts: dict[str, str] = {}
    failures: list[tuple[str, str]] = []
    counts = {"articles": len(scan_.articles) + len(scan_.skipped), "extracted": 0, "unchanged": 0,
              "duplicates": 0, "failed": 0, "skipped": 0}
    for ref in scan_.articles:
        out = outcomes.get(ref.sha256) or Outcome(ref.sha256, error="not extracted")
        if ref.name in dup:
            status = "failed" if out.error else "duplicate"
            docs.append(_doc_row(ref.name, ref.path, ref.sha256, ref.bytes, ref.format, status,
                                 out.error, claims=0, duplicate_of=dup[ref.name]))
            counts["duplicates" if not out.error else "failed"] += 1
            if out.error:
                failures.append((ref.name, out.error))
            continue
        if out.error or out.payload is None:
            docs.append(_doc_row(ref.name, ref.path, ref.sha256, ref.bytes, ref.format, "failed", out.error))
            counts["failed"] += 1
            failures.append((ref.name, out.error or "no result"))
            continue
        p = out.payload
        mine = [Claim.from_dict({**row, "doc": ref.name, "group_id": None, "verdict": None}) for row in p["claims"]]
        claims.extend(mine)
        texts[ref.name] = p["text"]
        status = "unchanged" if out.cached else "ok"
        counts["unchanged" if out.cached else "extracted"] += 1
        docs.append(_doc_row(ref.name, ref.path, ref.sha256, ref.bytes, p.get("format", ref.format), status,
                             extracted_at=datetime.fromisoformat(p["extracted_at"]), claims=len(mine)))
    docs.extend(scan_.skipped)
    counts["skipped"] = sum(1 for r in scan_.skipped if r["status"] != "failed")
    counts["failed"] += sum(1 for r in scan_.skipped if r["status"] == "failed")
    failures.extend((r["doc"], r["error"]) for r in scan_.skipped if r["status"] == "failed")
    docs.sort(key=lambda r: r["doc"])
    return Assembled(docs, claims, texts, failures, counts)


def reconcile_claims(claims: list[Claim], decisions_path: Path | None):
    """Group claims stating the same fact and apply reviewers' decisions
    (claimflow.reconcile). Returns its `Reconciled`."""
    from claimflow.reconcile import reconcile

    return reconcile(claims, decisions_path if decisions_path and decisions_path.exists() else None)


def open_conflicts(groups: pa.Table | None) -> list[dict]:
    """Groups whose verdict is "conflict" and that no reviewer has settled."""
    if groups is None or "verdict" not in groups.column_names:
        return []
    return [row for row in groups.to_pylist()
            if row.get("verdict") == "conflict" and row.get("review_status", "open") == "open"]


def _write_reports(reconciled, processed: Path) -> list[Path]:
    """conflicts.md / conflicts.html via claimflow.report (skipped until it exists)."""
    if not (Path(__file__).parent / "report.py").exists():
        return []
    from claimflow.report import write_reports

    return [Path(p) for p in write_reports(reconciled, processed)]


def _write_texts(texts_dir: Path, texts: dict[str, str]) -> None:
    """processed/texts/<doc>.txt: the text every claim span indexes into. Unchanged
    files are left alone; texts of articles no longer in raw/ are removed."""
    wanted = {}
    for name, text in texts.items():
        target = texts_dir / f"{name}.txt"
        wanted[target.resolve()] = text
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        store.write_text(text, target)
    if texts_dir.exists():
        for old in texts_dir.rglob("*.txt"):
            if old.resolve() not in wanted:
                old.unlink()


def finish(root: str | Path, scan_: Scan, outcomes: dict[str, Outcome], *, run_id: str,
           started_at: datetime, work_seconds: float = 0.0) -> RunSummary:
    """Assemble, reconcile and write everything a run produces. Tables are staged and
    swapped in together (store.write_tables), so a run that dies here leaves the
    previous tables as they were."""
    from claimflow.extract import EXTRACTOR_VERSION

    t0 = time.perf_counter()
    paths = project_paths(root)
    processed = paths.processed
    processed.mkdir(parents=True, exist_ok=True)
    asm = assemble(scan_, outcomes)

    before = store.read_claims(processed)
    old_ids = set(before.column("claim_id").to_pylist()) if before is not None else set()

    reconciled = reconcile_claims(asm.claims, paths.reviews)
    claims, groups, stale = reconciled.claims, reconciled.groups, list(reconciled.stale)
    conflicts = open_conflicts(groups)
    new_claims = [c.to_dict() for c in claims if c.claim_id not in old_ids]

    failed = asm.counts["failed"]
    total = len(scan_.articles) + sum(1 for r in scan_.skipped if r["status"] == "failed")
    status = "failed" if failed else "ok"
    message = (f"{failed} of {total} articles failed; tables written" if failed
               else f"{total} articles, {len(claims)} claims")

    counts = {**asm.counts, "claims": len(claims), "new_claims": len(new_claims),
              "groups": groups.num_rows,
              "conflicts": len(conflicts), "stale_decisions": len(stale)}

    tables = {
        processed / store.TABLE_FILES["claims"]: claims_to_table(claims),
        processed / store.TABLE_FILES["groups"]: groups,
        processed / store.TABLE_FILES["documents"]: pa.Table.from_pylist(asm.documents, schema=store.DOCUMENT_SCHEMA),
    }
    work_seconds += time.perf_counter() - t0
    run_row = {"run_id": run_id, "started_at": started_at, "finished_at": _now(), "status": status,
               **{k: counts[k] for k in ("articles", "extracted", "unchanged", "duplicates", "failed",
                                          "skipped", "claims", "new_claims", "groups", "conflicts",
                                          "stale_decisions")},
               "work_seconds": work_seconds, "extractor_version": str(EXTRACTOR_VERSION), "message": message}
    tables[processed / store.TABLE_FILES["runs"]] = store.runs_with(processed, run_row)
    written = store.write_tables(tables)
    _write_texts(processed / "texts", asm.texts)
    report_paths = _write_reports(reconciled, processed)

    out_paths = {p.stem: str(p) for p in written}
    out_paths.update({p.name: str(p) for p in report_paths})
    out_paths["texts"] = str(processed / "texts")
    counts["work_seconds"] = round(work_seconds, 3)
    return RunSummary(run_id=run_id, status=status, message=message, counts=counts, paths=out_paths,
                      failures=asm.failures, new_claims=new_claims, open_conflicts=conflicts)


def run_pipeline(root: str | Path = ".", *, settle_seconds: float | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> RunSummary:
    """The whole run in one process, without Prefect and without the cache."""
    paths = project_paths(root)
    started = _now()
    with store.run_lock(paths.processed):
        t0 = time.perf_counter()
        found = scan(paths.raw, settle_seconds=settle_seconds, max_bytes=max_bytes)
        outcomes = extract_all(found, raw_dir=str(paths.raw), max_bytes=max_bytes)
        return finish(root, found, outcomes, run_id=uuid.uuid4().hex, started_at=started,
                      work_seconds=time.perf_counter() - t0)


# --- what a person reads ------------------------------------------------------------

def summary_lines(s: RunSummary) -> list[str]:
    c = s.counts
    lines = [
        f"run {s.run_id}: {s.message}",
        f"articles: {c.get('extracted', 0)} extracted, {c.get('unchanged', 0)} unchanged, "
        f"{c.get('duplicates', 0)} duplicate, {c.get('failed', 0)} failed, {c.get('skipped', 0)} skipped",
        f"claims: {c.get('claims', 0)} ({c.get('new_claims', 0)} new); groups: {c.get('groups', 0)}; "
        f"open conflicts: {c.get('conflicts', 0)}; stale decisions: {c.get('stale_decisions', 0)}",
    ]
    for doc, error in s.failures:
        lines.append(f"failed: {doc}: {error}")
    for name, path in sorted(s.paths.items()):
        lines.append(f"  {name}: {path}")
    return lines


def _md_cell(value) -> str:
    return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")


def run_report_markdown(s: RunSummary, *, max_rows: int = 20) -> str:
    """The run's markdown artifact: counts, failures, new claims, open conflicts."""
    c = s.counts
    html = s.paths.get("conflicts.html")
    out = [f"# claimflow run `{s.run_id[:12]}`", "", f"**{s.message}**", "",
           "| articles | extracted | unchanged | duplicate | failed | skipped | claims | new claims | groups | open conflicts |",
           "|---|---|---|---|---|---|---|---|---|---|",
           "| " + " | ".join(str(c.get(k, 0)) for k in ("articles", "extracted", "unchanged", "duplicates",
                                                      "failed", "skipped", "claims", "new_claims", "groups",
                                                      "conflicts")) + " |", ""]
    if s.failures:
        out += ["## Failed articles", ""] + [f"- `{d}`: {_md_cell(e)}" for d, e in s.failures] + [""]
    out += [f"## New claims ({len(s.new_claims)})", ""]
    if s.new_claims:
        out += ["| doc | surface | low | high | unit | subject | metric |", "|---|---|---|---|---|---|---|"]
        out += ["| " + " | ".join(_md_cell(r.get(k)) for k in ("doc", "surface", "low", "high", "unit", "subject",
                                                              "metric")) + " |" for r in s.new_claims[:max_rows]]
        if len(s.new_claims) > max_rows:
            out.append(f"\n... and {len(s.new_claims) - max_rows} more (processed/claims.parquet)")
    out += ["", f"## Open conflicts ({len(s.open_conflicts)})", ""]
    if html:
        out.append(f"Full report: [conflicts.html]({Path(html).resolve().as_uri()})")
    if not s.open_conflicts:
        out.append("None.")
    return "\n".join(out) + "\n"


def conflicts_table_rows(s: RunSummary) -> list[dict]:
    """Rows for the open-conflicts table artifact (plain values only)."""
    rows = []
    for g in s.open_conflicts:
        row = {}
        for k, v in g.items():
            if isinstance(v, (list, tuple)):
                v = ", ".join(map(str, v))
            elif not (isinstance(v, (str, int, float, bool)) or v is None):
                v = str(v)
            row[k] = v
        rows.append(row)
    return rows
