"""The JSON contract (schema "timeline-app/1") shared by the CLI's --json and the app's export.

The README documents every field; this module is the one place that writes them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.domain import Article, Corpus, Event, TimeExpression, TimeSpan

SCHEMA = "timeline-app/1"


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _time_fields(time: TimeSpan) -> dict[str, Any]:
    return {
        "value": time.value or None,
        "granularity": time.granularity,
        "start": _day(time.start),
        "end": _day(time.end),
        "approximate": time.approximate,
        "open_end": time.open_end,
        "mod": time.mod,
    }


def time_expression_dict(expr: TimeExpression) -> dict[str, Any]:
    return {
        "text": expr.text,
        "span": list(expr.span),
        "type": expr.type,
        **_time_fields(expr.time),
        "relative": expr.relative,
    }


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "published": _day(article.published),
        "published_source": article.published_source,
        "ignored": [list(span) for span in article.ignored],
        "time_expressions": [time_expression_dict(e) for e in article.time_expressions],
    }


def event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "article": event.article,
        "type": event.type,
        "summary": event.summary,
        "sentence": event.sentence,
        "span": list(event.span),
        "trigger": list(event.trigger) if event.trigger else None,
        "actors": list(event.actors),
        "source": event.source,
        "target": event.target,
        "co_sources": list(event.co_sources),
        "polarity": event.polarity,
        "time": {
            "text": event.time_text,
            "span": list(event.time_span) if event.time_span else None,
            **_time_fields(event.time),
            "source": event.time_source,
        },
        "evidence": [{"article": ev.article, "span": list(ev.span)} for ev in event.evidence],
    }


def corpus_dict(corpus: Corpus) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [article_dict(a) for a in corpus.articles],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
             "parent": a.parent}
            for a in corpus.actors
        ],
        "events": [event_dict(e) for e in corpus.events],
        "relations": [
            {"id": r.id, "source": r.source, "target": r.target, "type": r.type,
             "polarity": r.polarity, "start": _day(r.start), "end": _day(r.end),
             "open_end": r.open_end, "approximate": r.approximate, "events": list(r.events)}
            for r in corpus.relations
        ],
        "errors": [{"path": e.path, "message": e.message} for e in corpus.errors],
    }


def dumps(corpus: Corpus) -> str:
    return json.dumps(corpus_dict(corpus), ensure_ascii=False, indent=2)


def write_json(corpus: Corpus, path: str | Path) -> None:
    Path(path).write_text(dumps(corpus) + "\n", encoding="utf-8")
