"""Events as flat numpy arrays: what the timeline paints, culls and hit-tests per frame.

One row per (event, lane): an event between two actors shows in both actors' lanes. Arrays
rather than objects are what lets a view of 100,000 events repaint in a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from timeline_app.domain import Corpus, Event
from timeline_app.export.timeline_layout import ACTOR_LANES, NO_ACTOR, RELATION_LANES
from timeline_app.export.timeline_layout import lane_keys as lanes_by_activity

DAY_SECONDS = 86400.0
EPOCH = date(1970, 1, 1).toordinal()
MAX_TRACKS = 3  # sub-rows per lane for overlapping events; more would be unreadably thin
TRACK_STEP = 0.27  # lane units between sub-rows


def to_x(d: date) -> float:
    """Seconds since 1970-01-01 UTC: the unit pyqtgraph's date axis reads."""
    return (d.toordinal() - EPOCH) * DAY_SECONDS


def from_x(x: float) -> date:
    ordinal = int(np.floor(x / DAY_SECONDS)) + EPOCH
    return date.fromordinal(max(1, min(ordinal, date.max.toordinal())))


@dataclass
class TimelineRows:
    events: list[Event] = field(default_factory=list)
    lanes: list[str] = field(default_factory=list)  # lane labels, top to bottom
    lane_keys: list[str] = field(default_factory=list)  # actor ids or relation types
    types: list[str] = field(default_factory=list)
    event: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    x0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    x1: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lane: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))  # lane + sub-row offset
    type: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int16))
    point: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    approx: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    open_end: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    undated: int = 0

    def __len__(self) -> int:
        return len(self.x0)

    def rows_of(self, event_ids: set[str]) -> np.ndarray:
        wanted = np.fromiter((e.id in event_ids for e in self.events), bool, len(self.events))
        return wanted[self.event] if len(self.event) else np.zeros(0, bool)


def build_rows(corpus: Corpus, mode: str = ACTOR_LANES, *, fold_people: bool = False,
               only: set[str] | None = None) -> TimelineRows:
    """Rows for every dated event (or only those in `only`), lanes ordered by activity."""
    events = [e for e in corpus.events if only is None or e.id in only]
    dated = [e for e in events if e.time.is_dated]
    lane_keys, keys_per_event = lanes_by_activity(corpus, dated, mode, fold_people)
    lane_of = {k: i for i, k in enumerate(lane_keys)}
    types = sorted({e.type for e in dated})
    type_of = {t: i for i, t in enumerate(types)}
    n = sum(len(k) for k in keys_per_event)
    rows = TimelineRows(events=dated, lane_keys=lane_keys, types=types,
                        undated=len(events) - len(dated))
    rows.event = np.empty(n, np.int32)
    rows.x0, rows.x1 = np.empty(n), np.empty(n)
    rows.lane, rows.type = np.empty(n, np.int32), np.empty(n, np.int16)
    rows.point, rows.approx = np.empty(n, bool), np.empty(n, bool)
    rows.open_end = np.empty(n, bool)
    i = 0
    for index, (ev, keys) in enumerate(zip(dated, keys_per_event, strict=True)):
        t = ev.time
        x0, x1 = to_x(t.start), to_x(t.end) + DAY_SECONDS
        for key in keys:
            rows.event[i], rows.x0[i], rows.x1[i] = index, x0, x1
            rows.lane[i], rows.type[i] = lane_of[key], type_of[ev.type]
            rows.point[i], rows.approx[i], rows.open_end[i] = t.is_point, t.approximate, t.open_end
            i += 1
    rows.y = stack_tracks(rows.x0, rows.x1, rows.lane)
    if mode == RELATION_LANES:
        rows.lanes = [k.replace("_", " ") for k in lane_keys]
    else:
        rows.lanes = [(a.name if (a := corpus.actor(k)) else NO_ACTOR if k == "?" else k)
                      for k in lane_keys]
    return rows


def stack_tracks(x0: np.ndarray, x1: np.ndarray, lane: np.ndarray) -> np.ndarray:
    """Vertical position of each row: events that overlap in time within a lane get sub-rows.

    Without this, a long period ("since March 2011") hides every event drawn on top of it.
    Extents are widened to 1% of the whole time span so that markers a few pixels apart at
    "fit all" also separate. Greedy interval colouring, capped at MAX_TRACKS per lane.
    """
    n = len(x0)
    y = lane.astype(float)
    if not n:
        return y
    pad = max(DAY_SECONDS, (float(x1.max()) - float(x0.min())) * 0.01)
    ends = np.maximum(x1, x0 + pad)
    track = np.zeros(n, np.int64)
    order = np.lexsort((x0, lane))
    starts, stops, lanes = x0[order].tolist(), ends[order].tolist(), lane[order].tolist()
    out = [0] * n
    current_lane, free_at = -1, []
    for k in range(n):  # plain lists: numpy calls per row would cost ten times more
        if lanes[k] != current_lane:
            current_lane, free_at = lanes[k], []
        start, t = starts[k], -1
        for j, end in enumerate(free_at):
            if end <= start:
                t = j
                break
        if t < 0:
            if len(free_at) < MAX_TRACKS:
                t = len(free_at)
                free_at.append(0.0)
            else:
                t = free_at.index(min(free_at))
        if stops[k] > free_at[t]:
            free_at[t] = stops[k]
        out[k] = t
    track[order] = out
    tracks_in_lane = np.zeros(int(lane.max()) + 1, np.int64)
    np.maximum.at(tracks_in_lane, lane, track + 1)
    centre = (tracks_in_lane[lane] - 1) / 2
    return y + (track - centre) * TRACK_STEP


def synthetic_rows(n_events: int, n_lanes: int = 40, seed: int = 1) -> TimelineRows:
    """Random rows for benchmarks: a mix of points, month spans, fuzzy and open periods."""
    rng = np.random.default_rng(seed)
    rows = TimelineRows()
    rows.lanes = [f"Actor {i}" for i in range(n_lanes)]
    rows.lane_keys = list(rows.lanes)
    rows.types = ["alliance", "criticism", "evacuation", "military_action", "negotiation",
                  "sanctions", "statement", "veto_support"]
    start = to_x(date(1990, 1, 1))
    span = to_x(date(2024, 1, 1)) - start
    rows.x0 = start + np.floor(rng.random(n_events) * span / DAY_SECONDS) * DAY_SECONDS
    kind = rng.random(n_events)
    length = np.where(kind < 0.6, 1, np.where(kind < 0.9, 30, rng.integers(60, 900, n_events)))
    rows.x1 = rows.x0 + length * DAY_SECONDS
    rows.point = kind < 0.6
    rows.approx = (kind > 0.9) & (kind < 0.95)
    rows.open_end = kind >= 0.97
    rows.lane = rng.integers(0, n_lanes, n_events).astype(np.int32)
    rows.type = rng.integers(0, len(rows.types), n_events).astype(np.int16)
    rows.event = np.arange(n_events, dtype=np.int32)
    rows.y = rows.lane.astype(float)
    return rows
