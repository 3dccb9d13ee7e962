"""Plain data: no Qt, no I/O. Everything else in the app passes these around."""

from timeline_app.domain.actor import (
    ACTOR_KINDS,
    GOVERNMENT,
    GROUP,
    ORGANISATION,
    OTHER,
    PERSON,
    STATE,
    Actor,
)
from timeline_app.domain.article import (
    PUBLISHED_BYLINE,
    PUBLISHED_DATELINE,
    PUBLISHED_FILENAME,
    PUBLISHED_GIVEN,
    PUBLISHED_METADATA,
    PUBLISHED_UNKNOWN,
    Article,
    TimeExpression,
)
from timeline_app.domain.corpus import Corpus, FileError
from timeline_app.domain.event import (
    TIME_FROM_ARTICLE_DATE,
    TIME_FROM_EXPRESSION,
    TIME_FROM_NARRATIVE,
    TIME_UNKNOWN,
    Event,
    Evidence,
    Relation,
)
from timeline_app.domain.timespan import UNDATED, TimeSpan

__all__ = [
    "ACTOR_KINDS", "GOVERNMENT", "GROUP", "ORGANISATION", "OTHER", "PERSON",
    "PUBLISHED_BYLINE", "PUBLISHED_DATELINE", "PUBLISHED_FILENAME", "PUBLISHED_GIVEN",
    "PUBLISHED_METADATA", "PUBLISHED_UNKNOWN", "STATE", "TIME_FROM_ARTICLE_DATE",
    "TIME_FROM_EXPRESSION", "TIME_FROM_NARRATIVE", "TIME_UNKNOWN", "UNDATED", "Actor", "Article",
    "Corpus", "Event", "Evidence", "FileError", "Relation", "TimeExpression", "TimeSpan",
]
