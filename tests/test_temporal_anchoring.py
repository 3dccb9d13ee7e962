"""News-style anchoring (issue 2, item 4): every pattern class, with hand-computed values."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.domain import timespan as ts
from timeline_app.extract.temporal import tag

TUE = date(2013, 1, 22)  # a Tuesday
THU = date(2013, 1, 24)


def values(text: str, published: date | None = TUE) -> list[tuple[str, str]]:
    return [(e.text, e.time.value) for e in tag(text, published)]


def first(text: str, published: date | None = TUE):
    found = tag(text, published)
    assert found, text
    return found[0]


class TestWeekdays:
    def test_the_story_day_itself(self):
        assert values("Russia said on Tuesday it would send planes.") == [
            ("Tuesday", "2013-01-22")]

    def test_nearest_past_weekday_by_default(self):
        assert values("Russia said on Tuesday it would act.", THU) == [
            ("Tuesday", "2013-01-22")]
        assert values("Ministers met on Friday.") == [("Friday", "2013-01-18")]
        assert values("The convoy left on Monday.") == [("Monday", "2013-01-21")]

    def test_future_when_the_tense_says_so(self):
        assert values("Ministers will meet on Friday.") == [("Friday", "2013-01-25")]
        assert values("The vote is scheduled for Monday.") == [("Monday", "2013-01-28")]
        assert values("Officials said talks would resume on Thursday.") == [
            ("Thursday", "2013-01-24")]

    def test_until_sets_a_deadline_still_to_come(self):
        assert values("The court gave the family until 9 a.m. Friday to reply.") == [
            ("9 a.m. Friday", "2013-01-25T09:00")]
        assert values("Until Friday, they had described him as a witness.") == [
            ("Friday", "2013-01-18")]

    def test_last_with_a_day_of_the_month(self):
        assert values("He was shot last Oct. 23 at his home.", date(1999, 4, 19)) == [
            ("last Oct. 23", "1998-10-23")]

    def test_a_bare_clock_time_falls_on_the_day_just_told(self):
        assert values("He was shot on 23 October 1998. He died at 10 p.m. in hospital.") == [
            ("23 October 1998", "1998-10-23"), ("10 p.m.", "1998-10-23T22:00")]

    def test_a_past_plan_stays_past(self):
        assert values("The offer had been due to expire on Friday.") == [
            ("Friday", "2013-01-18")]

    def test_last_next_and_this(self):
        assert values("They met last Friday.") == [("last Friday", "2013-01-18")]
        assert values("They meet next Friday.") == [("next Friday", "2013-01-25")]
        assert values("They meet this Friday.") == [("this Friday", "2013-01-25")]
        assert values("They met last Tuesday.") == [("last Tuesday", "2013-01-15")]

    def test_unknown_publication_date(self):
        e = first("He arrived on Tuesday.", None)
        assert (e.text, e.relative, e.time.start) == ("Tuesday", True, None)
        assert e.time.value.startswith("XXXX")


class TestDayWords:
    def test_yesterday_today_tomorrow(self):
        assert values("It rained yesterday, it rains today and tomorrow.") == [
            ("yesterday", "2013-01-21"), ("today", "2013-01-22"), ("tomorrow", "2013-01-23")]

    def test_tonight_and_this_morning(self):
        assert values("A vote is due tonight.") == [("tonight", "2013-01-22TNI")]
        assert values("Shelling began this morning.") == [("this morning", "2013-01-22TMO")]
        # "overnight" in a story of the 22nd: the night that led into it, from the 21st
        night = first("Shelling went on overnight.")
        assert (night.text, night.time.value) == ("overnight", "2013-01-21TNI")
        assert night.time.start == date(2013, 1, 21)
        assert values("Shelling began last night.") == [("last night", "2013-01-21TNI")]

    def test_unknown_publication_date_keeps_the_text(self):
        e = first("It rained yesterday.", None)
        assert (e.text, e.time.value, e.relative) == ("yesterday", "XXXX-XX-XX", True)
        assert e.time.start is None and e.time.end is None


class TestLastNext:
    def test_year_boundary_in_january(self):
        e = first("Prices rose last month.", date(2013, 1, 15))
        assert (e.text, e.time.value, e.time.granularity) == ("last month", "2012-12",
                                                              ts.MONTH)
        assert (e.time.start, e.time.end) == (date(2012, 12, 1), date(2012, 12, 31))
        assert values("It happened last year.", date(2013, 1, 15)) == [("last year", "2012")]

    def test_next_month_in_december(self):
        assert values("Elections follow next month.", date(2012, 12, 10)) == [
            ("next month", "2013-01")]
        assert values("Elections follow next year.", date(2012, 12, 10)) == [
            ("next year", "2013")]

    def test_weeks_across_the_new_year(self):
        # 2 January 2013 is in ISO week 2013-W01, which began on Monday 31 December 2012
        assert values("They met last week.", date(2013, 1, 2)) == [("last week", "2012-W52")]
        assert values("They meet this week.", date(2013, 1, 2)) == [("this week", "2013-W01")]

    def test_month_of_a_relative_year(self):
        assert values("In January this year the army withdrew.", date(2013, 5, 2)) == [
            ("January this year", "2013-01")]
        assert values("In June last year the army withdrew.", date(2013, 5, 2)) == [
            ("June last year", "2012-06")]


class TestAgo:
    def test_weeks_ago(self):
        e = first("The envoy came two weeks ago.")
        assert (e.text, e.time.value, e.time.granularity) == ("two weeks ago", "2013-W02",
                                                              ts.WEEK)

    def test_days_and_years_ago(self):
        assert values("It began three days ago.") == [("three days ago", "2013-01-19")]
        assert values("It began two years ago.") == [("two years ago", "2011")]
        assert values("It began a month ago.") == [("a month ago", "2012-12")]


class TestNarrative:
    def test_the_day_before_and_after(self):
        assert values("The convoy left on Monday. The day before, shells fell.") == [
            ("Monday", "2013-01-21"), ("The day before", "2013-01-20")]
        assert values("He met Friday. The next day he left.") == [
            ("Friday", "2013-01-18"), ("The next day", "2013-01-19")]

    def test_next_morning_and_end_of_that_month(self):
        assert values("The rebels struck on 5 May 2012. The next morning they withdrew. By the "
                      "end of the month they were gone.") == [
            ("5 May 2012", "2012-05-05"), ("The next morning", "2012-05-06TMO"),
            ("the end of the month", "2012-05")]

    def test_the_previous_weekday_counts_from_the_day_in_question(self):
        assert values("Markets fell on Friday, Jan. 18, down from the previous Friday.") == [
            ("Friday, Jan. 18", "2013-01-18"), ("the previous Friday", "2013-01-11")]

    def test_two_days_later(self):
        assert values("The city fell on 3 May 2012. Two days later the army left.") == [
            ("3 May 2012", "2012-05-03"), ("Two days later", "2012-05-05")]

    def test_a_war_history_dates_bare_months_by_its_years(self):
        text = ("The war began in 1939. In 1940 the army fell back. By 1942 the front had "
                "moved east. In June, the Germans attacked again, and in November the "
                "counter-offensive began.")
        found = dict(values(text, date(2013, 1, 22)))
        assert found["June"] == "1942-06"
        assert found["November"] == "1942-11"

    def test_a_war_history_carries_its_years_through_seasons_and_anaphora(self):
        text = ("On 22 June 1941, Germany invaded the Soviet Union. Two days later, Soviet "
                "forces fell back. By December, the Germans had reached Moscow. That winter the "
                "offensive stalled. In the spring of 1942 the Germans attacked in the south, "
                "and in August they reached Stalingrad. On 19 November, the Red Army struck. "
                "The following year brought Kursk.")
        assert values(text, date(2013, 1, 22)) == [
            ("22 June 1941", "1941-06-22"), ("Two days later", "1941-06-24"),
            ("December", "1941-12"), ("That winter", "1941-WI"),
            ("the spring of 1942", "1942-SP"), ("August", "1942-08"),
            ("19 November", "1942-11-19"), ("The following year", "1943")]

    def test_years_counted_from_the_story_carry_its_bare_months(self):
        # "the following year" is 1943: the May after it is May 1943, and two years after that
        # May is 1945
        text = ("The war began in 1939. In June 1942 the army attacked. The following year, in "
                "May, it fell back to the river. Two years later, in April, the city fell. "
                "In 1950 peace came.")
        assert values(text) == [
            ("1939", "1939"), ("June 1942", "1942-06"), ("The following year", "1943"),
            ("May", "1943-05"), ("Two years later", "1945-05"), ("April", "1945-04"),
            ("1950", "1950")]

    def test_the_next_year_of_a_history_follows_its_year(self):
        text = ("The war began in 1939. In June 1942 the army attacked. The next year it fell "
                "back to the river. In May, the city fell. In 1950 peace came.")
        assert values(text)[2:4] == [("The next year", "1943"), ("May", "1943-05")]
        # news: "over the next year" is the twelve months ahead of the article
        assert values("Prices will rise over the next year, the bank said.") == [
            ("the next year", "2014")]

    def test_a_news_story_mentioning_an_old_year_keeps_news_anchoring(self):
        text = "The company was founded in 1980. In December it will open a plant."
        assert dict(values(text, date(1989, 10, 30)))["December"] == "1989-12"


class TestMonths:
    def test_month_and_year(self):
        e = first("The uprising began in March 2011.")
        assert (e.text, e.time.value, e.time.granularity) == ("March 2011", "2011-03",
                                                              ts.MONTH)

    def test_bare_month_by_tense(self):
        assert values("The army attacked in March.") == [("March", "2012-03")]
        assert values("Elections will be held in March.") == [("March", "2013-03")]
        assert values("The talks ended in December.") == [("December", "2012-12")]
        # "a plan to" is a noun phrase, not a future: the attack was last August
        assert values("They agreed on a plan to remove the weapons after an attack in August.",
                      date(2014, 1, 22)) == [("August", "2013-08")]

    def test_day_of_month_without_a_year_is_the_nearest_one(self):
        assert values("The dividend is payable Dec. 7.", date(1989, 10, 27)) == [
            ("Dec. 7", "1989-12-07")]
        assert values("The ceasefire began on Jan. 10.") == [("Jan. 10", "2013-01-10")]

    def test_since_is_an_open_period_to_the_article_date(self):
        e = first("Russia has backed Assad since March 2011.")
        assert (e.text, e.time.value) == ("March 2011", "2011-03")
        assert (e.time.start, e.time.end, e.time.open_end) == (date(2011, 3, 1), TUE, True)

    def test_between_may_and_july(self):
        assert values("Fighting raged between May and July.") == [
            ("May", "2012-05"), ("July", "2012-07")]
        assert values("It ran from November to February.", date(2013, 6, 10)) == [
            ("November", "2012-11"), ("February", "2013-02")]

    def test_early_year(self):
        e = first("The rebels advanced in early 2012.")
        assert (e.text, e.time.value, e.time.mod, e.time.approximate) == (
            "early 2012", "2012", "START", True)


class TestRecent:
    def test_in_recent_months(self):
        e = first("But in recent months, Russia has distanced itself.")
        assert e.text == "recent months"
        assert e.time.approximate is True
        assert e.time.end == TUE
        assert date(2012, 6, 1) < e.time.start < TUE

    def test_recently(self):
        e = first("Russia recently sent planes.")
        assert (e.text, e.time.value, e.time.approximate, e.time.end) == (
            "recently", "PAST_REF", True, TUE)
        assert e.time.start < TUE


class TestWrittenAndNumericDates:
    @pytest.mark.parametrize(
        "text",
        ["on 22 January 2013", "on January 22, 2013", "on Jan. 22, 2013", "on 2013-01-22",
         "on 1/22/2013", "on Tuesday, January 22, 2013", "on the 22nd of January 2013"],
    )
    def test_forms_of_one_day(self, text):
        e = first(f"The convoy left {text}.", None)
        assert e.time.value == "2013-01-22"
        assert e.relative is False
        assert (e.time.start, e.time.end) == (TUE, TUE)

    def test_leap_days(self):
        assert values("It was signed on Feb. 29, 2012.") == [("Feb. 29, 2012", "2012-02-29")]
        assert values("It was signed on February 29.", date(2012, 3, 1)) == [
            ("February 29", "2012-02-29")]
        # 2013 has no 29 February: the last one that existed
        assert values("It was signed on February 29.", date(2013, 3, 1)) == [
            ("February 29", "2012-02-29")]
        assert values("The day before yesterday it snowed.", date(2012, 3, 1)) == [
            ("The day before yesterday", "2012-02-28")]
        assert values("It happened yesterday.", date(2012, 3, 1)) == [
            ("yesterday", "2012-02-29")]
        assert tag("It was signed on Feb. 29, 2013.", TUE) == []

    def test_unknown_publication_date_keeps_absolute_values(self):
        assert values("He came in March 2011 and left on 5 May 2010.", None) == [
            ("March 2011", "2011-03"), ("5 May 2010", "2010-05-05")]


_WORDS = st.sampled_from([
    "on", "Tuesday", "last", "week", "March", "2011", "since", "the", "day", "before", "ago",
    "two", "years", "May", "12", "3/4/2012", "early", "recent", "months", "at", "5", "p.m.",
    "every", "morning", ",", ".", "\n", "Feb.", "29", "fiscal", "quarter", "1990s", "İ", "'s",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([None, TUE, date(2012, 2, 29)]))
def test_never_crashes_and_spans_index_the_text(words, published):
    text = " ".join(words)
    found = tag(text, published)
    last_end = 0
    for e in found:
        assert text[e.span[0]:e.span[1]] == e.text
        assert e.span[0] >= last_end  # in order, never overlapping
        last_end = e.span[1]
        t = e.time
        assert (t.start is None) == (t.end is None)
        if t.start is not None:
            assert t.start <= t.end


class TestCountedDays:
    def test_the_nth_day_of_an_event_is_the_day_the_sentence_names(self):
        # Friday 6 March 1998
        day = date(1998, 3, 6)
        assert values("It's the third day of a strike by the dockers.", day) == [
            ("the third day", "1998-03-06")]
        assert values("In the capital, today is the fifth day of the siege.", day) == [
            ("today", "1998-03-06"), ("the fifth day", "1998-03-06")]
        assert values("Rebels attacked on Monday, the second day of the truce.", day) == [
            ("Monday", "1998-03-02"), ("the second day", "1998-03-02")]

    def test_the_day_before_an_event_in_apposition_to_a_date_is_that_date(self):
        text = "Shares peaked on Oct. 12, the day before the crash, and fell for a week."
        assert values(text, date(1989, 10, 30))[:2] == [
            ("Oct. 12", "1989-10-12"), ("the day", "1989-10-12")]
        # told only by its event, the day cannot be placed
        assert values("Two men came to the house the day after his death.", TUE) == []

    def test_a_count_of_days_with_no_day_named_has_no_value(self):
        assert values("Talks broke down on the fourth day of the summit.", date(1998, 3, 6)) == []


class TestTenseOfPlans:
    def test_what_was_planned_lies_ahead_of_the_plan(self):
        # Friday 7 January 2000: the rally planned "on Saturday" is the next day
        day = date(2000, 1, 7)
        assert values("Unions planned a march through the city on Saturday.", day) == [
            ("Saturday", "2000-01-08")]
        assert values("The party plans a rally on Monday.", day) == [("Monday", "2000-01-10")]
        # planning for a summit in April, in a December story: next April
        assert values("Officials took part in planning for the summit in April.",
                      date(1998, 12, 5)) == [("April", "1999-04")]

    def test_a_plan_told_after_its_day_or_as_a_noun_stays_past(self):
        day = date(2000, 1, 7)
        assert values("On Saturday, unions planned a march.", day) == [("Saturday", "2000-01-01")]
        assert values("Police found the plan a gang made on Monday.", day) == [
            ("Monday", "2000-01-03")]


class TestScheduledPresent:
    # Friday 1 May 1998
    DAY = date(1998, 5, 1)

    def test_a_scheduled_event_in_the_simple_present_lies_ahead(self):
        assert values("The two leaders meet separately Monday with the envoy.", self.DAY) == [
            ("Monday", "1998-05-04")]
        assert values("The premier leaves Tuesday for Beijing.", self.DAY) == [
            ("Tuesday", "1998-05-05")]
        assert values("The court hears the appeal on Tuesday.", self.DAY) == [
            ("Tuesday", "1998-05-05")]
        assert values("The envoy, who arrives Wednesday, will see both sides.", self.DAY) == [
            ("Wednesday", "1998-05-06")]

    def test_a_past_or_negated_meeting_stays_past(self):
        for text in ("The two sides did not meet on Monday.", "They failed to meet on Monday.",
                     "The ministers met on Monday.",
                     "The summit opens in Cairo, officials said Monday.",
                     "The summit opens in Cairo and officials said Monday it was over."):
            assert values(text, self.DAY) == [("Monday", "1998-04-27")], text


class TestNarrativeAsides:
    """Our own sentences: a history's asides and its steps forward (unseen war histories)."""

    def test_a_look_back_leaves_the_story_in_its_year(self):
        text = ("The war broke out in 1958. The shelling began on 4 May 1961. The town had been "
                "rebuilt after the flood of the previous year. By late August the garrison had "
                "run out of food.")
        assert values(text, date(2020, 1, 1)) == [
            ("1958", "1958"), ("4 May 1961", "1961-05-04"), ("the previous year", "1960"),
            ("late August", "1961-08")]

    def test_a_look_back_that_opens_a_sentence_is_told_in_its_year(self):
        text = ("The war broke out in 1958. The shelling began on 4 May 1961. The previous "
                "year, in March, the rebels had taken the pass.")
        assert values(text, date(2020, 1, 1))[-1] == ("March", "1960-03")

    def test_the_following_season_after_a_year_is_in_the_next_year(self):
        text = ("The rebels were pushed back in 1971. The following spring they struck again, "
                "and that summer the capital fell.")
        assert values(text, date(2020, 1, 1)) == [
            ("1971", "1971"), ("The following spring", "1972-SP"), ("that summer", "1972-SU")]

    def test_the_following_season_after_a_month_counts_from_that_month(self):
        assert values("The siege ended in March 1961. The following spring the town voted.",
                      date(2020, 1, 1)) == [
            ("March 1961", "1961-03"), ("The following spring", "1962-SP")]

    def test_a_clock_time_falls_on_the_day_first_date_after_it(self):
        assert values("The truce was signed at 10 a.m. on 3 August 1949 in Rhodes.",
                      date(2020, 1, 1)) == [
            ("10 a.m.", "1949-08-03T10:00"), ("3 August 1949", "1949-08-03")]

    def test_a_past_verb_takes_the_month_of_the_year_just_named(self):
        # a January story: "February" of a past strike is last February, the year just named
        text = ("Pilots walked out four times between October 2011 and April 2012, and "
                "cabin crews struck in February.")
        assert values(text, date(2013, 1, 9)) == [
            ("October 2011", "2011-10"), ("April 2012", "2012-04"), ("February", "2012-02")]


