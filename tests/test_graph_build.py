"""graph/ without Qt: which edges a time window shows, folding, pair history, stable layout."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.graph import (
    actor_graph,
    event_counts,
    pair_events,
    polarity_series,
    stable_layout,
)
from ui_corpus import make_corpus


@pytest.fixture(scope="module")
def corpus():
    return make_corpus()


def types_of(graph, a, b) -> set[str]:
    return set(graph.edges[a, b]["data"].types) if graph.has_edge(a, b) else set()


def test_one_edge_per_pair_and_direction_with_all_types(corpus):
    graph = actor_graph(corpus)
    assert types_of(graph, "russia", "assad") == {"alliance", "veto_support", "distancing"}
    assert graph.has_edge("usa", "russia") and graph.has_edge("russia", "usa")
    assert types_of(graph, "usa", "russia") == {"sanctions"}
    assert types_of(graph, "russia", "usa") == {"criticism"}


def test_window_keeps_alliance_and_veto_but_not_later_distancing(corpus):
    graph = actor_graph(corpus, (date(2011, 3, 1), date(2012, 6, 30)))
    assert types_of(graph, "russia", "assad") == {"alliance", "veto_support"}
    later = actor_graph(corpus, (date(2012, 9, 1), date(2013, 1, 22)))
    assert "distancing" in types_of(later, "russia", "assad")
    assert "veto_support" not in types_of(later, "russia", "assad")


def test_window_counts_only_events_inside_it(corpus):
    graph = actor_graph(corpus, (date(2013, 1, 1), date(2013, 1, 31)))
    assert "turkey" not in graph  # its only events are in 2011-2012
    assert graph.nodes["russia"]["count"] >= 2  # evacuation and aid on 2013-01-22


def test_edge_polarity_sign_follows_cooperation_and_conflict(corpus):
    graph = actor_graph(corpus)
    assert graph.edges["turkey", "rebels"]["data"].polarity < 0
    assert graph.edges["russia", "syria"]["data"].polarity > 0
    assert graph.edges["russia", "assad"]["data"].dominant_type in {"alliance", "veto_support",
                                                                     "distancing"}


def test_folding_people_into_their_state(corpus):
    plain = actor_graph(corpus)
    folded = actor_graph(corpus, fold_people=True)
    assert "putin" in plain and "putin" not in folded
    assert "assad" not in folded
    # Russia's relations to Assad now land on Syria.
    assert {"alliance", "veto_support", "distancing"} <= types_of(folded, "russia", "syria")
    assert "condemnation" in types_of(folded, "usa", "syria")  # Nuland folded into the U.S.


def test_pair_events_is_the_pairs_history_both_ways(corpus):
    events = pair_events(corpus, "russia", "assad")
    assert [e.type for e in events] == ["alliance", "veto_support", "distancing"]
    assert all({e.source, e.target} == {"russia", "assad"} for e in events)
    both = pair_events(corpus, "usa", "russia")
    assert {(e.source, e.target) for e in both} == {("usa", "russia"), ("russia", "usa")}


def test_polarity_series_turns_from_cooperation_to_distancing(corpus):
    series = polarity_series(corpus, "russia", "assad")
    assert series[0][2] > 0 and series[-1][2] < 0
    assert series[-1][3] == "distancing"


def test_event_counts(corpus):
    counts = event_counts(corpus)
    assert counts["russia"] == sum("russia" in e.actors for e in corpus.events)
    assert counts["russia"] > counts["putin"] >= 1


def test_layout_keeps_known_actors_in_place(corpus):
    early = actor_graph(corpus, (date(2011, 1, 1), date(2011, 12, 31)))
    first = stable_layout(early)
    assert set(first) == set(early.nodes)
    full = actor_graph(corpus)
    second = stable_layout(full, first)
    assert set(second) == set(full.nodes)
    for node, pos in first.items():
        assert second[node] == pytest.approx(pos)
    newcomers = set(full.nodes) - set(first)
    assert newcomers  # e.g. actors only active in 2012-2013 got a place
    assert stable_layout(full, first) == second  # deterministic


def test_layout_of_empty_graph():
    import networkx as nx

    assert stable_layout(nx.DiGraph()) == {}


WINDOWS = [None, (date(2011, 3, 1), date(2012, 6, 30)), (date(2012, 9, 1), date(2013, 1, 22)),
           (date(2013, 1, 1), date(2013, 1, 31)), (date(1990, 1, 1), date(1990, 12, 31))]


@pytest.mark.parametrize("fold", [False, True])
@pytest.mark.parametrize("window", WINDOWS)
def test_window_index_gives_the_same_graph_as_actor_graph(corpus, window, fold):
    """The array graph the view draws is the networkx graph, edge for edge and count for count."""
    from timeline_app.graph.build import window_index

    graph = actor_graph(corpus, window, fold_people=fold)
    arrays = window_index(corpus, fold).window(window)
    ids = arrays.ids
    assert set(ids) == set(graph.nodes)
    assert {n: int(c) for n, c in zip(ids, arrays.counts, strict=True)} == {
        n: graph.nodes[n]["count"] for n in graph.nodes}
    edges = {(ids[s], ids[t]): k for k, (s, t) in enumerate(zip(arrays.src, arrays.tgt,
                                                                 strict=True))}
    assert set(edges) == set(graph.edges)
    for (u, v), k in edges.items():
        data = graph.edges[u, v]["data"]
        assert arrays.evidence[k] == data.evidence
        assert arrays.polarity[k] == pytest.approx(data.polarity)
        assert arrays.dominant[k] == data.dominant_type
        again = arrays.edge_data(k)
        assert again.types == data.types and again.relations == data.relations


def test_window_index_is_cached_per_corpus_and_folding(corpus):
    from timeline_app.graph.build import window_index

    assert window_index(corpus, False) is window_index(corpus, False)
    assert window_index(corpus, True) is not window_index(corpus, False)


def test_layout_from_arrays_pins_known_actors_and_places_the_rest():
    import numpy as np

    from timeline_app.graph.layout import layout_arrays

    nodes = ["a", "b", "c", "d"]
    edges = np.array([[0, 1], [1, 0], [1, 2], [3, 3]])  # both ways once, a self loop ignored
    first = layout_arrays(nodes[:2], edges[:2])
    assert set(first) == {"a", "b"}
    second = layout_arrays(nodes, edges, first)
    assert set(second) == set(nodes)
    assert second["a"] == pytest.approx(first["a"]) and second["b"] == pytest.approx(first["b"])
    assert layout_arrays([], np.zeros((0, 2), int)) == {}
