"""The temporal tagger writes every TIMEX3 value form of issue 5, with hand-computed values.

The document date is Tuesday 22 January 2013 unless a test says otherwise (ISO week 4 of 2013).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.domain import timespan as ts
from timeline_app.extract.temporal import tag

DCT = date(2013, 1, 22)


def one(text: str, published: date | None = DCT, *, wanted: str | None = None):
    """The single expression found in `text` (or the one whose text is `wanted`)."""
    found = tag(text, published)
    for expr in found:
        assert text[expr.span[0]:expr.span[1]] == expr.text, "span indexes the text"
    if wanted is not None:
        found = [e for e in found if e.text == wanted]
    assert len(found) == 1, [(e.text, e.time.value) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "value", "granularity"),
    [
        ("The treaty was signed on 12 March 2011.", "12 March 2011", "2011-03-12", ts.DAY),
        ("The talks began in March 2011.", "March 2011", "2011-03", ts.MONTH),
        ("The law passed in 2011.", "2011", "2011", ts.YEAR),
        ("Prices rose through the 1990s.", "the 1990s", "199", ts.DECADE),
        ("Growth returned in the 2010s.", "the 2010s", "201", ts.DECADE),
        ("Empires fell in the 20th century.", "the 20th century", "19", ts.CENTURY),
        ("Sales fell in the first quarter of 2013.", "the first quarter of 2013", "2013-Q1",
         ts.QUARTER),
        ("Sales will rise in the second half of 2013.", "the second half of 2013", "2013-H2",
         ts.HALF),
        ("They meet again in summer 2013.", "summer 2013", "2013-SU", ts.SEASON),
    ],
)
def test_absolute_dates_keep_their_granularity(text, expr, value, granularity):
    e = one(text)
    assert (e.text, e.type, e.time.value, e.time.granularity) == (expr, "DATE", value,
                                                                  granularity)
    assert e.relative is False


def test_day_range_of_coarse_values():
    assert (one("in 2011").time.start, one("in 2011").time.end) == (date(2011, 1, 1),
                                                                    date(2011, 12, 31))
    quarter = one("in the first quarter of 2013").time
    assert (quarter.start, quarter.end) == (date(2013, 1, 1), date(2013, 3, 31))
    decade = one("in the 1990s").time
    assert (decade.start, decade.end) == (date(1990, 1, 1), date(1999, 12, 31))
    winter = one("in winter 2012").time
    assert (winter.value, winter.start, winter.end) == ("2012-WI", date(2012, 12, 1),
                                                        date(2013, 2, 28))


def test_weeks():
    e = one("Talks resumed this week.")
    assert (e.text, e.time.value, e.time.granularity) == ("this week", "2013-W04", ts.WEEK)
    assert (e.time.start, e.time.end) == (date(2013, 1, 21), date(2013, 1, 27))
    assert one("They met last week.").time.value == "2013-W03"
    assert one("They meet next week.").time.value == "2013-W05"


def test_part_of_day_and_times():
    e = one("Rebels attacked on Tuesday afternoon.")
    assert (e.text, e.type, e.time.value) == ("Tuesday afternoon", "TIME", "2013-01-22TAF")
    assert e.time.granularity == ts.PART_OF_DAY
    t = one("The convoy left at 2:05 p.m. on Tuesday.")
    assert (t.type, t.time.value, t.time.granularity) == ("TIME", "2013-01-22T14:05", ts.TIME)
    assert one("The vote closes at 14:05.").time.value == "2013-01-22T14:05"
    assert one("It ended at noon.").time.value == "2013-01-22T12:00"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The siege lasted three days.", "three days", "P3D"),
        ("Talks went on for two months.", "two months", "P2M"),
        ("He ruled for 10 years.", "10 years", "P10Y"),
        ("The flight takes five hours.", "five hours", "PT5H"),
        ("a two-week visit", "two-week", "P2W"),
        ("a 30-minute speech", "30-minute", "PT30M"),
    ],
)
def test_durations(text, expr, value):
    e = one(text)
    assert (e.text, e.type, e.time.value, e.time.granularity) == (expr, "DURATION", value,
                                                                  ts.DURATION)
    assert e.time.start is None


def test_duration_span_leaves_out_qualifiers_but_keeps_the_mod():
    e = one("The fighting lasted about three days.")
    assert (e.text, e.time.value, e.time.mod) == ("three days", "P3D", "APPROX")


def test_sets():
    e = one("Inspectors report every week.")
    assert (e.text, e.type, e.time.value, e.time.granularity) == ("every week", "SET", "P1W",
                                                                  ts.SET)
    assert one("The council meets daily.").time.value == "P1D"
    assert one("Food arrives twice a day.").time.value == "P1D"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Aid is needed now.", "PRESENT_REF"),
        ("Such raids happened in the past.", "PAST_REF"),
        ("More talks may follow in the future.", "FUTURE_REF"),
    ],
)
def test_reference_values(text, value):
    e = one(text)
    assert (e.type, e.time.value, e.time.granularity) == ("DATE", value, ts.REFERENCE)


def test_underspecified_when_the_anchor_is_unknowable():
    e = one("The offensive began in March.", None)
    assert (e.text, e.time.value, e.relative) == ("March", "XXXX-03", True)
    assert e.time.start is None and e.time.end is None


def test_spans_exclude_prepositions_and_include_modifiers():
    assert one("It happened on Tuesday.").text == "Tuesday"
    assert one("It happened in 2011.").text == "2011"
    e = one("The army advanced in early 2012.")
    assert (e.text, e.time.value, e.time.mod) == ("early 2012", "2012", "START")
    assert e.time.start == date(2012, 1, 1) and e.time.end < date(2012, 6, 1)
    assert one("It fell in the late 1990s.").text == "the late 1990s"
    assert one("Prices rose earlier this month.").text == "this month"


def test_not_times():
    assert tag("Officials may be replaced.", DCT) == []
    assert tag("About 1,500 people and 2013 troops crossed.", DCT) == []
    assert tag("The Arab Spring changed the region.", DCT) == []


def test_ignored_ranges_are_skipped():
    text = "Sign up for our newsletter today. The convoy left on Monday."
    boiler = (0, text.index(".") + 1)
    found = tag(text, DCT, ignored=[boiler])
    assert [(e.text, e.time.value) for e in found] == [("Monday", "2013-01-21")]


def test_empty_and_odd_input():
    assert tag("", DCT) == []
    assert tag("\x00\ufffd 1/ 99/99 99:99 Feb. 30", DCT) == []
    assert tag("İstanbul, Tuesday", DCT)[0].text == "Tuesday"  # lower() changes lengths


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("It was signed on 22/01/2013.", "22/01/2013", "2013-01-22"),  # day first: 22 > 12
        ("It was signed on 22.01.2013.", "22.01.2013", "2013-01-22"),
        ("It was signed on 1/22/13.", "1/22/13", "2013-01-22"),
        ("In nineteen ninety-four the war ended.", "nineteen ninety-four", "1994"),
        ("By the year two thousand it had ended.", "the year two thousand", "2000"),
        ("Sales fell in the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
        ("It was cold in the winter of 2011.", "the winter of 2011", "2011-WI"),
    ],
)
def test_more_written_forms(text, expr, value):
    e = one(text)
    assert (e.text, e.time.value) == (expr, value)


def test_day_ranges_give_both_ends():
    found = [(e.text, e.time.value) for e in tag("The truce held from 5 to 9 January.", DCT)]
    assert found == [("5", "2013-01-05"), ("9 January", "2013-01-09")]


def test_end_of_the_year_and_the_weekend():
    e = one("Talks will last until the end of the year.")
    assert (e.text, e.time.value, e.time.mod) == ("the end of the year", "2013", "END")
    assert e.time.start > date(2013, 6, 30) and e.time.end == date(2013, 12, 31)
    w = one("Shelling went on over the weekend.")
    assert (w.text, w.time.value) == ("the weekend", "2013-W03-WE")
    assert (w.time.start, w.time.end) == (date(2013, 1, 19), date(2013, 1, 20))


def test_fractional_and_open_durations():
    assert one("They stayed for 2 1/2 years.").time.value == "P2Y6M"
    assert one("The raid took five and a half hours.").time.value == "PT5H30M"
    assert one("The siege went on for weeks.").time.value == "PXW"
    assert tag("Officials said weeks of talks failed.", DCT) == []  # no "for": not a time
    assert tag("Profit was $2 million a year.", DCT) == []  # a rate, not a time


def test_dawn():
    e = one("The town fell at dawn.")
    assert (e.text, e.type, e.time.value) == ("dawn", "TIME", "2013-01-22TMO")