class TestHistoryClosingOnToday:
    """A long history that ends on this year's commemoration is still told in its years."""

    TEXT = ("The republic broke away in 1991, and the fighting of 1992 and 1993 emptied the "
            "valley. A truce was signed in 1994, broken in 1995 and restored in 1996. The "
            "turning point came in 1998. In July the rebels took the pass, and at the end of "
            "August the army withdrew. Elections followed in 2001 and 2005. This year the "
            "dead were remembered on Sunday.")

    def test_bare_months_keep_the_narrative_year(self):
        found = dict(values(self.TEXT, date(2021, 7, 11)))
        assert found["July"] == "1998-07"
        assert found["the end of August"] == "1998-08"
        assert found["This year"] == "2021"
        assert found["Sunday"] == "2021-07-11"

    def test_a_news_story_with_old_years_stays_news(self):
        text = ("The minister said on Monday that the treaties of 1991 and 1994 still stood. "
                "He met his counterpart on Tuesday and will travel in July, officials said "
                "on Wednesday.")
        found = dict(values(text, date(2021, 3, 17)))
        assert found["July"] == "2021-07"


def test_a_verb_whose_past_is_its_bare_form():
    # "it forecast in May" is a past forecast, not next May's
    assert values("Profit will be lower than the 40 million it forecast in May.",
                  date(2013, 7, 31)) == [("May", "2013-05")]
    assert values("They will set prices in May.", date(2013, 7, 31)) == [("May", "2014-05")]


