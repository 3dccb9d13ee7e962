"""One article through the extraction stages: time expressions, actors, events."""

from __future__ import annotations

from dataclasses import dataclass, replace

from timeline_app.domain import Actor, Article, Event, TimeExpression
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
    dated_lines = _date_line_expressions(article)
    if dated_lines:
        expressions = sorted([*expressions, *dated_lines], key=lambda x: x.span)
    article = replace(article, time_expressions=tuple(expressions))
    findings = find_actors(
        article.text, lexicon, published=article.published, ignored=article.ignored
    )
    sentences = split_sentences(article.text, article.ignored)
    actors = dict(findings.actors)
    events = extract_events(article, sentences, findings.mentions, actors)
    return ArticleResult(article=article, actors=actors, events=events)


# Ignored ranges this near the top and this short are datelines and "Published ..." lines
# (a photo caption is longer).
_TOP = 1500
_LINE = 60


def _date_line_expressions(article: Article) -> list[TimeExpression]:
    """The date of the dateline ("DAKAR, Jan 29 (AFP) -") or "Published ..." line.

    Those lines are ignored as story text (no event comes from them), but their date is a time
    expression of the article all the same, and an analyst lists it: the day the story was
    filed. Only a date that is the publication day counts, so a stray "Updated 2 hours ago"
    or a related-story stamp adds nothing.
    """
    published = article.published
    if published is None:
        return []
    out = []
    for start, end in article.ignored:
        if start > _TOP:
            break
        if end - start > _LINE:
            continue
        for found in tag(article.text[start:end], published):
            if found.time.start == published and found.type in ("DATE", "TIME"):
                out.append(replace(found, span=(found.span[0] + start, found.span[1] + start)))
    return out
