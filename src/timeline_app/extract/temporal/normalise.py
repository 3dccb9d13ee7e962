"""Which handler turns a candidate of each rule into a TIMEX3 type and value.

Each handler gets the candidate re-read by its own rule, the document text and position (for
tense and capitalisation), and the narrative state. It returns None to reject a candidate that
is not a time after all ("may" the modal, "1,500", a bare "fall").
"""

from __future__ import annotations

from .dates import (
    h_century,
    h_day_eval,
    h_decade,
    h_full,
    h_half,
    h_holiday,
    h_iso,
    h_month,
    h_month_rel,
    h_month_year,
    h_nth_day,
    h_quarter,
    h_season,
    h_second_day,
    h_the_unit,
    h_week_nth,
    h_week_of,
    h_year,
    h_year_ago,
    h_year_end,
)
from .durations import h_duration, h_fraction, h_long, h_seasons, h_set, h_units
from .relative import (
    h_ago,
    h_anaphoric,
    h_dayword,
    h_pod,
    h_recent,
    h_ref,
    h_rel_named,
    h_rel_unit,
    h_time,
    h_weekday,
)
from .values import Cand, Found, Handler

__all__ = ["HANDLERS", "Cand", "Found"]

HANDLERS: dict[str, Handler] = {
    "time": h_time, "set": h_set, "pod": h_pod, "recent": h_recent, "ago": h_ago,
    "anaphoric": h_anaphoric, "century": h_century, "decade": h_decade, "half": h_half,
    "quarter": h_quarter, "season": h_season, "rel_named": h_rel_named, "rel_unit": h_rel_unit,
    "year_ago": h_year_ago, "year_end": h_year_end, "duration": h_duration, "long": h_long,
    "month_rel": h_month_rel, "day_rel": h_month_rel, "full_mdy": h_full, "full_dmy": h_full,
    "dmy_first": h_full,
    "iso": h_iso, "month_year": h_month_year,
    "holiday": h_holiday, "year": h_year, "the_unit": h_the_unit, "units": h_units,
    "month": h_month, "week_of": h_week_of, "weekday": h_weekday, "dayword": h_dayword,
    "ref": h_ref, "second_day": h_second_day, "nth_day": h_nth_day,
    "day_eval": h_day_eval,
    "seasons": h_seasons, "fraction": h_fraction, "week_nth": h_week_nth,
}
