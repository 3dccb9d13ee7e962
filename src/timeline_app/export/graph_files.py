"""GEXF (for Gephi, with time intervals) and GraphML: the actor graph as files.

One edge per relation, i.e. per (source, target, type), so nothing is summed away: Gephi's
filters can pick a type, and its timeline plays each relation during the days its events
speak of. Those days are written as GEXF spells (one per run of overlapping event days), so an
alliance reported in 2011 and again in 2013 is not drawn through the quiet year between.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from timeline_app.domain import Corpus, Event

if TYPE_CHECKING:
    import networkx as nx

Interval = tuple[date, date]


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Union of inclusive day ranges; ranges that touch (end + 1 day == start) are joined."""
    merged: list[list[date]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _days(events: Iterable[Event]) -> list[Interval]:
    return merge_intervals(
        (e.time.start, e.time.end) for e in events
        if e.time.start is not None and e.time.end is not None
    )


def _spells(intervals: list[Interval]) -> list[tuple[str, str]]:
    return [(a.isoformat(), b.isoformat()) for a, b in intervals]


def relation_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """Actors as nodes, relations as edges keyed by relation type, with their day intervals.

    Node attributes: label, kind, parent, events (count), intervals. Edge attributes: id,
    label and relation_type (GEXF reserves `type` for directedness), polarity, weight (event
    count), open_end, approximate, intervals ((date, date) lists; writers convert them).
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    events_of: dict[str, list[Event]] = {}
    for ev in corpus.events:
        for actor_id in dict.fromkeys((*ev.actors, *ev.co_sources)):
            events_of.setdefault(actor_id, []).append(ev)
    used = set(events_of) | {a for r in corpus.relations for a in (r.source, r.target)}
    for actor_id in sorted(used):
        actor = corpus.actor(actor_id)
        graph.add_node(
            actor_id,
            label=actor.name if actor else actor_id,
            kind=actor.kind if actor else "other",
            parent=(actor.parent or "") if actor else "",
            events=len(events_of.get(actor_id, ())),
            intervals=_days(events_of.get(actor_id, ())),
        )
    for rel in corpus.relations:
        evs = [e for eid in rel.events if (e := corpus.event(eid)) is not None]
        intervals = _days(evs)
        if not intervals and rel.start and rel.end:
            intervals = [(rel.start, rel.end)]
        graph.add_edge(
            rel.source, rel.target, key=rel.type,
            id=rel.id, label=rel.type.replace("_", " "), relation_type=rel.type,
            polarity=float(rel.polarity), weight=float(max(1, len(rel.events))),
            open_end=rel.open_end, approximate=rel.approximate, intervals=intervals,
        )
    return graph


def write_gexf(corpus: Corpus, path: str | Path) -> None:
    """GEXF 1.2, mode="dynamic", timeformat="date", intervals as <spells>."""
    import networkx as nx

    graph = relation_graph(corpus)
    out = nx.MultiDiGraph(mode="dynamic")
    for node, data in graph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k != "intervals"}
        if data["intervals"]:
            attrs["spells"] = _spells(data["intervals"])
        out.add_node(node, **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: v for k, v in data.items() if k != "intervals"}
        if data["intervals"]:
            attrs["spells"] = _spells(data["intervals"])
        out.add_edge(u, v, key=key, **attrs)
    nx.write_gexf(out, str(path), version="1.2draft")


def write_graphml(corpus: Corpus, path: str | Path) -> None:
    """GraphML has no time model: the outer bounds go in `start`/`end`, all runs in `spells`.

    `spells` is "start/end" ISO pairs joined by ";" (GraphML values are scalars).
    """
    import networkx as nx

    graph = relation_graph(corpus)
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **_flat(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **_flat(data))
    nx.write_graphml(out, str(path), edge_id_from_attribute="id")


def _flat(data: dict) -> dict:
    intervals: list[Interval] = data["intervals"]
    flat = {k: v for k, v in data.items() if k != "intervals"}
    flat["start"] = intervals[0][0].isoformat() if intervals else ""
    flat["end"] = intervals[-1][1].isoformat() if intervals else ""
    flat["spells"] = ";".join(f"{a.isoformat()}/{b.isoformat()}" for a, b in intervals)
    return flat
