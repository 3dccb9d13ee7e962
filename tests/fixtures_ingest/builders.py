"""Files of every kind the ingest layer reads, built from our own short texts.

Used by the ingest tests, the fuzz test and bench/ingest_throughput.py. PDFs are written
by hand (pypdf cannot lay out text): a page with one text stream in Helvetica is a few
lines of PDF syntax plus a cross-reference table.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

TITLE = "Ministers meet over grain deal"
PARAGRAPHS = [
    "The talks in the capital ran late into the night on Tuesday, officials said, as both "
    "delegations argued over the price of wheat shipments and the timing of payments.",
    "A spokesman for the trade ministry said a second round could take place next month, "
    "but that no date had been agreed by either side.",
    "The farm unions, which had threatened to block the port, welcomed the meeting and "
    "said they would wait for its outcome before deciding on further protests.",
]
BODY = "\n\n".join(PARAGRAPHS)


def story(index: int) -> tuple[str, str]:
    """A distinct (title, body) for article number `index` (varied words, not one text)."""
    places = ["the capital", "the port city", "the border town", "the northern province",
              "the southern coast", "the mountain region"]
    goods = ["wheat", "barley", "maize", "rice", "sugar", "cotton", "coffee", "oil"]
    title = f"Talks on {goods[index % len(goods)]} exports, round {index}"
    sentences = []
    for k in range(6):
        n = index * 7 + k
        sentences.append(
            f"Delegation {n} met in {places[n % len(places)]} on day {n % 28 + 1} to discuss "
            f"{goods[n % len(goods)]} quota number {n * 13 % 997}, officials said, and agreed "
            f"to report back within {n % 9 + 2} weeks.")
    return title, " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])


def html_page(title: str = TITLE, body: str = BODY, published: str | None = "2014-03-02",
              author: str | None = "Jane Writer") -> bytes:
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}T10:00:00Z">'
    if author:
        meta += f'<meta name="author" content="{author}">'
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - Example"
            f"</title><meta property='og:title' content='{title}'>{meta}"
            "<script>var tracking = 1;</script></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            "<footer>Contact us</footer></body></html>").encode()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_file(lines: list[str] | None = None, title: str | None = TITLE,
             created: str | None = "D:20140302100000Z", text_layer: bool = True) -> bytes:
    """A one-page PDF showing `lines` as text (or, with text_layer=False, only a drawing)."""
    lines = lines if lines is not None else [TITLE, *PARAGRAPHS]
    if text_layer:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
        for line in lines:
            ops.append(f"({_pdf_escape(line)}) Tj T*")
        ops.append("ET")
    else:
        ops = ["0.5 g", "50 50 500 700 re f"]  # a grey rectangle, like a scanned image
    stream = "\n".join(ops).encode("latin-1", "replace")
    info = []
    if title:
        info.append(f"/Title ({_pdf_escape(title)})")
    if created:
        info.append(f"/CreationDate ({created})")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 1200] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ("<< " + " ".join(info) + " >>").encode("latin-1"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def docx_file(title: str | None = TITLE, body: str = BODY,
              created: datetime | None = datetime(2014, 3, 2, 9, 30),
              author: str | None = "Jane Writer", heading: str | None = TITLE) -> bytes:
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in body.split("\n\n"):
        document.add_paragraph(paragraph)
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created is not None:
        props.created = created
        props.modified = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def eml_message(subject: str = TITLE, body: str = BODY,
                date: str | None = "Sun, 02 Mar 2014 10:00:00 +0000", html: bool = False,
                sender: str = "Grain Desk <desk@example.org>") -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = sender
    message["To"] = "reader@example.org"
    message["Subject"] = subject
    if date:
        message["Date"] = date
    if html:
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        message.set_content("<html><body>" + paragraphs + "</body></html>", subtype="html")
    else:
        message.set_content(body)
    return bytes(message)


def mhtml_page(page: bytes | None = None, subject: str = "Saved page title",
               saved: str = "Fri, 06 Jun 2016 12:00:00 +0000") -> bytes:
    """A web page saved as a single file, the way browsers write .mhtml."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://example.com/news/talks"
    message["Subject"] = subject
    message["Date"] = saved
    message.make_related()
    message.add_related((page or html_page()).decode(), subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png")
    return bytes(message)


def mbox_file(messages: list[bytes]) -> bytes:
    out = []
    for message in messages:
        escaped = message.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out.append(b"From desk@example.org Sun Mar  2 10:00:00 2014\n" + escaped.rstrip(b"\n")
                   + b"\n\n")
    return b"".join(out)


def csv_dump(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def json_dump(rows: list[dict], lines: bool = False, wrap: str | None = None) -> bytes:
    if lines:
        return "\n".join(json.dumps(r) for r in rows).encode()
    return json.dumps({wrap: rows} if wrap else rows, indent=1).encode()


def zip_file(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(size: int = 200 * 1024 * 1024) -> bytes:
    """One member of `size` zero bytes: compresses about 1000 times."""
    out = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("zeros.txt", "w", force_zip64=True) as handle:
        for _ in range(size // len(chunk)):
            handle.write(chunk)
    return out.getvalue()
