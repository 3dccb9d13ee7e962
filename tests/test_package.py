"""The packaged app: `make package` output runs without Python or the checkout around it.

The slow tests build dist/TimelineApp/ once (with PyInstaller when it is installed, else through
`make package`, which installs it) and then run the frozen binary from a scratch directory, so
that nothing can come from the working tree: the bundled samples must load in `--self-test`
and the reference article must render in `--screenshot`.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from conftest import REFERENCE_ARTICLE, REPO

PACKAGING = REPO / "packaging"
DIST = REPO / "dist"
APP_DIR = DIST / "TimelineApp"
BINARY = APP_DIR / ("TimelineApp.exe" if sys.platform == "win32" else "TimelineApp")
BUILD_TIMEOUT_S = 720
RUN_TIMEOUT_S = 240
SIZE_TARGET_MB = 250
QT_MODULES_NOT_SHIPPED = ("QtQml", "QtQuick", "QtNetwork", "QtWebEngineCore", "QtPdf", "QtTest")


def _frozen_env() -> dict[str, str]:
    """The environment of a user's desktop: offscreen here, no resource override, no venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("TIMELINE_APP_RESOURCES", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="module")
def packaged_app() -> Path:
    """Build once per run; the build's own output is shown when it fails."""
    if importlib.util.find_spec("PyInstaller") is not None:
        command = [sys.executable, str(PACKAGING / "build.py")]
    elif shutil.which("make"):
        command = ["make", "package"]
    else:
        pytest.skip("neither PyInstaller nor make is available to build the package")
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                            timeout=BUILD_TIMEOUT_S)
    output = f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
    assert result.returncode == 0, f"build failed:\n{output}"
    assert BINARY.is_file(), f"no binary at {BINARY}"
    return BINARY


def _run(binary: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary), *args], cwd=cwd, env=_frozen_env(), capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S)


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + 3 * RUN_TIMEOUT_S)
def test_packaged_self_test_loads_the_bundled_samples(packaged_app: Path, tmp_path: Path):
    result = _run(packaged_app, "--self-test", cwd=tmp_path)
    assert result.returncode == 0, f"self-test failed:\n{result.stdout}\n{result.stderr[-3000:]}"
    assert "self-test" in result.stdout


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + 3 * RUN_TIMEOUT_S)
def test_packaged_app_screenshots_the_reference_article(packaged_app: Path, tmp_path: Path):
    if not REFERENCE_ARTICLE.is_file():
        pytest.skip(f"../shared is absent ({REFERENCE_ARTICLE} not found)")
    shot = tmp_path / "reference.png"
    result = _run(packaged_app, str(REFERENCE_ARTICLE), "--published", "2013-01-22",
                  "--screenshot", str(shot), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]

    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert not image.isNull(), "the screenshot is not a readable PNG"
    assert image.width() >= 400 and image.height() >= 300
    step_x, step_y = max(1, image.width() // 64), max(1, image.height() // 64)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step_x)
               for y in range(0, image.height(), step_y)}
    assert len(colours) > 8, "the window looks blank"


HTML_STORY = """<html><head><title>Moscow warns Kyiv</title></head><body><article>
<h1>Moscow warns Kyiv</h1>
<p>MOSCOW, March 4, 2014 (Newswire) - Russia accused Ukraine on Tuesday of provoking the crisis,
and the European Union threatened sanctions against Moscow.</p>
<p>Foreign ministers met in Paris last week.</p></article></body></html>"""


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + 2 * RUN_TIMEOUT_S)
def test_packaged_cli_reads_html_and_docx(packaged_app: Path, tmp_path: Path):
    """The readers that are imported lazily (trafilatura, python-docx) work in the bundle."""
    import json

    import docx

    (tmp_path / "warning.html").write_text(HTML_STORY, encoding="utf-8")
    document = docx.Document()
    document.add_heading("Aid convoy reaches Homs", 1)
    document.add_paragraph("A Red Cross aid convoy reached the old city of Homs on Wednesday, "
                           "and Russia criticised the United States for delaying a resolution.")
    document.save(tmp_path / "convoy.docx")
    out = tmp_path / "out.json"
    result = _run(packaged_app, "extract", "warning.html", "convoy.docx", "--json", str(out),
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["errors"] == []
    titles = {Path(a["path"]).name: a["title"] for a in data["articles"]}
    assert titles == {"warning.html": "Moscow warns Kyiv", "convoy.docx": "Aid convoy reaches Homs"}
    types = {e["type"] for e in data["events"]}
    assert {"accusation", "humanitarian_aid", "criticism"} <= types


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + RUN_TIMEOUT_S)
def test_bundle_holds_resources_and_leaves_out_unused_qt(packaged_app: Path):
    bundle = next(p for p in (APP_DIR / "_internal", APP_DIR) if (p / "resources").is_dir())
    resources = bundle / "resources"
    assert list((resources / "lexicons" / "actors").glob("*.toml"))
    assert (resources / "lexicons" / "relations.toml").is_file()
    assert len([p for p in (resources / "samples").iterdir() if p.is_file()]) >= 3
    assert (resources / "icons" / "timeline-app.svg").is_file()

    shipped = {p.name.split(".")[0] for p in (bundle / "PySide6").glob("Qt*.*")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= shipped
    assert not shipped & set(QT_MODULES_NOT_SHIPPED)

    files = [p for p in APP_DIR.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    assert size_mb <= SIZE_TARGET_MB, f"bundle is {size_mb:.0f} MB unpacked"


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + RUN_TIMEOUT_S)
def test_bundle_holds_modules_imported_by_name(packaged_app: Path):
    """dateparser's language tables and the file readers are imported lazily or by name."""
    viewer = shutil.which("pyi-archive_viewer", path=str(Path(sys.executable).parent))
    if viewer is None:
        pytest.skip("pyi-archive_viewer is not installed beside this Python")
    listing = subprocess.run([viewer, "-r", "-b", str(packaged_app)], capture_output=True,
                             text=True, timeout=RUN_TIMEOUT_S, check=True).stdout
    modules = {line.strip() for line in listing.splitlines()}
    for module in ("dateparser.data.date_translation_data.en",
                   "dateparser.data.date_translation_data.ru", "timeline_app.ingest",
                   "timeline_app.export", "trafilatura", "pypdf", "docx", "charset_normalizer"):
        assert module in modules, f"{module} is not in the bundle"


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT_S + RUN_TIMEOUT_S)
def test_archive_unpacks_to_an_executable_app(packaged_app: Path):
    archives = sorted(DIST.glob("TimelineApp-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    assert archives, "no .tar.gz next to dist/TimelineApp"
    with tarfile.open(archives[-1]) as tar:
        binary = tar.getmember(f"TimelineApp/{BINARY.name}")
        assert binary.isfile() and binary.mode & 0o111
        names = set(tar.getnames())
    assert "TimelineApp/timeline-app.desktop" in names


def test_desktop_entry_opens_article_files_with_the_app():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in .desktop files
    entry.read(PACKAGING / "linux" / "timeline-app.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "TimelineApp"
    assert "%F" in section["Exec"].split(), "file managers must be able to pass several files"
    mime_types = set(filter(None, section["MimeType"].split(";")))
    for kind in ("text/plain", "text/markdown", "text/html", "application/pdf", "text/csv",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "message/rfc822", "application/json", "application/zip",
                 "application/x-timeline-project"):
        assert kind in mime_types
    assert (REPO / "resources" / "icons" / f"{section['Icon']}.svg").is_file()
    assert "*.tlproj" in (PACKAGING / "linux" / "timeline-app-mime.xml").read_text("utf-8")
