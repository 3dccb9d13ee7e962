"""The command line as scripts and analysts use it: per-file errors, projects in and out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.paths import samples_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "story.txt").write_text(
        "Border row deepens\n\nTurkey condemned Syria on Tuesday, 4 October 2011, after "
        "shells hit a village.\n", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(
        "Crise\n\nLa France a condamné la Syrie. Russia criticised Turkey on "
        "Monday.\n".encode("latin-1"))
    return tmp_path


def test_bad_files_are_reported_one_each_and_the_rest_is_extracted(folder, tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["extract", str(folder), "--published", "2011-10-05", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    errors = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert set(errors) == {"junk.txt", "empty.txt"}
    assert {Path(a["path"]).name for a in data["articles"]} == {"story.txt", "latin1.txt"}
    assert {(e["source"], e["target"]) for e in data["events"] if e["type"] == "condemnation"} \
        == {("turkey", "syria")}
    stderr = capsys.readouterr().err
    assert "junk.txt" in stderr and "empty.txt" in stderr
    assert "Traceback" not in stderr


def test_a_saved_project_is_read_like_the_articles_it_holds(tmp_path):
    project = tmp_path / "samples.tlproj"
    direct = tmp_path / "direct.json"
    again = tmp_path / "again.json"
    assert main(["extract", str(samples_dir()), "--project", str(project),
                 "--json", str(direct)]) == 0
    assert main(["extract", str(project), "--json", str(again)]) == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (direct, again))
    assert {e["id"] for e in first["events"]} == {e["id"] for e in second["events"]}
    assert len(first["articles"]) == len(second["articles"]) >= 3


def test_a_damaged_project_gets_a_message_and_is_left_untouched(tmp_path, capsys):
    broken = tmp_path / "broken.tlproj"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    before = broken.read_bytes()
    out = tmp_path / "out.json"
    assert main(["extract", str(broken), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["errors"][0]["path"] == str(broken)
    assert "damaged" in capsys.readouterr().err
    assert broken.read_bytes() == before


def test_unwritable_output_is_a_clear_error_not_a_traceback(folder, capsys):
    code = main(["export", str(folder / "story.txt"), "--format", "csv",
                 "-o", str(folder / "missing-dir" / "out.csv")])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err
