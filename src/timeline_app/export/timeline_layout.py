"""Where everything goes on a timeline report image, computed without Qt.

Painting is the easy part; the decisions a reader notices are made here: which lanes fit,
which events keep a label, where labels go so that none overlaps another or runs off the
page, and which date ticks the axis can afford. Text widths come from a `Measure` the painter
supplies (its font metrics), so the same layout serves PNG, SVG and PDF.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline_app.domain import Corpus, Event
from timeline_app.export.report_style import (
    KIND_LABELS,
    ReportStyle,
    kind_hex,
    polarity_hex,
    type_hex,
)

ACTOR_LANES, RELATION_LANES = "actor", "relation"
POINT, SPAN, OPEN, FUZZY = "point", "span", "open", "fuzzy"
BODY, SMALL, TITLE, BOLD = "body", "small", "title", "bold"

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Measure:
    """Text metrics of the painter's fonts: width(text, role) and elide(text, width, role)."""

    width: Callable[[str, str], float]
    elide: Callable[[str, float, str], str]
    line_height: Callable[[str], float]


@dataclass
class Lane:
    key: str
    label: str
    colour: str
    y0: float = 0.0
    y1: float = 0.0
    rows: int = 1


@dataclass
class Mark:
    """One event drawn in one lane (an event between two actors shows in both lanes)."""

    event: Event
    lane: int
    x0: float
    x1: float
    y: float
    shape: str
    colour: str
    label: str | None = None
    label_x: float = 0.0
    selected: bool = False
    clipped_left: bool = False
    clipped_right: bool = False


@dataclass
class Tick:
    x: float
    label: str
    major: bool


@dataclass
class LegendEntry:
    kind: str  # "swatch", "shape", "heading"
    label: str
    colour: str = ""
    shape: str = ""
    x: float = 0.0
    y: float = 0.0


@dataclass
class TimelineLayout:
    width: float
    height: float
    style: ReportStyle
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    lane_label_x: float = 0.0
    row_height: float = 20.0
    title: str | None = None
    title_y: float = 0.0
    lanes: list[Lane] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    axis_y: float = 0.0
    legend: list[LegendEntry] = field(default_factory=list)
    footer: list[tuple[float, str]] = field(default_factory=list)  # (baseline y, text)
    window: tuple[date, date] | None = None
    article_date: date | None = None
    empty_message: str | None = None


@dataclass(frozen=True)
class TimelineRequest:
    """What to draw: the corpus view as the user shaped it (window, lanes, filter, selection)."""

    width: float = 1600
    height: float = 900
    window: tuple[date | None, date | None] | None = None
    lanes: str = ACTOR_LANES
    fold_people: bool = False
    only: frozenset[str] | None = None
    selection: frozenset[str] = frozenset()
    title: str | None = None
    legend: bool = True
    source_line: str | None = None  # None: describe the articles; "": no source line
    max_label_px: float = 340.0


PAD = 16.0
GAP = 8.0
MARKER = 5.0


def event_shape(event: Event) -> str:
    t = event.time
    if t.open_end:
        return OPEN
    if t.approximate:
        return FUZZY
    if t.is_point:
        return POINT
    return SPAN


def data_window(events: list[Event]) -> tuple[date, date] | None:
    dated = [e for e in events if e.time.start is not None and e.time.end is not None]
    if not dated:
        return None
    return min(e.time.start for e in dated), max(e.time.end for e in dated)


def resolve_window(events: list[Event], wanted) -> tuple[date, date] | None:
    """The days to show: the wanted window, its open sides taken from the data, padded."""
    found = data_window(events)
    lo = wanted[0] if wanted and wanted[0] else None
    hi = wanted[1] if wanted and wanted[1] else None
    if found is None and (lo is None or hi is None):
        return None
    if lo is None or hi is None:
        assert found is not None
        span = (found[1] - found[0]).days + 1
        pad = timedelta(days=max(2, round(span * 0.04)))
        lo = lo or found[0] - pad
        hi = hi or found[1] + pad
    if hi < lo:
        lo, hi = hi, lo
    return lo, hi


def source_line(corpus: Corpus) -> str:
    """A default credit line: which articles the picture was read from."""
    arts = list(corpus.articles)
    if not arts:
        return ""
    if len(arts) == 1:
        a = arts[0]
        when = f" ({a.published.isoformat()})" if a.published else ""
        return f"Source: {a.title or a.path}{when}"
    days = sorted(a.published for a in arts if a.published)
    span = f", {days[0].isoformat()} to {days[-1].isoformat()}" if days else ""
    return f"Sources: {len(arts)} articles{span}"


