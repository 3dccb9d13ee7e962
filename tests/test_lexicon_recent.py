"""Leaders, ministers and heads of organisations of 2000-2026 in the actor lexicon.

Today's news names a government by its holders: a full name, then the surname alone, or only
the office ("the Greek prime minister"), which must find whoever held it on the article's date.
A surname that is also a common word or a place ("Henry", "English", "Montenegro", "Muscat")
must not make that person out of every text that uses the word. All texts here are our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import actor_pairs, find_checked

_find = find_checked
_pairs = actor_pairs


def _roles(found) -> dict[str, str]:
    return {m.text: m.actor for m in found.mentions if m.via == "role"}


def test_full_name_then_surname_is_one_leader_of_his_state(lexicon):
    text = ("Prime Minister Kyriakos Mitsotakis flew to Ankara. Mitsotakis said the talks on the "
            "Aegean had gone well.")
    found = _find(lexicon, text, date(2020, 5, 1))
    assert [m.actor for m in found.mentions if "Mitsotakis" in m.text] == [
        "kyriakos-mitsotakis", "kyriakos-mitsotakis",
    ]
    assert found.actors["kyriakos-mitsotakis"].parent == "greece"
    assert ("turkey", "Ankara") in _pairs(found)


@pytest.mark.parametrize(("published", "premier"), [
    (date(2003, 6, 1), "kostas-simitis"),
    (date(2010, 6, 1), "george-papandreou"),
    (date(2016, 6, 1), "alexis-tsipras"),
    (date(2020, 6, 1), "kyriakos-mitsotakis"),
])
def test_the_greek_prime_minister_is_whoever_held_the_office_that_day(
    lexicon, published, premier,
):
    found = _find(lexicon, "The Greek prime minister spoke in Athens.", published)
    assert _roles(found) == {"Greek prime minister": premier}


def test_offices_across_regions_find_their_holders_on_one_date(lexicon):
    text = ("The Lithuanian foreign minister met Niger's president. The Australian foreign "
            "minister and the German defence minister joined them.")
    found = _find(lexicon, text, date(2022, 3, 1))
    assert _roles(found) == {
        "Lithuanian foreign minister": "gabrielius-landsbergis",
        "Niger's president": "mohamed-bazoum",
        "Australian foreign minister": "marise-payne",
        "German defence minister": "christine-lambrecht",
    }
    assert lexicon.actor("gabrielius-landsbergis").parent == "lithuania"
    assert lexicon.actor("mohamed-bazoum").parent == "niger"


def test_a_foreign_minister_who_became_defence_minister_holds_each_office_in_turn(lexicon):
    """Nikos Dendias ran the Greek foreign ministry, then defence: one person, two offices."""
    before = _find(lexicon, "The Greek foreign minister arrived.", date(2021, 1, 10))
    after = _find(lexicon, "The Greek defence minister arrived.", date(2024, 1, 10))
    assert list(_roles(before).values()) == ["nikos-dendias"]
    assert list(_roles(after).values()) == ["nikos-dendias"]
    earlier = _find(lexicon, "The Greek foreign minister arrived.", date(2016, 1, 10))
    assert list(_roles(earlier).values()) == ["nikos-kotzias"]


def test_heads_of_international_organisations_by_date(lexicon):
    league = _find(lexicon, "The Arab League secretary-general came.", date(2019, 5, 5))
    assert list(_roles(league).values()) == ["ahmed-aboul-gheit"]
    found = _find(lexicon, "Moussa Faki and Omar Alieu Touray met Romano Prodi.",
                  date(2023, 5, 5))
    parents = {m.actor: found.actors[m.actor].parent for m in found.mentions}
    assert parents == {"moussa-faki": "african-union", "omar-alieu-touray": "ecowas",
                       "romano-prodi": "italy"}


def test_a_common_word_surname_names_nobody_alone_but_refers_back(lexicon):
    """'Henry' alone is anybody; after 'Ariel Henry' it is the Haitian prime minister."""
    found = _find(lexicon, "Haitian Prime Minister Ariel Henry arrived. Henry said the vote "
                           "would wait.", date(2022, 1, 10))
    assert [m.actor for m in found.mentions if "Henry" in m.text] == ["ariel-henry"] * 2
    alone = _find(lexicon, "Patrick Henry gave a speech. Henry was cheered.", date(2022, 1, 10))
    assert not any(m.actor == "ariel-henry" for m in alone.mentions)


@pytest.mark.parametrize(("text", "person"), [
    ("English teachers protested in Wellington.", "bill-english"),
    ("The key issue was trade with John.", "john-key"),
    ("Montenegro joined NATO.", "luis-montenegro"),
    ("Muscat hosted the talks.", "joseph-muscat"),
    ("Sanchez scored twice for the club.", "pedro-sanchez"),
    ("Kim said the missile was a warning.", "kim-dae-jung"),
])
def test_a_word_or_place_that_is_also_a_surname_is_not_the_person(lexicon, text, person):
    found = _find(lexicon, text, date(2017, 5, 1))
    assert not any(m.actor == person for m in found.mentions)


def test_a_place_named_like_a_leader_stays_the_place(lexicon):
    found = _find(lexicon, "Montenegro and Portugal signed. Muscat mediated.", date(2024, 6, 1))
    assert [m.actor for m in found.mentions] == ["montenegro", "portugal", "oman"]


def test_thai_leaders_are_named_by_their_given_names(lexicon):
    text = "Thaksin returned to Bangkok. Yingluck fled abroad. Prayut said the army would act."
    found = _find(lexicon, text, date(2014, 5, 20))
    people = [m.actor for m in found.mentions if lexicon.actor(m.actor).kind == "person"]
    assert people == ["thaksin-shinawatra", "yingluck-shinawatra", "prayut-chan-o-cha"]


def test_a_shared_surname_goes_to_the_one_named_in_full(lexicon):
    found = _find(lexicon, "Vice President Sara Duterte resigned. Duterte said she would run.",
                  date(2024, 7, 1))
    assert [m.actor for m in found.mentions] == ["sara-duterte", "sara-duterte"]
    father = _find(lexicon, "Duterte defended the drug war.", date(2018, 7, 1))
    assert [m.actor for m in father.mentions] == ["rodrigo-duterte"]


def test_no_two_people_share_an_id_or_a_full_name(lexicon):
    people = [a for a in lexicon.actors.values() if a.kind == "person"]
    names = [a.name for a in people]
    assert len(names) == len(set(names))
    for actor in people:
        for role in lexicon.roles.get(actor.id, ()):
            assert role.of in lexicon.actors, (actor.id, role.of)
        assert actor.parent is None or actor.parent in lexicon.actors, actor.id


@pytest.mark.parametrize(("text", "published", "holder"), [
    ("The Spanish king opened parliament.", date(2010, 3, 1), "king-juan-carlos"),
    ("The Spanish king opened parliament.", date(2020, 3, 1), "king-felipe-vi"),
    ("The Taiwanese premier resigned.", date(2018, 6, 1), "lai-ching-te"),
    ("The Taiwanese premier resigned.", date(2023, 6, 1), "chen-chien-jen"),
    ("Thailand's prime minister flew home.", date(2025, 3, 1), "paetongtarn-shinawatra"),
    ("Thailand's prime minister flew home.", date(2025, 10, 1), "anutin-charnvirakul"),
    ("The Canadian foreign minister called.", date(2023, 10, 21), "melanie-joly"),
    ("The Brazilian president called.", date(2017, 1, 1), "michel-temer"),
])
def test_monarchs_premiers_and_ministers_change_with_the_date(lexicon, text, published, holder):
    assert list(_roles(_find(lexicon, text, published)).values()) == [holder]
