"""The File-menu glue: save clears recovery copies, autosave runs in the background, and a
recovery copy is offered after a crash and adopted or deleted as the user says."""

from __future__ import annotations

import os

import pytest

from test_store_data import corpus, every_edit, view
from timeline_app.domain.project import ViewState
from timeline_app.store import ProjectError, find_recovery, read_info
from timeline_app.ui import project_actions as pa


@pytest.fixture(autouse=True)
def fresh_state(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_APP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(pa, "AUTOSAVE_GAP", 0.0)
    pa._forget_autosave()
    yield
    pa.wait_for_autosave()
    pa._forget_autosave()


def _autosave_now(base, edits, v, path):
    pa.autosave(base, edits, v, path)
    pa.wait_for_autosave()


def test_save_then_open_gives_back_the_work(tmp_path):
    base = corpus(4, 3)
    path = str(tmp_path / "p.tlproj")
    pa.save(path, base, list(every_edit(base)), view())
    project, recovered = pa.open_with_recovery(None, path)
    assert not recovered
    got_base, edits = pa.base_and_edits(project)
    assert got_base.events == base.events
    assert edits == every_edit(base)
    assert project.view == view()


def test_autosave_is_offered_after_a_crash_and_removed_by_save(tmp_path, monkeypatch):
    base = corpus(4, 3)
    path = str(tmp_path / "p.tlproj")
    pa.save(path, base, [], ViewState())
    edits = list(every_edit(base))
    _autosave_now(base, edits, view(), path)
    assert os.path.exists(path + ".autosave")
    recovery = find_recovery(path)
    assert recovery is not None and recovery.load().edits == tuple(edits)

    monkeypatch.setattr(pa, "offer_recovery", lambda *a: True)
    project, recovered = pa.open_with_recovery(None, path)
    assert recovered and project.edits == tuple(edits)

    pa.save(path, base, edits, view())
    assert not os.path.exists(path + ".autosave")
    assert find_recovery(path) is None


def test_declined_recovery_is_deleted_and_the_file_opens(tmp_path, monkeypatch):
    base = corpus(3, 2)
    path = str(tmp_path / "p.tlproj")
    pa.save(path, base, [], ViewState())
    _autosave_now(base, list(every_edit(base)), view(), path)
    monkeypatch.setattr(pa, "offer_recovery", lambda *a: False)
    project, recovered = pa.open_with_recovery(None, path)
    assert not recovered and project.edits == ()
    assert not os.path.exists(path + ".autosave")


def test_autosave_writes_only_when_the_work_changed(tmp_path):
    base = corpus(3, 2)
    path = str(tmp_path / "p.tlproj")
    edits = [every_edit(base)[0]]
    _autosave_now(base, edits, view(), path)
    first = read_info(path + ".autosave")["saved_at_ns"]
    _autosave_now(base, list(edits), view(), path)  # same work: nothing written
    assert read_info(path + ".autosave")["saved_at_ns"] == first
    edits.append(every_edit(base)[1])
    _autosave_now(base, edits, view(), path)
    assert read_info(path + ".autosave")["saved_at_ns"] != first


def test_autosave_waits_for_the_gap(tmp_path, monkeypatch):
    monkeypatch.setattr(pa, "AUTOSAVE_GAP", 3600.0)
    base = corpus(3, 2)
    path = str(tmp_path / "p.tlproj")
    _autosave_now(base, [], view(), path)  # the first change is written at once
    first = read_info(path + ".autosave")["saved_at_ns"]
    _autosave_now(base, list(every_edit(base)), view(), path)  # too soon for another
    assert read_info(path + ".autosave")["saved_at_ns"] == first


def test_untitled_work_left_by_a_dead_process_is_recovered(tmp_path, monkeypatch):
    base = corpus(3, 2)
    edits = list(every_edit(base))
    _autosave_now(base, edits, view(), None)
    mine = pa.autosave_file(None)
    assert os.path.exists(mine)
    crashed = os.path.join(os.path.dirname(mine), "untitled-999999999-1.tlproj.autosave")
    os.replace(mine, crashed)
    monkeypatch.setattr(pa, "offer_recovery", lambda *a: True)
    project = pa.recover_untitled(None)
    assert project is not None and project.edits == tuple(edits)
    assert not os.path.exists(crashed) and os.path.exists(mine)
    pa.discard_autosave(None)
    assert not os.path.exists(mine)
    assert pa.recover_untitled(None) is None


def test_offscreen_never_blocks_on_the_recovery_question(qapp):
    assert pa.offer_recovery(None, __import__("datetime").datetime.now(), "x.tlproj") is False


def test_declining_recovery_of_a_damaged_project_keeps_the_autosave(tmp_path, monkeypatch):
    base = corpus(3, 2)
    path = str(tmp_path / "p.tlproj")
    pa.save(path, base, [], ViewState())
    _autosave_now(base, list(every_edit(base)), view(), path)
    with open(path, "r+b") as f:
        f.truncate(1000)
    monkeypatch.setattr(pa, "offer_recovery", lambda *a: False)
    with pytest.raises(ProjectError):
        pa.open_with_recovery(None, path)
    assert os.path.exists(path + ".autosave")  # the only good copy is not thrown away