def article_date(corpus: Corpus) -> date | None:
    days = [a.published for a in corpus.articles if a.published]
    return max(days) if days else None


NO_ACTOR = "(no actor named)"  # the lane of happenings nobody is named in ("The truce held")


def lane_keys(corpus: Corpus, events: list[Event], mode: str,
              fold_people: bool) -> tuple[list[str], list[list[str]]]:
    """Lanes ordered by activity (most events first) and each event's lanes.

    Shared by the timeline view and the report images, so both stack lanes alike.
    """
    fold = corpus.root_actor if fold_people else (lambda a: a)
    per_event: list[list[str]] = []
    counts: Counter = Counter()
    for ev in events:
        if mode == RELATION_LANES:
            keys = [ev.type]
        else:
            keys = list(dict.fromkeys(fold(a) for a in ev.parties)) or ["?"]
        per_event.append(keys)
        counts.update(keys)
    order = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return order, per_event


def _lane(corpus: Corpus, key: str, mode: str) -> Lane:
    if mode == RELATION_LANES:
        return Lane(key, key.replace("_", " "), type_hex(key))
    actor = corpus.actor(key)
    if actor is None:
        return Lane(key, NO_ACTOR if key == "?" else key, kind_hex("other"))
    return Lane(key, actor.name, kind_hex(actor.kind))


# -- date axis ---------------------------------------------------------------------------------

def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def _tick_dates(lo: date, hi: date, unit: str, step: int) -> list[date]:
    out: list[date] = []
    if unit == "day":
        d = lo
        if step == 7:
            d = lo + timedelta(days=(7 - lo.weekday()) % 7)
        while d <= hi:
            out.append(d)
            d += timedelta(days=step)
    elif unit == "month":
        d = date(lo.year, lo.month, 1)
        while d.month % step != 1 % step:
            d = _add_months(d, 1)
        if d < lo:
            d = _add_months(d, step)
        while d <= hi:
            out.append(d)
            d = _add_months(d, step)
    else:
        year = lo.year + (-lo.year) % step
        if date(year, 1, 1) < lo:
            year += step
        while year <= hi.year:
            out.append(date(year, 1, 1))
            year += step
    return out


def _tick_label(d: date, unit: str, first: bool) -> tuple[str, bool]:
    if unit == "year":
        return str(d.year), True
    if unit == "month":
        if d.month == 1 or first:
            return f"{MONTHS[d.month - 1]} {d.year}", True
        return MONTHS[d.month - 1], False
    if (d.month == 1 and d.day == 1) or first:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}", True
    return f"{d.day} {MONTHS[d.month - 1]}", d.day == 1


STEPS = (
    ("day", 1), ("day", 7), ("month", 1), ("month", 3), ("month", 6), ("year", 1),
    ("year", 2), ("year", 5), ("year", 10), ("year", 20), ("year", 50), ("year", 100),
)


def axis_ticks(lo: date, hi: date, x_of: Callable[[date], float], measure: Measure,
               plot: tuple[float, float, float, float]) -> list[Tick]:
    """The finest tick step whose labels do not collide, labels kept inside the plot."""
    left, _, right, _ = plot
    for unit, step in STEPS:
        days = _tick_dates(lo, hi + timedelta(days=1), unit, step)
        if len(days) > 400:
            continue
        ticks: list[Tick] = []
        last_end = -1e9
        ok = True
        for i, d in enumerate(days):
            label, major = _tick_label(d, unit, i == 0)
            x = x_of(d)
            w = measure.width(label, BOLD if major else SMALL)
            start = min(max(x - w / 2, left), right - w)
            if start < last_end + 12:
                ok = False
                break
            last_end = start + w
            ticks.append(Tick(x, label, major))
        if ok and ticks:
            return ticks
    return []


# -- label packing ---------------------------------------------------------------------------

