"""Ingest throughput: files per second by kind, and MB/s for plain text.

Builds N files of each kind (default 100) from generated stories in a temporary folder, then
times `read()` on them and, in the same run, the bare library call each reader wraps
(decode / trafilatura.extract / pypdf / python-docx / email / csv / json / zipfile), so
the printed ratio is the cost of our cleanup, dates and checks on top of the library.
Text MB/s is measured on larger text files (default 20 files of 1 MB).

    python bench/ingest_throughput.py [--files 100] [--text-mb 20]
"""

from __future__ import annotations

import argparse
import csv
import email
import io
import json
import sys
import tempfile
import time
import zipfile
from email import policy
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from fixtures_ingest import builders as b  # noqa: E402
from timeline_app.ingest import read  # noqa: E402


def make(kind: str, index: int) -> bytes:
    title, body = b.story(index)
    body = "\n\n".join([body] * 4)  # about 600 words, a typical news story
    if kind == "txt":
        return f"{title}\n\nPublished 2 March 2014\n\n{body}\n\nShare this article\n".encode()
    if kind == "html":
        return b.html_page(title=title, body=body)
    if kind == "mhtml":
        return b.mhtml_page(b.html_page(title=title, body=body))
    if kind == "pdf":
        return b.pdf_file([title, *body.replace("\n\n", " ").split(". ")], title=title)
    if kind == "docx":
        return b.docx_file(title=title, body=body)
    if kind == "eml":
        return b.eml_message(subject=title, body=body)
    if kind == "csv":
        return b.csv_dump([{"title": title, "date": "2014-03-02", "text": body}])
    if kind == "json":
        return b.json_dump([{"title": title, "date": "2014-03-02", "text": body}])
    if kind == "zip":
        return b.zip_file({"a.txt": f"{title}\n\n{body}".encode()})
    raise ValueError(kind)


def baseline(kind: str, path: Path) -> None:
    """The library call alone, as a plain script would do it."""
    data = path.read_bytes()
    if kind == "txt":
        data.decode("utf-8")
    elif kind == "html":
        import trafilatura

        trafilatura.extract(data.decode("utf-8"))
    elif kind == "mhtml":
        import trafilatura

        message = email.message_from_bytes(data, policy=policy.default)
        page = next(p for p in message.walk() if p.get_content_type() == "text/html")
        trafilatura.extract(page.get_content())
    elif kind == "pdf":
        from pypdf import PdfReader

        "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    elif kind == "docx":
        import docx

        "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    elif kind == "eml":
        email.message_from_bytes(data, policy=policy.default).get_body().get_content()
    elif kind == "csv":
        list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    elif kind == "json":
        json.loads(data)
    elif kind == "zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            [archive.read(i) for i in archive.infolist()]


def timed(fn, paths) -> float:
    start = time.perf_counter()
    for path in paths:
        fn(path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=100, help="files per kind")
    parser.add_argument("--text-mb", type=int, default=20, help="MB of text for MB/s")
    args = parser.parse_args()
    kinds = ["txt", "html", "mhtml", "pdf", "docx", "eml", "csv", "json", "zip"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(f"{'kind':6} {'ours files/s':>13} {'library files/s':>16} {'ratio':>7}")
        for kind in kinds:
            paths = []
            for i in range(args.files):
                path = root / f"{kind}-{i}.{kind}"
                path.write_bytes(make(kind, i))
                paths.append(path)
            read(paths[0])  # imports and first-use caches are not part of the rate
            baseline(kind, paths[0])
            ours = timed(read, paths)
            lib = timed(lambda p, k=kind: baseline(k, p), paths)
            print(f"{kind:6} {len(paths) / ours:13.0f} {len(paths) / lib:16.0f} "
                  f"{ours / lib:6.1f}x")
        big = []
        _title, body = b.story(1)
        chunk = (body + "\n\n").encode()
        for i in range(args.text_mb):
            path = root / f"big-{i}.txt"
            path.write_bytes(f"Title {i}\n\n".encode() + chunk * (1024 * 1024 // len(chunk)))
            big.append(path)
        size = sum(p.stat().st_size for p in big) / 1024 / 1024
        ours = timed(read, big)
        plain = timed(lambda p: p.read_bytes().decode("utf-8"), big)
        print(f"text: {size / ours:.1f} MB/s with cleanup and dates; plain decode "
              f"{size / plain:.0f} MB/s ({ours / plain:.0f}x)")


if __name__ == "__main__":
    main()
