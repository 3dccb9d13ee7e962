"""The user's corrections, kept as their own records and replayed over fresh extractions.

Extraction is a pure function of the articles and the lexicons, so re-running it with better
lexicons throws nothing away as long as edits are stored apart and re-applied. Edits name events
by id; event ids are derived from the article id and the evidence offsets, so the same sentence
read again gets the same id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline_app.domain.actor import Actor
from timeline_app.domain.bulk import collector_paused
from timeline_app.domain.corpus import Corpus
from timeline_app.domain.event import TIME_FROM_EXPRESSION, Event, Relation
from timeline_app.domain.timespan import TimeSpan


@dataclass(frozen=True, slots=True)
class RenameActor:
    actor: str
    name: str


@dataclass(frozen=True, slots=True)
class MergeActors:
    """`drop` becomes an alias of `keep`; events and relations move over."""

    keep: str
    drop: str


@dataclass(frozen=True, slots=True)
class ChangeEventType:
    event: str
    type: str
    polarity: float | None = None


@dataclass(frozen=True, slots=True)
class ChangeEventTime:
    event: str
    time: TimeSpan
    text: str = ""


@dataclass(frozen=True, slots=True)
class ChangeEventActors:
    event: str
    actors: tuple[str, ...]
    source: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class DeleteEvent:
    event: str


@dataclass(frozen=True, slots=True)
class SetPublished:
    """The user gave an undated article its publication date."""

    article: str
    published: date


Edit = (
    RenameActor | MergeActors | ChangeEventType | ChangeEventTime | ChangeEventActors
    | DeleteEvent | SetPublished
)


def apply_edits(corpus: Corpus, edits: list[Edit] | tuple[Edit, ...]) -> Corpus:
    """Replay edits in order; an edit naming something that no longer exists is skipped.

    `SetPublished` is not applied here: it changes the input of extraction, so the pipeline
    reads it before extracting (see `pipeline.published_overrides`).
    """
    with collector_paused():
        return _apply_edits(corpus, edits)


def _apply_edits(corpus: Corpus, edits: list[Edit] | tuple[Edit, ...]) -> Corpus:
    actors = {a.id: a for a in corpus.actors}
    events = {e.id: e for e in corpus.events}
    dropped = {e.drop for e in edits if isinstance(e, MergeActors)}
    index: dict[str, set[str]] | None = None  # dropped actor -> event ids, at the first merge
    for edit in edits:
        if isinstance(edit, RenameActor) and edit.actor in actors:
            old = actors[edit.actor]
            aliases = old.aliases if old.name in old.aliases else (*old.aliases, old.name)
            actors[edit.actor] = replace(old, name=edit.name, aliases=aliases)
        elif isinstance(edit, MergeActors) and edit.keep in actors and edit.drop in actors:
            if index is None:
                index = _actor_index(events.values(), dropped)
            _merge(actors, events, edit.keep, edit.drop, index)
        elif isinstance(edit, ChangeEventType) and edit.event in events:
            ev = events[edit.event]
            polarity = ev.polarity if edit.polarity is None else edit.polarity
            events[edit.event] = replace(ev, type=edit.type, polarity=polarity)
        elif isinstance(edit, ChangeEventTime) and edit.event in events:
            ev = events[edit.event]
            events[edit.event] = replace(
                ev, time=edit.time, time_text=edit.text or ev.time_text,
                time_source=TIME_FROM_EXPRESSION,
            )
        elif isinstance(edit, ChangeEventActors) and edit.event in events:
            events[edit.event] = replace(
                events[edit.event], actors=edit.actors, source=edit.source, target=edit.target
            )
            if index is not None:
                for actor in (*edit.actors, edit.source, edit.target):
                    if actor in dropped:
                        index.setdefault(actor, set()).add(edit.event)
        elif isinstance(edit, DeleteEvent):
            events.pop(edit.event, None)
    new_events = tuple(events.values())
    used = {a for e in new_events for a in (*e.actors, *e.co_sources)}
    used |= {parent for a in used if a in actors and (parent := actors[a].parent)}
    new_actors = tuple(a for a in actors.values() if a.id in used or a.id in _ids(corpus))
    return Corpus(
        articles=corpus.articles,
        actors=new_actors,
        events=new_events,
        relations=relations_from_events(new_events),
        errors=corpus.errors,
    )


def _ids(corpus: Corpus) -> set[str]:
    return {a.id for a in corpus.actors}


def _actor_index(events, wanted: set[str]) -> dict[str, set[str]]:
    """Which events name each actor that some merge drops, so that a merge touches only those
    (not all 200,000). Only dropped actors are indexed: indexing every actor of a large
    project cost more than the merges themselves."""
    index: dict[str, set[str]] = {actor: set() for actor in wanted}
    isdisjoint = wanted.isdisjoint
    for ev in events:
        if isdisjoint(ev.actors) and isdisjoint(ev.co_sources) and ev.source not in wanted \
                and ev.target not in wanted:
            continue
        for actor in {*ev.actors, *ev.co_sources, ev.source, ev.target}:
            if actor in wanted:
                index[actor].add(ev.id)
    return index


def _merge(
    actors: dict[str, Actor], events: dict[str, Event], keep: str, drop: str,
    index: dict[str, set[str]],
) -> None:
    kept, dropped = actors[keep], actors.pop(drop)
    aliases = tuple(dict.fromkeys((*kept.aliases, dropped.name, *dropped.aliases)))
    actors[keep] = replace(kept, aliases=tuple(a for a in aliases if a != kept.name))
    for other_id, other in list(actors.items()):
        if other.parent == drop:
            actors[other_id] = replace(other, parent=keep)

    def swap(value: str | None) -> str | None:
        return keep if value == drop else value

    touched = index.pop(drop, set())
    if keep in index:  # the kept actor is itself dropped by a later merge
        index[keep].update(touched)
    for eid in touched:
        ev = events.get(eid)
        if ev is None:
            continue  # deleted since
        if drop in ev.actors or drop in ev.co_sources or drop in (ev.source, ev.target):
            events[eid] = replace(
                ev,
                actors=tuple(dict.fromkeys(swap(a) or a for a in ev.actors)),
                co_sources=tuple(dict.fromkeys(swap(a) or a for a in ev.co_sources)),
                source=swap(ev.source),
                target=swap(ev.target),
            )


# Evidence further apart than this makes separate episodes of one relation: India's strikes on
# Pakistan in 2019 and in 2025 are two episodes, not one relation active for six years (which a
# graph of any window in between would show).
EPISODE_GAP = timedelta(days=120)
# Longer than a decade: a background period ("since 1947"), not the run of a relation's acts
# ("allies since March 2011" in a 2013 story is still one run with the acts of 2012).
BACKGROUND_SPAN = timedelta(days=3653)


def relations_from_events(events: tuple[Event, ...] | list[Event]) -> tuple[Relation, ...]:
    """One relation per (source, target, type) and episode, spanning the days of its events.

    Co-sources ("Russia, along with China, vetoed ...") give the co-source its own relation.
    The first episode's id is "r:<source>><target>:<type>"; later ones add "@<first day>".
    """
    groups: dict[tuple[str, str, str], list[Event]] = {}
    for ev in events:
        if not ev.target:
            continue
        for src in (ev.source, *ev.co_sources):
            if src and src != ev.target:
                groups.setdefault((src, ev.target, ev.type), []).append(ev)
    relations = []
    for (src, tgt, typ), evs in sorted(groups.items()):
        for n, episode in enumerate(_episodes(evs)):
            relations.append(_relation(f"r:{src}>{tgt}:{typ}", n, src, tgt, typ, episode))
    return tuple(relations)


def _episodes(evs: list[Event]) -> list[list[Event]]:
    """The events of one relation in runs whose days lie within EPISODE_GAP of each other;
    undated events join the first run (they count for its polarity, not for its days).

    A background period ("have fought three wars since 1947") is a run of its own: spanning
    decades, it would otherwise swallow every dated act of the pair (the strikes of February
    2019 and of May 2025) into one relation as long as itself.
    """
    dated = sorted((e for e in evs if e.time.start is not None and e.time.end is not None),
                   key=lambda e: (e.time.start, e.time.end))
    if len(dated) < 2:
        return [evs]
    periods = [e for e in dated if _length(e) > BACKGROUND_SPAN]
    if periods and len(periods) < len(dated):
        acts = [e for e in evs if not (e.time.start is not None and e.time.end is not None
                                       and e.time.end - e.time.start > BACKGROUND_SPAN)]
        return [*_episodes(acts), periods]
    runs: list[list[Event]] = [[dated[0]]]
    reach = _days(dated[0])[1]
    for e in dated[1:]:
        first, last = _days(e)
        if first - reach > EPISODE_GAP:
            runs.append([e])
            reach = last
        else:
            runs[-1].append(e)
            reach = max(reach, last)
    if len(runs) > 1:
        undated = [e for e in evs if e.time.start is None or e.time.end is None]
        runs[0] = undated + runs[0]
        order = {id(e): i for i, e in enumerate(evs)}  # events in their given order
        for run in runs:
            run.sort(key=lambda e: order[id(e)])
        return runs
    return [evs]


def _days(e: Event) -> tuple[date, date]:
    """The first and last day of an event known to be dated (both ends set)."""
    first, last = e.time.start, e.time.end
    assert first is not None and last is not None  # callers pass dated events only
    return first, last


def _length(e: Event) -> timedelta:
    """How long a dated event lasts, from its first day to its last."""
    first, last = _days(e)
    return last - first


def _relation(
    base: str, n: int, src: str, tgt: str, typ: str, evs: list[Event]
) -> Relation:
    # One pass: this runs over every event of a project each time it opens.
    start: date | None = None
    end: date | None = None
    open_end, approximate, any_dated, polarity = False, True, False, 0.0
    for e in evs:
        polarity += e.polarity
        t = e.time
        first, last = t.start, t.end
        if first is None or last is None:
            continue  # undated: counts for the polarity, not for the days
        if start is None or end is None:  # the first dated event (both are set together)
            start, end, open_end, any_dated = first, last, t.open_end, True
        else:
            if first < start:
                start = first
            if last > end:  # the event that ends last (the first of equals) decides
                end, open_end = last, t.open_end
        approximate = approximate and t.approximate
    return Relation(
        id=base if n == 0 or start is None else f"{base}@{start.isoformat()}",
        source=src,
        target=tgt,
        type=typ,
        polarity=round(polarity / len(evs), 3),
        start=start,
        end=end,
        events=tuple(e.id for e in evs),
        open_end=bool(open_end),
        approximate=approximate if any_dated else False,
    )
