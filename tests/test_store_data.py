"""Synthetic projects for the store tests and bench/project_scale.py.

Hand-built domain objects (no extraction), deterministic for a seed, using every field the
project file has to keep: evidence, triggers, co-sources, open and approximate spans, metadata,
ignored ranges, time expressions, sentences that are and are not slices of the article text.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from timeline_app.domain import (
    GOVERNMENT,
    PERSON,
    STATE,
    TIME_FROM_ARTICLE_DATE,
    TIME_FROM_EXPRESSION,
    TIME_UNKNOWN,
    UNDATED,
    Actor,
    Article,
    Corpus,
    Event,
    Evidence,
    FileError,
    TimeExpression,
)
from timeline_app.domain.edits import (
    ChangeEventActors,
    ChangeEventTime,
    ChangeEventType,
    DeleteEvent,
    MergeActors,
    RenameActor,
    SetPublished,
    relations_from_events,
)
from timeline_app.domain.project import Project, ViewState
from timeline_app.domain.timespan import DAY, MONTH, YEAR, TimeSpan

STATES = ["russia", "syria", "france", "china", "turkey", "iran", "egypt", "qatar", "jordan",
          "lebanon", "israel", "usa", "uk", "germany", "iraq", "saudi"]
TYPES = ["alliance", "arms_supply", "veto_support", "criticism", "evacuation", "meeting",
         "statement", "sanctions", "humanitarian_aid", "negotiation"]
SENTENCE = ("{a} and {b} were reported on {d} to have agreed on a {t} plan after talks "
            "that lasted several hours in the capital, officials said. ")


def actors() -> tuple[Actor, ...]:
    people = [Actor(f"leader_{s}", f"Leader of {s.title()}", PERSON, (f"{s} leader",), s)
              for s in STATES[:4]]
    states = [Actor(s, s.title(), STATE, (f"{s.title()}n government", "Capital")) for s in STATES]
    return (*states, *people, Actor("gov_syria", "Syrian government", GOVERNMENT, (), "syria"))


def article(index: int, n_events: int, rng: random.Random) -> tuple[Article, list[Event]]:
    """One article of `n_events` sentences and the events read from them."""
    aid = f"a{index:06d}"
    published = date(2011, 1, 1) + timedelta(days=index % 1500)
    parts: list[str] = [f"Title {index}\n\n"]
    events: list[Event] = []
    expressions: list[TimeExpression] = []
    pos = len(parts[0])
    for k in range(n_events):
        a, b = rng.sample(STATES, 2)
        day = published - timedelta(days=rng.randrange(30))
        typ = TYPES[(index + k) % len(TYPES)]
        sentence = SENTENCE.format(a=a.title(), b=b.title(), d=day.isoformat(), t=typ)
        start, end = pos, pos + len(sentence) - 1
        d0 = start + sentence.index(day.isoformat())
        time_span = (d0, d0 + 10)
        kind = k % 4
        if kind == 0:
            time = TimeSpan(day.isoformat(), DAY, day, day)
        elif kind == 1:
            month = day.replace(day=1)
            time = TimeSpan(day.isoformat()[:7], MONTH, month, month + timedelta(days=27),
                            approximate=True, mod="START")
        elif kind == 2:
            time = TimeSpan(str(day.year), YEAR, date(day.year, 1, 1), published, open_end=True)
        else:
            time = UNDATED
        if kind != 3:
            expressions.append(TimeExpression(day.isoformat(), time_span, "DATE", time,
                                              relative=kind == 1))
        events.append(Event(
            id=f"{aid}:{start + 5}", article=aid, type=typ,
            summary=f"{a.title()} {typ.replace('_', ' ')} {b.title()}",
            sentence=sentence[:-1] if k % 7 else sentence.upper(),  # some not a plain slice
            span=(start, end), actors=(a, b), source=a, target=b,
            polarity=round(rng.uniform(-1, 1), 3), time=time,
            time_text=day.isoformat() if kind != 3 else "",
            time_span=time_span if kind != 3 else None,
            time_source=(TIME_FROM_EXPRESSION, TIME_FROM_ARTICLE_DATE, TIME_FROM_EXPRESSION,
                         TIME_UNKNOWN)[kind],
            trigger=(start + 5, start + 12) if k % 5 else None,
            co_sources=("leader_russia",) if k % 11 == 3 else (),
            evidence=(Evidence(f"a{index + 1:06d}", (3, 40)),) if k % 13 == 4 else (),
        ))
        parts.append(sentence)
        pos = end + 1
    text = "".join(parts)
    art = Article(
        id=aid, path=f"/data/news/{aid}.txt", title=f"Title {index}", text=text,
        published=published if index % 9 else None,
        published_source="dateline" if index % 9 else "unknown",
        ignored=((0, 6),) if index % 3 == 0 else (),
        time_expressions=tuple(expressions),
        meta={"author": f"Reporter {index % 17}", "outlet": "Example Wire"} if index % 2 else {},
    )
    return art, events


def corpus(n_articles: int, events_per_article: int, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    arts, evs = [], []
    for i in range(n_articles):
        art, events = article(i, events_per_article, rng)
        arts.append(art)
        evs.extend(events)
    return Corpus(
        articles=tuple(arts), actors=actors(), events=tuple(evs),
        relations=relations_from_events(evs),
        errors=(FileError("/data/news/broken.pdf", "could not read PDF: no text layer"),),
    )


def every_edit(c: Corpus) -> tuple:
    """One edit of each kind, naming things that exist in `c`."""
    e0, e1, e2, e3, e4 = c.events[:5]
    return (
        RenameActor("russia", "Russian Federation"),
        MergeActors(keep="syria", drop="gov_syria"),
        ChangeEventType(e0.id, "condemnation", -0.8),
        ChangeEventType(e1.id, "meeting"),
        ChangeEventTime(e2.id, TimeSpan("2012-06", MONTH, date(2012, 6, 1), date(2012, 6, 30),
                                        approximate=True, mod="MID"), "mid-June 2012"),
        ChangeEventActors(e3.id, ("france", "syria"), "france", None),
        DeleteEvent(e4.id),
        SetPublished(c.articles[0].id, date(2013, 1, 22)),
    )


def view() -> ViewState:
    return ViewState(
        time_window=(date(2011, 3, 1), date(2013, 2, 1)), lanes="relation", fold_people=True,
        graph_positions={"russia": (1.5, -2.25), "syria": (0.0, 3.0)},
        selection=("a000001:5",), window_geometry=b"\x01\xd9\xd0\xcb\x00geometry",
        window_state=b"\x00\x00\x00\xffstate", theme="dark",
    )


def project(n_articles: int = 12, events_per_article: int = 6, seed: int = 7) -> Project:
    c = corpus(n_articles, events_per_article, seed)
    return Project(articles=c.articles, errors=c.errors, edits=every_edit(c), view=view(),
                   corpus=c)


def test_builder_spans_point_at_their_text():
    c = corpus(5, 8)
    texts = {a.id: a.text for a in c.articles}
    for ev in c.events:
        piece = texts[ev.article][slice(*ev.span)]
        assert ev.sentence.rstrip() in (piece, piece.upper())
        assert ev.time_span is None or texts[ev.article][slice(*ev.time_span)] == ev.time_text
