"""Duplicate articles: identical texts are kept once; near-identical ones are grouped.

One wire story republished by several outlets differs by a headline, a byline, a trimmed
paragraph. Such articles are compared on word 5-gram shingles of their story text
(boilerplate ranges left out): Jaccard similarity of at least 0.8, or one containing at
least 90% of the other when it is at least half its length, makes them near-duplicates.
Candidates come from an inverted index over a fixed 1-in-4 sample of shingles, so the cost
grows with the number of articles, not its square.
"""

from __future__ import annotations

import hashlib
import re
import zlib

from timeline_app.domain.article import Article

JACCARD = 0.8
CONTAINMENT = 0.9
_SHINGLE = 5
_MIN_SHINGLES = 12  # shorter texts are too small to call near-duplicates
_SAMPLE_MOD = 4
_MAX_POSTINGS = 64  # a shingle shared by this many articles is furniture, not evidence
_WORD = re.compile(r"\w+")


def story_text(article: Article) -> str:
    """The article's text without its ignored ranges."""
    if not article.ignored:
        return article.text
    parts, last = [], 0
    for start, end in article.ignored:
        parts.append(article.text[last:start])
        last = max(last, end)
    parts.append(article.text[last:])
    return " ".join(parts)


def shingles(text: str) -> frozenset[int]:
    words = _WORD.findall(text.lower())
    if len(words) < _SHINGLE:
        return frozenset()
    # crc32, not hash(): str hashes change between runs, and the groups must not
    return frozenset(zlib.crc32(" ".join(words[i:i + _SHINGLE]).encode("utf-8", "replace"))
                     for i in range(len(words) - _SHINGLE + 1))


class Deduper:
    """Feed articles in reading order; ask which were near-duplicates at the end."""

    def __init__(self) -> None:
        self._exact: set[str] = set()
        self._sets: dict[str, frozenset[int]] = {}
        self._order: list[str] = []
        self._position: dict[str, int] = {}
        self._index: dict[int, list[str]] = {}
        self._parent: dict[str, str] = {}

    def add(self, article: Article) -> bool:
        """False for an exact duplicate of an article already added (drop it)."""
        story = story_text(article)
        key = hashlib.sha1(" ".join(story.split()).encode("utf-8", "replace")).hexdigest()
        if key in self._exact:
            return False
        self._exact.add(key)
        found = shingles(story)
        if len(found) < _MIN_SHINGLES:
            return True
        ident = article.id
        self._sets[ident] = found
        self._position[ident] = len(self._order)
        self._order.append(ident)
        candidates: dict[str, int] = {}
        sample = [s for s in found if s % _SAMPLE_MOD == 0]
        for shingle in sample:
            posting = self._index.setdefault(shingle, [])
            if len(posting) < _MAX_POSTINGS:
                for other in posting:
                    candidates[other] = candidates.get(other, 0) + 1
                posting.append(ident)
        for other, shared in candidates.items():
            if shared * 4 < len(sample) * 0.5:  # cannot reach the thresholds
                continue
            if similar(found, self._sets[other]):
                self._union(other, ident)
        return True

    def near_duplicates(self) -> list[tuple[str, list[str]]]:
        """(representative id, ids of its near-duplicates), representative read first."""
        groups: dict[str, list[str]] = {}
        for ident in self._order:
            root = self._find(ident)
            if root != ident:
                groups.setdefault(root, []).append(ident)
        return [(root, members) for root, members in groups.items()]

    def _find(self, ident: str) -> str:
        parent = self._parent.get(ident, ident)
        if parent == ident:
            return ident
        root = self._find(parent)
        self._parent[ident] = root
        return root

    def _union(self, first: str, second: str) -> None:
        a, b = self._find(first), self._find(second)
        if a == b:
            return
        # the article read first stays the representative
        if self._position[a] > self._position[b]:
            a, b = b, a
        self._parent[b] = a


def similar(a: frozenset[int], b: frozenset[int]) -> bool:
    shared = len(a & b)
    small, large = sorted((len(a), len(b)))
    if not small:
        return False
    if shared / (small + large - shared) >= JACCARD:
        return True
    return small >= 0.5 * large and shared / small >= CONTAINMENT
