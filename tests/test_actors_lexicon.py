"""The actor lexicons: what ships, how bad files are reported, how override files work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.domain.actor import ACTOR_KINDS, ORGANISATION, PERSON, STATE
from timeline_app.extract.actors import LexiconError, find_actors, load_actor_lexicon
from timeline_app.extract.actors.lexicon import build_lexicon, default_directory

TITLES = default_directory() / "titles.toml"


@pytest.fixture(scope="module")
def lexicon():
    return load_actor_lexicon()


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_every_un_member_state_is_there_with_a_demonym(lexicon):
    assert len(lexicon.un_members) == 193
    for state in lexicon.un_members:
        assert lexicon.actor(state).kind == STATE
        assert lexicon.demonyms.get(state), f"{state} has no demonym"


def test_observer_states_are_there_but_not_counted_as_members(lexicon):
    for state in ("palestine", "holy-see", "taiwan", "kosovo"):
        assert lexicon.actor(state).kind == STATE
        assert state not in lexicon.un_members


def test_each_members_demonym_finds_its_state(lexicon):
    """A demonym listed for two states (Congolese) must at least find one of them."""
    for state in sorted(lexicon.un_members):
        demonym = lexicon.demonyms[state][0]
        found = find_actors(f"The {demonym} delegation arrived.", lexicon)
        found_ids = {m.actor for m in found.mentions}
        owners = {s for s, names in lexicon.demonyms.items() if demonym in names}
        assert found_ids & owners, f"{demonym!r} found {found_ids}, expected one of {owners}"


def test_the_lexicon_holds_people_organisations_and_groups_linked_to_real_parents(lexicon):
    kinds = [a.kind for a in lexicon.actors.values()]
    assert kinds.count(PERSON) >= 300
    assert kinds.count(ORGANISATION) >= 50
    assert all(kind in ACTOR_KINDS for kind in kinds)
    for actor in lexicon.actors.values():
        assert actor.parent is None or actor.parent in lexicon.actors
    assert lexicon.actor("un-security-council").parent == "united-nations"
    assert lexicon.actor("bashar-al-assad").parent == "syria"


def test_the_default_load_is_cached(lexicon):
    assert load_actor_lexicon() is lexicon


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('[[actor]]\nid = "x-land"\nname = "Xland"\ncolour = "red"\n', "unknown key"),
        ('[[actor]]\nid = "x-land"\nname = "Xland"\nparent = "nowhere"\n', "'nowhere'"),
        ('[[actor]]\nid = "X Land"\nname = "Xland"\n', "'id'"),
        ('[[actor]]\nid = "x-land"\nname = "Xland"\nkind = "planet"\n', "kind 'planet'"),
        ('[[actor]]\nid = "x-land"\nname = "Xland"\naliases = ["xland"]\n', "capital letter"),
        ('[[actor]]\nid = "x-man"\nname = "X Man"\nroles = [{title = "King", of = "x-man", '
         'from = "last year"}]\n', "role dates"),
        ('[[actor]]\nid = "x-land"\nname = "Xland"\n[[actor]]\nid = "x-land"\nname = "X"\n',
         "duplicate actor id 'x-land'"),
        ('[[actor]\nid = "x-land"\n', "not valid TOML"),
        ('colour = "red"\n', "unknown top-level key"),
        ('[places]\nnowhere = ["Gotham"]\n', "no actor has the id 'nowhere'"),
        ('[[actor]]\nid = "x-land"\nname = "Xland"\n[places]\nx-land = ["gotham"]\n',
         "capital letter"),
        ('places = ["Gotham"]\n', "'places' must be a table"),
    ],
)
def test_a_bad_lexicon_file_is_reported_with_its_file_and_entry(tmp_path, body, fragment):
    path = _write(tmp_path, "broken.toml", body)
    with pytest.raises(LexiconError) as error:
        build_lexicon([TITLES, path])
    assert "broken.toml" in str(error.value)
    assert fragment in str(error.value)


def test_a_missing_lexicon_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_actor_lexicon(tmp_path / "absent")


def test_override_files_extend_and_override_by_id_in_order(tmp_path):
    first = _write(tmp_path, "project.toml", """
