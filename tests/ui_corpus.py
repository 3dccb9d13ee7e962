"""A hand-built Corpus shaped like real extraction output, for UI and graph tests.

The texts are our own short sentences. Facts (who allied with whom, when) follow public
record; ids follow the pipeline's conventions so edits and selections behave as with real data.
"""

from __future__ import annotations

from datetime import date

from timeline_app.domain import (
    GROUP,
    ORGANISATION,
    PERSON,
    STATE,
    TIME_FROM_ARTICLE_DATE,
    TIME_FROM_EXPRESSION,
    Actor,
    Article,
    Corpus,
    Event,
    FileError,
)
from timeline_app.domain.edits import relations_from_events
from timeline_app.domain.timespan import DAY, MONTH, YEAR, TimeSpan

ACTORS = (
    Actor("russia", "Russia", STATE, ("Moscow", "Kremlin")),
    Actor("syria", "Syria", STATE, ("Damascus", "Syrian regime")),
    Actor("assad", "Bashar Assad", PERSON, ("Assad",), parent="syria"),
    Actor("putin", "Vladimir Putin", PERSON, ("Putin",), parent="russia"),
    Actor("china", "China", STATE, ("Beijing",)),
    Actor("usa", "United States", STATE, ("U.S.", "Washington")),
    Actor("nuland", "Victoria Nuland", PERSON, ("Nuland",), parent="usa"),
    Actor("un", "United Nations", ORGANISATION, ("UN", "Security Council")),
    Actor("lebanon", "Lebanon", STATE, ("Beirut",)),
    Actor("rebels", "Syrian rebels", GROUP, ("opposition fighters",)),
    Actor("turkey", "Turkey", STATE, ("Ankara",)),
)

TEXT_A = (
    "Moscow flew its citizens out of Syria on Tuesday as fighting neared the capital. "
    "Russia has backed Bashar Assad since the unrest began in March 2011. "
    "Russia sold weapons to Damascus throughout 2011. "
    "Russia and China vetoed a Security Council resolution on Syria in October 2011. "
    "In recent months Russia has distanced itself from Assad. "
    "Putin said last month that Syria needs change. "
    "The U.S. State Department criticised Damascus on Monday. "
    "Russian planes brought tents and food to Syria in the early afternoon. "
    "Lebanon opened its border for the evacuees on Tuesday."
)

TEXT_B = (
    "Turkey shelled rebel positions near the border on 3 October 2012. "
    "Syrian rebels attacked an army base in Aleppo in August 2012. "
    "The United Nations called for talks between Damascus and the rebels in February 2012. "
    "China vetoed a second resolution in February 2012. "
    "Victoria Nuland condemned the shelling of Homs on 6 February 2012."
)


def _span(text: str, sentence_start: str) -> tuple[int, int]:
    start = text.index(sentence_start)
    end = text.index(". ", start) + 1 if ". " in text[start:] else len(text)
    return start, end


def _time(kind: str, y: int, m: int = 1, d: int = 1, *, approx=False, open_end=False,
          end: date | None = None) -> TimeSpan:
    if kind == DAY:
        day = date(y, m, d)
        return TimeSpan(day.isoformat(), DAY, day, day)
    if kind == MONTH:
        first = date(y, m, 1)
        last = (date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1)
        return TimeSpan(f"{y}-{m:02d}", MONTH, first, end or date.fromordinal(last),
                        approximate=approx, open_end=open_end)
    return TimeSpan(str(y), YEAR, date(y, 1, 1), end or date(y, 12, 31), approximate=approx,
                    open_end=open_end)


def _event(article: str, text: str, starts: str, type_: str, source: str | None,
           target: str | None, polarity: float, time: TimeSpan, time_text: str,
           co: tuple[str, ...] = (), n: int = 0) -> Event:
    span = _span(text, starts)
    actors = tuple(dict.fromkeys(a for a in (source, *co, target) if a))
    t_start = text.find(time_text, span[0]) if time_text else -1
    return Event(
        id=f"e:{article}:{span[0]}-{span[1]}" + (f"#{n}" if n else ""),
        article=article, type=type_, summary=f"{source or '?'} {type_} {target or ''}".strip(),
        sentence=text[span[0]:span[1]], span=span, actors=actors, source=source,
        target=target, polarity=polarity, time=time, time_text=time_text,
        time_span=(t_start, t_start + len(time_text)) if t_start >= 0 else None,
        time_source=TIME_FROM_EXPRESSION if time_text else TIME_FROM_ARTICLE_DATE,
        co_sources=co,
    )


