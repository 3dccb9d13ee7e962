"""The user's corrections replayed over an extraction: merges, renames and event fixes."""

from __future__ import annotations

from datetime import date

from timeline_app.domain import Actor, Corpus, Event, TimeSpan
from timeline_app.domain.edits import (
    ChangeEventActors,
    ChangeEventTime,
    ChangeEventType,
    DeleteEvent,
    MergeActors,
    RenameActor,
    apply_edits,
)

DAY = TimeSpan("2013-01-22", "day", date(2013, 1, 22), date(2013, 1, 22))


def _event(eid: str, source: str, target: str | None, kind: str = "criticism") -> Event:
    actors = (source, target) if target else (source,)
    return Event(id=eid, article="a", type=kind, summary="", sentence="", span=(0, 1),
                 actors=actors, source=source, target=target, polarity=-0.5, time=DAY)


CORPUS = Corpus(
    actors=(Actor("ussr", "USSR", "state"), Actor("russia", "Russia", "state"),
            Actor("rf", "Russian Federation", "state"), Actor("syria", "Syria", "state"),
            Actor("putin", "Vladimir Putin", "person", parent="rf")),
    events=(_event("e1", "ussr", "syria"), _event("e2", "rf", "syria", "arms_supply"),
            _event("e3", "syria", "russia"), _event("e4", "putin", None, "statement")),
)


def test_chained_merges_move_every_event_and_person_to_the_kept_actor():
    out = apply_edits(CORPUS, [MergeActors("russia", "rf"), MergeActors("russia", "ussr")])
    by_id = {e.id: e for e in out.events}
    assert by_id["e1"].source == by_id["e2"].source == "russia"
    assert by_id["e3"].target == "russia"
    actors = {a.id: a for a in out.actors}
    assert "rf" not in actors and "ussr" not in actors
    assert {"Russian Federation", "USSR"} <= set(actors["russia"].aliases)
    assert actors["putin"].parent == "russia"
    assert {(r.source, r.target, r.type) for r in out.relations} == {
        ("russia", "syria", "criticism"), ("russia", "syria", "arms_supply"),
        ("syria", "russia", "criticism")}


def test_a_merge_after_an_actor_change_follows_the_changed_event():
    edits = [ChangeEventActors("e3", ("syria", "rf"), "syria", "rf"), MergeActors("russia", "rf")]
    out = apply_edits(CORPUS, edits)
    assert {e.id: e for e in out.events}["e3"].target == "russia"


def test_deleted_events_stay_deleted_through_later_merges():
    out = apply_edits(CORPUS, [DeleteEvent("e2"), MergeActors("russia", "rf")])
    assert "e2" not in {e.id for e in out.events}


def test_rename_type_and_time_changes_apply_and_missing_targets_are_skipped():
    later = TimeSpan("2012-12", "month", date(2012, 12, 1), date(2012, 12, 31))
    out = apply_edits(CORPUS, [
        RenameActor("syria", "Syrian Arab Republic"), ChangeEventType("e1", "condemnation", -0.7),
        ChangeEventTime("e1", later, "last month"), DeleteEvent("no-such-event"),
        MergeActors("russia", "nobody"),
    ])
    e1 = {e.id: e for e in out.events}["e1"]
    assert (e1.type, e1.polarity, e1.time.value, e1.time_text) == (
        "condemnation", -0.7, "2012-12", "last month")
    syria = {a.id: a for a in out.actors}["syria"]
    assert syria.name == "Syrian Arab Republic" and "Syria" in syria.aliases


def test_a_relation_spans_its_dated_events_and_is_open_when_its_latest_one_is():
    from dataclasses import replace

    from timeline_app.domain.edits import relations_from_events

    since = TimeSpan("2011-03", "month", date(2011, 3, 1), date(2013, 1, 22), open_end=True)
    vague = TimeSpan("2012", "year", date(2012, 1, 1), date(2012, 12, 31), approximate=True)
    undated = TimeSpan("", "unknown")
    events = [
        replace(_event("a", "russia", "syria", "alliance"), time=vague, polarity=0.5),
        replace(_event("b", "russia", "syria", "alliance"), time=since, polarity=1.0),
        replace(_event("c", "russia", "syria", "alliance"), time=DAY, polarity=0.0),
        replace(_event("d", "russia", "syria", "alliance"), time=undated, polarity=0.5),
    ]
    (rel,) = relations_from_events(events)
    assert (rel.start, rel.end) == (date(2011, 3, 1), date(2013, 1, 22))
    assert rel.open_end  # the "since" period ends last; the day of the same end comes later
    assert not rel.approximate  # one exact event is enough
    assert rel.polarity == 0.5  # undated events count for the tone, not for the days
    assert rel.events == ("a", "b", "c", "d")
    (closed,) = relations_from_events([events[2], events[1]])
    assert not closed.open_end  # of two that end the same day, the first decides
    (fuzzy,) = relations_from_events([events[0], events[3]])
    assert fuzzy.approximate and (fuzzy.start, fuzzy.end) == (date(2012, 1, 1), date(2012, 12, 31))


def test_evidence_years_apart_makes_separate_episodes_of_a_relation():
    from dataclasses import replace

    from timeline_app.domain.edits import relations_from_events

    def day(y: int, m: int, d: int) -> TimeSpan:
        return TimeSpan(f"{y}-{m:02d}-{d:02d}", "day", date(y, m, d), date(y, m, d))

    events = [
        replace(_event("a", "india", "pakistan", "military_action"), time=day(2019, 2, 26)),
        replace(_event("b", "india", "pakistan", "military_action"), time=day(2025, 5, 7)),
        replace(_event("c", "india", "pakistan", "military_action"), time=day(2025, 5, 9)),
        replace(_event("d", "india", "pakistan", "military_action"),
                time=TimeSpan("", "unknown")),
    ]
    first, second = relations_from_events(events)
    assert (first.id, first.start, first.end, first.events) == (
        "r:india>pakistan:military_action", date(2019, 2, 26), date(2019, 2, 26), ("a", "d"))
    assert (second.id, second.start, second.end, second.events) == (
        "r:india>pakistan:military_action@2025-05-07", date(2025, 5, 7), date(2025, 5, 9),
        ("b", "c"))


def test_a_background_period_of_decades_does_not_swallow_the_acts_of_a_pair():
    from dataclasses import replace

    from timeline_app.domain.edits import relations_from_events

    since_1947 = TimeSpan("1947", "year", date(1947, 1, 1), date(2025, 5, 9), open_end=True)
    strike = TimeSpan("2019-02-26", "day", date(2019, 2, 26), date(2019, 2, 26))
    events = [
        replace(_event("a", "india", "pakistan", "military_action"), time=since_1947),
        replace(_event("b", "india", "pakistan", "military_action"), time=strike),
    ]
    spans = {(r.start, r.end) for r in relations_from_events(events)}
    assert spans == {(date(2019, 2, 26), date(2019, 2, 26)), (date(1947, 1, 1), date(2025, 5, 9))}
