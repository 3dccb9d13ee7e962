"""Leaders of 1940-1999 in the actor lexicon: war histories and retrospectives name them.

A history names its people by full name, by surname and by office ("the Soviet leader"); the
office must find whoever held it on the article's date, a surname shared with someone in today's
news must not steal that person's mentions, and places named after a leader are not the leader.
All texts here are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import actor_pairs, find_checked

_find = find_checked
_pairs = actor_pairs


def test_full_name_and_later_surname_are_one_actor_of_their_state(lexicon):
    text = ("Prime Minister Margaret Thatcher ordered a task force south. Thatcher told "
            "parliament that General Galtieri had miscalculated.")
    found = _find(lexicon, text, date(1982, 4, 5))
    people = [m.actor for m in found.mentions if m.text in ("Margaret Thatcher", "Thatcher")]
    assert people == ["margaret-thatcher", "margaret-thatcher"]
    assert found.actors["margaret-thatcher"].parent == "united-kingdom"
    assert ("leopoldo-galtieri", "General Galtieri") in _pairs(found)
    assert lexicon.actor("leopoldo-galtieri").parent == "argentina"


@pytest.mark.parametrize(("published", "leader", "premier"), [
    (date(1962, 10, 25), "nikita-khrushchev", "nikita-khrushchev"),
    (date(1970, 5, 1), "leonid-brezhnev", "alexei-kosygin"),
    (date(1986, 5, 1), "mikhail-gorbachev", None),
])
def test_the_soviet_leader_is_the_party_chief_on_the_publication_day(
    lexicon, published, leader, premier,
):
    """The premier or the titular head of state never stands for "the Soviet leader"."""
    found = _find(lexicon, "The Soviet leader wrote to Washington. The Soviet premier agreed.",
                  published)
    roles = {m.text: m.actor for m in found.mentions if m.via == "role"}
    assert roles["Soviet leader"] == leader
    assert roles.get("Soviet premier", "soviet-union") == (premier or "soviet-union")


def test_offices_of_the_middle_east_wars_find_their_holders_by_date(lexicon):
    text = "Nasser closed the straits. The Egyptian president and the Israeli prime minister spoke."
    found = _find(lexicon, text, date(1967, 5, 23))
    assert _pairs(found)[0] == ("gamal-abdel-nasser", "Nasser")
    assert lexicon.actor("gamal-abdel-nasser").parent == "egypt"
    roles = {m.text: m.actor for m in found.mentions if m.via == "role"}
    assert roles == {"Egyptian president": "gamal-abdel-nasser",
                     "Israeli prime minister": "levi-eshkol"}
    later = _find(lexicon, "The Egyptian president flew to Jerusalem.", date(1977, 11, 19))
    assert [m.actor for m in later.mentions if m.via == "role"] == ["anwar-sadat"]


@pytest.mark.parametrize(("text", "published", "person"), [
    ("Bhutto said India had attacked.", date(1974, 1, 1), "zulfikar-ali-bhutto"),
    ("Bhutto said the army would stay.", date(1990, 1, 1), "benazir-bhutto"),
    ("Assad said the front would hold.", date(1973, 10, 6), "hafez-al-assad"),
    ("Assad said the front would hold.", date(2013, 10, 6), "bashar-al-assad"),
    ("Vance said the talks had failed.", date(1979, 3, 1), "cyrus-vance"),
    ("Vance said the talks had failed.", date(2025, 3, 1), "jd-vance"),
])
def test_a_shared_surname_goes_to_whoever_held_office_that_day(lexicon, text, published, person):
    assert _find(lexicon, text, published).mentions[0].actor == person


def test_full_names_win_over_the_date(lexicon):
    text = "Benazir Bhutto recalled how Zulfikar Ali Bhutto was hanged."
    found = _find(lexicon, text, date(1990, 1, 1))
    assert [m.actor for m in found.mentions] == ["benazir-bhutto", "zulfikar-ali-bhutto"]


def test_a_common_surname_refers_back_but_names_nobody_alone(lexicon):
    """'Gandhi' or 'Kennedy' alone in today's news is someone else: only after the full name
    does the surname stand for the leader of the past."""
    history = _find(lexicon, "Indira Gandhi ordered the army east. Gandhi told parliament.",
                    date(1971, 12, 4))
    assert [m.actor for m in history.mentions if "Gandhi" in m.text] == [
        "indira-gandhi", "indira-gandhi",
    ]
    today = _find(lexicon, "Rahul Gandhi criticised the budget. Gandhi said more.",
                  date(2024, 2, 1))
    assert not any(m.actor == "indira-gandhi" for m in today.mentions)
    health = _find(lexicon, "Health Secretary Robert F. Kennedy Jr. spoke. Kennedy added more.",
                   date(2025, 5, 1))
    assert not any(m.actor == "john-f-kennedy" for m in health.mentions)


def test_places_and_ships_named_after_leaders_are_not_the_leaders(lexicon):
    text = ("Flights from Ben-Gurion Airport to Ho Chi Minh City resumed while the USS Harry S. "
            "Truman sailed past Lake Nasser's dam.")
    found = _find(lexicon, text, date(2024, 3, 1))
    assert not any(lexicon.actor(m.actor) and lexicon.actor(m.actor).kind == "person"
                   for m in found.mentions)
    found = _find(lexicon, "Ho Chi Minh declared independence in Hanoi.", date(1945, 9, 2))
    assert _pairs(found)[0] == ("ho-chi-minh", "Ho Chi Minh")


def test_states_of_the_past_are_actors_of_their_own(lexicon):
    text = ("Saigon appealed for help as North Vietnamese troops advanced. The East German "
            "government and Czechoslovakia sent no one.")
    found = _find(lexicon, text, date(1975, 4, 20))
    assert [m.actor for m in found.mentions] == [
        "south-vietnam", "north-vietnam", "east-germany", "czechoslovakia",
    ]
    assert lexicon.actor("ngo-dinh-diem").parent == "south-vietnam"
    assert lexicon.actor("erich-honecker").parent == "east-germany"
