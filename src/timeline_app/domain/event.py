"""Events and the relations they add up to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline_app.domain.timespan import UNDATED, TimeSpan

# Where an event's time came from.
TIME_FROM_EXPRESSION = "expression"
TIME_FROM_ARTICLE_DATE = "article_date"
# The time of the story being told: the last past date of the paragraph before the sentence
# ("In August 1990 Iraq invaded Kuwait. Saddam had accused it of ..."), marked approximate.
TIME_FROM_NARRATIVE = "narrative"
TIME_UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: an article and a character range of its text."""

    article: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when, and the sentence that says so.

    `span` is the sentence's range in the article text; `trigger` the words that made it an
    event of its type. `evidence` holds the other articles that report the same event when
    near-duplicate stories are merged.
    """

    id: str
    article: str
    type: str
    summary: str
    sentence: str
    span: tuple[int, int]
    actors: tuple[str, ...] = ()
    source: str | None = None
    target: str | None = None
    polarity: float = 0.0
    time: TimeSpan = UNDATED
    time_text: str = ""
    time_span: tuple[int, int] | None = None
    time_source: str = TIME_UNKNOWN
    trigger: tuple[int, int] | None = None
    co_sources: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def parties(self) -> tuple[str, ...]:
        """Who acts and who is acted upon: the lanes an event is drawn in. `actors` also holds
        everyone else its sentence names ("ratified Sweden's membership of NATO": NATO), which
        a search by actor finds, but China's lane must not show Russia's arms deliveries just
        because the sentence mentions China's veto. An occurrence's parties are its actors."""
        if self.source is None:
            return self.actors
        return tuple(dict.fromkeys(
            a for a in (self.source, self.target, *self.co_sources) if a is not None))


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, signed relationship between two actors, summed over its events.

    `start`/`end` bound the days the evidence speaks of; `open_end` when the latest evidence
    describes an ongoing state ("has been an ally since ...").
    """

    id: str
    source: str
    target: str
    type: str
    polarity: float
    start: date | None
    end: date | None
    events: tuple[str, ...] = ()
    open_end: bool = False
    approximate: bool = False
