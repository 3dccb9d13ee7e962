"""Which reader a file needs, from its first bytes as well as its extension.

Content wins where it is unambiguous (a PDF signature, a zip, a full HTML page saved as
.txt); otherwise the extension decides, and unknown extensions are sniffed as text kinds.
"""

from __future__ import annotations

import re

TEXT, MARKDOWN, HTML, PDF, DOCX, EML, MBOX, CSV, JSON, JSONL, ZIP = (
    "text", "markdown", "html", "pdf", "docx", "eml", "mbox", "csv", "json", "jsonl", "zip",
)
MHTML = "mhtml"  # a web page saved as a single file (browsers' "Webpage, Single File")
EXTENSIONS = {
    ".txt": TEXT, ".text": TEXT, ".md": MARKDOWN, ".markdown": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML, ".mhtml": MHTML,
    ".mht": MHTML,
    ".pdf": PDF, ".docx": DOCX, ".eml": EML, ".mbox": MBOX, ".mbx": MBOX,
    ".csv": CSV, ".tsv": CSV, ".json": JSON, ".jsonl": JSONL, ".ndjson": JSONL,
    ".zip": ZIP,
}
UNSUPPORTED = "unsupported"
# Zip-based formats that are not articles we can read: said plainly, not unpacked.
OTHER_PACKAGES = {
    ".xlsx": "an Excel workbook (save the sheet as .csv)",
    ".pptx": "a PowerPoint presentation", ".odt": "an OpenDocument text (save it as .docx)",
    ".ods": "an OpenDocument spreadsheet (save it as .csv)", ".epub": "an e-book",
    ".jar": "a Java archive", ".apk": "an Android package",
}
# Binary formats we recognise only to say clearly what they are.
_MAGIC = [
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive (unpack it first)"), (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive (save it as .zip)"),
    (b"Rar!", "a RAR archive (save it as .zip)"), (b"\x7fELF", "a program"),
    (b"MZ", "a program"), (b"\xd0\xcf\x11\xe0", "an old Office file (save it as .docx)"),
    (b"{\\rtf", "an RTF file (save it as .docx or .txt)"), (b"RIFF", "a media file"),
    (b"ID3", "an audio file"), (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"), (b"SQLite format 3", "a database file"),
]
_HTML = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
_HEADER = re.compile(
    rb"^(?:from|to|cc|subject|date|received|message-id|mime-version|return-path|"
    rb"delivered-to|content-type|reply-to|x-[\w-]+):", re.I | re.M)


def binary_kind(head: bytes) -> str | None:
    """A description of a binary format we do not read, or None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


def sniff(name: str, head: bytes) -> str:
    """The kind of a file called `name` whose first bytes are `head`."""
    lower = name.lower()
    ext = lower[lower.rfind("."):] if "." in lower else ""
    by_ext = EXTENSIONS.get(ext)
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1024].find(b"%PDF-") >= 0:
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if by_ext in (DOCX, ZIP):
            return by_ext
        if ext in OTHER_PACKAGES:
            return UNSUPPORTED
        return DOCX if b"word/" in head else ZIP
    if by_ext in (HTML, CSV, JSON, JSONL, DOCX, PDF, ZIP, MHTML):
        return by_ext
    if _HTML.match(body[:4096]):
        return HTML
    if by_ext == MBOX or (body.startswith(b"From ") and _HEADER.search(body[:4096])):
        return MBOX
    if by_ext == EML or (len(_HEADER.findall(body[:4096])) >= 3 and _HEADER.match(body)):
        lower = body[:4096].lower()
        if b"snapshot-content-location:" in lower or b"multipart/related" in lower:
            return MHTML
        return EML
    if by_ext is None and body[:1] in (b"{", b"["):
        return JSONL if body[:1] == b"{" and b"}\n{" in body[:65536] else JSON
    return by_ext or TEXT


def unsupported_reason(name: str) -> str:
    lower = name.lower()
    ext = lower[lower.rfind("."):] if "." in lower else ""
    return OTHER_PACKAGES.get(ext, "a file kind that cannot be read")
