"""Time values as TimeML writes them, plus the day range a timeline needs to draw them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Granularities, coarsest first. A timeline draws anything coarser than a day as a span.
CENTURY = "century"
DECADE = "decade"
YEAR = "year"
HALF = "half"
QUARTER = "quarter"
SEASON = "season"
MONTH = "month"
WEEK = "week"
DAY = "day"
PART_OF_DAY = "part_of_day"
TIME = "time"
DURATION = "duration"
SET = "set"
REFERENCE = "reference"  # PRESENT_REF, PAST_REF, FUTURE_REF
UNKNOWN = "unknown"  # underspecified (XXXX-03) or unresolved relative expression

GRANULARITIES = (
    CENTURY, DECADE, YEAR, HALF, QUARTER, SEASON, MONTH, WEEK, DAY, PART_OF_DAY, TIME,
    DURATION, SET, REFERENCE, UNKNOWN,
)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A normalised time: the TIMEX3 value and the inclusive day range it covers.

    `start`/`end` are None when the value cannot be placed on a calendar (a duration, a set,
    an expression relative to an unknown publication date). `open_end` marks a period that
    runs on past its last known day ("since March 2011" seen in a 2013 article ends on the
    article date but has not ended). `approximate` marks fuzzy spans ("in recent months").
    """

    value: str
    granularity: str
    start: date | None = None
    end: date | None = None
    approximate: bool = False
    open_end: bool = False
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...

    @property
    def is_dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def is_point(self) -> bool:
        """True when a timeline should draw a marker rather than a bar."""
        return (
            self.is_dated
            and not self.approximate
            and not self.open_end
            and self.granularity in (DAY, PART_OF_DAY, TIME)
        )

    def overlaps(self, start: date, end: date) -> bool:
        if not self.is_dated:
            return False
        assert self.start is not None and self.end is not None
        return self.start <= end and self.end >= start


UNDATED = TimeSpan(value="", granularity=UNKNOWN)
