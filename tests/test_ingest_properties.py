"""Property tests: whatever bytes a file holds, ingest answers with a Document or an
IngestError, nothing else; text written as UTF-8 or UTF-16 comes back unchanged."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimflow.ingest import IngestError, SUPPORTED_EXTENSIONS, read_document
from fixtures.ingest_builders import pdf_bytes

PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# prefixes that steer random bytes into each reader's deeper code paths
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body>"]


def _read(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        try:
            return read_document(path)
        except IngestError as exc:
            assert str(exc) and "\n" not in str(exc)
            return None


@PROPS
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000),
       suffix=st.sampled_from(SUPPORTED_EXTENSIONS))
def test_arbitrary_bytes_give_document_or_ingest_error(prefix, body, suffix):
    doc = _read(prefix + body, suffix)
    if doc is not None:
        assert doc.text.strip()


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=1), flip=st.integers(min_value=0), byte=st.integers(0, 255))
def test_damaged_pdfs_give_document_or_ingest_error(cut, flip, byte):
    data = bytearray(pdf_bytes())
    data = data[: 1 + cut % len(data)]
    data[flip % len(data)] = byte
    _read(bytes(data), ".pdf")


# text: no control characters (those mark binary), no surrogates (not encodable),
# something besides whitespace, no leading U+FEFF (it *is* the UTF-8 byte-order mark)
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\r\t "),
               min_size=1, max_size=300)


@PROPS
@given(text=TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       suffix=st.sampled_from([".txt", ".md"]))
def test_text_round_trips_through_utf8_and_utf16(text, codec, suffix):
    assume(text.strip() and not text.startswith("\ufeff"))
    doc = _read(text.encode(codec), suffix)
    assert doc is not None and doc.text == text
