"""Counts and series a reader asks for: who is most active, how a pair's relation turned."""

from __future__ import annotations

from collections import Counter
from datetime import date

from timeline_app.domain import Corpus
from timeline_app.graph.build import pair_events


def event_counts(corpus: Corpus) -> Counter:
    """Events per actor id (an event counts once for each actor it names)."""
    counts: Counter = Counter()
    for ev in corpus.events:
        for actor_id in set(ev.actors):
            counts[actor_id] += 1
    return counts


def polarity_series(
    corpus: Corpus, a: str, b: str, *, fold_people: bool = False
) -> list[tuple[date, date, float, str]]:
    """(start, end, polarity, type) of each dated event between a and b, oldest first.

    Drawn as a strip under the timeline it shows a relation turning, e.g. alliance and veto
    support (positive) from 2011, then distancing (negative).
    """
    series = []
    for ev in pair_events(corpus, a, b, fold_people=fold_people):
        if ev.time.start is not None and ev.time.end is not None:
            series.append((ev.time.start, ev.time.end, ev.polarity, ev.type))
    return series
