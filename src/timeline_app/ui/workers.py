"""Background jobs on the global QThreadPool: reading, extraction and layout never block the GUI."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal

PROGRESS_GAP = 0.1  # seconds between progress reports: each one repaints part of the window
WORKER_NICE = 10  # background threads yield the cores to the GUI thread
GIL_SWITCH_S = 0.001  # while jobs run: how long the GUI thread may wait for the GIL
_local = threading.local()
_lock = threading.Lock()
_running = 0  # jobs inside their run()
_pending = 0  # jobs started and not yet done (queued, waiting for the pool, or running)
_saved_interval = 0.005
_collector_was_on = True


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs `fn(progress=..., cancelled=...)`; results come back through queued signals.

    The signals object is owned by the GUI thread, so slots run there even though `run`
    executes on a pool thread.
    """

    def __init__(self, fn: Callable[..., Any], *, takes_progress: bool = True) -> None:
        super().__init__()
        self.fn = fn
        self.takes_progress = takes_progress
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.started = False  # by start(): counted in busy() until it has run
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        global _pending
        try:
            self._run()
        finally:
            if self.started:
                with _lock:
                    _pending -= 1

    def _run(self) -> None:
        _yield_to_gui()
        with _gui_gets_the_gil():
            try:
                if self.takes_progress:
                    result = self.fn(progress=self._progress, cancelled=self._cancel.is_set)
                else:
                    result = self.fn()
            except Exception as exc:  # reported to the user as a per-file error, never a crash
                traceback.print_exc()
                self._emit(self.signals.failed, f"{type(exc).__name__}: {exc}")
                return
        self._emit(self.signals.finished, result)

    def _progress(self, done: int, total: int, path: str) -> None:
        """At most one progress report per PROGRESS_GAP seconds reaches the GUI thread.

        Qt delivers every queued signal before the next timer or paint: a thousand files read
        in a second would otherwise queue a thousand reports and freeze the window for as long
        as it takes to show them all.
        """
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_GAP:
            return
        self._last_progress = now
        with contextlib.suppress(RuntimeError):
            self.signals.progress.emit(done, total, path)

    @staticmethod
    def _emit(signal, value) -> None:
        # RuntimeError: the window closed while the job ran, so nobody is listening.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def _yield_to_gui() -> None:
    """Lower this pool thread's scheduling priority (Linux, macOS; once per thread).

    On a busy machine the window's thread then gets the cores first: a job runs a little
    longer, but the window never waits for a core behind its own background work.
    """
    if getattr(_local, "lowered", False):
        return
    _local.lowered = True
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)


@contextlib.contextmanager
def _gui_gets_the_gil():
    """While any job runs, Python hands the GIL over every GIL_SWITCH_S instead of 5 ms.

    Each event the window handles in Python (slots, paint code, event filters) must first
    take the GIL from the busy worker, waiting up to the switch interval every time; one
    repaint enters Python a dozen times, so at 5 ms the window stalled for 100 ms and more.
    """
    global _running, _saved_interval, _collector_was_on
    with _lock:
        _running += 1
        if _running == 1:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, GIL_SWITCH_S))
            # A full pass of the cycle collector holds the GIL for 30-100 ms once a corpus of
            # tens of thousands of events is alive, and jobs build exactly such object
            # graphs (acyclic: reference counting frees them). Pause it while jobs run ...
            _collector_was_on = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                sys.setswitchinterval(_saved_interval)
                if _collector_was_on:
                    # ... and afterwards leave what is alive now out of later full passes, so
                    # the first collection after a load does not stall the window instead.
                    gc.freeze()
                    gc.enable()


@contextlib.contextmanager
def as_a_job():
    """Run the enclosed work of a background thread (not the GUI's) the way jobs run:
    at lower priority, handing the GIL to the window within GIL_SWITCH_S, no cycle
    collection meanwhile."""
    _yield_to_gui()
    with _gui_gets_the_gil():
        yield


def busy() -> bool:
    """Whether jobs are started and not done (their Python competes with the window's)."""
    return _pending > 0


def start(job: Job) -> Job:
    """Run `job` on the pool once the window has repainted what the current turn changed.

    A slot that starts jobs usually changes what the window shows too (a loaded corpus
    starts the timeline's rows and the graph's layout); started at once, the jobs took the
    GIL from the repaint that follows, and that turn took several times as long.
    """
    global _starter, _pending
    with _lock:
        _pending += 1
    job.started = True
    if _starter is None:
        _starter = _Starter()
    _starter.add(job)
    return job


class _Starter(QObject):
    """Hands queued jobs to the pool two passes of posted events later.

    Qt paints in response to an UpdateRequest posted (at low priority) during the turn that
    changed something, and handles events posted while it works through its queue in the
    next pass only. So the second low-priority event comes after that repaint, whichever
    was posted first.
    """

    EVENT = QEvent.Type(QEvent.registerEventType())

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[Job] = []
        self.hops = 0

    def add(self, job: Job) -> None:
        self.jobs.append(job)
        if self.hops == 0:
            self.hops = 2
            self._post()

    def _post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(self.EVENT), Qt.LowEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if event.type() != self.EVENT:
            return super().event(event)
        self.hops -= 1
        if self.hops > 0:
            self._post()
            return True
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            QThreadPool.globalInstance().start(job)
        return True


_starter: _Starter | None = None
