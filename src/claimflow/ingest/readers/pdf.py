"""PDF: the text layer, by pypdf. No OCR: a scanned PDF without text is refused.

Guards before pypdf is asked: the "%PDF-" header and the "%%EOF" trailer marker (a
truncated download loses it; pypdf's lenient mode would otherwise rebuild what it can
and return part of the article without saying so). Encrypted PDFs open only if they
have an empty user password.
"""
from __future__ import annotations

import io
import logging
import re

from pypdf import PasswordType, PdfReader

from claimflow.ingest.errors import IngestError
from claimflow.ingest.guards import check_is_text

_BULLET = re.compile(r"^[ \t]*[•◦▪‣●∙][ \t]*", re.M)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def read_pdf(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise IngestError("not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise IngestError("truncated PDF (no %%EOF marker at the end of the file)")
    # pypdf logs every repair it makes on damaged files; the reason we raise is enough
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise IngestError("password-protected PDF (cannot be read without its password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 -- damaged files make pypdf raise anything
        raise IngestError(f"unreadable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n\n".join(p.strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise IngestError(f"PDF has no text layer ({len(pages)} page(s); scanned image? OCR is not done)")
    text = _BULLET.sub("- ", text.translate(_LIGATURES))
    return check_is_text(text)
