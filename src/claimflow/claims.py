"""The claim record: one numeric claim found in one article.

This module is the single source of truth for a claim's fields: the CLI's JSON lines,
the Parquet writer and the tests all use `CLAIM_FIELDS` / `CLAIM_SCHEMA` from here.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

import pyarrow as pa

QUALIFIERS = ("=", "~", ">=", ">", "<=", "<")
DIRECTIONS = ("up", "down")

# Canonical units, as in the gold data. Counts of things use the plural noun
# ("GPUs", "users"); currencies keep their ISO code (no exchange rates are applied).
CANONICAL_UNITS = frozenset(
    {
        "USD", "%", "percentage points", "x", "bytes", "bits", "Wh", "t CO2e", "s",
        "tokens", "tokens/s", "parameters",
        # physical dimensions beyond the first corpus, SI base or customary SI
        "m", "m^2", "m^3", "kg", "m/s", "m/s^2", "W", "J", "Hz", "K", "°C", "°F",
        "rad", "eV", "Gy", "fb^-1", "bytes/s", "bits/s", "1/s", "Ah", "V", "FLOP/s", "Pa",
        "A", "Ω", "F", "N", "N·m", "ppm", "Mach", "mol/m^3",
        # number with no unit
        "",
    }
)
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$|^XBT$")
_COUNT_NOUN = re.compile(r"^[A-Za-z][\w\-]*(?: [a-z][\w\-]*)?$")


def is_canonical_unit(unit: str) -> bool:
    """True for a canonical unit: a listed one, an ISO currency code, a per-unit rate of
    either (``USD/h``), or a count noun."""
    if unit in CANONICAL_UNITS or _CURRENCY_CODE.match(unit):
        return True
    if "/" in unit:
        num, _, den = unit.partition("/")
        return is_canonical_unit(num) and bool(den)
    return bool(_COUNT_NOUN.match(unit))


# Canonical unit -> the kind of quantity it measures (for filtering: `extract --kind`).
UNIT_KINDS = {
    "%": "percent", "percentage points": "points", "x": "multiplier", "s": "time", "bytes": "data",
    "bits": "data", "Wh": "energy", "J": "energy", "eV": "energy", "W": "power", "t CO2e": "emissions",
    "tokens": "tokens", "tokens/s": "speed", "parameters": "parameters", "m": "length", "m^2": "area",
    "m^3": "volume", "kg": "mass", "m/s": "speed", "m/s^2": "acceleration", "Hz": "frequency", "1/s": "frequency",
    "K": "temperature", "°C": "temperature", "°F": "temperature", "rad": "angle", "Gy": "radiation dose",
    "fb^-1": "luminosity", "bytes/s": "bandwidth", "bits/s": "bandwidth", "Ah": "charge", "V": "voltage",
    "FLOP/s": "compute", "Pa": "pressure", "A": "current", "Ω": "resistance", "F": "capacitance",
    "N": "force", "N·m": "torque", "ppm": "concentration", "Mach": "mach", "mol/m^3": "concentration",
    "TEU": "count", "FEU": "count", "": "number",
}
KINDS = tuple(sorted(set(UNIT_KINDS.values()) | {"currency", "count", "rate"}))


def unit_kind(unit: str) -> str:
    """The kind of a canonical unit: "USD" and "USD/h" -> currency, "GPUs" -> count,
    "s" -> time, "" -> number; other rates ("GPUs/s") -> rate."""
    if unit in UNIT_KINDS:
        return UNIT_KINDS[unit]
    if _CURRENCY_CODE.match(unit.partition("/")[0]):
        return "currency"
    return "rate" if "/" in unit else "count"


@dataclass
class Claim:
    claim_id: str
    doc: str
    start: int
    end: int
    surface: str
    sentence: str
    stated_low: float | None
    stated_high: float | None
    stated_unit: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str = "="
    direction: str | None = None
    subject: str = ""
    metric: str = ""
    period: str | None = None
    doc_sha256: str = ""
    group_id: str | None = None
    verdict: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> "Claim":
        names = {f.name for f in fields(cls)}
        clean = {}
        for k, v in row.items():
            if k not in names:
                continue
            if isinstance(v, float) and math.isnan(v):
                v = None
            clean[k] = v
        return cls(**clean)


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))

CLAIM_SCHEMA = pa.schema(
    [
        pa.field("claim_id", pa.string(), nullable=False),
        pa.field("doc", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("surface", pa.string(), nullable=False),
        pa.field("sentence", pa.string()),
        pa.field("stated_low", pa.float64()),
        pa.field("stated_high", pa.float64()),
        pa.field("stated_unit", pa.string()),
        pa.field("low", pa.float64()),
        pa.field("high", pa.float64()),
        pa.field("unit", pa.string()),
        pa.field("qualifier", pa.string()),
        pa.field("direction", pa.string()),
        pa.field("subject", pa.string()),
        pa.field("metric", pa.string()),
        pa.field("period", pa.string()),
        pa.field("doc_sha256", pa.string()),
        pa.field("group_id", pa.string()),
        pa.field("verdict", pa.string()),
    ]
)
assert tuple(CLAIM_SCHEMA.names) == CLAIM_FIELDS, "claim schema and dataclass disagree"


def make_claim_id(doc_sha256: str, start: int, end: int) -> str:
    """Stable id: the article's content hash plus the span. Re-running on the same bytes
    gives the same id; editing the article gives new ids (old decisions go stale)."""
    return claim_id_maker(doc_sha256)(start, end)


def claim_id_maker(doc_sha256: str):
    """`make_claim_id(doc_sha256, ...)` as a function of (start, end): the hash of the
    "<sha>:" prefix is made once and copied per claim (cheaper than a new hash each time)."""
    prefix = hashlib.sha1(f"{doc_sha256}:".encode())

    def claim_id(start: int, end: int) -> str:
        h = prefix.copy()
        h.update(b"%d:%d" % (start, end))
        return h.hexdigest()[:16]
    return claim_id


def claims_to_table(claims: list[Claim]) -> pa.Table:
    return pa.Table.from_pylist([c.to_dict() for c in claims], schema=CLAIM_SCHEMA)
