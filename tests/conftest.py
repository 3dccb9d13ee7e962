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


@pytest.fixture(scope="session")
def lexicon():
    """The shipped actor lexicon, loaded once for every test that reads actors."""
    from timeline_app.extract.actors import load_actor_lexicon

    return load_actor_lexicon()


def find_checked(lexicon, text: str, published=None):
    """find_actors, checking the evidence contract every caller relies on: each mention's
    span is its text."""
    from timeline_app.extract.actors import find_actors

    found = find_actors(text, lexicon, published=published)
    for mention in found.mentions:
        assert text[mention.span[0]:mention.span[1]] == mention.text
    return found


def actor_pairs(found) -> list[tuple[str, str]]:
    return [(m.actor, m.text) for m in found.mentions]


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
