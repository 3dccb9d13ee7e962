"""Actor graphs built from a Corpus for a time window, their layouts and metrics (no Qt)."""

from timeline_app.graph.build import EdgeData, actor_graph, pair_events
from timeline_app.graph.layout import stable_layout
from timeline_app.graph.metrics import event_counts, polarity_series

__all__ = [
    "EdgeData", "actor_graph", "event_counts", "pair_events", "polarity_series", "stable_layout",
]
