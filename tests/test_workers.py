"""Background jobs: the cycle collector is paused while they run and restored afterwards."""

from __future__ import annotations

import gc

import pytest

pytest.importorskip("pytestqt")

from timeline_app.ui import workers


def test_collector_paused_during_jobs_and_back_on_after(qtbot):
    seen = []
    job = workers.Job(lambda: seen.append(gc.isenabled()) or "done", takes_progress=False)
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as blocker:
        workers.start(job)
    assert blocker.args == ["done"]
    assert seen == [False]  # no full collection can stall the window mid-load
    qtbot.waitUntil(lambda: gc.isenabled(), timeout=5_000)
    assert gc.get_freeze_count() > 0  # what the load built stays out of later full passes