def test_a_history_that_closes_on_this_month_dates_its_bare_months_by_its_years():
    text = ("The dam burst on 9 March 1971, but the valley had been flooding for years. In "
            "May the villagers left, and by September the town was empty. The new dam opened "
            "in 1975. Fifty years on, the disaster was remembered this month, and a survey "
            "published last week found the valley half empty.")
    found = dict(values(text, date(2021, 11, 20)))
    assert found["May"] == "1971-05"
    assert found["September"] == "1971-09"
    assert found["this month"] == "2021-11"


def test_a_season_as_a_deadline_lies_ahead():
    # "before the autumn, they said": the telling verb after it does not make it past
    assert values("A hearing is unlikely before the autumn, they said.", date(2023, 3, 2)) == [
        ("the autumn", "2023-FA")]
    assert values("The work must be finished by the summer.", date(2023, 3, 2)) == [
        ("the summer", "2023-SU")]
    assert values("The troops had gone by the summer.", date(2023, 3, 2)) == [
        ("the summer", "2022-SU")]


def test_a_weekday_with_an_indefinite_article_is_some_such_day():
    assert values("He was arrested on a Sunday morning in January 2019.", THU) == [
        ("Sunday morning", "XXXX-WXX-7TMO"), ("January 2019", "2019-01")]
    assert values("The fire broke out on a Tuesday.", THU) == [("Tuesday", "XXXX-WXX-2")]
    # "a Sunday night vigil" is a vigil: its Sunday is the story's
    assert values("Hundreds attended a Sunday night vigil.", THU) == [
        ("Sunday night", "2013-01-20TNI")]


