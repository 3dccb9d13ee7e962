"""One article through the extraction stages: time expressions, actors, events."""

from __future__ import annotations

from dataclasses import dataclass, replace

from timeline_app.domain import Actor, Article, Event
from timeline_app.extract.actors import ActorLexicon, find_actors, load_actor_lexicon
from timeline_app.extract.events import extract_events
from timeline_app.extract.sentences import split_sentences
from timeline_app.extract.temporal import tag


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article  # with its time expressions filled in
    actors: dict[str, Actor]
    events: list[Event]


def extract_article(article: Article, lexicon: ActorLexicon | None = None) -> ArticleResult:
    """Pure: the same article and lexicons always give the same result (and the same ids)."""
    lexicon = lexicon or load_actor_lexicon()
    expressions = tag(article.text, article.published, ignored=article.ignored)
    article = replace(article, time_expressions=tuple(expressions))
    findings = find_actors(
        article.text, lexicon, published=article.published, ignored=article.ignored
    )
    sentences = split_sentences(article.text, article.ignored)
    actors = dict(findings.actors)
    events = extract_events(article, sentences, findings.mentions, actors)
    return ArticleResult(article=article, actors=actors, events=events)
