"""A folder of 1,000 files of mixed kinds, 5% of them corrupt or hostile.

Every good file loads; each bad one gives exactly one error naming it; the same errors reach
the CLI's JSON `errors` and the app's error list.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from conftest import REPO
from fixtures_ingest import builders as b
from timeline_app.ingest import read_paths

GOOD_KINDS = ["txt", "md", "html", "pdf", "docx", "eml", "mbox", "csv", "json", "jsonl",
              "zip", "mhtml"]


def good_file(kind: str, index: int) -> bytes:
    title, body = b.story(index)
    day = f"2014-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
    if kind == "txt":
        return f"{title}\n\nPublished {day}\n\n{body}\n\nShare this article\n".encode()
    if kind == "md":
        return f"# {title}\n\n{body}\n".encode("utf-16")
    if kind == "html":
        return b.html_page(title=title, body=body, published=day)
    if kind == "mhtml":
        return b.mhtml_page(b.html_page(title=title, body=body, published=day))
    if kind == "pdf":
        return b.pdf_file([title, *body.split(". ")], title=title)
    if kind == "docx":
        return b.docx_file(title=title, body=body, created=datetime(2014, 3, index % 28 + 1))
    if kind == "eml":
        return b.eml_message(subject=title, body=body, html=index % 2 == 0)
    if kind == "mbox":
        return b.mbox_file([b.eml_message(subject=title, body=body)])
    if kind == "csv":
        return b.csv_dump([{"headline": title, "date": day, "body": body}])
    if kind == "json":
        return b.json_dump([{"title": title, "published": day, "content": body}])
    if kind == "jsonl":
        return b.json_dump([{"title": title, "text": body}], lines=True)
    if kind == "zip":
        return b.zip_file({f"inside/{index}.txt": f"{title}\n\n{body}\n".encode()})
    raise AssertionError(kind)


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(b.pdf_file())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _nested(depth: int) -> bytes:
    data = b"Bottom\n\nA story at the bottom of the archives."
    data = b.zip_file({"story.txt": data})
    for _ in range(depth):
        data = b.zip_file({"next.zip": data})
    return data


def _dtd_docx() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(b.docx_file()))
    members = {i.filename: source.read(i) for i in source.infolist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
    return b.zip_file(members)


def bad_files() -> list[tuple[str, bytes]]:
    """Ten kinds of corrupt or hostile file; each appears five times (5% of 1,000)."""
    bomb = b.zip_bomb(24 * 1024 * 1024)
    pdf = b.pdf_file()
    docx = b.docx_file()
    kinds = [
        ("binary.txt", bytes(range(256)) * 16),
        ("empty.md", b""),
        ("truncated.pdf", pdf[: len(pdf) // 3]),
        ("scanned.pdf", b.pdf_file(text_layer=False)),
        ("locked.pdf", _encrypted_pdf()),
        ("garbage.docx", docx[:200] + bytes(range(256)) * 8),
        ("entities.docx", _dtd_docx()),
        ("bomb.zip", bomb),
        ("traversal.zip", b.zip_file({"../../etc/passwd.txt": b"root"})),
        ("russian-doll.zip", _nested(6)),
        ("broken.json", b'[{"title": "x", "text": '),
        ("no-text.csv", b"a,b\n1,2\n"),
        ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(300)),
    ]
    out = []
    for number in range(50):
        name, data = kinds[number % len(kinds)]
        stem, ext = name.rsplit(".", 1)
        out.append((f"{stem}-{number}.{ext}", data))
    return out


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> tuple[Path, list[Path], list[Path]]:
    root = tmp_path_factory.mktemp("mixed")
    good, bad = [], []
    for index in range(950):
        kind = GOOD_KINDS[index % len(GOOD_KINDS)]
        path = root / f"sub{index % 7}" / f"good-{index:04d}.{kind}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(good_file(kind, index))
        good.append(path)
    for name, data in bad_files():
        path = root / f"sub{len(bad) % 7}" / name
        path.write_bytes(data)
        bad.append(path)
    huge = root / "huge.txt"  # a 50 MB text file, refused by the article limit
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    bad[-1].unlink()
    bad[-1] = huge
    assert len(good) + len(bad) == 1000
    return root, good, bad


def test_every_good_file_loads_and_each_bad_one_is_one_error(mixed_folder):
    root, good, bad = mixed_folder
    result = read_paths([root])
    loaded = {a.path.split("!")[0].split("#")[0] for a in result.articles}
    missing = [p.name for p in good if str(p) not in loaded]
    assert not missing, missing
    for path in bad:
        naming = [e for e in result.errors if os.path.basename(e.path.split("!")[0]) ==
                  path.name]
        assert len(naming) == 1, (path.name, naming)
        assert naming[0].message and "Traceback" not in naming[0].message
    assert len(result.errors) == len(bad)
    assert len({a.id for a in result.articles}) == len(result.articles)


def _small_mixed(root: Path) -> tuple[list[Path], list[Path]]:
    good, bad = [], []
    for index, kind in enumerate(GOOD_KINDS):
        path = root / f"good-{index}.{kind}"
        path.write_bytes(good_file(kind, index))
        good.append(path)
    for name, data in bad_files()[:3]:
        path = root / name
        path.write_bytes(data)
        bad.append(path)
    return good, bad


def test_cli_reports_each_bad_file_once_in_json_errors(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good, bad = _small_mixed(folder)
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, "-m", "timeline_app", "extract", str(folder), "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    errors = data["errors"]
    for path in bad:
        assert len([e for e in errors if Path(e["path"]).name == path.name]) == 1
        assert path.name in proc.stderr
    assert len(errors) == len(bad)
    assert len(data["articles"]) == len(good)


def test_app_error_list_names_each_bad_file(qtbot, tmp_path):
    pytest.importorskip("pytestqt")
    from timeline_app.ui.app import wait_until_idle
    from timeline_app.ui.main_window import MainWindow

    good, bad = _small_mixed(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.load_paths([str(tmp_path)])
    assert wait_until_idle(window, 240)
    assert len(window.model.corpus.articles) == len(good)
    shown = [window.errors.errors.item(i).text() for i in range(window.errors.errors.count())]
    for path in bad:
        assert len([s for s in shown if path.name in s]) == 1, path.name
