"""Plain text and Markdown files."""

from __future__ import annotations

from datetime import date

from timeline_app.domain.article import Article
from timeline_app.ingest.decode import decode
from timeline_app.ingest.limits import Limits
from timeline_app.ingest.text import make_article


def read_text_file(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits
) -> list[Article]:
    text = decode(data)
    markdown = name.lower().endswith((".md", ".markdown"))
    return [make_article(path, text, name=name, published=published,
                         max_chars=limits.max_article_chars, markdown=markdown)]
