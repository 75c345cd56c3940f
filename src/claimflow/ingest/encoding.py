"""Bytes -> str for text formats, without ever guessing silently.

Order of evidence, strongest first:
1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8 (non-ASCII bytes that happen to form valid UTF-8 are almost never
   anything else);
3. a charset the file declares itself (HTML <meta charset>), if it decodes strictly;
4. a preferred legacy encoding (cp1252, the Windows "ANSI" superset of latin-1's
   printable range, default for Western articles), unless charset-normalizer's mess
   detector finds its reading garbled;
5. otherwise charset-normalizer's detection, accepted only when all plausible candidates
   agree on the decoded text and a language was recognised in it.
Anything else is refused: a refused file can be re-saved as UTF-8, mojibake in a claims
table is silently wrong. Known blind spot: Central European cp1250 text whose cp1252
reading also looks clean (Czech, Slovak) is read as cp1252; save such files as UTF-8.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from claimflow.ingest.errors import IngestError
from claimflow.ingest.guards import check_is_text

# longest first: the UTF-32-LE mark starts with the UTF-16-LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# a detection whose "mess" (charset-normalizer's chaos, 0..1) is above this is not text
MAX_CHAOS = 0.2
# candidates within this much chaos of the best are equally plausible (short texts give
# coarse scores, so a near-tie is a tie)
TIE_CHAOS = 0.05
PREFERRED_LEGACY = ("cp1252",)


def _norm(enc: str) -> str:
    try:
        return codecs.lookup(enc).name
    except LookupError:
        return enc


def decode_bytes(data: bytes, *, declared: str | None = None,
                 preferred: tuple[str, ...] = PREFERRED_LEGACY) -> tuple[str, str]:
    """Decode `data`; return (text, encoding name). Raise IngestError rather than guess."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {label} text after its byte-order mark "
                                  f"(byte {exc.start + len(bom)})") from None
            return check_is_text(text), codec
    if b"\x00" in data:
        raise IngestError("binary content (NUL bytes) and no UTF-16 byte-order mark, not text")
    try:
        return check_is_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return check_is_text(data.decode(declared)), _norm(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration is wrong or unknown: detect instead
    return _detect(data, preferred)


def _detect(data: bytes, preferred: tuple[str, ...]) -> tuple[str, str]:
    # The Western prior first: cp1252 is accepted unless charset-normalizer's own mess
    # detector vetoes its reading (it does for Polish, Russian, Greek, Hebrew, Arabic...).
    # charset-normalizer's overall ranking is not trusted on its own: on short Western
    # texts it often ranks cp1250, cp850 or mac_latin2 first, which is mojibake.
    for pref in preferred:
        match = from_bytes(data, cp_isolation=[pref]).best()
        if match is not None and match.chaos <= MAX_CHAOS:
            return check_is_text(str(match)), _norm(pref)
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise IngestError("not text: no character encoding fits these bytes (binary file?)")
    if best.chaos > MAX_CHAOS:
        raise IngestError(f"not text: even the best encoding guess ({best.encoding}) "
                          f"reads as {best.percent_chaos:.0f}% garbled")
    band = [m for m in matches if m.chaos <= best.chaos + TIE_CHAOS]
    readings = {str(m) for m in band}
    if len(readings) > 1:
        names = ", ".join(sorted({m.encoding for m in band})[:4])
        raise IngestError(f"ambiguous text encoding ({names} read it differently); "
                          "save the file as UTF-8")
    # one reading; trusted only if a language was recognised in it
    if best.coherence <= 0:
        raise IngestError(f"uncertain text encoding (only guess: {best.encoding}, no language "
                          "recognised); save the file as UTF-8")
    return check_is_text(str(best)), best.encoding
