"""TimeML conventions the tagger follows beyond the plain value forms: references to the
future and the past, vague and repeated periods, quarterly reports, narrative anaphora.

Sentences are our own. The document date is Tuesday 22 January 2013 unless a test says
otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.extract.temporal import tag

DCT = date(2013, 1, 22)


def found(text: str, published: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.time.value) for e in tag(text, published)]


class TestReferences:
    @pytest.mark.parametrize(
        ("text", "expr"),
        [
            ("Prices may stay high in the near term.", "the near term"),
            ("The plan should help in the short term, he said.", "the short term"),
            ("The bonds will be repaid at a later date.", "a later date"),
            ("The court will soon rule on the appeal.", "soon"),
            ("Officials said they may soon close the border.", "soon"),
        ],
    )
    def test_times_still_to_come(self, text, expr):
        assert found(text) == [(expr, "DATE", "FUTURE_REF")]

    @pytest.mark.parametrize(
        "text",
        [
            "They signed a long-term contract.",  # an adjective
            "He left as soon as the shelling stopped.",  # a link between events
            "The rebels were soon driven back.",  # a past sequence
            "The town fell soon after the bridge was lost.",
        ],
    )
    def test_no_time_of_their_own(self, text):
        assert found(text) == []

    def test_future_and_coming_periods(self):
        assert found("The levy will cut tax payments in future years.") == [
            ("future years", "DATE", "FUTURE_REF")]
        e = tag("Funds may sell more bonds in the weeks ahead.", DCT)[0]
        assert (e.text, e.type, e.time.value) == ("the weeks ahead", "DURATION", "PXW")
        assert (e.time.start, e.time.end) == (DCT, date(2013, 2, 12))

    def test_vague_lengths_of_many_units(self):
        assert found("Many patients were helped over the years.") == [
            ("the years", "DURATION", "PXY")]
        assert found("The city was ruled from abroad for centuries.") == [
            ("centuries", "DURATION", "PXY")]
        assert found("The families had not spoken for decades.") == [
            ("decades", "DURATION", "PXY")]


def test_as_many_weeks_counts_events():
    assert found("It was the third attack in as many weeks. The siege lasted many weeks.") == [
        ("many weeks", "DURATION", "PXW")]


def test_since_year_end_is_the_last_one():
    # "year-end" is the closing day of the books, 31 December; "since" looks back to the last
    assert found("The index is up 9% since year-end.", date(1989, 10, 30)) == [
        ("year-end", "DATE", "1988-12-31")]
    assert found("The deal should close by year-end.", date(1989, 10, 30)) == [
        ("year-end", "DATE", "1989-12-31")]
    assert found("Cash stood at $2 million at year end.", date(2013, 5, 6)) == [
        ("year end", "DATE", "2013-12-31")]


def test_the_years_end_is_the_end_of_the_year():
    got = tag("Rules should be in place by the year's end.", date(1989, 10, 26))
    assert [(e.text, e.time.value, e.time.mod) for e in got] == [("the year's end", "1989", "END")]


class TestSets:
    def test_weekday_with_a_plural_part_of_day(self):
        assert found("Two flights will leave on Monday and Tuesday nights.") == [
            ("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]
        assert found("The market opens on Sunday mornings.") == [
            ("Sunday mornings", "SET", "XXXX-WXX-7TMO")]

    def test_a_single_night_stays_a_time(self):
        assert found("The convoy was shelled on Friday night.") == [
            ("Friday night", "TIME", "2013-01-18TNI")]


class TestPointsAndLengths:
    def test_decades_ago_is_a_year(self):
        assert found("The alliance was still divided a decade ago.") == [
            ("a decade ago", "DATE", "2003")]
        assert found("The war began more than four decades ago.") == [
            ("more than four decades ago", "DATE", "1973")]

    def test_the_past_decade_is_a_length(self):
        e = tag("Attacks became routine over the past decade.", DCT)[0]
        assert (e.text, e.type, e.time.value) == ("the past decade", "DURATION", "P10Y")
        assert (e.time.start, e.time.end) == (date(2003, 1, 22), DCT)
        # the last decade is the one before this one, as before
        assert found("Prices doubled in the last decade.") == [
            ("the last decade", "DATE", "200")]

    def test_a_year_earlier_repeats_the_comparison_of_a_year_ago(self):
        text = ("Profit rose to $5 million from $4 million a year ago. Sales reached "
                "$9 million, against $8 million a year earlier.")
        assert found(text) == [("a year ago", "DATE", "2012"),
                               ("a year earlier", "DATE", "2012")]

    def test_a_year_earlier_still_steps_back_from_a_named_year(self):
        assert found("The dam opened in 1990. A year earlier, the valley was flooded.") == [
            ("1990", "DATE", "1990"), ("A year earlier", "DATE", "1989")]


class TestNarrative:
    def test_that_same_day_of_a_month(self):
        text = "The office was raided last October. Its files were seized that same day."
        assert found(text) == [("last October", "DATE", "2012-10"),
                               ("that same day", "DATE", "2012-10-XX")]

    def test_that_day_of_a_generic_example(self):
        text = "In 1987 the rules changed. Traders who sold that day lost heavily."
        assert found(text) == [("1987", "DATE", "1987")]

    def test_the_following_season_of_a_history(self):
        # winter 1941 is December 1941 to February 1942: it follows the autumn of 1941
        assert found("By the autumn of 1941 they had reached Moscow. The following winter "
                     "was bitter.") == [("the autumn of 1941", "DATE", "1941-FA"),
                                        ("The following winter", "DATE", "1941-WI")]
        assert found("On 7 December 1941 Japan attacked. The following spring the fleet "
                     "sailed.")[-1] == ("The following spring", "DATE", "1942-SP")

    def test_decades_earlier_stay_years(self):
        assert found("On 7 December 1941 Japan attacked. A decade earlier, few had "
                     "foreseen it.")[-1] == ("A decade earlier", "DATE", "1931")

    def test_a_history_told_day_by_day(self):
        text = ("Early in 1942 the ice road opened. On 27 January 1944 the siege was lifted. "
                "Three days after that, the city celebrated. By late autumn the Baltic states "
                "had been retaken. On 8 May 1945 Germany surrendered. That night crowds filled "
                "the streets.")
        got = {e.text: e for e in tag(text, DCT)}
        early = got["Early in 1942"].time
        assert (early.value, early.mod, early.start) == ("1942", "START", date(1942, 1, 1))
        assert got["Three days after that"].time.value == "1944-01-30"
        autumn = got["late autumn"].time  # the year the history is in, not the article's
        assert (autumn.value, autumn.mod) == ("1944-FA", "END")
        night = got["That night"]
        assert (night.type, night.time.value) == ("TIME", "1945-05-08TNI")

    def test_that_night_needs_a_day(self):
        assert found("That night was cold, the veterans recall.") == []

    def test_earlier_in_the_past_tense_does_not_follow_a_future_day(self):
        text = ("The talks, scheduled for next Tuesday, were postponed. Two days earlier, a "
                "convoy was hit.")
        assert found(text, date(2023, 3, 3)) == [
            ("next Tuesday", "DATE", "2023-03-07"), ("Two days earlier", "DATE", "2023-03-01")]

    def test_the_day_before_a_named_day(self):
        assert found("The day before last Tuesday's hearing, the lawyers met.",
                     date(2000, 2, 24)) == [("The day before last Tuesday", "DATE",
                                             "2000-02-21")]

    def test_ahead_of_looks_forward_but_only_at_its_object(self):
        assert found("Traders sold ahead of the weekend.", date(1989, 10, 30)) == [
            ("the weekend", "DATE", "1989-W44-WE")]
        # "ahead of" the trip says nothing of when the caution was issued
        assert found("Just ahead of the trip, the ministry on Sunday issued a warning.",
                     date(1998, 8, 17)) == [("Sunday", "DATE", "1998-08-16")]


class TestQuarterlyReports:
    def test_a_quarter_named_in_passing_does_not_move_the_comparisons(self):
        filler = "The company makes paper, tissue and diapers in nine countries. " * 5
        text = ("Acme posted a 20% gain in third-quarter net income. After a flat second "
                "quarter, the company said demand had improved. " + filler
                + "In the year-earlier period, it took charges. Costs were lower than a "
                "year ago.")
        assert found(text, date(1989, 11, 1)) == [
            ("third-quarter", "DATE", "1989-Q3"), ("second quarter", "DATE", "1989-Q2"),
            ("the year-earlier period", "DATE", "1988-Q3"), ("a year ago", "DATE", "1988-Q3")]

    def test_close_by_the_quarter_just_named_counts(self):
        text = ("Acme reported third-quarter profit. In the comparable year-ago quarter, the "
                "second quarter, it lost money. Results for that quarter included a charge.")
        values = found(text, date(1989, 10, 27))
        # "that" is the quarter's determiner, inside the span as "the" is
        assert values[-1] == ("that quarter", "DATE", "1989-Q2")

    def test_the_latest_period_is_the_reported_quarter(self):
        text = ("Ralston said fourth-quarter net rose. Sales in the latest period were "
                "$1.76 billion.")
        assert found(text, date(1989, 11, 2)) == [("fourth-quarter", "DATE", "1989-Q4"),
                                                  ("the latest period", "DATE", "1989-Q4")]

    def test_a_fiscal_quarter_is_not_the_calendar_quarter_in_focus(self):
        text = ("Delta posted profit for the fiscal first quarter. "
                + "Revenue rose on strong traffic. " * 12
                + "America West reported third-quarter profit. " + "It flew more. " * 25
                + "Year-earlier results included a gain.")
        assert found(text, date(1989, 10, 26))[-1] == ("Year-earlier", "DATE", "1988-Q3")

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("In the quarter ended July 31, Jayark earned $1 million.", "1989-Q2"),
            ("Sales increased in the quarter ended Sept. 30 to $747 million.", "1989-Q3"),
            ("For the quarter ending Dec. 31, 1988, it lost money.", "1988-Q4"),
        ],
    )
    def test_a_quarter_by_the_day_it_ended(self, text, value):
        assert found(text, date(1989, 10, 30))[0][2] == value

    def test_a_report_on_a_fiscal_quarter_keeps_its_fiscal_number(self):
        text = ("Sun earned $5 million in the fiscal first quarter. Sales for the quarter "
                "ended Sept. 29 rose 39%. In the 1988 period, it earned $20 million. The "
                "company shipped 28,000 systems in the quarter.")
        assert found(text, date(1989, 10, 26)) == [
            ("the fiscal first quarter", "DATE", "1989-Q1"), ("the quarter", "DATE", "1989-Q1"),
            ("Sept. 29", "DATE", "1989-09-29"), ("the 1988 period", "DATE", "1988-Q1"),
            ("the quarter", "DATE", "1989-Q1")]

    def test_a_numbered_quarter_keeps_its_number(self):
        # a fiscal fourth quarter that ended in September is still the fourth quarter
        assert found("Earnings for its fourth quarter ended Sept. 30 fell.",
                     date(1989, 11, 2))[0] == ("fourth quarter", "DATE", "1989-Q4")


class TestNonTemporalUses:
    """Words of time that name no time: speeds, rates, an age, a discourse marker."""

    @pytest.mark.parametrize(
        "text",
        [
            "The new engine turns at 3,000 revolutions per second.",  # a speed
            "The ferry line runs four crossings a week on the route.",  # a rate
            "The pumps move seventy barrels a day from the well.",
            "Teachers worry about what today's youth will read.",  # the present age
            "The museum shows the cars of tomorrow to schoolchildren.",
        ],
    )
    def test_no_time_expression(self, text):
        assert found(text) == []

    def test_frequencies_stay_sets(self):
        assert found("Take the pill twice per day.") == [("per day", "SET", "P1D")]
        assert found("The guards change every hour.") == [("every hour", "SET", "PT1H")]

    def test_today_of_a_day_stays_a_day(self):
        assert found("Today's vote will decide the budget.") == [
            ("Today", "DATE", "2013-01-22")]

    def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker(self):
        assert found("The rebels held the bridge. Now, the mayor says, talks must start.") == []
        assert found("The rebels held the bridge. Now the army controls it.") == [
            ("Now", "DATE", "PRESENT_REF")]

    def test_then_current_is_a_past_present(self):
        assert found("Holders could buy shares at half the then current market price.") == [
            ("then current", "DATE", "PAST_REF")]


class TestLengthsInCompounds:
    @pytest.mark.parametrize(
        ("text", "expr", "value"),
        [
            ("The envoys ended a day-long meeting without a deal.", "day-long", "P1D"),
            ("The decades-long feud over the river ended.", "decades-long", "PXY"),
            ("A week-long strike closed the port.", "week-long", "P1W"),
        ],
    )
    def test_x_long_modifiers(self, text, expr, value):
        assert found(text) == [(expr, "DURATION", value)]

    def test_a_unit_and_a_half(self):
        assert found("A minute and a half later, the alarm rang.") == [
            ("A minute and a half", "DURATION", "PT1M30S")]
        assert found("The vote took an hour and a half.") == [
            ("an hour and a half", "DURATION", "PT1H30M")]

    def test_the_opening_stretch_of_something(self):
        assert found("Hundreds were detained in the first hours of the uprising.") == [
            ("the first hours", "DURATION", "PTXH")]
        assert found("The fund lost money in the early years.") == [
            ("the early years", "DURATION", "PXY")]

    def test_for_a_while(self):
        assert found("The town will have to live without power for a while.") == [
            ("a while", "DURATION", "PXX")]
        assert found("Stay a while and rest.") == []


class TestRangesAndYears:
    def test_the_second_day_of_a_range(self):
        assert found("The summit will be held on April 24 and 25.", date(1999, 2, 10)) == [
            ("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]

    def test_a_range_takes_the_year_written_after_it(self):
        assert found("Talks ran Oct. 12-13, 1989, in Paris.") == [
            ("Oct. 12", "DATE", "1989-10-12"), ("13", "DATE", "1989-10-13")]

    def test_numbers_after_and_are_no_days_without_a_month(self):
        assert found("He scored 24 and 25 points in the two games.") == []

    def test_pre_and_post_years(self):
        assert found("The post-1959 politics split many families.") == [
            ("1959", "DATE", "1959")]
        assert found("They want the pre-1914 borders back.") == [("1914", "DATE", "1914")]


class TestAnnually:
    def test_a_yearly_event(self):
        assert found("The festival is held here annually.") == [("annually", "SET", "P1Y")]

    def test_a_growth_rate_is_no_set(self):
        assert found("Sales should rise 8% annually.") == []
        assert found("The plant would make 10,000 units annually.") == []


def test_the_latest_period_of_a_fiscal_report():
    text = ("The steelmaker posted net income for the fiscal second quarter. Sales rose to "
            "$747 million. The latest period includes gains on asset sales.")
    assert found(text, date(1989, 10, 26))[-1] == ("The latest period", "DATE", "1989-Q2")


def test_today_in_the_name_of_a_paper_or_programme_is_no_day():
    assert found("The senator told USA Today he would run.", date(1998, 3, 31)) == []
    assert found("This is VOA Today.", date(1998, 3, 31)) == []
    assert found("Today the USA reporter left.", date(1998, 3, 31)) == [
        ("Today", "DATE", "1998-03-31")]


def test_most_recently_before_a_time_leaves_the_time_to_say_when():
    text = "Three clinics were attacked, most recently last October in Ohio."
    assert found(text, date(1999, 2, 6)) == [("last October", "DATE", "1998-10")]
    assert found("The mayor most recently visited Lima.", date(1999, 2, 6)) == [
        ("most recently", "DATE", "PAST_REF")]


class TestEaster:
    def test_easter_follows_the_moon(self):
        # Easter Sunday by the Gregorian computus, checked against church calendars
        from timeline_app.extract.temporal.dates import easter_sunday
        assert [easter_sunday(y) for y in (1916, 1972, 2000, 2013, 2038)] == [
            date(1916, 4, 23), date(1972, 4, 2), date(2000, 4, 23), date(2013, 3, 31),
            date(2038, 4, 25)]

    def test_easter_days_and_week(self):
        day = date(2000, 4, 17)
        assert found("Pilgrims gathered as Easter week began.", day) == [
            ("Easter week", "DATE", "2000-W16")]
        assert found("The shops were shut on Easter Monday.", day) == [
            ("Easter Monday", "DATE", "2000-04-24")]
        assert found("The offensive began on Easter Sunday, 1972.", day) == [
            ("Easter Sunday, 1972", "DATE", "1972-04-02")]

    def test_names_that_hold_easter_are_no_date(self):
        assert found("They sailed to Easter Island.", date(2000, 4, 17)) == []
        assert found("The Easter Rising failed.", date(2000, 4, 17)) == []

    def test_easter_as_a_time_and_as_a_mere_word(self):
        day = date(2000, 4, 17)
        assert found("Talks resume after Easter.", day) == [("Easter", "DATE", "2000-04-23")]
        assert found("Over the Easter weekend, crowds came.", day) == [
            ("Easter weekend", "DATE", "2000-W16-WE")]
        assert found("Children hunted Easter eggs.", day) == []
        assert found("The Easter parade was cancelled.", day) == []


def test_until_then_is_the_time_just_named():
    text = "Conversion rights lapse on Nov. 30. Until then, the shares can be converted."
    assert found(text, date(1989, 10, 30)) == [
        ("Nov. 30", "DATE", "1989-11-30"), ("then", "DATE", "1989-11-30")]
    assert found("The siege lasted into March 1942. By then the city was starving.",
                 date(2013, 1, 22)) == [
        ("March 1942", "DATE", "1942-03"), ("then", "DATE", "1942-03")]
    # a sequence of events, not a time
    assert found("Since then, prices have fallen.", date(1989, 10, 30)) == []
    assert found("He left, and then he came back.", date(1989, 10, 30)) == []


def test_the_past_three_summers_are_those_summers():
    assert found("Parades led to riots in the past three summers.", date(1998, 3, 22)) == [
        ("the past three summers", "SET", "XXXX-SU")]
    assert found("In the past, it rained.", date(1998, 3, 22)) == [
        ("the past", "DATE", "PAST_REF")]


def test_in_so_many_years_ahead_is_a_date():
    # a point that far ahead of the article (TimeML DATE), not a length
    assert found("The bonds will be repaid in five years.", date(1989, 11, 2)) == [
        ("five years", "DATE", "1994")]
    assert found("The ceasefire is to start in two weeks.", date(2013, 1, 22)) == [
        ("two weeks", "DATE", "2013-W06")]
    # in the past, "within", or "in two weeks of talks": a length
    assert found("Prices doubled in two years.", date(1989, 11, 2)) == [
        ("two years", "DURATION", "P2Y")]
    assert found("The bonds must be sold within five years.", date(1989, 11, 2)) == [
        ("five years", "DURATION", "P5Y")]
    assert found("The talks will end in two weeks of bargaining.", date(1989, 11, 2)) == [
        ("two weeks", "DURATION", "P2W")]


def test_later_in_the_day_is_the_day_being_told():
    assert found("The minister flew to Lyon later in the day.", date(1998, 2, 13)) == [
        ("the day", "DATE", "1998-02-13")]
    assert found("Troops crossed on Oct. 3. Early in the day, shells fell.",
                 date(1998, 10, 25)) == [
        ("Oct. 3", "DATE", "1998-10-03"), ("the day", "DATE", "1998-10-03")]
    assert found("The reformers carried the day.", date(1998, 2, 13)) == []


def test_a_four_digit_clock_time_with_a_zone():
    assert found("The ferry sank at 2145 GMT on Saturday.", date(2013, 1, 22)) == [
        ("2145 GMT on Saturday", "TIME", "2013-01-19T21:45")]
    # the same moment restated in brackets is not a second expression (TimeBank leaves it out)
    assert found("The ferry sank at 9:45 p.m. (2145 GMT) on Saturday.",
                 date(2013, 1, 22)) == [
        ("9:45 p.m.", "TIME", "2013-01-19T21:45"), ("Saturday", "DATE", "2013-01-19")]
    assert found("The fort was built in 1530 by monks.", date(2013, 1, 22)) == [
        ("1530", "DATE", "1530")]


def test_a_bare_plural_of_units_counted_from_the_story():
    assert found("Fishermen who came back decades later found the reef gone.") == [
        ("decades", "DURATION", "PXY")]
    assert found("The crossing took weeks.") == [("weeks", "DURATION", "PXW")]
    assert found("Hours earlier, the ship had left port.") == [("Hours", "DURATION", "PTXH")]
    assert found("Weeks of talks ended.") == []
    assert found("Nobody had planned the raid months ahead.") == [
        ("months", "DURATION", "PXM")]
    # "the weeks before the vote" is a stretch told by the event (TimeBank dates it): no length
    assert found("Leaflets were handed out in the weeks before the vote.") == []


def test_a_year_that_is_the_subject_of_a_verb():
    assert found("The plan for 2014 has not been approved.") == [("2014", "DATE", "2014")]
    assert found("The budget for 2012 was cut twice.") == [("2012", "DATE", "2012")]
    assert found("Police fired 1500 rounds.") == []


def test_a_quarter_of_an_amount_is_no_time():
    assert found("Exports have shrunk by a quarter.") == []
    assert found("The stoppage lasted a quarter.") == [("a quarter", "DURATION", "P1Q")]


def test_a_fraction_of_a_unit():
    assert found("The tribunal sat for almost a quarter of a century.") == [
        ("almost a quarter of a century", "DURATION", "P25Y")]
    assert found("The vote took three quarters of an hour.") == [
        ("three quarters of an hour", "DURATION", "PT45M")]
    assert found("The dispute lasted a quarter-century.") == [
        ("a quarter-century", "DURATION", "P25Y")]
    assert found("He won a quarter of the vote.") == []


def test_every_weekend_is_a_set_of_weekends():
    assert found("The market opens every weekend.") == [("every weekend", "SET", "XXXX-WXX-WE")]


def test_the_shopping_days_after_thanksgiving():
    assert found("Stores expect crowds on Black Friday.", date(2013, 10, 2)) == [
        ("Black Friday", "DATE", "2013-11-29")]
    assert found("Online sales on Cyber Monday rose.", date(2013, 10, 2)) == [
        ("Cyber Monday", "DATE", "2012-11-26")]
    assert found("It was a black Friday for the bank.", date(2013, 10, 2)) == []


def test_winter_named_in_its_own_january_or_february():
    feb = date(2026, 2, 12)
    assert found("Bills were high this winter.", feb) == [("this winter", "DATE", "2025-WI")]
    assert found("Repairs cost more than last winter.", feb) == [
        ("last winter", "DATE", "2024-WI")]
    assert found("Next winter will be colder.", feb) == [("Next winter", "DATE", "2026-WI")]


def test_over_the_next_decade_is_a_length():
    assert found("The firm will spend 9 billion over the next decade.") == [
        ("the next decade", "DURATION", "P10Y")]
    assert found("Output will fall from 2027 as fields run dry.") == [("2027", "DATE", "2027")]