class TestAHistoryMovesForward:
    """Our own sentences: a history told in order names bare months and days of months after
    the last one, so they may lie in the next year; its plans and look-aheads lie in its years
    but do not move it; a modal of an earlier clause does not make the main clause future."""

    DCT = date(2020, 5, 1)

    def test_a_bare_day_earlier_in_the_year_than_the_story_is_the_next_years(self):
        text = ("The war broke out in 1948. The siege began on 12 October 1951. The army "
                "crossed the river on 20 December. On 3 February the city fell, and on 10 "
                "March the garrison surrendered.")
        assert values(text, self.DCT)[2:] == [
            ("20 December", "1951-12-20"), ("3 February", "1952-02-03"),
            ("10 March", "1952-03-10")]

    def test_a_bare_month_after_the_turn_of_the_year(self):
        text = ("The war broke out in 1948. The siege began on 12 October 1951. The army "
                "crossed the river in December. In February the city fell.")
        assert dict(values(text, self.DCT))["February"] == "1952-02"

    def test_a_look_back_in_the_pluperfect_stays_in_the_year(self):
        text = ("The war broke out in 1985. On 20 November 1990 the army crossed the border. "
                "In March the two sides had signed a pact.")
        assert dict(values(text, self.DCT))["March"] == "1990-03"

    def test_a_day_a_little_before_the_last_one_is_the_same_years(self):
        text = ("The rebellion began in 1950. On 2 August 1952 the rebels took the capital. "
                "The council condemned the coup on August 3. On August 1 the envoy had warned "
                "of it.")
        found = dict(values(text, self.DCT))
        assert (found["August 3"], found["August 1"]) == ("1952-08-03", "1952-08-01")

    def test_by_a_month_looks_ahead_and_the_story_comes_back(self):
        text = ("The war broke out in 1985. The first troops landed on 9 August 1990. By "
                "January half a million soldiers were there. In the autumn the diplomats "
                "travelled between capitals.")
        found = dict(values(text, self.DCT))
        assert found["January"] == "1991-01"
        assert found["the autumn"] == "1990-FA"

    def test_a_deadline_days_before_the_last_date_stays_in_its_year(self):
        text = ("The war broke out in 1947. On 10 May 1948 the front reached the coast. By "
                "8 May the port was empty.")
        assert dict(values(text, self.DCT))["8 May"] == "1948-05-08"

    def test_a_plan_told_in_the_past_lies_in_the_storys_years(self):
        text = ("The war broke out in 1968. In October 1973 the talks began. The two sides "
                "agreed to meet again in January. In November, the fighting resumed.")
        found = dict(values(text, self.DCT))
        assert found["January"] == "1974-01"
        assert found["November"] == "1973-11"  # the plan did not move the story on
        text = ("The war broke out in 1978. In May 1982 the fleet sailed south. The admiral "
                "said the landings would begin on 21 May.")
        assert dict(values(text, self.DCT))["21 May"] == "1982-05-21"

    def test_a_plan_told_in_the_past_lies_after_the_day_it_was_made(self):
        text = ("The war broke out in 1948. The siege began on 12 October 1951. In June the "
                "talks would resume, the envoy said.")
        assert dict(values(text, self.DCT))["June"] == "1952-06"

    def test_a_future_told_from_now_keeps_the_date_of_writing(self):
        text = "The memorial to the wars of 1967 and 1973 will open on 5 June."
        assert dict(values(text, self.DCT))["5 June"] == "2020-06-05"
        text = ("The war broke out in 1948. The siege began on 12 October 1951. In June the "
                "new bridge will open.")
        assert dict(values(text, self.DCT))["June"] == "2020-06"

    def test_a_modal_in_an_earlier_clause_leaves_the_main_clause_past(self):
        text = ("The war broke out in 1947. In April 1948 the front reached the coast. Worried "
                "that the port would fall, the mayor asked for help, and on 4 May the first "
                "ships arrived.")
        assert dict(values(text, self.DCT))["4 May"] == "1948-05-04"
        text = ("The war broke out in 1947. In April 1948 the front reached the coast. Fearing "
                "the port would be next, the mayor agreed to leave, and on 4 May he ordered "
                "the evacuation.")
        assert dict(values(text, self.DCT))["4 May"] == "1948-05-04"
        # news: the weekday of the main clause is the last one
        assert values("The company said it would cut jobs, and on Tuesday its shares fell.",
                      THU) == [("Tuesday", "2013-01-22")]

    def test_initials_do_not_end_the_main_clause(self):
        text = ("Fearing the port would be next, the governor agreed to let the fleet in, and "
                "on 4 May General J.R. Moore ordered the evacuation.")
        assert tense_of(text, "4 May") == "past"
        text = ("The war broke out in 1947. On 10 May 1948 the front reached the coast. "
                + text)
        # told in the past, a few days before the last date: the same year, not the next
        assert dict(values(text, self.DCT))["4 May"] == "1948-05-04"

    def test_a_future_main_clause_after_a_comma_stays_future(self):
        assert tense_of("He will travel to Paris, and on Friday meet the president.",
                        "Friday") == "future"

    def test_days_told_in_the_storys_year_keep_it_over_a_long_narrative(self):
        # the year is written out once; pages of days later a bare day is still in it
        filler = "The shelling went on and the town held out. " * 25
        text = ("The war broke out in 1948. The siege began on 12 October 1951. On 20 October "
                "the bridge fell. " + filler + "On 30 October the relief column arrived. "
                + filler + "On 6 November the siege was lifted.")
        found = dict(values(text, self.DCT))
        assert found["30 October"] == "1951-10-30"
        assert found["6 November"] == "1951-11-06"


