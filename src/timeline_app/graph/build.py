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


class WindowIndex:
    """A corpus's actor graph as arrays, so that any time window's graph is a few numpy passes.

    Built once per (corpus, folding) — on a worker thread, it is the slow part — and then
    `window(w)` answers in milliseconds without networkx: node counts are a bincount over
    event-actor pairs, an edge's evidence and polarity a bincount over its relations. The
    answer is the same as `actor_graph` (same nodes, edges, counts, evidence, polarity and
    dominant type, ties going to the type seen first).
    """

    def __init__(self, corpus: Corpus, fold_people: bool = False) -> None:
        fold = _folder(corpus, fold_people)
        index = _index(corpus)
        self.corpus, self.fold_people = corpus, fold_people
        self.ev_lo, self.ev_hi = index.ev_lo, index.ev_hi
        actor_of: dict[str, int] = {}

        def actor(actor_id: str) -> int:
            found = actor_of.get(actor_id)
            if found is None:
                found = actor_of[actor_id] = len(actor_of)
            return found

        inc_ev, inc_actor = [], []
        for i, ev in enumerate(corpus.events):
            for actor_id in {fold(a) for a in ev.actors}:
                inc_ev.append(i)
                inc_actor.append(actor(actor_id))
        self.inc_ev = np.array(inc_ev, np.int64)
        self.inc_actor = np.array(inc_actor, np.int64)
        pair_of: dict[tuple[int, int], int] = {}
        type_of: dict[str, int] = {}
        rel_pair, rel_type, rel_pol, rel_n, rel_keep = [], [], [], [], []
        rel_inside_lo, rel_inside_hi, mem_rel, mem_ev = [], [], [], []
        for r, rel in enumerate(corpus.relations):
            src, tgt = fold(rel.source), fold(rel.target)
            rel_keep.append(src != tgt)
            pair = pair_of.setdefault((actor(src), actor(tgt)), len(pair_of))
            rel_pair.append(pair)
            rel_type.append(type_of.setdefault(rel.type, len(type_of)))
            rel_pol.append(rel.polarity)
            rel_n.append(len(rel.events))
            # Wholly inside a window from rel.start to rel.end: all its events count.
            whole = rel.start is not None and rel.end is not None
            rel_inside_lo.append(rel.start.toordinal() if whole else -(1 << 40))
            rel_inside_hi.append(rel.end.toordinal() if whole else 1 << 40)
            for e in rel.events:
                if e in index.event_pos:
                    mem_rel.append(r)
                    mem_ev.append(index.event_pos[e])
        self.actor_ids = list(actor_of)
        self.pairs = np.array(list(pair_of), np.int64).reshape(-1, 2)
        self.types = list(type_of)
        self.rel_lo, self.rel_hi = index.rel_lo, index.rel_hi
        self.rel_pair = np.array(rel_pair, np.int64)
        self.rel_type = np.array(rel_type, np.int64)
        self.rel_pol = np.array(rel_pol, float)
        self.rel_n = np.array(rel_n, np.int64)
        self.rel_keep = np.array(rel_keep, bool)
        self.rel_inside_lo = np.array(rel_inside_lo, np.int64)
        self.rel_inside_hi = np.array(rel_inside_hi, np.int64)
        self.mem_rel = np.array(mem_rel, np.int64)
        self.mem_ev = np.array(mem_ev, np.int64)
        names, kinds = [], []
        for actor_id in self.actor_ids:
            a = corpus.actor(actor_id)
            names.append(a.name if a else actor_id)
            kinds.append(a.kind if a else "other")
        self.names, self.kinds = names, kinds

    def evidence(self, window: Window) -> np.ndarray:
        """Per relation: how many of its events the window holds (0: not in the graph)."""
        n_rel = len(self.rel_pair)
        if window is None:
            return np.where(self.rel_keep, np.maximum(self.rel_n, 1), 0)
        lo, hi = window[0].toordinal(), window[1].toordinal()
        in_window = (self.ev_lo <= hi) & (self.ev_hi >= lo)
        active = (self.rel_lo <= hi) & (self.rel_hi >= lo) & self.rel_keep
        counted = np.bincount(self.mem_rel[in_window[self.mem_ev]], minlength=n_rel)
        whole = (self.rel_inside_lo >= lo) & (self.rel_inside_hi <= hi)
        n = np.where(self.rel_n == 0, 1, np.where(whole, self.rel_n, counted))
        return np.where(active, n, 0)

    def window(self, window: Window) -> WindowGraph:
        n_actors = len(self.actor_ids)
        if window is None:
            ev_in = np.ones(len(self.ev_lo), bool)
        else:
            lo, hi = window[0].toordinal(), window[1].toordinal()
            ev_in = (self.ev_lo <= hi) & (self.ev_hi >= lo)
        counts = np.bincount(self.inc_actor[ev_in[self.inc_ev]], minlength=n_actors)
        n = self.evidence(window)
        n_pairs = len(self.pairs)
        evidence = np.bincount(self.rel_pair, weights=n, minlength=n_pairs)
        pol_sum = np.bincount(self.rel_pair, weights=self.rel_pol * n, minlength=n_pairs)
        edges = np.flatnonzero(evidence > 0)
        # Dominant type per edge: most evidence, ties to the type whose relation came first.
        used = np.flatnonzero(n > 0)
        n_types = max(1, len(self.types))
        key = self.rel_pair[used] * n_types + self.rel_type[used]
        keys, first = np.unique(key, return_index=True)
        per_key = np.bincount(key, weights=n[used], minlength=n_pairs * n_types)[keys]
        order = np.lexsort((used[first], -per_key, keys // n_types))
        pair_of_key = keys[order] // n_types
        lead = np.ones(len(order), bool)
        lead[1:] = pair_of_key[1:] != pair_of_key[:-1]
        dominant = np.zeros(n_pairs, np.int64)
        dominant[pair_of_key[lead]] = keys[order][lead] % n_types
        on = counts > 0
        on[self.pairs[edges].reshape(-1)] = True
        nodes = np.flatnonzero(on)
        position = np.full(n_actors, -1, np.int64)
        position[nodes] = np.arange(len(nodes))
        return WindowGraph(
            index=self, window=window, nodes=nodes, counts=counts[nodes],
            edges=edges, src=position[self.pairs[edges, 0]], tgt=position[self.pairs[edges, 1]],
            evidence=evidence[edges].astype(np.int64),
            polarity=pol_sum[edges] / evidence[edges],
            dominant=[self.types[t] for t in dominant[edges].tolist()], relation_n=n)


@dataclass
class WindowGraph:
    """One window's graph as arrays: nodes index WindowIndex.actor_ids, src/tgt index nodes."""

    index: WindowIndex
    window: Window
    nodes: np.ndarray
    counts: np.ndarray
    edges: np.ndarray  # pair numbers in the index
    src: np.ndarray
    tgt: np.ndarray
    evidence: np.ndarray
    polarity: np.ndarray
    dominant: list[str]
    relation_n: np.ndarray  # evidence of each relation in this window

    @property
    def ids(self) -> list[str]:
        return [self.index.actor_ids[i] for i in self.nodes.tolist()]

    def edge_data(self, k: int) -> EdgeData:
        """The EdgeData of edge k (its relations and per-type evidence), built on demand."""
        ix, pair = self.index, int(self.edges[k])
        u, v = (ix.actor_ids[i] for i in ix.pairs[pair])
        data = EdgeData(u, v)
        for r in np.flatnonzero((ix.rel_pair == pair) & (self.relation_n > 0)).tolist():
            rel, n = ix.corpus.relations[r], int(self.relation_n[r])
            data.relations.append(rel)
            data.types[rel.type] += n
            data.evidence += n
            data.polarity_sum += rel.polarity * n
        return data


_WINDOW_INDEXES: dict[tuple[int, bool], WindowIndex] = {}


def window_index(corpus: Corpus, fold_people: bool = False, *, build: bool = True
                 ) -> WindowIndex | None:
    """The WindowIndex of a corpus (cached while the corpus lives); None if not yet built
    and `build` is False."""
    key = (id(corpus), fold_people)
    found = _WINDOW_INDEXES.get(key)
    if found is None and build:
        paused = gc.isenabled()
        gc.disable()
        try:
            found = _WINDOW_INDEXES[key] = WindowIndex(corpus, fold_people)
        finally:
            if paused:
                gc.enable()
        weakref.finalize(corpus, _WINDOW_INDEXES.pop, key, None)
    return found
