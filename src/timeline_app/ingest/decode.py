"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a BOM, and legacy code pages.

Invalid bytes never raise: they become U+FFFD. Line ends are normalised to "\\n" exactly as
Python's universal newlines do, so that offsets into an article agree with what
`Path.read_text()` returns for the same file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from timeline_app.ingest.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 256 * 1024  # enough for charset detection, small enough to stay fast on big files
_NEWLINES = re.compile(r"\r\n?")
_BAD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def decode(data: bytes) -> str:
    """The text of `data`, or ReadError when it is not text in any encoding we know."""
    encoding, skip = _encoding(data)
    text = data[skip:].decode(encoding, errors="replace")
    if looks_binary(text):
        raise ReadError("not a text document (binary data or an unknown encoding)")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def looks_binary(text: str) -> bool:
    """Control characters or replacement marks in more than 2% of a sample mean binary."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    bad = len(_BAD.findall(sample))
    return bad > 0.02 * len(sample) + 2


def _encoding(data: bytes) -> tuple[str, int]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    head = data[:_SAMPLE]
    if b"\x00" in head:
        guess = _utf16_without_bom(head)
        if guess is None:
            raise ReadError("not a text document (it contains binary data)")
        return guess, 0
    try:
        data.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError as exc:
        if exc.start > len(data) - 4 and exc.reason.startswith("unexpected end"):
            return "utf-8", 0  # truncated last character
        return _legacy(head), 0


def _utf16_without_bom(head: bytes) -> str | None:
    """Mostly-ASCII UTF-16 text has a NUL in every other byte, on one side only."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = max(1, len(head) // 2)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _legacy(head: bytes) -> str:
    """Best guess for text that is not valid UTF-8: mostly-valid UTF-8 stays UTF-8."""
    decoded = head.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd")
    valid = sum(1 for c in decoded if ord(c) > 127) - invalid
    if valid and valid >= invalid:
        return "utf-8"  # real UTF-8 with a few broken bytes
    if _western(head):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None or not best.encoding:
        return "cp1252" if _mostly_text(head) else "utf-8"
    try:
        codecs.lookup(best.encoding)
    except LookupError:
        return "cp1252"
    return best.encoding


_TYPOGRAPHY = set("‘’‚“”„–—…€«»°·×÷§©®™¡¿¢£¥¦¨ª¬¯±²³´µ¶¸¹º¼½¾ ‹›•†‡ˆ‰")


def _western(head: bytes) -> bool:
    """Windows-1252 text: sparse accented letters inside words, typographic punctuation.

    charset-normalizer is unreliable on short Western European texts (it picks Baltic or DOS
    code pages), and those are the commonest legacy files. Text in Cyrillic or Greek code
    pages decodes to words made almost entirely of accented letters, so it fails the test.
    """
    try:
        text = head.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [c for c in text if ord(c) > 127]
    letters = sum(1 for c in text if c.isalpha())
    if not high or len(high) > 0.3 * max(letters, 1):
        return False
    fitting = sum(1 for c in high if c.isalpha() or c in _TYPOGRAPHY)
    return fitting >= 0.98 * len(high)


def _mostly_text(head: bytes) -> bool:
    text = head.decode("latin-1")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r")
    return printable >= 0.95 * max(1, len(text))


def clean_title(line: str, limit: int = 200) -> str:
    """A title from a line: Markdown heading marks and emphasis removed, length bounded."""
    title = line[: limit * 4].strip()
    title = re.sub(r"^#{1,6}\s*", "", title)
    title = re.sub(r"\s+#+\s*$", "", title)
    title = re.sub(r"^([*_]{1,3})(.+)\1$", r"\2", title).strip()
    title = "".join(c for c in title if unicodedata.category(c)[0] != "C")
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    return title
