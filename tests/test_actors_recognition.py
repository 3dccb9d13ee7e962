"""Finding actors in news text: names, organs, roles, titles and people the lexicon lacks.

All texts here are written for these tests.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from conftest import actor_pairs, find_checked
from timeline_app.extract.actors import ActorFindings, find_actors, load_actor_lexicon

_find = find_checked
_pairs = actor_pairs


def test_names_aliases_and_possessives_resolve_to_one_actor(lexicon):
    text = ("Ankara’s decision angered Britain's allies. The U.K. and the United Kingdom "
            "are one; so are Türkiye and Turkey.")
    found = _find(lexicon, text)
    assert _pairs(found) == [
        ("turkey", "Ankara"), ("united-kingdom", "Britain"), ("united-kingdom", "U.K."),
        ("united-kingdom", "United Kingdom"), ("turkey", "Türkiye"), ("turkey", "Turkey"),
    ]
    via = {m.text: m.via for m in found.mentions}
    assert via["United Kingdom"] == "name" and via["U.K."] == "alias"


def test_capitals_stand_for_their_state(lexicon):
    found = _find(lexicon, "Beijing rejected the criticism, and Tokyo said it would respond.")
    assert [(m.actor, m.via) for m in found.mentions] == [
        ("china", "capital"), ("japan", "capital"),
    ]


def test_the_pronoun_us_is_not_the_united_states(lexicon):
    found = _find(lexicon, "Tell us what you saw, she asked us. Let us go. The US and the "
                           "U.S. Navy stayed.")
    assert [(m.actor, m.text) for m in found.mentions] == [
        ("united-states", "US"), ("united-states", "U.S. Navy"),
    ]


def test_organs_resolve_to_their_state_by_rule(lexicon):
    text = ("The Egyptian Foreign Ministry protested. Jordan's embassy closed, "
            "the Iranian regime denied it, and Kenyan troops withdrew.")
    found = _find(lexicon, text)
    organs = [(m.actor, m.text) for m in found.mentions if m.via == "organ"]
    assert organs == [
        ("egypt", "Egyptian Foreign Ministry"), ("jordan", "Jordan's embassy"),
        ("iran", "Iranian regime"), ("kenya", "Kenyan troops"),
    ]
    assert all(m.head for m in found.mentions)
    egypt = found.actors["egypt"]
    assert "Egyptian Foreign Ministry" in egypt.aliases


def test_buildings_and_departments_are_organs_of_their_state(lexicon):
    found = _find(lexicon, "The Pentagon and the Elysee Palace disagreed with Downing Street.")
    assert [(m.actor, m.via) for m in found.mentions] == [
        ("united-states", "organ"), ("france", "organ"), ("united-kingdom", "organ"),
    ]


def test_a_bare_organ_refers_to_the_state_in_focus(lexicon):
    text = ("Officials at the Chinese Embassy in Nairobi met aid workers. Later a diplomat "
            "said the embassy would pay. In Ottawa, the government said nothing.")
    found = _find(lexicon, text)
    bare = [(m.actor, m.text) for m in found.mentions if m.text in ("embassy", "government")]
    assert bare == [("china", "embassy"), ("canada", "government")]


def test_demonyms_that_only_modify_are_not_heads(lexicon):
    found = _find(lexicon, "Mexican citizens and Peruvians met; the Chilean regime objected.")
    heads = {m.text: (m.actor, m.head, m.via) for m in found.mentions}
    assert heads["Mexican"] == ("mexico", False, "demonym")
    assert heads["Peruvians"] == ("peru", True, "demonym")
    assert heads["Chilean regime"] == ("chile", True, "organ")


def test_role_references_resolve_to_the_holder_on_the_publication_day(lexicon):
    text = "The Russian president met the UN chief and Britain's foreign secretary."
    early = _find(lexicon, text, date(2010, 6, 1))
    late = _find(lexicon, text, date(2019, 6, 1))
    assert [m.actor for m in early.mentions] == ["dmitry-medvedev", "ban-ki-moon", "william-hague"]
    assert [m.actor for m in late.mentions] == ["vladimir-putin", "antonio-guterres",
                                                "jeremy-hunt"]
    assert all(m.via == "role" for m in late.mentions)
    assert "UN chief" in late.actors["antonio-guterres"].aliases


def test_a_role_without_a_date_falls_back_to_the_state(lexicon):
    found = _find(lexicon, "The Syrian president and the US secretary of state spoke.")
    assert [(m.actor, m.via) for m in found.mentions] == [
        ("syria", "role"), ("united-states", "role"),
    ]


def test_a_shared_surname_goes_to_whoever_held_office(lexicon):
    assert _find(lexicon, "Clinton spoke.", date(1996, 3, 1)).mentions[0].actor == "bill-clinton"
    assert _find(lexicon, "Clinton spoke.", date(2011, 3, 1)).mentions[0].actor == \
        "hillary-clinton"
    # ...unless the text has named the other one already
    text = "Bill Clinton arrived. Later Clinton spoke."
    assert {m.actor for m in _find(lexicon, text, date(2011, 3, 1)).mentions} == {
        "bill-clinton"
    }


def test_titles_before_names_resolve_to_one_person(lexicon):
    text = ("President Recep Tayyip Erdogan spoke. Mr. Erdogan's aides agreed; "
            "Erdoğan later left.")
    found = _find(lexicon, text)
    assert [(m.actor, m.text, m.via) for m in found.mentions] == [
        ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "title"),
        ("recep-tayyip-erdogan", "Erdogan", "title"),  # after "Mr."
        ("recep-tayyip-erdogan", "Erdoğan", "alias"),
    ]


def test_state_words_inside_a_title_only_modify_the_person(lexicon):
    found = _find(lexicon, "German Foreign Ministry spokesman Martin Schaefer said no.")
    assert [(m.actor, m.head) for m in found.mentions] == [
        ("germany", False), ("martin-schaefer", True),
    ]
    assert found.actors["martin-schaefer"].parent == "germany"


def test_people_the_lexicon_lacks_are_discovered_with_their_state(lexicon):
    text = ("Kenyan Deputy Foreign Minister Amina Wanjiru Otieno met Brazilian envoy Paulo "
            "Ribeiro in Geneva. In Oslo, Defence Minister Lars Eriksen Dahl spoke. "
            "Otieno said talks would go on, and Ribeiro agreed.")
    found = _find(lexicon, text)
    people = {a.id: a for a in found.actors.values() if a.kind == "person"}
    assert people["amina-wanjiru-otieno"].parent == "kenya"
    assert people["paulo-ribeiro"].parent == "brazil"
    assert people["lars-eriksen-dahl"].parent == "norway"
    later = [(m.actor, m.text, m.via) for m in found.mentions if m.via == "surname"]
    assert later == [("amina-wanjiru-otieno", "Otieno", "surname"),
                     ("paulo-ribeiro", "Ribeiro", "surname")]
    assert "Otieno" in people["amina-wanjiru-otieno"].aliases


def test_an_apposition_names_a_new_persons_role_and_state(lexicon):
    text = "Tomas Varga, Hungary's deputy foreign minister, said talks stalled."
    found = _find(lexicon, text)
    person = found.actors["tomas-varga"]
    assert person.kind == "person" and person.parent == "hungary"
    assert [(m.actor, m.via, m.head) for m in found.mentions] == [
        ("tomas-varga", "discovered", True), ("hungary", "name", False),
    ]


def test_ordinary_capitalised_words_are_not_people(lexicon):
    text = ("On Tuesday, the minister spoke. In March, Prime Minister Said. Last Friday, a "
            "spokesman said so. The President Hotel, the General Assembly and Major League "
            "Baseball were mentioned.")
    found = _find(lexicon, text)
    assert [a for a in found.actors.values() if a.kind == "person"] == []
    assert [m.actor for m in found.mentions] == ["un-general-assembly"]


def test_a_person_named_after_a_place_after_a_title_is_still_a_person(lexicon):
    found = _find(lexicon, "Spokeswoman Georgia Lindqvist denied it.")
    assert [(m.actor, m.via) for m in found.mentions] == [("georgia-lindqvist", "discovered")]


def test_groups_with_lower_case_words_and_longer_names_win(lexicon):
    text = ("Syrian rebels and the Free Syrian Army fought Islamic State near Kurdish forces; "
            "Latin American and South African diplomats watched.")
    found = _find(lexicon, text)
    assert _pairs(found) == [
        ("syrian-rebels", "Syrian rebels"), ("free-syrian-army", "Free Syrian Army"),
        ("islamic-state", "Islamic State"), ("kurdish-forces", "Kurdish forces"),
        ("south-africa", "South African diplomats"),  # diplomats act for their state
    ]


def test_a_leaders_regime_is_their_state(lexicon):
    found = _find(lexicon, "The Gaddafi regime fell; Obama administration officials cheered.")
    assert [(m.actor, m.text, m.via) for m in found.mentions] == [
        ("libya", "Gaddafi regime", "organ"), ("united-states", "Obama administration", "organ"),
    ]


def test_capitals_in_datelines_and_hyphenated_compounds(lexicon):
    found = _find(lexicon, "KABUL, AFGHANISTAN — Iranian-Saudi talks and pro-Kremlin blogs.")
    assert [(m.actor, m.text, m.head) for m in found.mentions] == [
        ("afghanistan", "KABUL", True), ("afghanistan", "AFGHANISTAN", True),
        ("iran", "Iranian", False), ("saudi-arabia", "Saudi", False),
    ]


def test_ignored_ranges_are_skipped(lexicon):
    text = "Chad and Niger signed. Subscribe to our Nigeria newsletter."
    start = text.index("Subscribe")
    found = find_actors(text, lexicon, ignored=[(start, len(text))])
    assert [m.actor for m in found.mentions] == ["chad", "niger"]


def test_findings_carry_parents_and_the_surface_forms_seen(lexicon):
    text = "UN Security Council members met. The U.N. envoy Lakhdar Brahimi flew to Cairo."
    found = _find(lexicon, text, date(2013, 1, 5))
    assert set(found.actors) >= {"un-security-council", "united-nations", "lakhdar-brahimi",
                                 "egypt"}
    assert found.actors["united-nations"].name == "United Nations"
    assert found.actors["lakhdar-brahimi"].parent == "united-nations"
    spans = [m.span for m in found.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_empty_and_actorless_text(lexicon):
    assert find_actors("", lexicon).mentions == ()
    found = find_actors("nothing here at all, just lower case words.", lexicon)
    assert found.mentions == () and dict(found.actors) == {}


def test_a_known_persons_surname_alone_refers_back_to_them(lexicon):
    """"Ban" is no alias (it is a common word), but after "Ban Ki-moon" it is him."""
    alone = _find(lexicon, "Ban on arms sales was lifted.", date(2012, 1, 1))
    assert alone.mentions == ()
    text = "UN Secretary-General Ban Ki-moon arrived in Tripoli. Ban urged restraint."
    found = _find(lexicon, text, date(2012, 1, 1))
    assert [(m.actor, m.text, m.via) for m in found.mentions][-1] == (
        "ban-ki-moon", "Ban", "surname"
    )


def test_a_discovered_persons_organisation_may_follow_the_name(lexicon):
    found = _find(lexicon, "Dr. Leila Haddad of the World Health Organization warned of cholera.")
    assert found.actors["leila-haddad"].parent == "who"


def test_a_publication_datetime_is_taken_as_its_day(lexicon):
    from datetime import datetime

    found = _find(lexicon, "The French president spoke.", datetime(2015, 3, 1, 18, 30))
    assert [m.actor for m in found.mentions] == ["francois-hollande"]


_PIECES_OF_NEWS = [
    "Russia", "Russian", "’s", "'s", " ", ", ", ". ", "\n", "-", "al-", "the ", "The ", "of ",
    "President ", "spokeswoman ", "Mr. ", "U.S.", "UN", "Foreign Ministry", "embassy", "Ana ",
    "Lopez", "de ", "Mistura", "Assad", "Syrian regime", "KABUL", "chief", "Deputy ", "a ",
    "minister", "Tuesday", "Kim", "é", "ü", "1", "(", ")", "“", "”",
]


@pytest.mark.parametrize("seed", range(25))
def test_any_jumble_of_news_pieces_gives_consistent_mentions(lexicon, seed):
    """No input may raise; every span must point at its own text and spans never overlap."""
    import random

    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES_OF_NEWS) for _ in range(rng.randint(0, 120)))
    for published in (None, date(2013, 1, 22)):
        found = _find(lexicon, text, published)
        spans = [m.span for m in found.mentions]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        assert {m.actor for m in found.mentions} <= set(found.actors)


def test_a_spokesman_of_a_known_leader_takes_the_leaders_side(lexicon):
    found = _find(lexicon, "Putin’s spokesman Ivan Sokolov denied the report.", date(2015, 1, 1))
    assert found.actors["ivan-sokolov"].parent == "russia"


def test_city_names_inside_institution_and_treaty_names_are_not_governments(lexicon):
    text = ("Envoys of the Lima Group met at Moscow State University to discuss the Paris "
            "Agreement, while Moscow said the Beijing Olympics were a success.")
    found = _find(lexicon, text)
    assert _pairs(found) == [("russia", "Moscow")]
    assert found.mentions[0].span[0] == text.index("Moscow said")


def test_a_longer_name_is_not_the_lexicon_person_who_shares_its_first_word(lexicon):
    found = _find(lexicon, "Negotiator Hadi al-Bahra left Geneva. President Hadi stayed.")
    assert ("abd-rabbuh-mansur-hadi", "Hadi al-Bahra") not in _pairs(found)
    assert [m.actor for m in found.mentions if m.text.startswith("Hadi al")] != [
        "abd-rabbuh-mansur-hadi"]
    assert "abd-rabbuh-mansur-hadi" in [m.actor for m in found.mentions]


def test_possessive_run_scan_finds_what_the_plain_run_pattern_finds() -> None:
    """RUN_AND_NEXT uses possessive repeats for speed; it must match what the plain pattern
    (a RUN and the lower-case word after it) matches, groups included."""
    import random
    import re

    from timeline_app.extract.actors.tokens import RUN, RUN_AND_NEXT

    plain = re.compile(rf"({RUN.pattern})(?:[ \t]+([a-z]+))?")
    pieces = ["Al", "al-", "al", "d'", "d’", "de", "del", "bin", "bint", "of", "the", "and",
              " ", "  ", "\t", "\n", "Bosnia", "Herzegovina", "U.S.", "X", "é", "É", "O'Neil",
              "-", "'", "’", ".", "y", "Abu", "ad-", "ash-", "Ould", "ould", "x1", "_", "Van",
              "von", "der", "la", "Le", "regime"]
    rng = random.Random(6)
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        assert [(m.span(), m.groups()) for m in RUN_AND_NEXT.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], text


def test_a_past_title_with_then_still_names_the_holder(lexicon):
    found = _find(lexicon, "The drills began after then-U.S. House Speaker Nancy Pelosi "
                           "visited Taipei.", date(2024, 12, 9))
    assert ("nancy-pelosi", "Nancy Pelosi") in _pairs(found)
    assert ("taiwan", "Taipei") in _pairs(found)
    # a "pro-" prefix still keeps the name from being the actor itself
    assert not _find(lexicon, "Rebels clashed with a pro-Assad militia.").mentions


def test_recent_leaders_resolve_by_office_on_the_day(lexicon):
    text = ("Taiwanese President Lai Ching-te thanked Defence Minister Wellington Koo. "
            "Guinea-Bissau's president was detained.")
    found = _find(lexicon, text, date(2024, 12, 9))
    ids = {m.actor for m in found.mentions}
    assert {"lai-ching-te", "wellington-koo", "umaro-sissoco-embalo"} <= ids
    # after the coup of November 2025 the title goes to the junta's leader
    later = _find(lexicon, "The Guinea-Bissau president spoke.", date(2025, 11, 30))
    assert [m.actor for m in later.mentions] == ["horta-n-tam"]


def _described(found: ActorFindings) -> list[tuple[str, str]]:
    return [(m.actor, m.text) for m in found.mentions if m.via == "description"]


def test_a_definite_description_stands_for_the_last_actor_of_its_kind(lexicon):
    text = ("Mercosur suspended Paraguay on Friday. Delegates met for hours. The regional bloc "
            "warned the military government to hold elections. Hezbollah fired rockets, and "
            "the Iran-backed group said more would follow. NATO held drills; the alliance "
            "called them routine.")
    assert _described(_find(lexicon, text)) == [
        ("mercosur", "bloc"), ("paraguay", "military government"), ("hezbollah", "group"),
        ("nato", "alliance"),
    ]


def test_the_army_is_the_state_whose_army_was_named(lexicon):
    text = ("Chad's army and the rebels of the north clashed. Talks in Doha followed, with "
            "Qatar and Egypt mediating. The army said the truce held.")
    assert _described(_find(lexicon, text)) == [("chad", "army")]
    # a person's state counts as the state in focus
    found = _find(lexicon, "Army chief Abdel Fattah al-Burhan toured Port Sudan. The army "
                           "said it had retaken the town.")
    assert _described(found) == [("sudan", "army")]


def test_the_army_of_a_war_story_stays_the_army_it_named(lexicon):
    # however far back, and whoever is quoted nearby: not the spokesman's state
    text = ("The Sudanese military led by Abdel Fattah al-Burhan has fought the RSF since April. "
            "Egypt mediated. Qatar offered help. Chad closed its border. Kenya sent food. "
            "Aid groups waited. Flights were cancelled. Antony Blinken said the army and the RSF "
            "had agreed to a truce. Later the army said the truce held.")
    assert _described(_find(lexicon, text)) == [("sudan", "army"), ("sudan", "army")]


def test_government_forces_are_the_forces_of_the_state_the_story_is_about(lexicon):
    def forces(text):
        return [(m.text, m.actor) for m in find_actors(text, lexicon).mentions
                if "overnment" in m.text]

    assert forces("Syria has been at war since 2011. Russia backs Damascus. Syria said so. "
                  "Government forces have besieged Homs since June 2012.") == [
        ("Government forces", "syria")]
    # (a sentence ending with a name before them is no name of theirs)
    assert forces("Talks were led by the UN. Syria said so. Government forces shelled Homs.") == [
        ("Government forces", "syria")]
    # two states named as often: nobody can tell whose
    assert forces("Russia and Syria met. Government forces shelled the town.") == []
    # a state named right before: its organ, as before
    assert forces("The Syrian government forces attacked.") == [
        ("Syrian government forces", "syria")]


def test_an_office_without_its_holder_is_the_one_named_with_it_before(lexicon):
    def offices(text):
        found = find_actors(text, lexicon, published=date(2019, 7, 19))
        return [(m.text, m.actor) for m in found.mentions if m.via == "description"]

    # by the title the text gives the name, before it or in an apposition
    assert offices("The foreign secretary, Jeremy Hunt, chaired a meeting. Later the foreign "
                   "secretary said he was worried.") == [("foreign secretary", "jeremy-hunt")]
    assert offices("Foreign Minister Sergei Lavrov met Kerry. The foreign minister said no.") == [
        ("foreign minister", "sergei-lavrov")]
    # by the office the lexicon knows its holder had that day
    assert offices("Donald Trump landed in Osaka. The president said talks went well.") == [
        ("president", "donald-trump")]
    # nobody holds it in the text: nobody; a name right after says who already
    assert offices("Kim met the president.") == []
    assert offices("Jeremy Hunt, the foreign secretary, spoke.") == []
    assert offices("The president of France spoke.") == []


def test_a_description_is_left_alone_when_nothing_or_two_of_its_kind_are_near(lexicon):
    far = ("ECOWAS met in Abuja. The talks went on. Delegates ate. Nobody spoke. It rained. "
           "The bloc later issued a statement.")
    assert _described(_find(lexicon, far)) == []
    two = "The EU and ASEAN signed a trade deal. The bloc said it was pleased."
    assert _described(_find(lexicon, two)) == []
    opening = "Russia and Ukraine traded blame. The army said it repelled attacks."
    assert _described(_find(lexicon, opening)) == []
    # "the junta" is no state named only as a place ("a summit in Abuja")
    place = "Leaders met at a summit in Abuja. The junta did not attend."
    assert _described(_find(lexicon, place)) == []


def test_descriptions_that_name_no_actor(lexicon):
    text = ("Hamas fired rockets on Monday. The group of experts met in Geneva. The government's "
            "critics protested, and the militant group Hamas said nothing.")
    assert _described(_find(lexicon, text)) == []
    # "the group" after a nearer organisation may mean either: nobody
    text = "Hamas fired rockets. Amnesty International said the group broke the law."
    assert _described(_find(lexicon, text)) == []
    # armed-group nouns never stand for a state or an organisation
    assert _described(_find(lexicon, "Sudan and the UN met. The paramilitaries shelled a "
                                     "market.")) == []


def test_an_army_named_long_before_is_the_army_until_another_is_named(lexicon):
    # a war story names its army once and then says "the army" throughout; an organ of any
    # other noun named that far back is no antecedent
    filler = " ".join(f"Sentence {n} went by." for n in range(7))
    text = f"Chad's army and the rebels clashed. {filler} The army said the truce held."
    assert _described(_find(lexicon, text)) == [("chad", "army")]
    text = (f"Chad's army and the rebels clashed. {filler} The Sudanese military moved in. "
            "The army said the truce held.")
    assert _described(_find(lexicon, text)) == [("sudan", "army")]
    text = f"Chad's junta and the rebels met. {filler} The junta said the truce held."
    assert _described(_find(lexicon, text)) == []


def test_a_bare_surname_years_before_that_persons_first_office_is_someone_else():
    from datetime import date

    from timeline_app.extract.actors import find_actors, load_actor_lexicon

    lexicon = load_actor_lexicon()

    def found(text, day):
        return [(m.text, m.actor) for m in find_actors(text, lexicon, published=day).mentions]

    assert found("Harris said earnings fell.", date(1989, 10, 27)) == []
    assert found("Harris said the talks went well.", date(2023, 5, 1)) == [
        ("Harris", "kamala-harris")]
    assert ("Harris", "kamala-harris") in found(
        "Kamala Harris met the envoy. Harris said the talks went well.", date(2014, 5, 1))


def test_the_government_is_the_first_state_of_its_sentence():
    from timeline_app.extract.actors import find_actors, load_actor_lexicon

    text = "Chad recalled its envoy after Sudan attacked a village, the government said."
    mentions = find_actors(text, load_actor_lexicon()).mentions
    government = [m for m in mentions if m.text.endswith("government")]
    assert [m.actor for m in government] == ["chad"]


def test_west_african_leaders_are_ecowas_and_the_european_community_the_eu():
    from timeline_app.extract.actors import find_actors, load_actor_lexicon

    text = ("West African leaders condemned the coup. The European Community imposed an "
            "import ban.")
    mentions = find_actors(text, load_actor_lexicon()).mentions
    assert [(m.text, m.actor) for m in mentions] == [
        ("West African leaders", "ecowas"), ("European Community", "european-union")]


def _actor_by_surface(text: str, published: date) -> dict[str, str]:
    found = find_actors(text, load_actor_lexicon(), published=published)
    return {text[m.span[0]:m.span[1]]: m.actor for m in found.mentions}


def test_the_kingdom_and_us_organs_named_like_un_bodies():
    by_text = _actor_by_surface(
        "Saudi Arabia put together a coalition. Britain has sold the kingdom weapons. "
        "A National Security Council spokesman said the Africa Command was ready.",
        date(2020, 6, 1))
    assert by_text["kingdom"] == "saudi-arabia"
    assert by_text["National Security Council"] == "united-states"
    assert by_text["Africa Command"] == "united-states"
    assert "un-security-council" not in by_text.values()


def test_a_title_in_apposition_is_the_named_persons_and_an_organ_in_a_capital_is_its_states():
    by_text = _actor_by_surface(
        "Charles Michel, then president of the European Council, hosted Aliyev in 2022. "
        "Russia spoke first. The foreign ministry in Tehran was more measured.",
        date(2025, 8, 11))
    assert by_text["president of the European Council"] == "charles-michel"
    assert by_text["foreign ministry"] == "iran"


def test_movements_in_the_news_and_their_leaders():
    lexicon = load_actor_lexicon()
    text = "Spain admitted the Polisario leader, Brahim Ghali, to a hospital. Ghali recovered."
    found = find_actors(text, lexicon, published=date(2021, 5, 1))
    assert {m.actor for m in found.mentions} == {"spain", "polisario-front", "brahim-ghali"}
    text = "UN Secretary-General Boutros Boutros-Ghali said the talks would go on."
    found = find_actors(text, lexicon, published=date(1994, 5, 1))
    assert "brahim-ghali" not in {m.actor for m in found.mentions}


def test_possessive_organs_are_their_owners_states_even_after_unknown_people():
    lexicon = load_actor_lexicon()
    text = ("President Volodymyr Zelensky said Ukraine was ready. His foreign ministry accused "
            "Moscow of lying. Ahmed Lowe said he was tired. His government was silent.")
    found = find_actors(text, lexicon, published=date(2023, 7, 17))
    organs = [(text[m.span[0]:m.span[1]], m.actor) for m in found.mentions if m.via == "organ"]
    assert ("foreign ministry", "ukraine") in organs
    assert all(actor != "ahmed-lowe" for _, actor in organs), "an unknown man has no state"


def test_a_shared_surname_is_the_leader_of_the_day_unless_the_sentence_names_another():
    lexicon = load_actor_lexicon()
    text = ("Kim Jong Un met Putin. Moscow once bankrolled his grandfather, Kim Il Sung. "
            "Kim's last summit with Putin was in 2019. Kim Il Sung founded the state, and Kim "
            "ruled it until 1994.")
    found = find_actors(text, lexicon, published=date(2023, 9, 15))
    kims = [(m.span[0], m.actor) for m in found.mentions if text[m.span[0]:m.span[1]] == "Kim"]
    assert [actor for _, actor in kims] == ["kim-jong-un", "kim-il-sung"]


def test_the_head_of_an_organ_is_not_the_states_leader():
    by_text = _actor_by_surface("The FBI chief said he was satisfied.", date(1998, 8, 21))
    assert by_text == {"FBI chief": "united-states"}, "not Bill Clinton"


def test_two_nationalities_joined_name_people_of_a_heritage_not_states():
    assert _actor_by_surface("Cuban-Americans protested outside.", date(2000, 1, 5)) == {}
    assert _actor_by_surface("As a Cuban American, I welcome him.", date(2000, 1, 5)) == {}
    assert _actor_by_surface("Russian-American relations are tense.", date(2000, 1, 5)) == {
        "Russian": "russia", "American": "united-states"}


def test_a_title_set_off_before_a_name_is_that_persons_not_the_holder_today(lexicon):
    # in a 2022 retrospective, "the US secretary of state" is not the 2022 holder
    text = ("For most of April the US secretary of state, Tomas Varga, shuttled between London "
            "and Buenos Aires. Varga failed.")
    found = _find(lexicon, text, date(2022, 4, 2))
    assert found.actors["tomas-varga"].parent == "united-states"
    assert [(m.actor, m.head) for m in found.mentions[:2]] == [
        ("tomas-varga", False), ("tomas-varga", True)]
    assert found.mentions[-1].actor == "tomas-varga", "the surname refers back"
    text = "In 2011 the US secretary of state, Hillary Clinton, said Assad must go."
    found = _find(lexicon, text, date(2022, 4, 2))
    assert [m.actor for m in found.mentions[:2]] == ["hillary-clinton", "hillary-clinton"]


def test_an_initialism_inside_a_sentence_does_not_end_it_for_his_and_its(lexicon):
    text = ("President Volodymyr Zelenskiy said Ukraine was ready, provided Turkey and the U.N. "
            "would back it. His foreign ministry accused Moscow of lying.")
    found = _find(lexicon, text, date(2023, 7, 17))
    organ = [m for m in found.mentions if m.text == "foreign ministry"]
    assert [m.actor for m in organ] == ["ukraine"]


def test_the_north_and_the_south_are_the_halves_named_before(lexicon):
    text = ("Kim Jong Un visited Russia. Moscow backed sanctions after the North's first nuclear "
            "test. Ships crossed the South China Sea and the North Atlantic.")
    found = _find(lexicon, text, date(2023, 9, 15))
    assert [(m.actor, m.text) for m in found.mentions if m.via == "description"] == [
        ("north-korea", "the North")]
    text = "South Africa hosted the talks. The South was quiet."
    found = _find(lexicon, text, date(2023, 9, 15))
    assert not [m for m in found.mentions if m.via == "description"], "no divided country"


def test_an_ethnic_group_is_not_its_namesake_state(lexicon):
    found = _find(lexicon, "Ethnic Armenian refugees fled from Lachin to Armenia, as ethnic "
                           "Albanians did from Serbia.", date(2023, 9, 28))
    assert [m.text for m in found.mentions if m.via != "place"] == ["Armenia", "Serbia"]


def test_a_state_inside_an_agencys_name_is_not_what_its_head_leads(lexicon):
    text = ("The head of the US Agency for International Development, Samantha Power, announced "
            "aid. Representatives of the Karabakh Armenians met the ethnic Armenian authorities.")
    found = _find(lexicon, text, date(2023, 9, 28))
    assert "joe-biden" not in {m.actor for m in found.mentions}
    assert [m.actor for m in found.mentions if m.head] == ["samantha-power", "artsakh"]


def test_a_people_named_after_a_state_is_not_a_second_state(lexicon):
    found = _find(lexicon, "Russian jets bombed areas held by Syrian Turkmen rebels.",
                  date(2015, 11, 28))
    assert [m.actor for m in found.mentions] == ["russia", "syria"]


def test_a_capital_naming_a_process_or_a_document_is_no_party(lexicon):
    found = _find(lexicon, "Russia violated the Minsk agreements and left the Astana process, "
                           "Kyiv said.", date(2022, 2, 1))
    assert [m.text for m in found.mentions] == ["Russia", "Kyiv"]


def test_a_description_before_of_and_a_gerund_is_still_the_actor(lexicon):
    text = "The RSF said it would abide by the truce. The army accused the paramilitaries of " \
           "occupying homes. The group of experts met."
    found = _find(lexicon, text, date(2023, 5, 20))
    assert [(m.actor, m.text) for m in found.mentions if m.via == "description"] == [
        ("rsf-sudan", "paramilitaries")]


def test_one_member_of_a_bloc_is_not_the_bloc_and_south_georgia_is_not_georgia(lexicon):
    text = ("It was the first time a NATO member had downed a Russian jet. NATO members met. "
            "Argentine troops seized South Georgia.")
    found = _find(lexicon, text, date(2015, 11, 28))
    nato = [m.span[0] for m in found.mentions if m.actor == "nato"]
    assert nato == [text.index("NATO members")], "only the members acting together"
    assert "georgia" not in {m.actor for m in found.mentions}


def test_companies_acting_in_the_news_belong_to_their_owning_state(lexicon):
    found = _find(lexicon, "Gazprom cut supplies, India banned TikTok and Total profits rose.",
                  date(2020, 7, 1))
    assert [m.actor for m in found.mentions] == ["gazprom", "india", "bytedance"]
    assert found.actors["gazprom"].parent == "russia"


def test_a_navy_ship_is_its_states(lexicon):
    text = ("The submarine HMS Conqueror torpedoed the Argentine cruiser General Belgrano. "
            "Marines live aboard the BRP Sierra Madre.")
    found = _find(lexicon, text, date(2022, 4, 2))
    assert [(m.actor, m.text) for m in found.mentions if m.head] == [
        ("united-kingdom", "HMS Conqueror"), ("philippines", "BRP Sierra Madre")]


def test_a_title_set_off_before_an_unknown_name_makes_that_person(lexicon):
    text = ("They were met by Haiti's new prime minister, Garry Conille, who thanked Kenya. "
            "In May Lithuania quit the forum, and its foreign minister, Gabrielius Landsbergis, "
            "urged others to follow. The company's chief executive, Tim Cook, said little.")
    found = _find(lexicon, text, date(2024, 6, 26))
    people = {a.name: a.parent for a in found.actors.values() if a.kind == "person"}
    assert people == {"Garry Conille": "haiti", "Gabrielius Landsbergis": "lithuania"}
    haiti = next(m for m in found.mentions if m.actor == "haiti")
    assert not haiti.head, "Haiti's new prime minister is Conille, not Haiti acting"


def test_a_member_named_through_its_bloc_is_not_the_bloc(lexicon):
    text = "Washington said it stands in solidarity with its NATO ally. NATO met in Brussels."
    found = _find(lexicon, text, date(2021, 11, 22))
    nato = [m.span[0] for m in found.mentions if m.actor == "nato"]
    assert nato == [text.index("NATO met")]


def test_a_description_noun_used_as_an_adjective_is_no_actor(lexicon):
    text = ("Leaders met in the Nigerian capital, in a standoff with the military officers who "
            "toppled the president.")
    found = _find(lexicon, text, date(2023, 8, 10))
    assert [m.text for m in found.mentions] == ["Nigerian"]


def test_a_title_with_an_adjective_before_a_known_name_is_that_persons(lexicon):
    text = "They were met by Haiti's new prime minister, Ariel Henry, who thanked Kenya."
    found = _find(lexicon, text, date(2023, 6, 26))
    heads = [(m.actor, m.head) for m in found.mentions]
    assert heads == [("haiti", False), ("ariel-henry", True), ("kenya", True)]


@pytest.mark.parametrize(("text", "expected"), [
    # a state's own council, named as the UN's is
    ("Kenya's Security Council met on Friday.",
     [("kenya", "Kenya"), ("kenya", "Security Council")]),
    ("Egypt's Supreme National Security Council met.",
     [("egypt", "Egypt"), ("egypt", "National Security Council")]),
    # a longer name that ends in the UN council's: another body, not known by its own name
    ("The Supreme Security Council of the party met.", []),
    # the UN's all the same
    ("The Security Council met on Friday.", [("un-security-council", "Security Council")]),
    ("China's Security Council veto angered Kenya.",
     [("china", "China"), ("un-security-council", "Security Council"), ("kenya", "Kenya")]),
    ("White House National Security Council staff met.",
     [("united-states", "White House"), ("united-states", "National Security Council")]),
])
def test_a_council_named_like_the_un_one_belongs_to_whoever_owns_it(lexicon, text, expected):
    assert _pairs(_find(lexicon, text)) == expected


def test_a_country_s_congress_is_that_country_not_a_party_name(lexicon):
    assert _pairs(_find(lexicon, "Brazil's Congress voted on Friday.")) == [("brazil", "Brazil")]
    assert _pairs(_find(lexicon, "The Kosovo Liberation Army attacked.")) == [
        ("kosovo-liberation-army", "Kosovo Liberation Army")]


def test_a_family_name_first_is_the_short_form_of_an_east_asian_name(lexicon):
    found = _find(lexicon, "Singapore's Prime Minister Lee Hsien Loong spoke first. Later Lee "
                           "thanked the hosts.", published=date(2019, 5, 1))
    assert [m.actor for m in found.mentions if m.text == "Lee"] == ["lee-hsien-loong"]


def test_a_bare_surname_is_the_bearer_named_before_not_a_namesake_in_the_lexicon(lexicon):
    # "Wang" alone is Wang Yi's alias; after Wang Wenbin it is Wang Wenbin
    found = _find(lexicon, "Spokesman Wang Wenbin spoke on Monday. Wang added that talks "
                           "would go on.", published=date(2022, 3, 7))
    assert [m.actor for m in found.mentions if "Wang" in m.text] == ["wang-wenbin"] * 2
    found = _find(lexicon, "Wang added that talks would go on.", published=date(2022, 3, 7))
    assert [m.actor for m in found.mentions] == ["wang-yi"]


def test_a_body_named_in_full_is_then_called_by_the_last_word_of_its_name(lexicon):
    found = _find(lexicon, "The European Commission met on Monday. The Commission then wrote "
                           "to Hungary.")
    assert ("european-commission", "Commission") in _pairs(found)
    # not before it is named, and not inside a longer name
    found = _find(lexicon, "The Commission met. The European Commission said so.")
    assert _pairs(found) == [("european-commission", "European Commission")]


def test_the_leaders_of_a_region_are_the_body_known_as_its_leaders(lexicon):
    found = _find(lexicon, "The federal government and the leaders of the northern Tigray "
                           "region signed the truce.")
    assert ("tigray-peoples-liberation-front", "the leaders of the northern Tigray region") in (
        _pairs(found))
    # a name found already inside keeps its own meaning
    found = _find(lexicon, "The leaders of the European Union met on Friday.")
    assert _pairs(found) == [("european-union", "European Union")]


def test_a_name_of_several_words_glued_to_a_participle_modifies_the_noun(lexicon):
    found = _find(lexicon, "A European Union-brokered deal and the United States-led "
                           "coalition faced a United Nations-backed court.")
    assert [(m.actor, m.text, m.head) for m in found.mentions] == [
        ("european-union", "European Union", False), ("united-states", "United States", False),
        ("united-nations", "United Nations", False)]
