"""Events from the whole extraction (actors recognised from the lexicons, then events) on
sentences of our own: evacuations, acts done to each other, passives, wire-copy phrasings.

The people a state takes out ("its diplomats", "British diplomats") are its own, never the party
acted upon; "backed by Russia and China" names both backers.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.domain import Article
from timeline_app.extract.article_extraction import extract_article


def _events(text: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    result = extract_article(Article("e1", "e.txt", "e", text, date(2023, 4, 24), "given"))
    return [(e.type, e.source, e.target, e.co_sources) for e in result.events
            if e.type != "occurrence"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Britain evacuated its diplomats on Sunday.", ("evacuation", "united-kingdom", None)),
    ("Britain said its armed forces had evacuated British diplomats and their families.",
     ("evacuation", "united-kingdom", None)),
    ("Germany evacuated its citizens from Sudan.", ("evacuation", "germany", "sudan")),
    ("On Saturday Saudi Arabia brought out 157 people by ship from Sudan.",
     ("evacuation", "saudi-arabia", "sudan")),
    ("U.S. special forces landed in Khartoum and lifted out fewer than 100 people.",
     ("evacuation", "united-states", None)),
])
def test_a_state_taking_its_people_out_evacuates(text, expected):
    found = _events(text)
    assert any(e[:3] == expected for e in found), found


def test_several_states_beginning_their_own_airlifts_all_evacuate():
    found = _events("France, Germany and Italy began their own airlifts the same day.")
    assert ("evacuation", "france", None, ("germany", "italy")) in found


def test_bringing_out_evidence_is_no_evacuation():
    assert not [e for e in _events("Police in Kenya brought out the evidence on Monday.")
                if e[0] == "evacuation"]


def test_an_act_done_to_each_other_goes_both_ways():
    found = _events("India and Pakistan blamed one another for the violence.")
    assert ("accusation", "india", "pakistan", ()) in found
    assert ("accusation", "pakistan", "india", ()) in found
    found = _events("Russia and Ukraine accused the West of delays.")
    assert not [e for e in found if e[2] in ("russia", "ukraine")]


@pytest.mark.parametrize(("text", "expected"), [
    # a passive of a pattern whose target may stand before it ("Syria's backer")
    ("Serbia, backed by Russia and China, still refuses to recognise it.",
     ("support", "russia", "serbia", ("china",))),
    ("Serbia was backed by Russia.", ("support", "russia", "serbia", ())),
    # the agents listed end where a clause of their own begins
    ("Kenya was attacked by Somalia, and Uganda protested.",
     ("military_action", "somalia", "kenya", ())),
])
def test_a_passive_names_its_agents_after_by(text, expected):
    found = _events(text)
    assert expected in found, found


def test_the_plan_backed_by_a_state_is_no_party():
    assert not [e for e in _events("The plan was backed by the United States on Monday.")
                if e[0] == "support"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The text reaffirmed the declaration Kim Jong-un signed with South Korean President Moon "
     "Jae-in on 27 April.", ("agreement", "kim-jong-un", "moon-jae-in")),
    ("US President Donald Trump and North Korean leader Kim Jong-un have signed a joint "
     "statement.", ("agreement", "donald-trump", "kim-jong-un")),
    ("The Kosovo Albanian delegation signed the proposed settlement with Serbia.",
     ("agreement", "kosovo", "serbia")),
    ("Mali ordered the French ambassador to leave within 72 hours.",
     ("distancing", "mali", "france")),
    ("Moscow recalled its military representative from NATO.", ("distancing", "russia", "nato")),
    ("Yugoslav army units launched offensives against the Kosovo Liberation Army.",
     ("military_action", "yugoslavia", "kosovo-liberation-army")),
    ("The European Union imposed travel bans and asset freezes on 78 Belarusian officials.",
     ("sanctions", "european-union", "belarus")),
    ("EU blacklists 78 Belarusians over jet diversion.",
     ("sanctions", "european-union", "belarus")),
    ("Belarus said Minsk would answer the EU decision with countermeasures.",
     ("threat", "belarus", "european-union")),
    ("The EU vowed to hold Russia accountable for the attack.",
     ("threat", "european-union", "russia")),
    ("Blinken warned that Washington would hold violators to account.",
     ("threat", "united-states", None)),
    ("Turkey agreed to buy it from Russia in 2017.", ("agreement", "turkey", "russia")),
    ("The State Department approved a possible $3.5 billion Patriot sale to Turkey.",
     ("arms_supply", "united-states", "turkey")),
    ("President Donald Trump was sympathetic. After meeting Erdogan in Osaka, he said Turkey "
     "had been treated unfairly.", ("meeting", "donald-trump", "recep-tayyip-erdogan")),
    ("Iran retaliated against Israel on Saturday.", ("military_action", "iran", "israel")),
    ("Turkey's parliament ratified Sweden's NATO membership.", ("support", "turkey", "sweden")),
    ("The United States sent two carriers to the region to deter Iran.",
     ("threat", "united-states", "iran")),
    ("The Houthis attacked ships in the Red Sea.", ("military_action", "houthis", None)),
    # the pair the story is about, a venue apart
    ("Trump met Kim Jong-un in Singapore. Both sides agreed to build new relations.",
     ("agreement", "donald-trump", "kim-jong-un")),
])
def test_wire_copy_phrasings(text, expected):
    found = _events(text)
    assert any(e[:3] == expected for e in found), found


def test_restrictions_imposed_on_no_party_are_no_sanctions():
    assert not [e for e in _events("The government imposed restrictions on protests.")
                if e[0] == "sanctions"]


def test_the_object_of_an_opening_participle_is_not_the_he_after_it():
    found = _events("President Donald Trump was sympathetic. After meeting Erdogan in Osaka, he "
                    "said Turkey had been treated unfairly.")
    assert ("statement", "donald-trump", None, ()) in found


def test_a_supply_chain_is_no_arms_supply():
    found = _events("The White House said it was cutting Turkish firms out of the supply chain "
                    "and cancelling the delivery of 100 jets.")
    assert not [e for e in found if e[0] == "arms_supply"], found


def test_an_event_involves_everyone_its_sentence_names_parties_first():
    result = extract_article(Article("e1", "e.txt", "e", "Turkey's parliament ratified Sweden's "
                                     "membership of NATO.", date(2024, 1, 24), "given"))
    support = next(e for e in result.events if e.type == "support")
    assert support.actors == ("turkey", "sweden", "nato")


@pytest.mark.parametrize("text", [
    "South Korean shoppers began boycotting Japanese beer.",
    "Chinese protesters attacked Japanese shops.",
])
def test_people_of_a_country_do_not_act_for_it(text):
    assert not [e for e in _events(text) if e[1] in ("south-korea", "china")], _events(text)


def test_an_event_is_drawn_in_its_parties_lanes_not_everyone_named():
    from timeline_app.domain import Corpus
    from timeline_app.export.timeline_layout import ACTOR_LANES, NO_ACTOR, lane_keys

    result = extract_article(Article(
        "e1", "e.txt", "e", "Moscow supplied Damascus with arms and, with China, vetoed Security "
        "Council resolutions. The truce took effect on 14 August.", date(2014, 9, 1), "given"))
    arms = next(e for e in result.events if e.type == "arms_supply")
    assert "china" in arms.actors and arms.parties == ("russia", "syria")
    happening = next(e for e in result.events if e.type == "occurrence")
    corpus = Corpus((result.article,), tuple(result.actors.values()), tuple(result.events), ())
    _order, per_event = lane_keys(corpus, list(result.events), ACTOR_LANES, False)
    lanes = dict(zip((e.id for e in result.events), per_event, strict=True))
    assert lanes[arms.id] == ["russia", "syria"]
    assert lanes[happening.id] == ["?"] and NO_ACTOR == "(no actor named)"


def test_a_dated_happening_with_no_one_named_is_on_the_timeline():
    result = extract_article(Article(
        "e1", "e.txt", "e", "Last updated 19:52 EDT\n\nThe truce took effect at 8am on 14 "
        "August. Growth slowed in 2019.", date(2006, 8, 20), "given"))
    assert [(e.type, e.actors, e.time.value) for e in result.events] == [
        ("occurrence", (), "2006-08-14T08:00")]  # (not the page's stamp, not a bare year)


def test_ordering_ones_own_citizens_out_is_no_expulsion():
    assert not [e for e in _events("Britain ordered its citizens to leave Sudan.")
                if e[0] == "distancing"]


def _occurrences(text: str) -> list[tuple[str, tuple[str, ...]]]:
    result = extract_article(Article("e1", "e.txt", "e", text, date(2023, 4, 24), "given"))
    return [(e.time.value, e.actors) for e in result.events if e.type == "occurrence"]


def test_each_dated_clause_of_a_compound_sentence_is_an_occurrence_of_its_own():
    found = _occurrences("Japan ruled the peninsula from 1910 to 1945, and in October 2018 "
                         "South Korea's top court ordered two Japanese firms to pay damages.")
    assert [value for value, _ in found] == ["1910", "2018-10"]  # 1945 ends the first period
    assert found[1][1] == ("south-korea",)


def test_a_clause_after_an_opening_subordinate_clause_keeps_none_of_its_actors():
    found = _occurrences("After Kenya's president left Nairobi on 2 March, gunmen stormed the "
                         "parliament building on 5 March.")
    assert [value for value, _ in found] == ["2023-03-02", "2023-03-05"]
    assert "kenya" in found[0][1]
    assert found[1][1] == ()  # nobody named in the clause that tells of the storming


def test_a_relative_clause_dates_its_own_occurrence():
    found = _occurrences("Fighting broke out on April 15 between the two generals, who had "
                         "ousted Sudan's civilian cabinet in October 2021.")
    assert ("2021-10", ("sudan",)) in found
    assert found[0][0] == "2023-04-15"


def _timed(text: str, published: date) -> list[tuple[str, str | None, str]]:
    result = extract_article(Article("e1", "e.txt", "e", text, published, "given"))
    return [(e.type, e.source, e.time.value) for e in result.events if e.type != "occurrence"]


def test_a_clause_a_length_after_the_main_one_is_dated_that_long_before_it():
    found = _timed("Iran seized the tanker two weeks after Britain detained an Iranian ship.",
                   date(2019, 7, 19))
    assert ("military_action", "iran", "2019-07-19") in found
    assert ("military_action", "united-kingdom", "2019-07-05") in found  # 19 July - 14 days
    found = _timed("The strike on Tuesday came three days after Hamas fired rockets at Israel.",
                   date(2019, 7, 19))
    assert ("military_action", "hamas", "2019-07-13") in found  # Tuesday 16 July - 3 days


def test_a_clause_a_length_before_the_main_one_is_dated_that_long_after_it():
    found = _timed("Kenya condemned Somalia on Monday, two days before Somalia expelled "
                   "Kenya's ambassador.", date(2023, 3, 8))
    assert ("condemnation", "kenya", "2023-03-06") in found
    assert [value for kind, _, value in found if kind == "distancing"] == ["2023-03-08"]


def test_a_clause_that_tells_its_own_date_keeps_it():
    found = _timed("The raid came 12 days after Pakistan shelled Indian posts on 14 February.",
                   date(2019, 2, 26))
    assert ("military_action", "pakistan", "2019-02-14") in found


def test_the_actor_after_whose_acts_in_its_clause_not_the_sentence_subject():
    found = _events("Egypt, along with Jordan, backs Haftar, the strongman whose own Libyan "
                    "National Army launched an offensive on Tripoli in April.")
    assert [e[:3] for e in found if e[0] == "military_action"] == [
        ("military_action", "libyan-national-army", "libya")]
    assert ("support", "egypt", "khalifa-haftar", ("jordan",)) in found


def test_an_offensive_to_capture_a_capital_is_aimed_at_its_state():
    assert ("military_action", "russia", "ukraine", ()) in _events(
        "Russia launched an offensive to seize Kyiv in February.")


def test_a_backer_owned_by_a_pronoun_backs_the_person_named_before():
    assert ("support", "russia", "bashar-al-assad", ()) in _events(
        "Assad has survived because Moscow is his main backer.")
    # "the US and its allies": allies nobody names, not an alliance with whoever comes next
    assert not [e for e in _events("The Taliban pledged not to let any group use Afghan soil "
                                   "to threaten the US and its allies.") if e[0] == "alliance"]


def test_a_party_after_and_that_opens_its_own_clause_is_no_further_target():
    found = _events("Hezbollah fired rockets at Israel, and Iran, its main patron, said nothing.")
    assert [e[:3] for e in found if e[0] == "military_action"] == [
        ("military_action", "hezbollah", "israel")]
    assert ("support", "iran", "hezbollah", ()) in found


def test_states_listed_with_their_years_after_after_did_the_act_then():
    found = _timed("Oman became the third Gulf state to normalise relations with Israel after "
                   "Qatar in 2019 and Kuwait in 2021.", date(2022, 5, 3))
    assert ("agreement", "oman", "2022-05-03") in found  # the list's years are not Oman's
    assert ("agreement", "qatar", "2019") in found
    assert ("agreement", "kuwait", "2021") in found
    # a clause after "after" with its own verb is no list of earlier doers
    found = _timed("Russia invaded Ukraine after Kyiv in 2019 elected Zelensky.",
                   date(2022, 5, 3))
    assert [e[1] for e in found if e[0] == "military_action"] == ["russia"]


def test_the_deal_a_state_struck_is_an_agreement_even_when_it_is_scrapped():
    found = _timed("On Friday Canberra scrapped the deal it struck in 2016 with France.",
                   date(2021, 9, 20))
    assert ("agreement", "australia", "2016") in found
    assert [e for e in found if e[0] == "distancing"]
    assert not [e for e in found if e[0] == "military_action"]  # no strike
    assert ("distancing", "canada", "italy", ()) in _events(
        "Ottawa scrapped a $4 billion helicopter contract with Rome on Monday.")


def test_a_state_glued_to_brokered_mediates_with_each_party_of_the_deal():
    found = _events("A Qatar-brokered truce between Israel and Hamas took effect on Friday.")
    assert ("negotiation", "qatar", "israel", ()) in found
    assert ("negotiation", "qatar", "hamas", ()) in found
    assert ("agreement", "israel", "hamas", ()) in found
    # the mediator is no party to the ceasefire it mediated
    found = _events("The Egyptian-mediated ceasefire with Hamas collapsed in March.")
    assert ("negotiation", "egypt", "hamas", ()) in found
    assert not [e for e in found if e[0] == "agreement"]


def test_troops_coming_ashore_is_military_action_but_tourists_are_not():
    found = _events("Early on 2 April 1982, Argentine commandos came ashore near Port Stanley.")
    assert ("military_action", "argentina", "united-kingdom", ()) in found
    assert _events("The tourists came ashore at Dover.") == []


def test_acts_whose_other_party_goes_unnamed_are_still_events():
    found = _timed("Moscow hit back in August 2014 with a ban on most food imports from the "
                   "countries that had sanctioned it.", date(2024, 3, 18))
    assert ("sanctions", "russia", "2014-08") in found
    found = _events("Russian President Vladimir Putin sent his congratulations on Monday.")
    assert ("support", "vladimir-putin", None, ()) in found
    assert ("support", "vladimir-putin", "nicolas-maduro", ()) in _events(
        "Putin sent his congratulations to Maduro on Monday.")


def test_quitting_a_grouping_known_by_its_nickname_distances_from_its_founder():
    found = _timed('In May Lithuania quit the "9+1" forum that Beijing set up in 2014.',
                   date(2021, 11, 21))
    assert ("distancing", "lithuania", "2021-05") in found
    assert ("distancing", "lithuania", "china", ()) in _events(
        'Lithuania quit the "9+1" forum that Beijing set up.')


def test_a_warning_that_ones_side_would_block_or_strike_is_a_threat():
    found = _events("Ali Akbar Velayati warned on Saturday that Tehran would block the corridor "
                    "whether or not Moscow joined it.")
    assert [e[:3] for e in found if e[0] == "threat"] == [
        ("threat", "ali-akbar-velayati", None)]
    assert not [e for e in _events("The IMF warned that the economy would shrink.")
                if e[0] == "threat"]
    # a treaty named in full: not renewing it distances from the other party
    assert ("distancing", "south-korea", "japan", ()) in _events(
        "South Korea said it would not renew the General Security of Military Information "
        "Agreement with Japan.")


def test_affirming_a_states_territorial_integrity_supports_it():
    assert ("support", "un-general-assembly", "ukraine", ()) in _events(
        "The UN General Assembly voted 100 to 11 to affirm Ukraine's territorial integrity.")
    assert ("support", "china", "russia", ()) in _events(
        "China said it respects Russia's sovereignty.")


def test_a_time_in_a_modal_clause_is_not_the_time_the_story_has_reached():
    text = ("On Thursday South Korea announced that it would not renew the intelligence pact "
            "with Japan. The deal would otherwise have rolled over automatically in November."
            "\n\nTokyo reacted within hours. Japan lodged a strong protest with Seoul.")
    found = _timed(text, date(2019, 8, 23))
    assert ("criticism", "japan", "2019-08-22") in found  # Thursday's, not November's


def test_a_relative_clause_without_a_relative_word_keeps_its_own_time():
    found = _timed("On Friday Canberra scrapped the deal it struck in 2016 with France.",
                   date(2021, 9, 20))
    assert ("distancing", "australia", "2021-09-17") in found  # Friday, not 2016
    assert ("agreement", "australia", "2016") in found
    found = _timed("Beijing said Lithuania had abandoned the commitment it made in 1991 and had "
                   "undermined China's sovereignty.", date(2021, 11, 22))
    assert ("accusation", "china", "2021-11-22") in found
    # after "said" the pronoun opens what was said, no relative clause
    assert ("agreement", "russia", "2016") in _timed("Russia said it signed the pact in 2016.",
                                                      date(2021, 11, 22))


def test_saying_a_state_undermined_ones_sovereignty_accuses_it():
    assert ("accusation", "russia", "ukraine", ()) in _events(
        "Moscow said Kyiv had violated its sovereignty.")


def test_calling_something_a_quoted_name_is_a_statement():
    assert ("statement", "vladimir-putin", None, ()) in _events(
        'Putin called the downing of the jet "a stab in the back".')
    # an appeal keeps its addressee and is not said twice
    assert [e[:3] for e in _events('Kenya called on Uganda to "show restraint".')] == [
        ("statement", "kenya", "uganda")]


def test_a_time_opening_the_next_coordinated_clause_dates_that_clause_only():
    found = _timed("The Group of Seven suspended Russia from the G8, and on 27 March the UN "
                   "General Assembly voted to affirm Ukraine's territorial integrity.",
                   date(2014, 4, 2))
    assert ("sanctions", "g7", "2014-04-02") in found  # not the Assembly's 27 March
    assert ("support", "un-general-assembly", "2014-03-27") in found


def test_trying_to_broker_a_truce_is_mediation_already():
    found = _events("Qatar tried to broker a truce between Israel and Hamas.")
    assert ("negotiation", "qatar", "israel", ()) in found
    assert ("negotiation", "qatar", "hamas", ()) in found
    assert ("negotiation", "kenya", "sudan", ()) in _events(
        "Kenya sent envoys to broker a truce between Sudan and Chad.")


def test_an_act_whose_sentence_dates_only_the_next_clause_keeps_the_storys_time():
    found = _timed("In April 1982 Britain went to war over the islands. Britain froze Argentine "
                   "assets and banned imports from Argentina, and that June the European "
                   "Community followed with an embargo of its own.", date(2022, 4, 2))
    assert ("sanctions", "united-kingdom", "1982-04") in found  # the story's April, not today
    assert ("sanctions", "european-union", "1982-06") in found


def test_a_body_of_several_words_glued_to_brokered_mediates_and_is_no_party():
    found = _events("A European Union-brokered deal between Serbia and Kosovo collapsed.")
    assert ("negotiation", "european-union", "serbia", ()) in found
    assert ("agreement", "serbia", "kosovo", ()) in found
    assert not [e for e in _events("The rebels fought until a United Nations-brokered "
                                   "ceasefire between the two sides in 1991.")
                if e[0] == "agreement" and e[1] == "united-nations"]
