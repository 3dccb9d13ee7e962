"""PDF files via pypdf: text in page order, title/author/creation date from the document info.

A PDF with no text layer (a scanned paper) or one locked with a password gets a message
saying so, rather than an empty article.
"""

from __future__ import annotations

import io
import logging
from datetime import date

from timeline_app.domain.article import Article
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Limits
from timeline_app.ingest.text import Metadata, make_article

MAX_PAGES = 2000  # beyond this it is a book, and a hostile page tree cannot keep us busy
logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged files are reported by us


def read_pdf(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits
) -> list[Article]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                unlocked = 0
            if not unlocked:
                raise ReadError("the PDF is encrypted with a password; save an unlocked copy")
        pages = reader.pages
        count = len(pages)
        if count > MAX_PAGES:
            raise ReadError(f"the PDF has {count:,} pages; more than {MAX_PAGES:,} is not an "
                            "article")
        texts = []
        total = 0
        for page in pages:
            text = (page.extract_text() or "").strip()
            total += len(text)
            if total > limits.max_article_chars:
                raise ReadError(f"the PDF's text is longer than {limits.max_article_chars:,} "
                                "characters (Limits.max_article_chars)")
            if text:
                texts.append(text)
        info = _info(reader)
    except FileNotDecryptedError:
        raise ReadError("the PDF is encrypted with a password; save an unlocked copy") from None
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, OSError, ZeroDivisionError) as exc:
        raise ReadError(f"not a readable PDF (damaged or incomplete: {_short(exc)})") from None
    except RecursionError:
        raise ReadError("not a readable PDF (its objects refer to each other endlessly)") \
            from None
    except Exception as exc:  # anything else pypdf raises on a damaged file
        raise ReadError(f"not a readable PDF ({type(exc).__name__}: {_short(exc)})") from None
    if count == 0:
        raise ReadError("the PDF has no pages (damaged or incomplete)")
    if not texts:
        raise ReadError(
            f"the PDF has no text layer ({count} page(s) of images, e.g. a scan); "
            "run OCR on it and save it with text first"
        )
    return [make_article(path, "\n\n".join(texts), name=name, published=published,
                         metadata=info, max_chars=limits.max_article_chars)]


def _info(reader) -> Metadata:
    meta = Metadata()
    try:
        info = reader.metadata
    except Exception:  # a broken info dictionary loses metadata, not the text
        return meta
    if not info:
        return meta
    meta.title = _text(info.get("/Title"))
    author = _text(info.get("/Author"))
    if author:
        meta.meta["author"] = author
    try:
        created = info.creation_date
    except Exception:  # unparseable date string
        created = None
    if created is not None:
        meta.created = created.date()
    return meta


def _text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
