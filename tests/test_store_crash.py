"""A process killed with SIGKILL at a random instant never costs a completed save or autosave.

The child process saves (or ingests and autosaves) in a loop and prints a line after each write
has returned; the test kills it at a random moment, then checks the file opens and holds at least
everything the last printed write held, as an exact prefix of what was written.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from timeline_app.store import (
    autosave_path,
    discard_autosave,
    find_recovery,
    load_project,
    save_project,
)

TESTS = Path(__file__).resolve().parent

CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[3])
from test_store_data import article, actors
import random
from timeline_app.domain import Corpus
from timeline_app.domain.edits import relations_from_events, DeleteEvent
from timeline_app.domain.project import Project
from timeline_app.store import save_project, write_autosave, autosave_path, AutosavePolicy

mode, path = sys.argv[1], sys.argv[2]
rng = random.Random(1)
arts, evs = [], []

def grow(n):
    for _ in range(n):
        a, e = article(len(arts), 8, rng)
        arts.append(a)
        evs.extend(e)

def snapshot():
    c = Corpus(articles=tuple(arts), actors=actors(), events=tuple(evs),
               relations=relations_from_events(evs))
    edits = tuple(DeleteEvent(f"gone{i}") for i in range(len(arts)))
    return Project(articles=c.articles, edits=edits, corpus=c)

grow(40)
save_project(path, snapshot())
print("saved", len(arts), flush=True)
if mode == "save":
    while True:
        grow(15)
        save_project(path, snapshot())
        print("saved", len(arts), flush=True)
else:
    policy = AutosavePolicy(interval=0.05, settle=0.0)
    target = autosave_path(path, "")
    while True:
        grow(1)  # one more article read and extracted
        policy.changed(time.monotonic())
        if policy.due(time.monotonic()):
            generation = policy.generation
            write_autosave(target, snapshot(), path)
            policy.written(generation, time.monotonic())
            print("autosaved", len(arts), flush=True)
"""


def _trial(tmp_path: Path, mode: str, rng: random.Random) -> None:
    path = tmp_path / f"crash-{mode}.tlproj"
    for stale in tmp_path.iterdir():
        stale.unlink()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(path), str(TESTS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lines: list[str] = []
    first = threading.Event()

    def read() -> None:
        for line in child.stdout:
            if line.endswith("\n"):  # a line torn by the kill reports nothing for certain
                lines.append(line.split())
                first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not first.wait(60):
            raise AssertionError(f"child wrote nothing: {child.stderr.read()}")
        time.sleep(rng.uniform(0.0, 0.6))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        reader.join(30)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    saved = max(int(n) for kind, n in lines if kind == "saved")
    project = load_project(path)
    assert len(project.articles) >= saved
    _assert_consistent(project)
    autosaved = [int(n) for kind, n in lines if kind == "autosaved"]
    if autosaved:
        recovery = find_recovery(path)
        assert recovery is not None, "an autosave completed but is not offered"
        recovered = recovery.load()
        assert len(recovered.articles) >= max(autosaved)
        _assert_consistent(recovered)
    discard_autosave(autosave_path(path, tmp_path))  # what declining or saving does
    save_project(path, project)  # the next save works and cleans up after the killed one
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".saving")]


def _assert_consistent(project) -> None:
    """The file holds one snapshot: n articles in order, with exactly their events and edits."""
    ids = [a.id for a in project.articles]
    assert ids == [f"a{i:06d}" for i in range(len(ids))]
    assert len(project.edits) == len(ids)
    assert len(project.corpus.events) == 8 * len(ids)
    assert {e.article for e in project.corpus.events} == set(ids)


@pytest.mark.parametrize("mode", ["save", "ingest"])
def test_sigkill_a_few_times(tmp_path, mode):
    rng = random.Random(f"fast-{mode}")
    for _ in range(3):
        _trial(tmp_path, mode, rng)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["save", "ingest"])
def test_sigkill_at_random_points(tmp_path, mode):
    rng = random.Random(f"slow-{mode}")
    for _ in range(50):
        _trial(tmp_path, mode, rng)