def tense_of(text: str, expr: str) -> str | None:
    from timeline_app.extract.temporal.anchoring import tense

    i = text.index(expr)
    return tense(text, i, i + len(expr))


def test_overnight_after_an_evening_is_that_night():
    # a Saturday story: the siege began on Friday evening and the hostages were freed in the
    # night that followed, not in the night before Friday
    text = ("Gunmen stormed a hotel on Friday evening. Two car bombs went off shortly after "
            "7 p.m. Troops freed the hostages overnight.")
    assert dict(values(text, date(2022, 8, 20)))["overnight"] == "2022-08-19TNI"
    # but the night before a day just named led into that day
    assert dict(values("Stocks rose on Friday after overnight gains in Asia.",
                       date(2022, 8, 20)))["overnight"] == "2022-08-18TNI"


class TestFlashbacksInAHistory:
    """A history moves on from its own dates; a look back told in passing (a pluperfect
    clause, "since", a thing named by its year) leaves the story's year and day alone."""

    DCT = date(2024, 3, 15)

    def test_a_pluperfect_relative_clause_does_not_take_the_narrative_year(self):
        text = ("The rebels crossed the river in March 1994. They took the hills, which the "
                "army had seized four years earlier, in the campaign of May 1990. The town "
                "fell on April 9, and the next day the governor fled.")
        found = dict(values(text, self.DCT))
        assert found["May 1990"] == "1990-05"
        assert found["April 9"] == "1994-04-09"
        assert found["the next day"] == "1994-04-10"

    def test_a_year_naming_a_thing_or_after_since_is_background(self):
        text = ("The second war began in October 1985. Both armies were still short of tanks "
                "lost in the 1979 war, and the border had been closed since 1979. On "
                "November 2 the northern front broke.")
        found = dict(values(text, self.DCT))
        assert found["November 2"] == "1985-11-02"

    def test_a_main_clause_date_still_moves_the_story(self):
        text = ("The first treaty was signed in June 1961. In 1963 the talks resumed. In "
                "May the parties met in Geneva.")
        assert dict(values(text, self.DCT))["May"] == "1963-05"

    def test_a_history_that_opens_so_many_years_ago_today(self):
        # an anniversary piece: the opening "years ago" sets the story's year, and is no news
        text = ("Forty years ago today, the siege of the capital began. The rebels held the "
                "bridges, which they had taken eight years earlier, in the revolt of May 1976. "
                "On March 20 the airport fell, and the next day the garrison surrendered. A "
                "truce was signed in June 1985, and elections followed in 1987 and 1991.")
        found = dict(values(text, self.DCT))
        assert found["Forty years ago today"] == "1984-03-15"
        assert found["May 1976"] == "1976-05"
        assert found["March 20"] == "1984-03-20"
        assert found["the next day"] == "1984-03-21"

    def test_the_night_before_is_the_night_leading_into_the_day_told(self):
        text = ("The offensive opened on 6 October 1973. A warning had reached the cabinet "
                "the night before, but nobody acted.")
        assert dict(values(text, self.DCT))["the night before"] == "1973-10-05TNI"


