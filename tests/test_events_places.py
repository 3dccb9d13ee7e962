"""Cities and regions as the party acted upon: never the one acting.

Wire copy names the place hit far more often than the state it lies in ("missiles struck
Kharkiv", "Israeli strikes on Rafah"); an analyst reads those as acts against Ukraine and the
Palestinian territories. These tests run the whole extraction on sentences of our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.domain import Article
from timeline_app.extract.article_extraction import extract_article


def _relations(text: str) -> list[tuple[str, str | None, str | None, str]]:
    result = extract_article(Article("p1", "p.txt", "p", text, date(2024, 5, 14), "given"))
    return [(e.type, e.source, e.target, e.time.value) for e in result.events
            if e.type != "occurrence"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian missiles struck Kharkiv on Monday.",
     ("military_action", "russia", "ukraine", "2024-05-13")),
    ("Israeli aircraft bombed Rafah overnight.", ("military_action", "israel", "palestine")),
    ("Hezbollah fired rockets at Haifa.", ("military_action", "hezbollah", "israel")),
    ("Kharkiv was shelled by Russian forces.", ("military_action", "russia", "ukraine")),
    ("Argentine troops landed at Port Stanley on 2 April 1982.",
     ("military_action", "argentina", "united-kingdom", "1982-04-02")),
    ("Turkey evacuated its citizens from Aleppo.", ("evacuation", "turkey", "syria")),
    ("The European Union sent aid to Gaza.",
     ("humanitarian_aid", "european-union", "palestine")),
])
def test_a_place_acted_upon_stands_for_its_state(text, expected):
    found = _relations(text)
    assert any(r[:len(expected)] == expected for r in found), found


@pytest.mark.parametrize("text", [
    "Kharkiv said it had come under attack.",
    "Aleppo accused the rebels of shelling it.",
    "Odesa condemned the strikes.",
])
def test_a_place_never_acts(text):
    assert not any(source == "ukraine" or source == "syria"
                   for _type, source, _target, _time in _relations(text))


def test_a_place_is_no_antecedent_of_its():
    # "its" after "Crimea" is Russia's invasion, not Ukraine's own
    found = _relations("The measures first imposed in 2014, after Russia annexed Crimea, were "
                       "expanded after its full-scale invasion of Ukraine in February 2022.")
    assert ("military_action", "russia", "ukraine", "2014") in found
    assert ("military_action", "russia", "ukraine", "2022-02") in found


def test_one_act_named_twice_in_a_sentence_is_one_event():
    found = _relations("Russia attacked Ukraine on Monday, and the attack on Ukraine by Russia "
                       "continued.")
    assert [r for r in found if r[0] == "military_action"] == [
        ("military_action", "russia", "ukraine", "2024-05-13")]


def test_a_talks_venue_is_no_party():
    found = _relations("Putin met Erdogan in Sochi on Monday.")
    assert all(target != "russia" for _type, _source, target, _time in found), found
