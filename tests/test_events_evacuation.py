"""Evacuations as wire copy reports them, and acts two parties do to each other.

The whole extraction runs on sentences of our own: the people taken out ("its diplomats",
"British diplomats") are the evacuating state's own, never the party acted upon.
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
