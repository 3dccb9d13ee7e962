"""Autosave and crash recovery, without Qt: where autosaves go, when one is due, what to offer.

An autosave is a complete project file written beside the project (`<name>.tlproj.autosave`) or,
for a project never saved, in a recovery folder (`untitled-<pid>-<time>.tlproj.autosave`). It is
written the same atomic way as a save and never replaces the project itself, so a user who did
not want the changes loses nothing by declining them. A clean save or close removes it; one still
there on the next open means the app did not close cleanly, and it is offered when it is newer
than the project.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from timeline_app.domain.project import Project
from timeline_app.store.errors import ProjectError
from timeline_app.store.projectfile import (
    read_info,
    read_project,
    remove_stale_temps,
    write_project,
)

AUTOSAVE_SUFFIX = ".autosave"
AUTOSAVE_INTERVAL = 30.0  # seconds: the most work a crash may cost


def autosave_path(project_path: str | os.PathLike | None, recovery_dir: str | os.PathLike,
                  session: str | None = None) -> str:
    """Where this window's autosave goes: beside the project, or in `recovery_dir` if untitled."""
    if project_path is not None:
        return os.fspath(project_path) + AUTOSAVE_SUFFIX
    session = session or f"{os.getpid()}-{time.time_ns()}"
    return os.path.join(os.fspath(recovery_dir), f"untitled-{session}.tlproj{AUTOSAVE_SUFFIX}")


def write_autosave(path: str | os.PathLike, project: Project,
                   project_path: str | os.PathLike | None = None) -> None:
    """Atomically write an autosave of `project`, remembering which project file it belongs to."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    extra = {"autosave_of": os.fspath(project_path)} if project_path else {}
    write_project(path, project, kind="autosave", extra_info=extra, replace_foreign=True)


def discard_autosave(path: str | os.PathLike) -> None:
    """Remove an autosave and any half-written one a killed process left beside it."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
    remove_stale_temps(Path(path))


@dataclass(frozen=True)
class Recovery:
    """Unsaved work found after a crash: the autosave file and the project it belongs to."""

    path: str
    project_path: str | None
    saved_at: datetime

    def load(self) -> Project:
        return read_project(self.path)

    def discard(self) -> None:
        discard_autosave(self.path)


def _saved_at_ns(path: str | os.PathLike) -> int | None:
    try:
        return int(read_info(path).get("saved_at_ns", "0"))
    except (ProjectError, OSError, ValueError):
        return None


def find_recovery(project_path: str | os.PathLike) -> Recovery | None:
    """The autosave of `project_path` when it holds work newer than the project file.

    An autosave older than the project (the app was killed between a save and removing the
    autosave) is not offered; an unreadable one is not offered either, and both are left on
    disk for the caller to discard.
    """
    candidate = os.fspath(project_path) + AUTOSAVE_SUFFIX
    if not os.path.exists(candidate):
        return None
    autosaved = _saved_at_ns(candidate)
    if autosaved is None:
        return None
    saved = _saved_at_ns(project_path) if os.path.exists(project_path) else None
    if saved is not None and saved >= autosaved:
        return None
    return Recovery(candidate, os.fspath(project_path), datetime.fromtimestamp(autosaved / 1e9))


def find_untitled_recoveries(recovery_dir: str | os.PathLike) -> list[Recovery]:
    """Autosaves of never-saved projects whose app is no longer running, newest first."""
    found = []
    folder = Path(recovery_dir)
    if not folder.is_dir():
        return []
    for path in folder.glob(f"untitled-*.tlproj{AUTOSAVE_SUFFIX}"):
        pid = path.name.split("-")[1]
        if pid.isdigit() and _running(int(pid)):
            continue
        autosaved = _saved_at_ns(path)
        if autosaved is not None:
            found.append(Recovery(str(path), None, datetime.fromtimestamp(autosaved / 1e9)))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class AutosavePolicy:
    """When to autosave: soon after the first change, then at most once per `interval`.

    Changes are counted, so a change made while an autosave is being written keeps the project
    dirty. The longest a change waits to be written is `interval` (plus the write itself).
    """

    def __init__(self, interval: float = AUTOSAVE_INTERVAL, settle: float = 2.0) -> None:
        self.interval = interval
        self.settle = min(settle, interval)
        self.generation = 0  # number of changes so far
        self.written_generation = 0
        self.first_unwritten: float | None = None  # when the oldest unwritten change happened
        self.last_write = float("-inf")

    @property
    def dirty(self) -> bool:
        return self.generation > self.written_generation

    def changed(self, now: float) -> None:
        self.generation += 1
        if self.first_unwritten is None:
            self.first_unwritten = now

    def due(self, now: float) -> bool:
        if not self.dirty or self.first_unwritten is None:
            return False
        return now >= max(self.last_write + self.interval, self.first_unwritten + self.settle)

    def written(self, generation: int, now: float) -> None:
        """An autosave (or save) holding changes up to `generation` has been written."""
        self.written_generation = max(self.written_generation, generation)
        self.last_write = now
        self.first_unwritten = None if not self.dirty else now

    def saved(self, generation: int, now: float) -> None:
        """A real save: same bookkeeping, and the next change may be autosaved promptly."""
        self.written(generation, now)
        self.last_write = float("-inf")