def article_events() -> list[Event]:
    a, b = "a1", "a2"
    pub = date(2013, 1, 22)
    return [
        _event(a, TEXT_A, "Moscow flew", "evacuation", "russia", "syria", 0.2,
               _time(DAY, 2013, 1, 22), "on Tuesday"),
        _event(a, TEXT_A, "Russia has backed", "alliance", "russia", "assad", 0.8,
               _time(MONTH, 2011, 3, open_end=True, end=pub), "since the unrest began in March"),
        _event(a, TEXT_A, "Russia sold", "arms_supply", "russia", "syria", 0.7,
               _time(YEAR, 2011), "throughout 2011"),
        _event(a, TEXT_A, "Russia and China vetoed", "veto_support", "russia", "assad", 0.6,
               _time(MONTH, 2011, 10), "in October 2011", co=("china",)),
        _event(a, TEXT_A, "In recent months", "distancing", "russia", "assad", -0.5,
               TimeSpan("PAST_REF", MONTH, date(2012, 8, 1), pub, approximate=True),
               "In recent months"),
        _event(a, TEXT_A, "Putin said", "statement", "putin", "syria", -0.2,
               _time(MONTH, 2012, 12), "last month"),
        _event(a, TEXT_A, "The U.S. State", "criticism", "usa", "syria", -0.6,
               _time(DAY, 2013, 1, 21), "on Monday"),
        _event(a, TEXT_A, "Russian planes", "humanitarian_aid", "russia", "syria", 0.7,
               TimeSpan("2013-01-22TAF", "part_of_day", pub, pub), "in the early afternoon"),
        _event(a, TEXT_A, "Lebanon opened", "support", "lebanon", None, 0.3,
               _time(DAY, 2013, 1, 22), "on Tuesday"),
        _event(b, TEXT_B, "Turkey shelled", "military_action", "turkey", "rebels", -0.9,
               _time(DAY, 2012, 10, 3), "on 3 October 2012"),
        _event(b, TEXT_B, "Syrian rebels attacked", "military_action", "rebels", "syria", -0.9,
               _time(MONTH, 2012, 8), "in August 2012"),
        _event(b, TEXT_B, "The United Nations", "negotiation", "un", "syria", 0.3,
               _time(MONTH, 2012, 2), "in February 2012"),
        _event(b, TEXT_B, "China vetoed", "veto_support", "china", "syria", 0.6,
               _time(MONTH, 2012, 2), "in February 2012"),
        _event(b, TEXT_B, "Victoria Nuland", "condemnation", "nuland", "syria", -0.8,
               _time(DAY, 2012, 2, 6), "on 6 February 2012"),
    ]


def background_events() -> list[Event]:
    """Events from articles not in the corpus text: enough volume for lanes and thinning."""
    out = []
    rows = [
        ("usa", "russia", "sanctions", -0.7), ("russia", "usa", "criticism", -0.5),
        ("un", "syria", "humanitarian_aid", 0.6), ("turkey", "syria", "threat", -0.6),
        ("usa", "rebels", "support", 0.5), ("china", "russia", "meeting", 0.4),
        ("russia", "turkey", "negotiation", 0.3), ("lebanon", "syria", "accusation", -0.4),
    ]
    for i in range(24):
        src, tgt, typ, pol = rows[i % len(rows)]
        y, m, d = 2011 + (i % 3), 1 + (i * 5) % 12, 1 + (i * 7) % 27
        time = _time(DAY, y, m, d) if i % 3 else _time(MONTH, y, m, approx=(i % 4 == 0))
        out.append(Event(
            id=f"e:bg:{i}", article="a2", type=typ, summary=f"{src} {typ} {tgt}",
            sentence=TEXT_B[:60], span=(0, 60), actors=(src, tgt), source=src, target=tgt,
            polarity=pol, time=time, time_text=time.value, time_source=TIME_FROM_EXPRESSION,
        ))
    return out


def make_corpus() -> Corpus:
    """~11 actors, 38 events (day, month, year, approximate and open periods), 2 articles."""
    events = [*article_events(), *background_events()]
    articles = (
        Article("a1", "/tmp/russia-evacuation.txt", "Russia flies citizens out of Syria",
                TEXT_A, date(2013, 1, 22), "given"),
        Article("a2", "/tmp/syria-2012.txt", "A year of war in Syria", TEXT_B, None),
    )
    return Corpus(
        articles=articles,
        actors=ACTORS,
        events=tuple(events),
        relations=relations_from_events(events),
        errors=(FileError("/tmp/broken.pdf", "not a readable PDF (file is damaged)"),),
    )
