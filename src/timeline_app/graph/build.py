"""One directed edge per actor pair, summing the relations active in a time window.

Relations are per (source, target, type); a reader of the graph wants one arrow per pair and
direction, coloured by whether the pair cooperates or fights, labelled with what they mostly do.
"""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from timeline_app.domain import Corpus, Event, Relation

if TYPE_CHECKING:
    import networkx as nx

Window = tuple[date, date] | None


@dataclass
class EdgeData:
    """What one arrow stands for: its relations, evidence count and mean polarity."""

    source: str
    target: str
    relations: list[Relation] = field(default_factory=list)
    types: Counter = field(default_factory=Counter)
    evidence: int = 0
    polarity_sum: float = 0.0

    @property
    def polarity(self) -> float:
        return self.polarity_sum / self.evidence if self.evidence else 0.0

    @property
    def dominant_type(self) -> str:
        # max() over a small dict: several times cheaper than Counter.most_common per edge.
        return max(self.types, key=self.types.__getitem__) if self.types else ""


class _Index:
    """Day ranges of a corpus's events and relations as arrays, for fast window queries."""

    def __init__(self, corpus: Corpus) -> None:
        def bounds(items, start, end):
            lo = np.array([start(x).toordinal() if start(x) else 0 for x in items], np.int64)
            hi = np.array([end(x).toordinal() if end(x) else -1 for x in items], np.int64)
            return lo, hi

        self.ev_lo, self.ev_hi = bounds(corpus.events, lambda e: e.time.start,
                                        lambda e: e.time.end)
        self.rel_lo, self.rel_hi = bounds(corpus.relations, lambda r: r.start, lambda r: r.end)
        self.event_pos = {e.id: i for i, e in enumerate(corpus.events)}


_INDEXES: dict[int, _Index] = {}


def _index(corpus: Corpus) -> _Index:
    key = id(corpus)
    found = _INDEXES.get(key)
    if found is None:
        found = _INDEXES[key] = _Index(corpus)
        weakref.finalize(corpus, _INDEXES.pop, key, None)
    return found


def _folder(corpus: Corpus, fold_people: bool):
    if not fold_people:
        return lambda actor_id: actor_id
    cache: dict[str, str] = {}

    def fold(actor_id: str) -> str:
        if actor_id not in cache:
            cache[actor_id] = corpus.root_actor(actor_id)
        return cache[actor_id]

    return fold


def actor_graph(corpus: Corpus, window: Window = None, *, fold_people: bool = False) -> nx.DiGraph:
    """The actor graph of a time window (see `_actor_graph`), built with the cyclic GC paused.

    Building allocates tens of thousands of small acyclic objects; with a large corpus in
    memory each automatic collection would rescan it, tripling the time of a window change.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _actor_graph(corpus, window, fold_people=fold_people)
    finally:
        if paused:
            gc.enable()


def _actor_graph(corpus: Corpus, window: Window, *, fold_people: bool) -> nx.DiGraph:
    """Nodes are actors with events in the window; edges carry an `EdgeData` under "data".

    Node attributes: name, kind, count (events in the window). With `fold_people` a person or
    organ is counted as its state (Actor.parent), so leaders and ministries merge into one node.
    A relation whose evidence straddles the window counts only with the events inside it.
    """
    import networkx as nx  # deferred: keeps the app's start-up light

    fold = _folder(corpus, fold_people)
    graph = nx.DiGraph()
    if window is None:
        events, relations = corpus.events, corpus.relations
        in_window = None
    else:
        index = _index(corpus)
        lo, hi = window[0].toordinal(), window[1].toordinal()
        in_window = (index.ev_lo <= hi) & (index.ev_hi >= lo)
        events = [corpus.events[i] for i in np.flatnonzero(in_window)]
        active = (index.rel_lo <= hi) & (index.rel_hi >= lo)
        relations = [corpus.relations[i] for i in np.flatnonzero(active)]
    counts: Counter = Counter()
    for ev in events:
        for actor_id in {fold(a) for a in ev.actors}:
            counts[actor_id] += 1
    edges: dict[tuple[str, str], EdgeData] = {}
    for rel in relations:
        src, tgt = fold(rel.source), fold(rel.target)
        if src == tgt:
            continue
        n = _evidence_in_window(corpus, rel, window, in_window)
        if n == 0:
            continue
        data = edges.get((src, tgt))
        if data is None:
            data = edges[(src, tgt)] = EdgeData(src, tgt)
        data.relations.append(rel)
        data.types[rel.type] += n
        data.evidence += n
        data.polarity_sum += rel.polarity * n
    nodes = set(counts) | {a for pair in edges for a in pair}
    node_rows = []
    for actor_id in nodes:
        actor = corpus.actor(actor_id)
        node_rows.append((actor_id, {
            "name": actor.name if actor else actor_id,
            "kind": actor.kind if actor else "other",
            "count": counts.get(actor_id, 0),
        }))
    graph.add_nodes_from(node_rows)
    graph.add_edges_from((src, tgt, {"data": data, "weight": data.evidence})
                         for (src, tgt), data in edges.items())
    return graph


def _evidence_in_window(corpus: Corpus, rel: Relation, window: Window,
                        in_window: np.ndarray | None) -> int:
    if window is None or not rel.events:
        return max(1, len(rel.events))
    if rel.start is not None and rel.end is not None and window[0] <= rel.start \
            and rel.end <= window[1]:
        return len(rel.events)
    positions = _index(corpus).event_pos
    return sum(1 for e in rel.events if e in positions and in_window[positions[e]])


def pair_events(corpus: Corpus, a: str, b: str, *, fold_people: bool = False) -> list[Event]:
    """Every event between two actors, either direction, oldest first: the pair's history."""
    fold = _folder(corpus, fold_people)
    pair = {a, b}
    found = []
    for ev in corpus.events:
        if not ev.target:
            continue
        tgt = fold(ev.target)
        sources = {fold(s) for s in (ev.source, *ev.co_sources) if s}
        if any({s, tgt} == pair for s in sources):
            found.append(ev)
    return sorted(found, key=lambda e: (e.time.start or date.max, e.id))
