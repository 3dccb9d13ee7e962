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
    # the calendar week; what is told as done this week was done by the article date
    e = one("Talks resumed this week.")
    assert (e.text, e.time.value, e.time.granularity) == ("this week", "2013-W04", ts.WEEK)
    assert (e.time.start, e.time.end) == (date(2013, 1, 21), date(2013, 1, 22))
    ahead = one("Talks resume this week.").time
    assert (ahead.value, ahead.start, ahead.end) == ("2013-W04", date(2013, 1, 21),
                                                     date(2013, 1, 27))
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


# ---- forms added for TimeML value agreement (issue 5) -------------------------------------


def test_the_week_of_a_day():
    e = one("A hearing is set for the week of March 6.", date(2000, 2, 24))
    assert (e.text, e.time.value, e.time.granularity) == ("the week of March 6", "2000-W10",
                                                          ts.WEEK)
    assert (e.time.start, e.time.end) == (date(2000, 3, 6), date(2000, 3, 12))


def test_hours_of_a_part_of_day():
    e = one("The father will leave at 4 in the morning.")
    assert (e.text, e.type, e.time.value) == ("4 in the morning", "TIME", "2013-01-22T04:00")
    assert one("The rally ends at 9 in the evening.").time.value == "2013-01-22T21:00"


def test_a_clock_time_takes_the_day_after_an_aside():
    e = one("The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building.",
            date(1998, 8, 8), wanted="10:35 a.m.")
    assert e.time.value == "1998-08-07T10:35"
    assert e.time.start == date(1998, 8, 7)


def test_or_so_ago_and_one_day_in_the_future():
    e = one("Then, a week or so ago, the general picked his plan.", date(1991, 2, 25))
    assert (e.text, e.time.value) == ("a week or so ago", "1991-W08")
    f = one("Islam will one day be the second largest religion there.")
    assert (f.text, f.type, f.time.value) == ("one day", "DATE", "FUTURE_REF")
    assert one("He had been in the job one day.").time.value == "P1D"
    assert one("Talks may last up to one day.").time.value == "P1D"
    assert one("He hopes to one day fly again.").time.value == "FUTURE_REF"


def test_a_few_days_later_is_a_vague_length_after_the_last_date():
    found = tag("The deal was signed on Jan. 10. A few days later, the rival bid came.", DCT)
    later = found[-1]
    assert (later.text, later.type, later.time.value) == ("A few days later", "DURATION",
                                                          "PXD")
    assert later.time.approximate
    # later means after: from the next day to some three days on
    assert later.time.start == date(2013, 1, 11) and later.time.end == date(2013, 1, 13)


def test_the_week_of_a_market_report():
    # TimeML writes the week a report is about without its number; its days are kept
    found = tag("The index fell 1.2% on Friday. For the week, the index dropped 3.8%.",
                date(1989, 10, 30))
    week = found[-1]
    assert (week.text, week.time.value, week.time.granularity) == ("the week", "1989-WXX",
                                                                   ts.WEEK)
    assert (week.time.start, week.time.end) == (date(1989, 10, 23), date(1989, 10, 29))


def test_year_back_periods_of_a_quarterly_report():
    text = ("Third-quarter net income rose to $24 million, compared with a loss of $3 million "
            "last year. For the quarter a year ago, it earned $5 million, and for the "
            "corresponding period last year $6 million. In the first nine months, net was "
            "$306 million, up from the year-earlier nine months.")
    got = [(e.text, e.type, e.time.value) for e in tag(text, date(1989, 11, 2))]
    assert got == [
        ("Third-quarter", "DATE", "1989-Q3"),
        ("last year", "DATE", "1988-Q3"),
        ("the quarter a year ago", "DATE", "1988-Q3"),
        ("the corresponding period last year", "DATE", "1988-Q3"),
        ("the first nine months", "DURATION", "P9M"),
        ("the year-earlier nine months", "DURATION", "P9M"),
    ]
    back = tag(text, date(1989, 11, 2))[1].time
    assert (back.start, back.end) == (date(1988, 7, 1), date(1988, 9, 30))
    # outside a comparison, or with no quarter in the story, "last year" is the year
    assert one("Sales rose last year.", date(1989, 11, 2)).time.value == "1988"