class TestDeadlinesAndSchedules:
    SAT = date(2023, 5, 20)

    def test_a_deadline_set_in_the_past_follows_the_day_it_was_set(self):
        # a Thursday story: the ultimatum of Sunday 30 July ran to the next Sunday
        text = ("At a summit on July 30, the bloc shut its borders. It gave the officers "
                "until Sunday to step down.")
        assert dict(values(text, date(2023, 8, 10)))["Sunday"] == "2023-08-06"
        # set on Monday of this week, the Friday it runs to is still ahead
        assert dict(values("The court on Monday gave them until Friday to reply.",
                           date(2023, 8, 9)))["Friday"] == "2023-08-11"

    def test_a_start_that_takes_effect_lies_ahead(self):
        assert values("The truce takes effect on Monday.", self.SAT) == [
            ("Monday", "2023-05-22")]
        assert values("The new rules come into force on Monday.", self.SAT) == [
            ("Monday", "2023-05-22")]
        assert values("The truce took effect on Monday.", self.SAT) == [
            ("Monday", "2023-05-15")]

    def test_a_clock_read_in_a_named_place_keeps_its_day(self):
        text = "The ceasefire is due to begin at 9:45 p.m. Kyiv time on Monday, officials said."
        assert values(text, self.SAT) == [("9:45 p.m. Kyiv time on Monday", "2023-05-22T21:45")]
        # "This time" opening a sentence is no place's clock
        assert values("It ended at 9 p.m. This time on Monday we will know.", self.SAT) == [
            ("9 p.m.", "2023-05-20T21:00"), ("Monday", "2023-05-22")]


