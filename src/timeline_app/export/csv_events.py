"""Events as CSV: one row per event, the shape a spreadsheet user filters and pivots."""

from __future__ import annotations

import csv
from pathlib import Path

from timeline_app.domain import Corpus, Event

COLUMNS = (
    "id", "time_text", "value", "start", "end", "granularity", "approximate", "open_end",
    "type", "polarity", "summary", "actors", "source", "target", "sentence", "article",
    "article_path",
)


def event_row(corpus: Corpus, event: Event) -> dict[str, str]:
    """One event as strings; actors by name (ids mean nothing in a spreadsheet)."""

    def name(actor_id: str | None) -> str:
        if not actor_id:
            return ""
        actor = corpus.actor(actor_id)
        return actor.name if actor else actor_id

    article = corpus.article(event.article)
    t = event.time
    return {
        "id": event.id,
        "time_text": event.time_text,
        "value": t.value,
        "start": t.start.isoformat() if t.start else "",
        "end": t.end.isoformat() if t.end else "",
        "granularity": t.granularity,
        "approximate": "yes" if t.approximate else "",
        "open_end": "yes" if t.open_end else "",
        "type": event.type,
        "polarity": f"{event.polarity:g}",
        "summary": event.summary,
        "actors": "; ".join(name(a) for a in event.actors),
        "source": name(event.source),
        "target": name(event.target),
        "sentence": " ".join(event.sentence.split()),
        "article": (article.title or article.path) if article else event.article,
        "article_path": article.path if article else "",
    }


def write_events_csv(corpus: Corpus, path: str | Path) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accented names right."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for event in corpus.events:
            writer.writerow(event_row(corpus, event))
