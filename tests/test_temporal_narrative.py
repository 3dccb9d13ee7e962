"""Issue 5: what the story has already told dates what it tells next. Elapsed hours, a
quarter's results, "that quarter", a judged day, a clock time of an event told again, and a
year that closes a name. Every sentence is written for these tests; every value is counted
by hand."""

from __future__ import annotations

from datetime import date

from timeline_app.extract.temporal import tag

WED = date(2021, 3, 10)  # a Wednesday
NOV = date(2021, 11, 2)  # in the fourth quarter, while third-quarter results come out


def values(text: str, published: date | None = WED) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.time.value) for e in tag(text, published)]


class TestElapsedHours:
    def test_hours_later_are_a_length_from_the_day_told(self):
        found = tag("The ferry left port on March 3, 2021. Two hours later, it sank.", WED)
        assert [(e.text, e.type, e.time.value) for e in found] == [
            ("March 3, 2021", "DATE", "2021-03-03"), ("Two hours", "DURATION", "PT2H")]
        # the timeline keeps the event on that day, or the next if the hours cross midnight
        span = found[-1].time
        assert (span.start, span.end, span.approximate) == (
            date(2021, 3, 3), date(2021, 3, 4), True)

    def test_minutes_earlier_keep_their_qualifier_out(self):
        found = tag("The ship sank on Friday. About forty minutes earlier, the crew had "
                    "radioed for help.", WED)
        last = found[-1]
        assert (last.text, last.type, last.time.value, last.time.mod) == (
            "forty minutes", "DURATION", "PT40M", "APPROX")
        assert (last.time.start, last.time.end) == (date(2021, 3, 4), date(2021, 3, 5))

    def test_hours_ago_still_date_the_day_of_writing(self):
        assert values("Three hours ago the polls closed.") == [
            ("Three hours ago", "TIME", "2021-03-10")]


class TestQuarterResults:
    def test_this_quarters_results_are_the_reported_quarters(self):
        text = ("Acme Corp. posted a loss for the third quarter ended Sept. 30, against a "
                "profit in the same quarter a year earlier. This quarter's loss reflects a "
                "plant closing.")
        assert values(text, NOV)[-1] == ("This quarter", "DATE", "2021-Q3")

    def test_a_forecast_for_this_quarter_is_the_current_one(self):
        text = ("Acme Corp. posted a loss for the third quarter. This quarter's earnings "
                "will suffer from the strike.")
        assert values(text, NOV)[-1] == ("This quarter", "DATE", "2021-Q4")

    def test_with_no_quarter_reported_this_quarter_is_the_current_one(self):
        assert values("Acme said this quarter's sales are strong.", NOV) == [
            ("this quarter", "DATE", "2021-Q4")]

    def test_that_quarter_is_the_quarter_named_last(self):
        text = ("Acme earned $3 million in the second quarter of 2020. Results for that "
                "quarter included a gain on a sale.")
        assert values(text, NOV) == [
            ("the second quarter of 2020", "DATE", "2020-Q2"),
            ("that quarter", "DATE", "2020-Q2")]

    def test_that_as_a_conjunction_stays_out(self):
        assert values("Analysts said that third-quarter profit rose.", NOV) == [
            ("third-quarter", "DATE", "2021-Q3")]


class TestJudgedDay:
    def test_it_was_a_great_day_is_the_day_just_told(self):
        text = ('The three states joined the treaty on Friday. Their envoy said it was '
                '"a great day for the region."')
        assert values(text, date(2021, 3, 13)) == [
            ("Friday", "DATE", "2021-03-12"), ("day", "DATE", "2021-03-12")]

    def test_with_no_day_told_it_is_the_day_of_writing(self):
        assert values("This is a proud day for our town, the mayor said.") == [
            ("day", "DATE", "2021-03-10")]

    def test_other_days_for_something_are_left_alone(self):
        assert values("Today is a sad day for the club.") == [
            ("Today", "DATE", "2021-03-10")]
        assert values("It will be a long day for the crews.") == []
        assert values("Volunteers receive $10 a day for food.") == []


class TestClockTimeOfATaleRetold:
    def test_the_event_told_again_keeps_its_day(self):
        text = ("The mayor was stabbed in the chest on June 4 outside the town hall. Police "
                "arrested a suspect on Monday. Prosecutors said on Tuesday they had new "
                "evidence. The mayor was stabbed in the chest at 9 p.m. as he left a meeting.")
        assert values(text, date(2021, 6, 30))[-1] == ("9 p.m.", "TIME", "2021-06-04T21:00")

    def test_one_shared_verb_is_not_the_same_event(self):
        filler = "The border has been quiet for years, residents said. " * 6
        text = ("Two soldiers were killed on Monday in an ambush. " + filler
                + "A third soldier was killed at 3 p.m. near the river.")
        assert values(text, date(2021, 6, 30))[-1] == ("3 p.m.", "TIME", "2021-06-30T15:00")

    def test_an_event_done_again_is_another_event(self):
        text = ("Rebels attacked the army base on June 4. Officials said on Tuesday the "
                "damage was light. Rebels attacked the army base again at 3 a.m.")
        assert values(text, date(2021, 6, 30))[-1] == ("3 a.m.", "TIME", "2021-06-29T03:00")


class TestYearInAName:
    def test_a_year_closing_a_name_is_no_date(self):
        assert values("She founded a firm called Nova 1975, which makes valves.") == []

    def test_a_year_modifying_a_noun_after_a_name_is_a_date(self):
        assert values("Critics said the Bush 1992 campaign was costly.") == [
            ("1992", "DATE", "1992")]

    def test_time_words_before_a_year_are_no_names(self):
        assert values("Output rose in Fiscal 1990, the company said.") == [
            ("Fiscal 1990", "DATE", "1990")]