def test_an_apposition_after_the_subject_does_not_hide_the_past_verb():
    # the plan of the first clause ("agreed to cut") is not the tense of the second, whose
    # verb comes after the apposition of its subject
    text = ("The producers agreed to cut output, and on October 20 the kingdom, led by its "
            "king, announced an embargo.")
    assert tense_of(text, "October 20") == "past"
    assert tense_of("They agreed to cut output, and on October 20 the kingdom, led by its "
                    "king, will announce an embargo.", "October 20") == "future"


def test_agreed_to_a_noun_is_a_past_act_but_agreed_to_a_verb_a_plan():
    # TUE is a Tuesday: "agreed to a ceasefire on Monday" is yesterday's agreement, while
    # "agreed to meet on Monday" looks ahead to next week's meeting
    assert first("The two sides agreed to a ceasefire on Monday.").time.value == "2013-01-21"
    assert first("The two sides agreed to an immediate truce on Monday.").time.value == "2013-01-21"
    assert first("The two sides agreed to meet on Monday.").time.value == "2013-01-28"


def test_a_weekday_of_a_named_week_and_week_expressions_are_vague():
    # THU is a Thursday (2013-01-24)
    found = {x.text: x.time for x in tag("They met on Wednesday last week and will meet on "
                                         "Friday next week; talks stalled last week.", THU)}
    assert found["Wednesday last week"].value == "2013-01-16"
    assert found["Friday next week"].value == "2013-02-01"
    assert found["last week"].value == "2013-W03" and found["last week"].approximate
    assert not first("It rained on 3 March 2011.", THU).time.approximate


def test_a_future_seen_from_the_past_lies_near_the_story():
    # in a Thursday story, "would" from a past moment: the Wednesday just gone, not next week's
    assert first("From noon on Wednesday, the police would have 150 hours.", THU).time.value == (
        "2013-01-23T12:00")
    assert first("Russia will vote on Wednesday.", THU).time.value == "2013-01-30"
    assert first("Russia said it would vote on Monday.", THU).time.value == "2013-01-28"