def test_after_the_first_nine_months_a_year_back_is_a_year():
    text = ("Third-quarter profit fell. In the latest nine months, margins were 38%, compared "
            "with 40% a year earlier.")
    assert tag(text, date(1989, 10, 26))[-1].time.value == "1988"


def test_half_of_a_decade_and_two_quarters():
    e = one("The trend has marked the last half of the '80s.", date(1989, 10, 26))
    assert (e.text, e.time.value, e.time.mod) == ("the last half of the '80s", "198", "END")
    assert (e.time.start, e.time.end) == (date(1985, 1, 1), date(1989, 12, 31))
    h = one("Weakness will last through at least the first two quarters of 1990.")
    assert (h.text, h.time.value) == ("the first two quarters of 1990", "1990-H1")
    assert (h.time.start, h.time.end) == (date(1990, 1, 1), date(1990, 6, 30))
    assert one("Sales fell in the past two quarters.").time.value == "P2Q"


def test_years_named_as_modifiers_and_in_lists():
    assert one("Leaders of the 1992 protests moved.", date(1998, 10, 25)).time.value == "1992"
    got = [e.time.value for e in tag("It crossed the border in 1994, 1995 and 1997.", DCT)]
    assert got == ["1994", "1995", "1997"]
    assert tag("It hired 1,500 workers.", DCT) == []
    assert tag("The 2000 soldiers of the garrison surrendered.", DCT) == []
    assert tag("It fired 1500 rounds.", DCT) == []


def test_march_for_a_reason_and_election_day():
    e = one("He stepped down in March for health reasons.", date(1989, 11, 2))
    assert (e.text, e.time.value) == ("March", "1989-03")
    assert tag("They joined the March for Life.", DCT) == []
    day = one("a theme of our campaign until Election Day.", date(1998, 10, 26))
    assert (day.text, day.time.value) == ("Election Day", "1998-11-03")
    assert one("on Election Day", date(2012, 10, 1)).time.value == "2012-11-06"


def test_quarter_words_that_are_no_quarter():
    assert tag("The quarter-to-quarter comparison improved.", DCT) == []
    e = one("It turned a profit after several quarters of losses.")
    assert (e.text, e.type, e.time.value) == ("several quarters", "DURATION", "PXQ")
    assert tag("Three quarters of the votes were counted.", DCT) == []


def test_a_possessive_month_ends_no_range_and_a_deadline_half_a_year_off_lies_ahead():
    text = "After a small revision Friday to December's figures, jobs grew."
    got = [(e.text, e.time.value) for e in tag(text, date(1998, 2, 6))]
    assert got == [("Friday", "1998-02-06"), ("December", "1997-12")]
    e = one("Qantas will double its flights to India by August.", date(1998, 2, 13))
    assert (e.text, e.time.value) == ("August", "1998-08")
    assert (e.time.start, e.time.end) == (date(1998, 8, 1), date(1998, 8, 31))


