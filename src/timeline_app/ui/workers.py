"""Background jobs on the global QThreadPool: reading, extraction and layout never block the GUI."""

from __future__ import annotations

import contextlib
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

PROGRESS_GAP = 0.05  # seconds between progress reports sent to the GUI thread


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
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
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


def start(job: Job) -> Job:
    QThreadPool.globalInstance().start(job)
    return job
