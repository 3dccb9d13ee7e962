"""The File menu's side of project files: save, open with crash recovery, background autosave.

The main window keeps its own widgets and menus and calls these functions; everything about the
file itself (atomic writes, refusing damaged or newer files, recovery copies) is in
`timeline_app.store`. The window's timer calls `autosave` every `AUTOSAVE_MS`; the copy is
written on a background thread, at most every `AUTOSAVE_GAP` seconds and only when the work
changed, so a crash costs at most about 30 s of work and the window never waits for the disk.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from timeline_app.domain import Corpus
from timeline_app.domain.edits import Edit, SetPublished
from timeline_app.domain.project import Project, ViewState

AUTOSAVE_MS = 5_000  # how often the window's timer should call `autosave`
AUTOSAVE_GAP = 25.0  # seconds between autosave writes; plus the timer period: <= 30 s lost

_SESSION = f"{os.getpid()}-{time.time_ns()}"  # names this process's untitled autosave
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
_lock = threading.Lock()
_pending: Future | None = None
_last_key: tuple | None = None
_policy = None


def recovery_dir() -> str:
    """Where autosaves of never-saved projects go ($TIMELINE_APP_RECOVERY_DIR overrides)."""
    override = os.environ.get("TIMELINE_APP_RECOVERY_DIR")
    if override:
        return override
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return os.path.join(base or os.path.expanduser("~/.timeline-app"), "recovery")


def autosave_file(project_path: str | None) -> str:
    from timeline_app.store import autosave_path

    return autosave_path(project_path, recovery_dir(), _SESSION)


def make_project(base: Corpus, edits: Sequence[Edit], view: ViewState) -> Project:
    """What a save holds: the model's unedited corpus (`model.base`), its edits and the view."""
    return Project(articles=base.articles, errors=base.errors, edits=tuple(edits), view=view,
                   corpus=base)


# -- save and open ---------------------------------------------------------------------------

def save(path: str, base: Corpus, edits: Sequence[Edit], view: ViewState) -> None:
    """Save atomically, then drop the autosaves this work had. Raises ProjectError / OSError.

    `base` is `CorpusModel.base` (before edits): edits are replayed over it on opening.
    """
    from timeline_app.store import discard_autosave, save_project

    wait_for_autosave()  # a copy finishing after the save would look newer than it
    save_project(path, make_project(base, edits, view))
    discard_autosave(autosave_file(path))
    discard_autosave(autosave_file(None))  # the untitled copy, when this was Save As
    _forget_autosave()


def load(path: str) -> Project:
    """Read a project (raises ProjectError with a message to show as it is)."""
    from timeline_app.store import load_project

    return load_project(path)


def open_with_recovery(parent, path: str) -> tuple[Project, bool]:
    """Open `path`, offering its autosave when the app did not close cleanly last time.

    Returns the project and True when it is the recovered (unsaved) state: the window should
    then count it as unsaved work. A declined recovery is deleted; ProjectError propagates.
    """
    from timeline_app.store import find_recovery

    recovery = find_recovery(path)
    if recovery is not None and offer_recovery(parent, recovery.saved_at, path):
        with contextlib.suppress(Exception):  # an unreadable copy must not hide the project
            return recovery.load(), True
    project = load(path)  # raises for a damaged file: then the autosave is all there is; keep it
    if recovery is not None:
        recovery.discard()
    return project, False


def recover_untitled(parent) -> Project | None:
    """At start-up: offer the newest autosave of a never-saved project left by a crash."""
    from timeline_app.store import ProjectError, find_untitled_recoveries

    found = find_untitled_recoveries(recovery_dir())
    if not found:
        return None
    newest = found[0]
    project = None
    if offer_recovery(parent, newest.saved_at, None):
        try:
            project = newest.load()
        except ProjectError:
            project = None
    if project is not None:  # adopt it: our own autosaves now continue that work
        os.replace(newest.path, autosave_file(None))
    for other in found[1:] if project is not None else found:
        other.discard()
    return project


def offer_recovery(parent, saved_at, project_path: str | None) -> bool:
    """Ask whether to restore unsaved work; offscreen (tests, screenshots) answers no."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False
    name = os.path.basename(project_path) if project_path else "an unsaved project"
    box = QMessageBox(QMessageBox.Question, "Recover unsaved work",
                      f"Timeline App did not close normally. Restore the work on {name} "
                      f"autosaved at {saved_at:%H:%M:%S on %d %b %Y}?",
                      QMessageBox.Yes | QMessageBox.No, parent)
    box.setInformativeText("If you choose No the autosaved copy is deleted; the saved project "
                           "file is not changed either way.")
    box.setDefaultButton(QMessageBox.Yes)
    return box.exec() == QMessageBox.Yes


def base_and_edits(project: Project) -> tuple[Corpus, tuple[Edit, ...]]:
    """What `CorpusModel.set_corpus` takes; re-extracts only when the file has no cache."""
    if project.corpus is not None:
        return project.corpus, project.edits
    from timeline_app.pipeline import extract_corpus

    published = [e for e in project.edits if isinstance(e, SetPublished)]
    base = extract_corpus(project.articles, errors=project.errors, edits=published)
    return base, project.edits


# -- autosave --------------------------------------------------------------------------------

def autosave(base: Corpus, edits: Sequence[Edit], view: ViewState,
             project_path: str | None) -> None:
    """Write a recovery copy in the background when the work changed; returns at once.

    Call it from a timer every AUTOSAVE_MS while there is unsaved work. Errors of the previous
    write are raised here (once), so the window can show them in its status bar.
    """
    global _pending, _last_key, _policy
    from timeline_app.store import AutosavePolicy, write_autosave

    now = time.monotonic()
    with _lock:
        if _policy is None:
            _policy = AutosavePolicy(interval=AUTOSAVE_GAP, settle=0.0)
        done, _pending = (_pending, None) if _pending and _pending.done() else (None, _pending)
        key = (id(base), tuple(edits), view, project_path)
        if key != _last_key:
            _last_key = key
            _policy.changed(now)
        due = _pending is None and _policy.due(now)
        if due:
            policy, generation = _policy, _policy.generation
            project = make_project(base, edits, view)
            target = autosave_file(project_path)

            def write() -> None:
                from timeline_app.ui import workers

                with workers.as_a_job():  # the window keeps the GIL when it needs it
                    write_autosave(target, project, project_path)
                with _lock:
                    policy.written(generation, time.monotonic())

            _pending = _executor.submit(write)
    if done is not None:
        done.result()  # re-raises a failed write


def wait_for_autosave(timeout: float | None = 60.0) -> None:
    """Block until a running autosave has finished (before saving, closing, tests)."""
    with _lock:
        pending = _pending
    if pending is not None:
        with contextlib.suppress(Exception):  # the next autosave call reports a failure
            pending.result(timeout)


def discard_autosave(project_path: str | None) -> None:
    """The user closed or discarded the work: remove its recovery copy."""
    from timeline_app.store import discard_autosave as remove

    wait_for_autosave()
    remove(autosave_file(project_path))
    _forget_autosave()


def _forget_autosave() -> None:
    global _last_key, _policy
    with _lock:
        _last_key = None
        _policy = None