class _Rows:
    """Sub-rows of one lane; each row keeps sorted, non-overlapping pixel intervals."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.starts: list[list[float]] = []
        self.ends: list[list[float]] = []

    def _free(self, row: int, a: float, b: float) -> bool:
        starts, ends = self.starts[row], self.ends[row]
        i = bisect.bisect_left(starts, a)
        if i > 0 and ends[i - 1] > a:
            return False
        return not (i < len(starts) and starts[i] < b)

    def _put(self, row: int, a: float, b: float) -> None:
        i = bisect.bisect_left(self.starts[row], a)
        self.starts[row].insert(i, a)
        self.ends[row].insert(i, b)

    def place(self, a: float, b: float) -> int | None:
        for row in range(len(self.starts)):
            if self._free(row, a, b):
                self._put(row, a, b)
                return row
        if len(self.starts) < self.limit:
            self.starts.append([a])
            self.ends.append([b])
            return len(self.starts) - 1
        return None


@dataclass
class _Item:
    event: Event
    lane: int
    x0: float
    x1: float
    shape: str
    label: str
    label_w: float
    priority: tuple


def _label_spot(item: _Item, left: float, right: float) -> tuple[float, float, float]:
    """(label x, extent start, extent end) for a labelled item, kept inside [left, right]."""
    w = item.label_w
    if item.shape == POINT:
        x = item.x0 + MARKER + 4
        if x + w > right:
            x = item.x0 - MARKER - 4 - w
        x = max(left + 2, x)
        return x, min(item.x0 - MARKER, x), max(item.x1 + MARKER, x + w) + GAP
    inside = max(item.x0, left) + 5
    if inside + w <= item.x1 - 3:  # fits in the bar
        return inside, item.x0, item.x1 + GAP
    if item.x1 + 4 + w <= right:  # after the bar
        return item.x1 + 4, item.x0, item.x1 + 4 + w + GAP
    if item.x0 - 4 - w >= left:  # before the bar
        return item.x0 - 4 - w, item.x0 - 4 - w, item.x1 + GAP
    x = max(left + 2, min(inside, right - w - 2))
    return x, min(item.x0, x), max(item.x1, x + w) + GAP


def _pack(items: list[_Item], n_lanes: int, limit: int, left: float, right: float):
    """Rows and label positions for every item, lane by lane; labels dropped when full."""
    rows = [_Rows(limit) for _ in range(n_lanes)]
    placed: list[tuple[_Item, int, str | None, float]] = []
    for item in sorted(items, key=lambda i: i.priority):
        lane_rows = rows[item.lane]
        label_x, a, b = _label_spot(item, left, right)
        row = lane_rows.place(a, b) if item.label else None
        if row is not None:
            placed.append((item, row, item.label, label_x))
            continue
        a, b = item.x0 - MARKER, max(item.x1, item.x0) + MARKER
        row = lane_rows.place(a, b)
        if row is None:  # a marker alone still shows, over its neighbours in the last row
            row = max(0, len(lane_rows.starts) - 1)
        placed.append((item, row, None, 0.0))
    return rows, placed


def _rows_needed(items: list[_Item], n_lanes: int, left: float, right: float) -> list[int]:
    """Rows each lane needs for every label: the deepest overlap of the items' extents.

    (Greedy packing in start order reaches exactly this depth, so it is the lane's need.)
    """
    per_lane: list[list[tuple[float, float]]] = [[] for _ in range(n_lanes)]
    for item in items:
        _, a, b = _label_spot(item, left, right)
        per_lane[item.lane].append((a, b))
    needed = []
    for extents in per_lane:
        ends: list[float] = []
        depth = 0
        for a, b in sorted(extents):
            while ends and ends[0] <= a:
                heapq.heappop(ends)
            heapq.heappush(ends, b)
            depth = max(depth, len(ends))
        needed.append(max(1, depth))
    return needed


def _cap(needed: list[int], available_rows: int) -> int | None:
    """The largest rows-per-lane cap that fits, None when even one row per lane does not."""
    if sum(needed) <= available_rows:
        return max(needed, default=1)
    if len(needed) > available_rows:
        return None
    lo, hi = 1, max(needed)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(min(n, mid) for n in needed) <= available_rows:
            lo = mid
        else:
            hi = mid - 1
    return lo


# -- the whole picture -----------------------------------------------------------------------

def layout_timeline(corpus: Corpus, request: TimelineRequest, style: ReportStyle,
                    measure: Measure) -> TimelineLayout:
    w, h = float(request.width), float(request.height)
    events = [e for e in corpus.events if request.only is None or e.id in request.only]
    dated = [e for e in events if e.time.start is not None and e.time.end is not None]
    undated = len(events) - len(dated)
    window = resolve_window(dated, request.window)
    out = TimelineLayout(w, h, style, (PAD, PAD, w - PAD, h - PAD), title=request.title,
                         window=window, article_date=article_date(corpus))
    top = PAD
    if request.title:
        out.title_y = top + measure.line_height(TITLE) * 0.8
        top += measure.line_height(TITLE) + GAP
    # Bottom, from the edge up: footer lines, legend, axis labels.
    small_h = measure.line_height(SMALL)
    footer_lines: list[str] = []
    credit = source_line(corpus) if request.source_line is None else request.source_line
    if credit:
        footer_lines.append(credit)
    bottom = h - PAD
    if window is not None:
        in_window = [e for e in dated if e.time.start <= window[1] and e.time.end >= window[0]]
    else:
        in_window = []
    order, per_event = lane_keys(corpus, in_window, request.lanes, request.fold_people)
    lanes_all = [_lane(corpus, k, request.lanes) for k in order]
    # The lane label column: as wide as the longest label, within reason.
    label_col = min(max((measure.width(ln.label, BODY) for ln in lanes_all), default=60) + 22,
                    max(120.0, w * 0.22))
    left = PAD + label_col
    right = w - PAD
    out.lane_label_x = PAD + 14
    legend_h = 0.0
    if request.legend:
        out.legend, legend_h = _legend(lanes_all, in_window, request.lanes, corpus, style,
                                       measure, PAD, w - PAD)
    notes_h = small_h * (len(footer_lines) + 1) + (GAP if footer_lines else 0)
    axis_h = small_h + 10
    plot_bottom = bottom - notes_h - legend_h - axis_h
    # A small image keeps the events: the legend goes first, then the source line.
    if plot_bottom - top < max(60.0, 0.4 * (h - top)) and out.legend:
        out.legend, legend_h = [], 0.0
        plot_bottom = bottom - notes_h - axis_h
    if plot_bottom - top < 60.0 and footer_lines:
        footer_lines, notes_h = [], small_h
        plot_bottom = bottom - notes_h - axis_h
    out.plot = (left, top, right, plot_bottom)
    out.axis_y = plot_bottom
    if window is None or not in_window:
        out.empty_message = "No dated events" + (" in this time window" if dated else "")
        out.footer = _footer(footer_lines, [], undated, 0, bottom, small_h)
        if out.legend:
            _shift_legend(out.legend, plot_bottom + axis_h + GAP)
        return out
    lo_ord, hi_ord = window[0].toordinal(), window[1].toordinal() + 1
    plot_w = right - left

    def x_of(d: date) -> float:
        return left + (d.toordinal() - lo_ord) / (hi_ord - lo_ord) * plot_w

    out.ticks = axis_ticks(window[0], window[1], x_of, measure, out.plot)
    max_label = min(request.max_label_px, plot_w * 0.45)
    items: list[_Item] = []
    lane_of = {k: i for i, k in enumerate(order)}
    labels: dict[str, tuple[str, float]] = {}
    for ev, keys in zip(in_window, per_event, strict=True):
        x0 = max(left, x_of(ev.time.start))
        x1 = min(right, x_of(ev.time.end + timedelta(days=1)))
        shape = event_shape(ev)
        if shape == POINT:
            x0 = x1 = (x_of(ev.time.start) + x_of(ev.time.end + timedelta(days=1))) / 2
        if ev.id not in labels:
            # A long bar has room for a longer label inside it.
            room = max(max_label, x1 - x0 - 10) if shape != POINT else max_label
            text = measure.elide(ev.summary or ev.type.replace("_", " "), room, BODY)
            labels[ev.id] = (text, measure.width(text, BODY))
        text, tw = labels[ev.id]
        selected = ev.id in request.selection
        priority = (not selected, ev.type == "statement", ev.time.start, ev.id)
        for key in keys:
            items.append(_Item(ev, lane_of[key], x0, x1, shape, text, tw, priority))
    row_h = measure.line_height(BODY) + 7
    available = int((plot_bottom - top) // row_h)
    needed = _rows_needed(items, len(order), left, right)
    cap = _cap(needed, available)
    hidden_lanes = 0
    if cap is None:  # more lanes than rows: keep the busiest lanes
        keep = max(1, available)
        hidden_lanes = len(order) - keep
        order, lanes_all, needed = order[:keep], lanes_all[:keep], needed[:keep]
        items = [i for i in items if i.lane < keep]
        cap = 1
    rows, placed = _pack(items, len(order), cap, left, right)
    used_rows = [max(1, len(r.starts)) for r in rows]
    # Packing by priority can need a little more than the overlap depth: tighten until it fits.
    while sum(used_rows) > available and cap > 1:
        cap -= 1
        rows, placed = _pack(items, len(order), cap, left, right)
        used_rows = [max(1, len(r.starts)) for r in rows]
    # Spread spare height over the rows, but never more than 60% taller than needed.
    total_rows = sum(used_rows)
    row_h = min(row_h * 1.6, (plot_bottom - top) / max(1, total_rows))
    y = top
    for lane, n in zip(lanes_all, used_rows, strict=True):
        lane.rows, lane.y0, lane.y1 = n, y, y + n * row_h
        y = lane.y1
    out.lanes, out.row_height = lanes_all, row_h
    for item, row, label, label_x in placed:
        lane = lanes_all[item.lane]
        ev = item.event
        out.marks.append(Mark(
            event=ev, lane=item.lane, x0=item.x0, x1=item.x1,
            y=lane.y0 + (min(row, lane.rows - 1) + 0.5) * row_h, shape=item.shape,
            colour=polarity_hex(style, ev.polarity), label=label, label_x=label_x,
            selected=ev.id in request.selection,
            clipped_left=x_of(ev.time.start) < left - 0.5,
            clipped_right=x_of(ev.time.end + timedelta(days=1)) > right + 0.5,
        ))
    out.marks.sort(key=lambda m: (m.shape == POINT, m.selected))  # points and selection on top
    out.footer = _footer(footer_lines, out.marks, undated, hidden_lanes, bottom, small_h)
    if out.legend:
        _shift_legend(out.legend, plot_bottom + axis_h + GAP)
    return out


def _footer(lines: list[str], marks: list[Mark], undated: int, hidden_lanes: int,
            bottom: float, line_h: float) -> list[tuple[float, str]]:
    notes = []
    if undated:
        notes.append(f"{undated} undated event{'s' if undated != 1 else ''} not shown")
    if hidden_lanes:
        notes.append(f"{hidden_lanes} quieter lane{'s' if hidden_lanes != 1 else ''} not shown")
    unlabelled = len({m.event.id for m in marks} - {m.event.id for m in marks if m.label})
    if unlabelled:
        notes.append(f"{unlabelled} event{'s' if unlabelled != 1 else ''} without room "
                     "for a label")
    text = [*lines]
    if notes:
        text.append("; ".join(notes) + ".")
    out = []
    y = bottom - line_h * 0.25
    for line in reversed(text):
        out.append((y, line))
        y -= line_h
    return list(reversed(out))


def _legend(lanes: list[Lane], events: list[Event], mode: str, corpus: Corpus,
            style: ReportStyle, measure: Measure, left: float, right: float):
    """Legend entries laid out in rows; y is relative to the legend's top until shifted."""
    entries: list[LegendEntry] = []
    if mode == RELATION_LANES:
        entries.append(LegendEntry("heading", "Lanes:"))
        entries += [LegendEntry("swatch", ln.label, ln.colour) for ln in lanes[:12]]
    else:
        kinds = []
        for ln in lanes:
            actor = corpus.actor(ln.key)
            kind = actor.kind if actor else "other"
            if kind not in kinds:
                kinds.append(kind)
        entries.append(LegendEntry("heading", "Lanes:"))
        entries += [LegendEntry("swatch", KIND_LABELS.get(k, k), kind_hex(k)) for k in kinds]
    entries.append(LegendEntry("heading", "Polarity:"))
    entries += [
        LegendEntry("swatch", "cooperation", polarity_hex(style, 1.0)),
        LegendEntry("swatch", "neutral", polarity_hex(style, 0.0)),
        LegendEntry("swatch", "conflict", polarity_hex(style, -1.0)),
    ]
    shapes = {event_shape(e) for e in events}
    marks = [(POINT, "dated event"), (SPAN, "month / year"), (OPEN, "ongoing period"),
             (FUZZY, "approximate")]
    entries.append(LegendEntry("heading", "Marks:"))
    entries += [LegendEntry("shape", label, polarity_hex(style, 0.0), shape)
                for shape, label in marks if shape in shapes or shape == POINT]
    line_h = measure.line_height(SMALL) + 4
    x, y = left, 0.0
    for e in entries:
        icon = 0 if e.kind == "heading" else (26 if e.kind == "shape" else 16)
        role = BOLD if e.kind == "heading" else SMALL
        width = icon + measure.width(e.label, role) + (8 if e.kind == "heading" else 14)
        if x + width > right and x > left:
            x, y = left, y + line_h
        e.x, e.y = x, y
        x += width
    return entries, y + line_h + GAP


def _shift_legend(entries: list[LegendEntry], top: float) -> None:
    for e in entries:
        e.y += top
