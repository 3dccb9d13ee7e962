"""Shared test set-up: Qt offscreen, and where the read-only ../shared folder is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "resources" / "samples"
REFERENCE_ARTICLE = SHARED / "articles" / "russia-evacuation-2013-01-22.txt"
REFERENCE_GOLD = SHARED / "acceptance" / "russia-evacuation-2013-01-22.gold.json"


@pytest.fixture
def reference_article() -> Path:
    if not REFERENCE_ARTICLE.is_file():
        pytest.skip(f"../shared is absent ({REFERENCE_ARTICLE} not found)")
    return REFERENCE_ARTICLE


def pytest_sessionfinish(session, exitstatus) -> None:
    """Empty the clipboard before the interpreter exits.

    Qt's offscreen platform crashes (SIGSEGV) at exit when the clipboard still holds data that
    a test copied there; with nothing on it, teardown is clean. Real platforms hand the
    clipboard to the system and are not affected.
    """
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
