"""The loaded data and the user's edits; every view redraws from `corpus_changed`.

The base corpus is what extraction produced; the shown corpus is the base with the edit list
replayed (domain.edits.apply_edits). Keeping edits as a list means undo is "drop the last
one", and re-extraction (new files, a publication date set by hand) keeps every correction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject, Signal

from timeline_app.domain import Article, Corpus, FileError
from timeline_app.domain.edits import Edit, SetPublished, apply_edits
from timeline_app.ui import workers

Extractor = Callable[..., Corpus]
LARGE = 3000  # events: from here on, list views refill in their own turn of the event loop


REFILL_GAP_MS = 15  # between two deferred refills: time for the window to paint and respond
REFILL_HOLD_S = 1.0  # the longest deferred refills wait for background jobs


def connect_refill(model: CorpusModel, slot: Callable[[], None]) -> None:
    """Call `slot` when the corpus changes; for large corpora in a later event-loop turn.

    Large refills are queued and run one per turn, REFILL_GAP_MS apart, so the window
    paints and answers input between them and never freezes for the sum of them; small
    corpora (and the tests) see every view updated at once.
    """

    def changed() -> None:
        if len(model.corpus.events) >= LARGE:
            _REFILLS.wait_for_jobs()
            _REFILLS.add(slot)
        else:
            slot()

    model.corpus_changed.connect(changed)


def later(step: Callable[[], None], owner=None) -> None:
    """Run `step` in its own turn of the event loop, queued behind other deferred refills.

    For results of background jobs that are heavy to apply (a view's new rows): applied
    one at a time, the window keeps painting and answering between them. Skipped if
    `owner` (a QObject) has been deleted meanwhile.
    """
    _REFILLS.add(step, owner)


class _RefillQueue:
    """Deferred refills, run one at a time; a view queued twice refills once.

    After a large corpus changes, refills (and the results of the jobs it starts: timeline
    rows, graph layout) wait while background jobs run, up to REFILL_HOLD_S: on a loaded
    machine a refill competing with a job for the interpreter lock took two to four times
    its own time, the window's longest stalls. Refilled a few tenths of a second later, the
    views show the same; a long job (the layout of thousands of actors) delays them by
    REFILL_HOLD_S at most, and later changes (lanes, folding) do not wait at all.
    """

    def __init__(self) -> None:
        self.pending: list[tuple[Callable[[], None], object]] = []
        self.scheduled = False
        self.hold_until = 0.0

    def wait_for_jobs(self) -> None:
        """Hold the queue while jobs run, for at most REFILL_HOLD_S from now."""
        self.hold_until = time.monotonic() + REFILL_HOLD_S

    def add(self, slot: Callable[[], None], owner=None) -> None:
        owner = owner if owner is not None else getattr(slot, "__self__", None)
        if all(slot != queued for queued, _ in self.pending):
            self.pending.append((slot, owner))
        self._schedule(REFILL_GAP_MS)  # a timer: QTimer(0) would run before any other timer

    def _schedule(self, delay: int) -> None:
        from PySide6.QtCore import QTimer

        if not self.scheduled and self.pending:
            self.scheduled = True
            QTimer.singleShot(delay, self._run_one)

    def _run_one(self) -> None:
        self.scheduled = False
        if not self.pending:
            return
        if workers.busy() and time.monotonic() < self.hold_until:
            self._schedule(REFILL_GAP_MS)
            return
        slot, owner = self.pending.pop(0)
        try:
            if owner is None or _alive(owner):  # never call into a deleted view
                slot()
        finally:
            self._schedule(REFILL_GAP_MS)


def refills_pending() -> bool:
    """Whether deferred refills are still queued (the window is not idle until they ran)."""
    return bool(_REFILLS.pending)


def _alive(owner) -> bool:
    try:
        from shiboken6 import isValid
    except ImportError:  # pragma: no cover - shiboken6 ships with PySide6
        return True
    return isValid(owner)


_REFILLS = _RefillQueue()


def _default_extractor(articles, *, errors=(), edits=()) -> Corpus:
    from timeline_app.pipeline import extract_corpus

    return extract_corpus(articles, errors=errors, edits=edits)


class CorpusModel(QObject):
    corpus_changed = Signal()

    def __init__(self, parent: QObject | None = None,
                 extractor: Extractor | None = None) -> None:
        super().__init__(parent)
        self.base = Corpus()
        self.corpus = Corpus()
        self.edits: list[Edit] = []
        self.extractor = extractor or _default_extractor
        self._original: dict[str, date | None] = {}

    # -- loading -------------------------------------------------------------------------------
    def set_corpus(self, corpus: Corpus, edits: Sequence[Edit] = ()) -> None:
        self.base = corpus
        self.edits = list(edits)
        self._original.clear()
        self._refresh()

    def add_corpus(self, corpus: Corpus) -> None:
        """Files dropped onto a window that already shows others join them."""
        if not self.base.articles and not self.base.errors:
            self.set_corpus(corpus, self.edits)
            return
        from timeline_app.pipeline import merge_corpora

        # An article read again replaces its old version entirely: events that extraction no
        # longer finds must not linger (the user's edits are replayed over the new ones).
        again = {a.id for a in corpus.articles}
        kept = Corpus(self.base.articles, self.base.actors,
                      tuple(e for e in self.base.events if e.article not in again),
                      (), self.base.errors)
        merged = merge_corpora([kept, corpus])
        errors = tuple(dict.fromkeys(merged.errors))  # the same bad file dropped twice: once
        self.base = Corpus(merged.articles, merged.actors, merged.events, merged.relations,
                           errors)
        self._refresh()

    def add_errors(self, errors: Sequence[FileError]) -> None:
        self.base = Corpus(self.base.articles, self.base.actors, self.base.events,
                           self.base.relations, (*self.base.errors, *errors))
        self._refresh()

    # -- edits -------------------------------------------------------------------------------
    def push_edit(self, edit: Edit) -> None:
        self.edits.append(edit)
        if isinstance(edit, SetPublished):
            self._reextract(edit.article)
        self._refresh()

    def pop_edit(self, edit: Edit) -> None:
        """Undo: remove the latest occurrence of `edit` and replay the rest."""
        for i in range(len(self.edits) - 1, -1, -1):
            if self.edits[i] == edit:
                del self.edits[i]
                break
        if isinstance(edit, SetPublished):
            self._reextract(edit.article)
        self._refresh()

    def _reextract(self, article_id: str) -> None:
        """Re-run extraction of one article with its (new or restored) publication date."""
        article = self.base.article(article_id)
        if article is None:
            return
        self._original.setdefault(article_id, article.published)
        if not any(isinstance(e, SetPublished) and e.article == article_id for e in self.edits):
            article = _with_published(article, self._original[article_id])
        published = [e for e in self.edits if isinstance(e, SetPublished)]
        fresh = self.extractor([article], edits=published)
        kept_events = tuple(e for e in self.base.events if e.article != article_id)
        from timeline_app.domain.edits import relations_from_events

        articles = tuple(
            next((a for a in fresh.articles if a.id == article_id), article)
            if a.id == article_id else a
            for a in self.base.articles
        )
        actors = {a.id: a for a in self.base.actors}
        for actor in fresh.actors:
            actors.setdefault(actor.id, actor)
        events = (*kept_events, *fresh.events)
        self.base = Corpus(articles, tuple(actors.values()), events,
                           relations_from_events(events), self.base.errors)

    def _refresh(self) -> None:
        self.corpus = apply_edits(self.base, self.edits) if self.edits else self.base
        self.corpus_changed.emit()

    # -- questions the views ask ----------------------------------------------------------------
    def undated_articles(self) -> list[Article]:
        return [a for a in self.corpus.articles if a.published is None]

    def date_range(self) -> tuple[date, date] | None:
        starts = [e.time.start for e in self.corpus.events if e.time.start]
        ends = [e.time.end for e in self.corpus.events if e.time.end]
        if not starts:
            return None
        return min(starts), max(ends)


def _with_published(article: Article, published: date | None) -> Article:
    from dataclasses import replace

    from timeline_app.domain import PUBLISHED_UNKNOWN

    return replace(article, published=published,
                   published_source=article.published_source if published else PUBLISHED_UNKNOWN)
