"""Everything extracted from a set of files: the one object the views and exports read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline_app.domain.actor import Actor
from timeline_app.domain.article import Article
from timeline_app.domain.event import Event, Relation


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be read, with a message a user can act on."""

    path: str
    message: str


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    errors: tuple[FileError, ...] = ()
    _index: dict[str, dict] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _lookup(self, name: str, items: tuple) -> dict:
        table = self._index.get(name)
        if table is None:
            table = {item.id: item for item in items}
            self._index[name] = table
        return table

    def article(self, article_id: str) -> Article | None:
        return self._lookup("articles", self.articles).get(article_id)

    def actor(self, actor_id: str) -> Actor | None:
        return self._lookup("actors", self.actors).get(actor_id)

    def event(self, event_id: str) -> Event | None:
        return self._lookup("events", self.events).get(event_id)

    def relation(self, relation_id: str) -> Relation | None:
        return self._lookup("relations", self.relations).get(relation_id)

    def events_between(self, start: date, end: date) -> list[Event]:
        return [e for e in self.events if e.time.overlaps(start, end)]

    def relations_between(self, start: date, end: date) -> list[Relation]:
        """Relations whose evidence overlaps [start, end]; undated ones are left out."""
        return [
            r for r in self.relations
            if r.start is not None and r.end is not None and r.start <= end and r.end >= start
        ]

    def root_actor(self, actor_id: str) -> str:
        """The state (or top organisation) an actor belongs to, following `parent` links."""
        seen = set()
        current = actor_id
        while current not in seen:
            seen.add(current)
            actor = self.actor(current)
            if actor is None or actor.parent is None:
                return current
            current = actor.parent
        return current
