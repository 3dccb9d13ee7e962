"""Events stored column-wise in chunks, so a 200,000-event project opens in about a second.

Events are the bulk of a large project. Row-per-event storage spent most of the opening time in
per-row Python work; here each chunk of CHUNK events is one JSON object of columns, which the C
JSON parser reads in one call, and Events are built with `map(Event, *columns)`.

- Values many events repeat (article and actor ids, types, joined actor lists, time sources)
  are numbers into the `strings` table; 0 stands for None. Times are numbers into `timespans`.
- A sentence or time text that is just the article text at its span is stored as null and
  sliced back on reading.
- Offsets pairs are flat lists [start0, end0, start1, end1, ...] (null, null for None).
- Evidence is rare: {"row": [[article, start, end], ...]} for the rows that have any.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date

from timeline_app.domain import Event, Evidence
from timeline_app.domain.timespan import TimeSpan
from timeline_app.store.codec import join_ids, split_ids

CHUNK = 10_000
TIMESPAN_COLUMNS = ("id", "value", "granularity", "start", '"end"', "flags", "mod")


class EventEncoder:
    """Turns events into chunk JSON, collecting the shared strings and time spans on the way.

    Articles' time expressions use `span_ref` too, so one `timespans` table serves both.
    """

    def __init__(self, texts: dict[str, str] | None = None) -> None:
        self.texts = texts or {}
        self.strings: dict[str, int] = {}
        self.spans: dict[TimeSpan, int] = {}

    def ref(self, value: str | None) -> int:
        if value is None:
            return 0
        found = self.strings.get(value)
        if found is None:
            found = self.strings[value] = len(self.strings) + 1
        return found

    def span_ref(self, span: TimeSpan) -> int:
        found = self.spans.get(span)
        if found is None:
            found = self.spans[span] = len(self.spans)
        return found

    def chunks(self, events: Iterable[Event]) -> Iterator[tuple[int, str]]:
        """(number of events, JSON) per chunk."""
        batch: list[Event] = []
        for ev in events:
            batch.append(ev)
            if len(batch) == CHUNK:
                yield len(batch), self._encode(batch)
                batch = []
        if batch:
            yield len(batch), self._encode(batch)

    def _encode(self, events: list[Event]) -> str:
        ref, texts = self.ref, self.texts
        cols: dict[str, list] = {k: [] for k in (
            "id", "article", "type", "summary", "sentence", "span", "actors", "source",
            "target", "polarity", "time", "time_text", "time_span", "time_source", "trigger",
            "co_sources")}
        evidence: dict[str, list] = {}
        for row, ev in enumerate(events):
            text = texts.get(ev.article)
            start, end = ev.span
            sentence = None if text is not None and text[start:end] == ev.sentence else ev.sentence
            ts0, ts1 = ev.time_span or (None, None)
            time_text = ev.time_text
            if ts0 is not None and text is not None and text[ts0:ts1] == time_text:
                time_text = None
            cols["id"].append(ev.id)
            cols["article"].append(ref(ev.article))
            cols["type"].append(ref(ev.type))
            cols["summary"].append(ev.summary)
            cols["sentence"].append(sentence)
            cols["span"] += (start, end)
            cols["actors"].append(ref(join_ids(ev.actors)))
            cols["source"].append(ref(ev.source))
            cols["target"].append(ref(ev.target))
            cols["polarity"].append(ev.polarity)
            cols["time"].append(self.span_ref(ev.time))
            cols["time_text"].append(time_text)
            cols["time_span"] += (ts0, ts1)
            cols["time_source"].append(ref(ev.time_source))
            cols["trigger"] += ev.trigger or (None, None)
            cols["co_sources"].append(ref(join_ids(ev.co_sources)))
            if ev.evidence:
                evidence[str(row)] = [[e.article, e.span[0], e.span[1]] for e in ev.evidence]
        cols["evidence"] = evidence  # type: ignore[assignment]
        return json.dumps(cols, ensure_ascii=False, separators=(",", ":"))

    def string_rows(self) -> Iterable[tuple[int, str]]:
        return ((i, v) for v, i in self.strings.items())

    def timespan_rows(self) -> Iterable[tuple]:
        for t, i in self.spans.items():
            yield (i, t.value, t.granularity, None if t.start is None else t.start.toordinal(),
                   None if t.end is None else t.end.toordinal(),
                   int(t.approximate) | int(t.open_end) << 1, t.mod)


def read_timespans(rows: Iterable[tuple]) -> list[TimeSpan]:
    """The `timespans` table as a list indexed by id; equal days are one object."""
    days: dict[int | None, date | None] = {None: None}
    spans: dict[int, TimeSpan] = {}
    for sid, value, gran, t0, t1, flags, mod in rows:
        for ordinal in (t0, t1):
            if ordinal not in days:
                days[ordinal] = date.fromordinal(ordinal)
        spans[sid] = TimeSpan(value=value, granularity=gran, start=days[t0], end=days[t1],
                              approximate=bool(flags & 1), open_end=bool(flags & 2), mod=mod)
    return [spans[i] for i in range(len(spans))]


class EventDecoder:
    """Chunk JSON back to Events, over the `strings` table and the list of time spans."""

    def __init__(self, strings: Iterable[tuple[int, str]], spans: list[TimeSpan],
                 texts: dict[str, str]) -> None:
        table: dict[int, str] = dict(strings)
        strs: list[str | None] = [None] * (max(table, default=0) + 1)
        for i, value in table.items():
            strs[i] = sys.intern(value)
        self.strs = strs
        self.text_of = [None if s is None else texts.get(s) for s in strs]
        self.spans = spans
        self.lists: dict[int, tuple[str, ...]] = {}

    def _id_lists(self, refs: list[int]) -> list[tuple[str, ...]]:
        lists, strs = self.lists, self.strs
        for r in set(refs).difference(lists):
            lists[r] = split_ids(strs[r] or "")
        return list(map(lists.__getitem__, refs))

    def decode(self, data: str) -> list[Event]:
        c = json.loads(data)
        strs, text_of = self.strs, self.text_of
        look = strs.__getitem__
        articles = c["article"]
        it = iter(c["span"])
        spans = list(zip(it, it, strict=True))
        sentences = [
            text_of[a][s:e] if sentence is None else sentence
            for a, (s, e), sentence in zip(articles, spans, c["sentence"], strict=True)
        ]
        it = iter(c["time_span"])
        time_spans = [None if a is None else (a, b) for a, b in zip(it, it, strict=True)]
        time_texts = [
            text_of[a][ts[0]:ts[1]] if t is None else t
            for a, ts, t in zip(articles, time_spans, c["time_text"], strict=True)
        ]
        it = iter(c["trigger"])
        triggers = [None if a is None else (a, b) for a, b in zip(it, it, strict=True)]
        evidence: list[tuple[Evidence, ...]] = [()] * len(articles)
        for row, items in c["evidence"].items():
            evidence[int(row)] = tuple(Evidence(a, (s, e)) for a, s, e in items)
        return list(map(
            Event, c["id"], map(look, articles), map(look, c["type"]), c["summary"], sentences,
            spans, self._id_lists(c["actors"]), map(look, c["source"]), map(look, c["target"]),
            c["polarity"], map(self.spans.__getitem__, c["time"]), time_texts, time_spans,
            map(look, c["time_source"]), triggers, self._id_lists(c["co_sources"]), evidence,
        ))