class TestEarningsReportPeriods:
    """How a quarterly report's own periods anchor its comparisons (our own sentences; the
    report is dated Thursday 26 October 1989, in the fourth calendar quarter)."""

    DAY = date(1989, 10, 26)

    def got(self, text: str) -> list[tuple[str, str, str]]:
        return [(e.text, e.type, e.time.value) for e in tag(text, self.DAY)]

    def test_the_end_date_of_a_fiscal_quarter_leaves_the_quarter_in_focus(self):
        # fiscal Q1 ended 30 Sept: "a year ago" is fiscal Q1 of 1988, not 30 Sept 1988
        text = ("Brightmill Mills earned $3 million in the fiscal first quarter ended Sept. 30. "
                "It had lost $1 million a year ago, and sales were lower a year earlier.")
        assert self.got(text) == [
            ("the fiscal first quarter", "DATE", "1989-Q1"), ("Sept. 30", "DATE", "1989-09-30"),
            ("a year ago", "DATE", "1988-Q1"), ("a year earlier", "DATE", "1988-Q1")]

    def test_year_ago_results_after_the_quarter_end_date(self):
        text = ("Harbor Thrift lost $9 million in the quarter ended Sept. 30. It earned $2 "
                "million in the year-ago quarter. The year-ago results were restated.")
        assert [v for _, _, v in self.got(text)] == [
            "1989-Q3", "1989-09-30", "1988-Q3", "1988-Q3"]

    def test_a_date_not_closing_a_quarter_still_anchors(self):
        text = "Shares fell on Oct. 13. A year earlier they had risen."
        assert self.got(text)[-1] == ("A year earlier", "DATE", "1988-10-13")

    def test_after_the_nine_months_a_year_back_is_last_year(self):
        # "the nine months" are January to September: a year back is 1988, not its third quarter
        text = ("Third-quarter profit rose 10%. For the nine months, profit was $40 million, "
                "compared with $31 million a year earlier.")
        assert self.got(text)[-1] == ("a year earlier", "DATE", "1988")
        text = ("The company said Friday that it lost $7 million in the first nine months, "
                "compared with a profit a year earlier.")
        assert self.got(text)[-1] == ("a year earlier", "DATE", "1988")
        text = ("Third-quarter sales fell. For the nine months, sales were flat compared with "
                "year-earlier sales of $9 million.")
        assert self.got(text)[-1] == ("year-earlier", "DATE", "1988")

    def test_the_year_earlier_period_after_the_nine_months_is_their_length(self):
        text = ("Third-quarter net fell. In the nine months, net was $80 million. In the "
                "year-earlier period, net was $70 million.")
        back = tag(text, self.DAY)[-1]
        assert (back.text, back.type, back.time.value) == (
            "the year-earlier period", "DURATION", "P9M")
        assert (back.time.start, back.time.end) == (date(1988, 1, 1), date(1988, 9, 30))

    def test_a_window_up_to_now_is_no_part_of_the_year(self):
        # "the past six months" ends today: the report stays on its quarter
        text = ("Third-quarter profit rose. Over the past six months, prices fell, and profit "
                "was higher than a year earlier.")
        assert self.got(text)[-1] == ("a year earlier", "DATE", "1988-Q3")
        text = "Third-quarter profit rose. He served for nine months. Profit rose a year ago."
        assert self.got(text)[-1] == ("a year ago", "DATE", "1988-Q3")

    def test_months_counted_from_an_event_are_no_part_of_the_year(self):
        # "the nine months since the coup" leaves the story on its day: "the next day" follows it
        text = ("The junta fell on Oct. 3. In the nine months since the coup, prices rose. "
                "The next day, talks began.")
        assert self.got(text)[-1] == ("The next day", "DATE", "1989-10-04")


def test_years_ago_today_is_that_day_years_back():
    found = {x.text: x.time.value for x in tag("Forty years ago today, Iraq invaded Iran. Ten "
                                                  "years ago this month, the wall fell.",
                                                  date(2020, 9, 22))}
    assert found == {"Forty years ago today": "1980-09-22", "Ten years ago this month": "2010-09"}


def test_years_ago_tonight_is_that_night_years_back():
    found = [(x.text, x.type, x.time.value) for x in tag(
        "Twenty years ago tonight, the first bombs fell. Five years ago this morning, the "
        "treaty was signed.", date(2019, 3, 24))]
    assert found == [("Twenty years ago tonight", "TIME", "1999-03-24TNI"),
                     ("Five years ago this morning", "TIME", "2014-03-24TMO")]


def test_the_nth_week_of_a_month_is_the_week_mostly_in_it():
    found = tag("Aid arrived in the second week of August 1990 and in the last week of "
                "October.", date(1990, 9, 3))
    assert [(e.text, e.type, e.time.value) for e in found] == [
        ("the second week of August 1990", "DATE", "1990-W32"),
        ("the last week of October", "DATE", "1990-W43")]
    # 1 March 2025 is a Saturday: its first week is the one that holds the 4th
    assert tag("Prices fell in the first week of March.", date(2025, 3, 20))[0].time.value == (
        "2025-W10")


