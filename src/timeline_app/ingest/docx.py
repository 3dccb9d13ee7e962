"""Word (.docx) files via python-docx: paragraphs and tables in order, core properties.

The package is a zip: it gets the archive checks (sizes, ratio) first, and its XML parts
are refused if they declare a DTD, which a real Word file never does (entity expansion).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date

from timeline_app.domain.article import Article
from timeline_app.ingest.archive import check_members
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Limits
from timeline_app.ingest.text import Metadata, make_article


def read_docx(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits
) -> list[Article]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError):  # "zip file version 23.4": a feature zipfile lacks
        raise ReadError("not a readable DOCX file (it is not a valid Word package)") from None
    with archive:
        check_members(archive, limits)
        try:
            _refuse_dtds(archive, limits)
        except ReadError:
            raise
        except Exception as exc:  # BadZipFile, zlib.error, encrypted parts ...
            raise ReadError(f"not a readable DOCX file (damaged package: "
                            f"{type(exc).__name__})") from None
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n\n".join(_blocks(document))
        meta = _properties(document)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, AttributeError,
            TypeError, IndexError, OSError, EOFError) as exc:
        raise ReadError(f"not a readable DOCX file ({_short(exc)})") from None
    except Exception as exc:  # lxml XMLSyntaxError and other parser failures
        raise ReadError(f"not a readable DOCX file ({_short(exc)})") from None
    return [make_article(path, text, name=name, published=published, metadata=meta,
                         max_chars=limits.max_article_chars)]


def _blocks(document) -> list[str]:
    """Paragraph texts, then table rows (cells joined by tabs); empty ones dropped."""
    blocks = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [" ".join(cell.text.split()) for cell in row.cells]
            blocks.append("\t".join(dict.fromkeys(c for c in cells if c)))
    return [b for b in blocks if b]


def _properties(document) -> Metadata:
    props = document.core_properties
    meta = Metadata(title=(props.title or "").strip() or None)
    for key, value in (("author", props.author), ("subject", props.subject),
                       ("keywords", props.keywords)):
        if value and str(value).strip():
            meta.meta[key] = str(value).strip()
    when = props.created or props.modified
    if when is not None:
        meta.created = when.date()
    return meta


def _refuse_dtds(archive: zipfile.ZipFile, limits: Limits) -> None:
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")) and info.file_size <= limits.max_file_bytes:
            with archive.open(info) as handle:
                head = handle.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ReadError("the DOCX declares XML entities (a DTD), which Word never "
                                "writes; refused as unsafe")


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