[[actor]]
id = "syria"
aliases = ["Sham"]

[[actor]]
id = "zed-okafor"
kind = "person"
name = "Zed Okafor"
parent = "nigeria"
roles = [{title = "Foreign Minister", of = "nigeria", from = 2031-01-01}]
""")
    second = _write(tmp_path, "analyst.toml", """
[[actor]]
id = "zed-okafor"
name = "Zedekiah Okafor"
aliases = ["Zed Okafor"]
""")
    lexicon = load_actor_lexicon(extra=[first, second])
    assert lexicon is not load_actor_lexicon()
    syria = lexicon.actor("syria")
    assert "Sham" in syria.aliases and "Syrian Arab Republic" in syria.aliases
    assert syria.kind == STATE  # not reset by an override that does not name a kind
    person = lexicon.actor("zed-okafor")
    assert person.name == "Zedekiah Okafor" and person.parent == "nigeria"
    found = find_actors(
        "Sham rejected the plan. Nigeria's foreign minister disagreed.", lexicon,
        published=date(2032, 5, 1),
    )
    assert [m.actor for m in found.mentions] == ["syria", "zed-okafor"]


def test_an_override_may_not_point_at_a_parent_nobody_defines(tmp_path):
    extra = _write(tmp_path, "mine.toml", '[[actor]]\nid = "y"\nname = "Y"\nparent = "zz"\n')
    with pytest.raises(LexiconError, match=r"mine\.toml"):
        load_actor_lexicon(extra=[extra])


def test_a_lexicon_folder_of_ones_own(tmp_path):
    (tmp_path / "titles.toml").write_bytes(TITLES.read_bytes())
    _write(tmp_path, "mine.toml", """
kind = "state"
not_actors = ["Freedonia Street"]

[[actor]]
id = "freedonia"
name = "Freedonia"
demonyms = ["Freedonian", "Freedonians"]
capitals = ["Fredville"]
""")
    lexicon = load_actor_lexicon(tmp_path)
    found = find_actors(
        "Fredville protested. Freedonian troops left Freedonia Street.", lexicon
    )
    assert [(m.text, m.via) for m in found.mentions] == [
        ("Fredville", "capital"), ("Freedonian troops", "organ"),
    ]


def test_places_stand_for_their_state_without_being_its_capital(tmp_path):
    (tmp_path / "titles.toml").write_bytes(TITLES.read_bytes())
    _write(tmp_path, "mine.toml", """
kind = "state"

[[actor]]
id = "freedonia"
name = "Freedonia"
capitals = ["Fredville"]

[places]
freedonia = ["Port Marx", "Harpo"]
""")
    found = find_actors("Shells hit Port Marx and Harpo; Fredville protested.",
                        load_actor_lexicon(tmp_path))
    assert [(m.text, m.actor, m.via) for m in found.mentions] == [
        ("Port Marx", "freedonia", "place"), ("Harpo", "freedonia", "place"),
        ("Fredville", "freedonia", "capital"),
    ]


def test_the_shipped_places_lie_in_their_states(lexicon):
    for text, state in (("Kharkiv", "ukraine"), ("Aleppo", "syria"), ("Rafah", "palestine"),
                        ("Falkland Islands", "united-kingdom"), ("Belgorod", "russia")):
        found = find_actors(f"Missiles struck {text} overnight.", lexicon)
        assert [(m.actor, m.via) for m in found.mentions] == [(state, "place")], text
    # a longer name that starts with the place is what it names
    found = find_actors("The Donetsk People's Republic said so.", lexicon)
    assert [(m.actor, m.via) for m in found.mentions] == [("donetsk-separatists", "name")]


def test_clearing_the_cache_reads_the_files_again(lexicon):
    from timeline_app.extract.actors import clear_lexicon_cache

    clear_lexicon_cache()
    fresh = load_actor_lexicon()
    assert fresh is not lexicon
    assert fresh.actor("syria") == lexicon.actor("syria")