def test_later_than_planned_is_by_how_much():
    found = tag("The line will open in 2028, a year later than planned.", DCT)
    assert [(e.text, e.type, e.time.value) for e in found] == [
        ("2028", "DATE", "2028"), ("a year", "DURATION", "P1Y")]
    found = tag("The plant opened about two months earlier than expected.", DCT)
    assert [(e.text, e.type, e.time.value) for e in found] == [
        ("two months", "DURATION", "P2M")]


def test_a_period_to_a_month_is_a_length_ending_then():
    nov = date(2025, 11, 14)
    found = tag("The deficit was 12 billion for the year to June 30.", nov)
    assert [(e.text, e.type, e.time.value) for e in found] == [
        ("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2025-06-30")]
    # a past verb dates the end of the period, which no deadline rule pulls forward
    found = tag("In the 12 months to March, rents rose 6 percent.", nov)
    assert [(e.text, e.time.value) for e in found] == [
        ("the 12 months", "P12M"), ("March", "2025-03")]
    assert tag("Payment was put off until the year to date.", nov) == []


def test_a_month_before_to_and_an_infinitive_after_in():
    # "in March to endorse": a month, although "March to" could open a verb phrase
    assert one("Its decision in March to endorse the plan angered Algiers.",
               wanted="March").time.value == "2012-03"


def test_the_next_day_after_a_month_is_a_day_of_that_month():
    found = tag("The board decided in March to sell the mill. The union struck the next day.",
                date(2013, 6, 12))
    nxt = next(e for e in found if e.text == "the next day")
    assert nxt.time.value == "2013-03-XX"
    assert nxt.time.approximate


def test_a_weekday_before_a_day_first_date_is_one_expression():
    assert [(e.text, e.time.value) for e in tag("Monday 11 August 2025\n\nTalks ended.",
                                                 date(2025, 8, 11))] == [
        ("Monday 11 August 2025", "2025-08-11")]


def test_seasons_are_approximate():
    season = one("The offensive came in the autumn of 2020.", wanted="the autumn of 2020")
    assert season.time.value == "2020-FA"
    assert season.time.approximate
    assert (season.time.start, season.time.end) == (date(2020, 9, 1), date(2020, 11, 30))


def test_a_day_of_a_month_in_a_year_named_by_words():
    found = tag("They signed on March 4, 1974, and a second accord on May 31 that year.", DCT)
    assert [(e.text, e.time.value, e.time.granularity) for e in found][-1] == (
        "May 31 that year", "1974-05-31", ts.DAY)
    assert one("Prices peaked on 3 March last year.").time.value == "2012-03-03"
    assert one("The talks resumed on June 2 of the following year.").time.value == "2014-06-02"


def test_the_night_before_and_after_a_day():
    found = tag("The summit opened on Tuesday. The night before, envoys had met.", DCT)
    night = found[-1]
    assert (night.text, night.type, night.time.value) == ("The night before", "TIME",
                                                          "2013-01-21TNI")
    assert one("the night before last Friday", wanted="the night before last Friday"
               ).time.value == "2013-01-17TNI"


def test_bare_plurals_after_a_date_cover_the_days_they_mean():
    # TimeML keeps the length; the span says where a timeline puts what happened then
    found = tag("A bill passed in June 2012, and troops arrived within weeks.", DCT)
    weeks = found[-1]
    assert (weeks.text, weeks.type, weeks.time.value) == ("weeks", "DURATION", "PXW")
    assert weeks.time.approximate
    assert (weeks.time.start, weeks.time.end) == (date(2012, 6, 1), date(2012, 7, 21))
    ahead = one("A deal will be signed within days.").time
    assert (ahead.start, ahead.end, ahead.approximate) == (DCT, date(2013, 1, 25), True)
    later = tag("The army left on May 3, 2012. Weeks later, the rebels returned.", DCT)[-1].time
    assert (later.start, later.end) == (date(2012, 5, 10), date(2012, 5, 24))
    # no date to count from: a length only
    alone = one("Prices quadrupled within months.").time
    assert (alone.start, alone.end) == (None, None)
