"""When autosaves are written, which one is offered after a crash, and odd values round trip."""

from __future__ import annotations

import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from test_store_data import corpus, every_edit
from timeline_app.domain.edits import (
    ChangeEventActors,
    ChangeEventTime,
    ChangeEventType,
    RenameActor,
    SetPublished,
)
from timeline_app.domain.project import Project
from timeline_app.domain.timespan import GRANULARITIES, TimeSpan
from timeline_app.store import (
    AutosavePolicy,
    autosave_path,
    find_recovery,
    find_untitled_recoveries,
    load_project,
    save_project,
    write_autosave,
)


def test_policy_writes_soon_after_a_change_then_at_most_every_interval():
    policy = AutosavePolicy(interval=30.0, settle=2.0)
    assert not policy.due(0.0)  # nothing changed
    policy.changed(100.0)
    assert not policy.due(101.0)  # let a burst of edits settle
    assert policy.due(102.0)
    generation = policy.generation
    policy.written(generation, 102.0)
    assert not policy.dirty and not policy.due(500.0)
    policy.changed(103.0)
    assert not policy.due(131.0)  # too soon after the last write
    assert policy.due(132.0)  # ... but never more than the interval after it


def test_a_change_during_a_write_keeps_the_work_dirty():
    policy = AutosavePolicy(interval=30.0, settle=0.0)
    policy.changed(0.0)
    generation = policy.generation
    policy.changed(1.0)  # made while the autosave of `generation` was being written
    policy.written(generation, 2.0)
    assert policy.dirty
    assert policy.due(32.0)


def test_autosave_older_than_the_save_is_not_offered(tmp_path):
    c = corpus(3, 2)
    path = tmp_path / "p.tlproj"
    sidecar = autosave_path(path, tmp_path)
    write_autosave(sidecar, Project(articles=c.articles[:1]), path)
    save_project(path, Project(articles=c.articles))  # killed before removing the autosave
    assert find_recovery(path) is None
    write_autosave(sidecar, Project(articles=c.articles[:2]), path)
    recovery = find_recovery(path)
    assert recovery is not None and recovery.project_path == str(path)
    assert len(recovery.load().articles) == 2
    assert len(load_project(path).articles) == 3  # the project itself is never touched


def test_autosave_of_a_project_never_saved_is_found_after_a_crash(tmp_path):
    c = corpus(3, 2)
    mine = autosave_path(None, tmp_path, f"{os.getpid()}-1")
    write_autosave(mine, Project(articles=c.articles))
    assert find_untitled_recoveries(tmp_path) == []  # this process is alive: not a crash
    dead = autosave_path(None, tmp_path, "999999999-2")
    os.replace(mine, dead)
    found = find_untitled_recoveries(tmp_path)
    assert [r.path for r in found] == [dead]
    assert found[0].load().articles == c.articles


def test_unreadable_autosave_is_not_offered(tmp_path):
    path = tmp_path / "p.tlproj"
    save_project(path, Project())
    (tmp_path / "p.tlproj.autosave").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert find_recovery(path) is None


texts = st.text(max_size=12)
days = st.dates(min_value=date(1, 1, 2), max_value=date(9999, 12, 30))
spans = st.builds(TimeSpan, value=texts, granularity=st.sampled_from(GRANULARITIES),
                  start=st.none() | days, end=st.none() | days, approximate=st.booleans(),
                  open_end=st.booleans(), mod=st.none() | texts)
edits = st.one_of(
    st.builds(RenameActor, texts, texts),
    st.builds(ChangeEventType, texts, texts, st.none() | st.floats(-1, 1)),
    st.builds(ChangeEventTime, texts, spans, texts),
    st.builds(ChangeEventActors, texts, st.lists(texts, max_size=3).map(tuple),
              st.none() | texts, st.none() | texts),
    st.builds(SetPublished, texts, days),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(edits, max_size=6))
def test_any_edits_round_trip(tmp_path_factory, found):
    path = tmp_path_factory.mktemp("h") / "h.tlproj"
    base = corpus(3, 2)
    save_project(path, Project(articles=base.articles, edits=(*every_edit(base), *found)))
    assert load_project(path).edits == (*every_edit(base), *found)
