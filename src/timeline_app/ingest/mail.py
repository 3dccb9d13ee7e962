"""E-mail (.eml) and mailboxes (.mbox) via the standard library: newsletters people keep.

Subject is the title, the Date header the publication date (metadata), the sender the
author; the plain-text part is preferred, else the HTML part read as a web page would be.
"""

from __future__ import annotations

import re
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from timeline_app.domain.article import Article
from timeline_app.domain.corpus import FileError
from timeline_app.ingest.decode import decode, looks_binary, normalise_newlines
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Limits
from timeline_app.ingest.text import Metadata, make_article

_MBOX_SPLIT = re.compile(rb"(?:^|\n)From [^\n]*\n")
_MAX_PARTS = 200


def read_eml(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits
) -> list[Article]:
    message = _parse(data)
    return [_article(message, path, name, published, limits)]


def read_mbox(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits
) -> list[Article | FileError]:
    """One article per message; a message that cannot be read is one error (`box#3`)."""
    chunks = [c for c in _MBOX_SPLIT.split(data) if c.strip()]
    if not chunks:
        raise ReadError("the mailbox has no messages")
    out: list[Article | FileError] = []
    for number, chunk in enumerate(chunks, start=1):
        member = f"{path}#{number}"
        try:
            message = _parse(chunk.replace(b"\n>From ", b"\nFrom "))
            out.append(_article(message, member, name, published, limits))
        except ReadError as exc:
            out.append(FileError(member, str(exc)))
    if not any(isinstance(item, Article) for item in out):
        raise ReadError(f"none of the {len(chunks)} message(s) could be read: "
                        f"{out[0].message}")
    return out


def _parse(data: bytes) -> EmailMessage:
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (ValueError, TypeError, IndexError, LookupError) as exc:
        raise ReadError(f"not a readable e-mail message ({str(exc)[:100]})") from None
    if not message.keys():
        raise ReadError("not an e-mail message (no headers)")
    return message


def _header(message: EmailMessage, key: str) -> str | None:
    try:
        value = message.get(key)
    except (ValueError, TypeError, IndexError, LookupError, AttributeError):
        return None
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _article(message: EmailMessage, path: str, name: str, published: date | None,
             limits: Limits) -> Article:
    meta = Metadata(title=_header(message, "subject"))
    raw_date = _header(message, "date")
    if raw_date:
        try:
            meta.published = parsedate_to_datetime(raw_date).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            meta.published = raw_date  # left to the general date parser
    sender = _header(message, "from")
    if sender:
        meta.meta["author"] = sender
    text = _body(message)
    if not text.strip():
        raise ReadError("the e-mail has no text part")
    return make_article(path, text, name=name, published=published, metadata=meta,
                        max_chars=limits.max_article_chars)


def _body(message: EmailMessage) -> str:
    """The plain-text part, else the HTML part's main text, else any text part."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (ValueError, TypeError, IndexError, LookupError, AttributeError, KeyError):
        part = None
    if part is None:
        parts = [p for _, p in zip(range(_MAX_PARTS), _walk(message), strict=False)]
        part = next((p for p in parts if p.get_content_maintype() == "text"), None)
        if part is None:
            return ""
    content = _content(part)
    if part.get_content_subtype() == "html":
        from timeline_app.ingest.html import visible_text

        return _html_text(content) or visible_text(content)
    return content


def _walk(message: EmailMessage):
    try:
        yield from message.walk()
    except (ValueError, TypeError, IndexError, LookupError, AttributeError, RecursionError):
        return


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
        if isinstance(content, str):
            return normalise_newlines(content)
    except (LookupError, ValueError, TypeError, AttributeError, KeyError, AssertionError):
        pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes | bytearray) or not payload:
        return ""
    try:
        return decode(bytes(payload))
    except ReadError:
        text = bytes(payload).decode("utf-8", errors="replace")
        return "" if looks_binary(text) else normalise_newlines(text)


def _html_text(page: str) -> str:
    from timeline_app.ingest.html import _trafilatura

    try:
        text, _meta = _trafilatura(page)
    except Exception:  # any trafilatura failure: the caller falls back to visible text
        return ""
    return text or ""


def read_mhtml(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits
) -> list[Article]:
    """A page saved as one MIME file: its HTML part read as a saved page.

    The Date header is when the page was saved, not published, so it is not used; the
    Subject (the page title) stands in when the page itself has none.
    """
    from timeline_app.ingest.html import read_html

    message = _parse(data)
    parts = [p for _, p in zip(range(_MAX_PARTS), _walk(message), strict=False)]
    page = next((p for p in parts if p.get_content_type() == "text/html"), None)
    if page is None:
        raise ReadError("the saved page has no HTML part")
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes | bytearray) or not payload.strip():
        raise ReadError("the saved page's HTML part is empty")
    return read_html(bytes(payload), path, name, published=published, limits=limits,
                     fallback_title=_header(message, "subject"))
