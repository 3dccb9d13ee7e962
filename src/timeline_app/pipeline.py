"""files -> Articles -> mentions -> events -> Corpus: the one-way flow, as plain functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from timeline_app.domain import PUBLISHED_GIVEN, Actor, Article, Corpus, Event, Evidence, FileError
from timeline_app.domain.edits import Edit, SetPublished, apply_edits, relations_from_events

Progress = Callable[[int, int, str], None]  # (done, total, current path)
Cancelled = Callable[[], bool]


def build_corpus(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    edits: Iterable[Edit] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    fields=None,
) -> Corpus:
    """Read every file (folders and archives expanded) and extract one merged Corpus.

    `published` is used for articles whose own publication date is unknown. Per-file
    failures become `Corpus.errors`; nothing here raises for bad input.
    """
    from timeline_app.ingest import Fields, read_paths

    result = read_paths(
        list(paths), published=published, fields=fields or Fields(),
        progress=_half(progress, 0), cancelled=cancelled,
    )
    return extract_corpus(
        result.articles, errors=result.errors, edits=edits, duplicates=result.duplicates,
        progress=_half(progress, 1), cancelled=cancelled,
    )


def extract_corpus(
    articles: Iterable[Article],
    *,
    errors: Iterable[FileError] = (),
    edits: Iterable[Edit] = (),
    duplicates: Sequence[tuple[str, Sequence[str]]] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Corpus:
    """Extract events, actors and relations from already-read articles, then replay edits."""
    from timeline_app.extract.actors import load_actor_lexicon
    from timeline_app.extract.article_extraction import extract_article

    edits = tuple(edits)
    articles = apply_published(list(articles), edits)
    lexicon = load_actor_lexicon()
    done_articles: list[Article] = []
    actors: dict[str, Actor] = {}
    events: list[Event] = []
    errors = list(errors)
    for index, article in enumerate(articles):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(index, len(articles), article.path)
        try:
            result = extract_article(article, lexicon)
        except Exception as exc:  # one bad article must not stop the others
            errors.append(FileError(article.path, f"could not extract events: {exc}"))
            continue
        done_articles.append(result.article)
        _merge_actors(actors, result.actors.values())
        events.extend(result.events)
    if progress is not None:
        progress(len(articles), len(articles), "")
    for actor in list(actors.values()):
        if actor.parent and actor.parent not in actors:
            parent = lexicon.actor(actor.parent)
            if parent is not None:
                actors[parent.id] = parent
    events = merge_duplicate_events(events, duplicates)
    corpus = Corpus(
        articles=tuple(done_articles),
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        events=tuple(events),
        relations=relations_from_events(events),
        errors=tuple(errors),
    )
    return apply_edits(corpus, edits) if edits else corpus


def apply_published(articles: list[Article], edits: Sequence[Edit]) -> list[Article]:
    """Articles the user dated by hand get that date before extraction."""
    given = {e.article: e.published for e in edits if isinstance(e, SetPublished)}
    if not given:
        return articles
    return [
        replace(a, published=given[a.id], published_source=PUBLISHED_GIVEN)
        if a.id in given else a
        for a in articles
    ]


def merge_duplicate_events(
    events: list[Event], duplicates: Sequence[tuple[str, Sequence[str]]]
) -> list[Event]:
    """One wire story republished by several outlets: keep one event, every source as evidence."""
    if not duplicates:
        return events
    representative = {}
    for rep, others in duplicates:
        for other in others:
            representative[other] = rep
    kept: dict[tuple, Event] = {}
    order: list[tuple] = []
    for event in events:
        group = representative.get(event.article, event.article)
        key = (group, event.type, event.source, event.target, event.time.value)
        if key in kept:
            first = kept[key]
            kept[key] = replace(
                first, evidence=(*first.evidence, Evidence(event.article, event.span))
            )
        else:
            kept[key] = event
            order.append(key)
    return [kept[k] for k in order]


def _merge_actors(actors: dict[str, Actor], found: Iterable[Actor]) -> None:
    for actor in found:
        known = actors.get(actor.id)
        if known is None:
            actors[actor.id] = actor
        else:
            aliases = tuple(dict.fromkeys((*known.aliases, *actor.aliases)))
            actors[actor.id] = replace(known, aliases=aliases,
                                       parent=known.parent or actor.parent)


def _half(progress: Progress | None, part: int) -> Progress | None:
    """Reading is the first half of the progress bar, extraction the second."""
    if progress is None:
        return None

    def report(done: int, total: int, path: str) -> None:
        total = max(total, 1)
        progress(part * total + done, 2 * total, path)

    return report


def merge_corpora(corpora: Sequence[Corpus]) -> Corpus:
    """Several corpora (saved projects plus newly read files) as one."""
    articles: dict[str, Article] = {}
    actors: dict[str, Actor] = {}
    events: dict[str, Event] = {}
    errors: list[FileError] = []
    for corpus in corpora:
        articles.update((a.id, a) for a in corpus.articles)
        _merge_actors(actors, corpus.actors)
        events.update((e.id, e) for e in corpus.events)
        errors.extend(corpus.errors)
    merged = list(events.values())
    return Corpus(
        articles=tuple(articles.values()),
        actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
        events=tuple(merged),
        relations=relations_from_events(merged),
        errors=tuple(errors),
    )