def test_that_month_is_the_month_of_the_year_the_story_has_reached():
    assert values("They met in 1990. That June, the talks failed.", THU) == [
        ("1990", "1990"), ("That June", "1990-06")]
    assert ("Monday", "2013-01-21") in values("He said that Monday was hard.", THU)
    assert all(text.lower() != "that may" for text, _ in values(
        "He said that May would resign.", THU)), "Theresa May, not a month of the story"


def test_a_deadline_lies_ahead_unless_it_is_much_nearer_behind():
    # THU is 2013-01-24: "until July 31" half a year away either way is the coming one
    assert ("July 31", "2013-07-31") in values(
        "On Monday the ministers extended the sanctions until July 31.", THU)
    assert ("January 3", "2013-01-03") in values("The truce held until January 3.", THU)


def test_a_clock_time_opening_a_line_is_a_live_blogs_stamp_of_the_page_day():
    text = ("10:58 EDT\nIran's foreign ministry on Saturday called the decision shameful.\n\n"
            "11:14 EDT\nThe leaders met at the White House.")
    assert values(text, date(2020, 9, 15)) == [
        ("10:58 EDT", "2020-09-15T10:58"), ("Saturday", "2020-09-12"),
        ("11:14 EDT", "2020-09-15T11:14")]
    # inside a sentence a clock time still falls on the day the story tells of
    assert values("On Saturday the rally began at 10 p.m. and ended late.",
                  date(2020, 9, 15))[-1] == ("10 p.m.", "2020-09-12T22:00")


def test_earlier_this_month_lies_before_the_article_day_and_later_after_it():
    earlier = first("Algeria recalled its envoy earlier this month.", date(2021, 8, 24)).time
    assert (earlier.value, earlier.start, earlier.end, earlier.approximate) == (
        "2021-08", date(2021, 8, 1), date(2021, 8, 24), True)
    later = first("The talks resume later this year.", date(2021, 8, 24)).time
    assert (later.value, later.start, later.end) == ("2021", date(2021, 8, 24),
                                                     date(2021, 12, 31))


def test_days_later_after_a_month_lies_late_in_it_or_just_after():
    found = [x for x in tag("Tensions rose in July. Algeria recalled its envoy days later.",
                            date(2021, 8, 24)) if x.text == "days"]
    assert found and found[0].time.value == "PXD"
    assert (found[0].time.start, found[0].time.end) == (date(2021, 7, 2), date(2021, 8, 3))
    assert found[0].time.approximate


class TestDaysSetAndNamed:
    def test_a_day_something_is_set_for_or_starts_on_lies_ahead(self):
        assert values("Khan summoned a joint session of parliament for Wednesday.") == [
            ("Wednesday", "2013-01-23")]
        assert values("The government suspended flights, starting on Friday evening.") == [
            ("Friday evening", "2013-01-25TEV")]
        assert values("The vigil for Sunday was cancelled.") == [
            ("Sunday", "2013-01-20")], "the clause goes on: the plan is over"

    def test_the_september_11_attacks_are_those_of_2001(self):
        assert values("They sheltered al-Qaeda before the 11 September attacks.") == [
            ("11 September", "2001-09-11")]
        assert values("On September 11 the talks began.", date(2020, 3, 2)) == [
            ("September 11", "2019-09-11")]

    def test_a_clock_time_keeps_its_zone(self):
        assert values("23:10 MSK\nThe convoy turned back.") == [("23:10 MSK", "2013-01-22T23:10")]
        assert values("At 9 a.m. Kyiv time the sirens sounded.") == [
            ("9 a.m. Kyiv time", "2013-01-22T09:00")]

    def test_the_early_hours_are_the_morning_of_the_day_told(self):
        assert values("The fighters had held the base since the early hours.") == [
            ("the early hours", "2013-01-22TMO")]
        assert first("In the early hours of the war, troops moved.").type == "DURATION"

    def test_the_same_day_as_a_thing_told_before_is_that_things_day(self):
        text = ("The deal was signed on Saturday in a Doha hotel. Prisoners should be freed by "
                "10 March. On the same day as the Doha ceremony, Esper stood beside Ghani.")
        assert values(text, date(2020, 3, 2)) == [
            ("Saturday", "2020-02-29"), ("10 March", "2020-03-10"),
            ("the same day", "2020-02-29")]
        assert values("Troops left on Saturday. Talks open on 10 March. The same day, Iran "
                      "spoke.", date(2020, 3, 2))[-1] == ("The same day", "2020-03-10")

    def test_the_day_after_a_thing_told_before_is_the_day_after_its_day(self):
        text = ("The flight was diverted to Minsk on May 23. EU leaders, meeting the day after "
                "the diversion, condemned it.")
        assert values(text, date(2021, 6, 21)) == [
            ("May 23", "2021-05-23"), ("the day", "2021-05-24")]
        # ("diver-sion" and "diver-ted" share their first five letters; a thing never told
        # with a day, or a common word, gives no day)
        assert values("Leaders met the day after the vote.", date(2021, 6, 21)) == []
        assert values("He was shot on Oct. 23. Men came the day after his funeral.",
                      date(2021, 6, 21)) == [("Oct. 23", "2020-10-23")]
