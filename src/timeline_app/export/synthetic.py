"""Synthetic corpora of any size, for export benchmarks and crowding tests.

Real articles give a few dozen events; a report of a year's coverage gives tens of thousands.
This makes such a corpus from domain objects alone (no extraction), with the mix of times a
timeline has to draw: days, months, years, fuzzy spans and open periods.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from timeline_app.domain import (
    PERSON,
    STATE,
    TIME_FROM_EXPRESSION,
    Actor,
    Article,
    Corpus,
    Event,
)
from timeline_app.domain.edits import relations_from_events
from timeline_app.domain.timespan import DAY, MONTH, YEAR, TimeSpan

TYPES = (("alliance", 0.8), ("support", 0.6), ("negotiation", 0.3), ("statement", 0.0),
         ("criticism", -0.5), ("sanctions", -0.7), ("military_action", -0.9),
         ("distancing", -0.5), ("humanitarian_aid", 0.5), ("veto_support", 0.7))


def synthetic_corpus(n_events: int, *, lanes: int = 40, seed: int = 1,
                     first: date = date(1995, 1, 1), last: date = date(2024, 12, 31)) -> Corpus:
    rng = random.Random(seed)
    actors = tuple(
        Actor(f"a{i}", f"Actor {i} {'Republic' if i % 3 else 'Minister'}",
              STATE if i % 3 else PERSON)
        for i in range(lanes)
    )
    span_days = (last - first).days
    published = last + timedelta(days=1)
    events = []
    for i in range(n_events):
        src = f"a{min(lanes - 1, int(rng.paretovariate(1.2)) - 1)}"
        tgt = f"a{rng.randrange(lanes)}"
        if tgt == src:
            tgt = f"a{(int(src[1:]) + 1) % lanes}"
        type_, polarity = TYPES[rng.randrange(len(TYPES))]
        start = first + timedelta(days=rng.randrange(span_days))
        kind = rng.random()
        if kind < 0.6:
            time = TimeSpan(start.isoformat(), DAY, start, start)
        elif kind < 0.85:
            month_end = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
            time = TimeSpan(start.strftime("%Y-%m"), MONTH, start.replace(day=1),
                            month_end - timedelta(days=1))
        elif kind < 0.92:
            time = TimeSpan(str(start.year), YEAR, date(start.year, 1, 1),
                            date(start.year, 12, 31))
        elif kind < 0.97:
            end = start + timedelta(days=rng.randrange(30, 200))
            time = TimeSpan("PXM", "duration", start, end,
                            approximate=True)
        else:
            time = TimeSpan(start.strftime("%Y-%m"), MONTH, start.replace(day=1), published,
                            open_end=True)
        events.append(Event(
            id=f"s:{i}", article="s", type=type_,
            summary=f"Actor {src[1:]} {type_.replace('_', ' ')} Actor {tgt[1:]} (event {i})",
            sentence=f"Synthetic sentence {i}.", span=(0, 10), actors=(src, tgt), source=src,
            target=tgt, polarity=polarity, time=time, time_text=time.value,
            time_source=TIME_FROM_EXPRESSION,
        ))
    article = Article("s", "synthetic.txt", "Synthetic coverage", "", published, "given")
    return Corpus(articles=(article,), actors=actors, events=tuple(events),
                  relations=relations_from_events(events))
