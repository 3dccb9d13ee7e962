"""Domain dataclasses to and from table rows and small JSON values.

Events, the bulk of a large project, have their own column-wise format in `event_chunks`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from timeline_app.domain import Actor, Article, FileError, Relation, TimeExpression
from timeline_app.domain.edits import (
    ChangeEventActors,
    ChangeEventTime,
    ChangeEventType,
    DeleteEvent,
    Edit,
    MergeActors,
    RenameActor,
    SetPublished,
)
from timeline_app.domain.project import ViewState
from timeline_app.domain.timespan import TimeSpan

SEP = "\x1f"  # ASCII unit separator: never in an actor id in practice; JSON is the fallback

_intern = sys.intern


# -- small values ----------------------------------------------------------------------------

def join_ids(ids: tuple[str, ...]) -> str:
    """A tuple of ids as one string: '' for none, JSON when a plain join would be ambiguous."""
    if not ids:
        return ""
    if any(not i or SEP in i for i in ids) or ids[0].startswith("["):
        return json.dumps(list(ids))
    return SEP.join(ids)


def split_ids(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    if text.startswith("["):
        return tuple(_intern(i) for i in json.loads(text))
    return tuple(_intern(i) for i in text.split(SEP))


def _ord(day: date | None) -> int | None:
    return None if day is None else day.toordinal()


def _day(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _from_iso(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def timespan_to_json(span: TimeSpan) -> list:
    return [span.value, span.granularity, _iso(span.start), _iso(span.end), span.approximate,
            span.open_end, span.mod]


def timespan_from_json(data: list) -> TimeSpan:
    value, granularity, start, end, approximate, open_end, mod = data
    return TimeSpan(value=value, granularity=granularity, start=_from_iso(start),
                    end=_from_iso(end), approximate=bool(approximate), open_end=bool(open_end),
                    mod=mod)


# -- articles --------------------------------------------------------------------------------

ARTICLE_COLUMNS = ("id", "path", "title", "text", "published", "published_source", "ignored",
                   "time_expressions", "meta")


def article_row(article: Article, span_ref: Callable[[TimeSpan], int]) -> tuple:
    """One article as a row; its time expressions are columns with times as `span_ref` numbers.

    The numbers index the `timespans` table shared with the events (see event_chunks).
    """
    exprs = article.time_expressions
    expressions = {
        "text": [t.text for t in exprs], "span": [o for t in exprs for o in t.span],
        "type": [t.type for t in exprs], "time": [span_ref(t.time) for t in exprs],
        "relative": [int(t.relative) for t in exprs],
    } if exprs else {}
    return (
        article.id, article.path, article.title, article.text, _iso(article.published),
        article.published_source, json.dumps([list(r) for r in article.ignored]),
        json.dumps(expressions, ensure_ascii=False, separators=(",", ":")),
        json.dumps(article.meta, ensure_ascii=False),
    )


def article_decoder(spans: list[TimeSpan]) -> Callable[[tuple], Article]:
    """A row -> Article function over the list of TimeSpans read from `timespans`."""
    loads = json.loads
    look = spans.__getitem__

    def decode(row: tuple) -> Article:
        aid, path, title, text, published, source, ignored, expressions, meta = row
        found = loads(expressions)
        if found:
            it = iter(found["span"])
            exprs = tuple(map(TimeExpression, found["text"], zip(it, it, strict=True),
                              found["type"], map(look, found["time"]),
                              map(bool, found["relative"])))
        else:
            exprs = ()
        return Article(
            aid, path, title, text, _from_iso(published), source,
            tuple((int(a), int(b)) for a, b in loads(ignored)) if ignored != "[]" else (),
            exprs, {str(k): str(v) for k, v in loads(meta).items()} if meta != "{}" else {},
        )

    return decode


# -- errors, actors, relations ---------------------------------------------------------------

def error_row(scope: str, error: FileError) -> tuple:
    return (scope, error.path, error.message)


ACTOR_COLUMNS = ("id", "name", "kind", "aliases", "parent")


def actor_row(actor: Actor) -> tuple:
    return (actor.id, actor.name, actor.kind, json.dumps(list(actor.aliases)), actor.parent)


def actor_from_row(row: tuple) -> Actor:
    aid, name, kind, aliases, parent = row
    return Actor(id=_intern(aid), name=name, kind=_intern(kind),
                 aliases=tuple(json.loads(aliases)), parent=parent and _intern(parent))


RELATION_COLUMNS = ("id", "source", "target", "type", "polarity", "start", '"end"', "events",
                    "open_end", "approximate")


def relation_row(rel: Relation) -> tuple:
    return (rel.id, rel.source, rel.target, rel.type, rel.polarity, _ord(rel.start),
            _ord(rel.end), join_ids(rel.events), int(rel.open_end), int(rel.approximate))


def relation_from_row(row: tuple) -> Relation:
    rid, src, tgt, typ, pol, start, end, events, open_end, approx = row
    return Relation(id=rid, source=_intern(src), target=_intern(tgt), type=_intern(typ),
                    polarity=pol, start=_day(start), end=_day(end), events=split_ids(events),
                    open_end=bool(open_end), approximate=bool(approx))


# -- edits -----------------------------------------------------------------------------------

def edit_row(edit: Edit) -> tuple[str, str]:
    """(kind, JSON data) for one edit; kinds are the class names, stable across versions."""
    if isinstance(edit, RenameActor):
        data: dict = {"actor": edit.actor, "name": edit.name}
    elif isinstance(edit, MergeActors):
        data = {"keep": edit.keep, "drop": edit.drop}
    elif isinstance(edit, ChangeEventType):
        data = {"event": edit.event, "type": edit.type, "polarity": edit.polarity}
    elif isinstance(edit, ChangeEventTime):
        data = {"event": edit.event, "time": timespan_to_json(edit.time), "text": edit.text}
    elif isinstance(edit, ChangeEventActors):
        data = {"event": edit.event, "actors": list(edit.actors), "source": edit.source,
                "target": edit.target}
    elif isinstance(edit, DeleteEvent):
        data = {"event": edit.event}
    elif isinstance(edit, SetPublished):
        data = {"article": edit.article, "published": edit.published.isoformat()}
    else:
        raise TypeError(f"not an edit: {edit!r}")
    return type(edit).__name__, json.dumps(data)


def edit_from_row(kind: str, data_text: str) -> Edit:
    data = json.loads(data_text)
    if kind == "RenameActor":
        return RenameActor(actor=data["actor"], name=data["name"])
    if kind == "MergeActors":
        return MergeActors(keep=data["keep"], drop=data["drop"])
    if kind == "ChangeEventType":
        return ChangeEventType(event=data["event"], type=data["type"], polarity=data["polarity"])
    if kind == "ChangeEventTime":
        return ChangeEventTime(event=data["event"], time=timespan_from_json(data["time"]),
                               text=data["text"])
    if kind == "ChangeEventActors":
        return ChangeEventActors(event=data["event"], actors=tuple(data["actors"]),
                                 source=data["source"], target=data["target"])
    if kind == "DeleteEvent":
        return DeleteEvent(event=data["event"])
    if kind == "SetPublished":
        return SetPublished(article=data["article"],
                            published=date.fromisoformat(data["published"]))
    raise ValueError(f"unknown edit kind {kind!r}")


# -- view state ------------------------------------------------------------------------------

def view_rows(view: ViewState) -> list[tuple[str, Any]]:
    """(key, value) pairs: JSON text, except the Qt geometry/state blobs kept as BLOBs."""
    window = None if view.time_window is None else [_iso(d) for d in view.time_window]
    return [
        ("time_window", json.dumps(window)),
        ("lanes", json.dumps(view.lanes)),
        ("fold_people", json.dumps(view.fold_people)),
        ("graph_positions", json.dumps({k: list(v) for k, v in view.graph_positions.items()})),
        ("selection", json.dumps(list(view.selection))),
        ("theme", json.dumps(view.theme)),
        ("window_geometry", view.window_geometry),
        ("window_state", view.window_state),
    ]


def view_from_rows(rows: Iterable[tuple[str, Any]]) -> ViewState:
    """Unknown keys are ignored and missing ones take their defaults, so views stay readable."""
    values = dict(rows)

    def js(key: str, default: Any) -> Any:
        raw = values.get(key)
        return default if raw is None else json.loads(raw)

    window = js("time_window", None)
    blob = values.get
    geometry, state = blob("window_geometry"), blob("window_state")
    return ViewState(
        time_window=None if window is None else (date.fromisoformat(window[0]),
                                                 date.fromisoformat(window[1])),
        lanes=js("lanes", "actor"),
        fold_people=bool(js("fold_people", False)),
        graph_positions={k: (float(v[0]), float(v[1]))
                         for k, v in js("graph_positions", {}).items()},
        selection=tuple(js("selection", [])),
        window_geometry=None if geometry is None else bytes(geometry),
        window_state=None if state is None else bytes(state),
        theme=js("theme", "light"),
    )
