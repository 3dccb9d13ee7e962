"""The reader for each kind of file, all with one signature.

    reader(data, display_path, file_name, options, depth, budget) -> articles and errors
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

from timeline_app.domain.article import Article
from timeline_app.domain.corpus import FileError
from timeline_app.ingest import sniff as kinds
from timeline_app.ingest.errors import ReadError

Reader = Callable[..., Iterable[Article | FileError]]


def _text(data, display, name, options, depth, budget):
    from timeline_app.ingest.textfile import read_text_file

    return read_text_file(data, display, name, published=options.published,
                          limits=options.limits)


def _html(data, display, name, options, depth, budget):
    from timeline_app.ingest.html import read_html

    return read_html(data, display, name, published=options.published, limits=options.limits)


def _pdf(data, display, name, options, depth, budget):
    from timeline_app.ingest.pdf import read_pdf

    return read_pdf(data, display, name, published=options.published, limits=options.limits)


def _docx(data, display, name, options, depth, budget):
    from timeline_app.ingest.docx import read_docx

    return read_docx(data, display, name, published=options.published, limits=options.limits)


def _eml(data, display, name, options, depth, budget):
    from timeline_app.ingest.mail import read_eml

    return read_eml(data, display, name, published=options.published, limits=options.limits)


def _mbox(data, display, name, options, depth, budget):
    from timeline_app.ingest.mail import read_mbox

    return read_mbox(data, display, name, published=options.published, limits=options.limits)


def _mhtml(data, display, name, options, depth, budget):
    from timeline_app.ingest.mail import read_mhtml

    return read_mhtml(data, display, name, published=options.published,
                      limits=options.limits)


def _csv(data, display, name, options, depth, budget):
    from timeline_app.ingest.dumps import read_csv

    return read_csv(data, display, name, published=options.published, fields=options.fields,
                    limits=options.limits)


def _json(data, display, name, options, depth, budget):
    from timeline_app.ingest.dumps import read_json

    return read_json(data, display, name, published=options.published, fields=options.fields,
                     limits=options.limits)


def _jsonl(data, display, name, options, depth, budget):
    from timeline_app.ingest.dumps import read_json

    return read_json(data, display, name, published=options.published, fields=options.fields,
                     limits=options.limits, lines=True)


def _zip(data, display, name, options, depth, budget):
    from timeline_app.ingest.archive import Budget, open_zip, read_zip
    from timeline_app.ingest.read import read_bytes

    if depth > options.limits.max_depth:
        raise ReadError(f"archives nested more than {options.limits.max_depth} deep "
                        "(Limits.max_depth); refused")
    budget = budget or Budget(options.limits.max_archive_bytes)
    source = data if not isinstance(data, bytes) else io.BytesIO(data)
    with open_zip(source) as archive:
        def member(blob: bytes, path: str, base: str, level: int):
            try:
                items = list(read_bytes(blob, path, base, options, depth=level, budget=budget))
            except ReadError as exc:
                items = [FileError(path, str(exc))]
            except (MemoryError, RecursionError) as exc:
                items = [FileError(path, f"too large or too nested to read ({type(exc).__name__})")]
            except Exception as exc:  # one member's reader bug must not lose the others
                items = [FileError(path, f"could not be read ({type(exc).__name__})")]
            yield from items

        yield from read_zip(archive, display, options.limits, depth, budget, member,
                            cancelled=options.cancelled)


READERS: dict[str, Reader] = {
    kinds.TEXT: _text, kinds.MARKDOWN: _text, kinds.HTML: _html, kinds.PDF: _pdf,
    kinds.DOCX: _docx, kinds.EML: _eml, kinds.MBOX: _mbox, kinds.CSV: _csv,
    kinds.JSON: _json, kinds.JSONL: _jsonl, kinds.ZIP: _zip, kinds.MHTML: _mhtml,
}
