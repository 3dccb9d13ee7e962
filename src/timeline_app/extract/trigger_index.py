"""Which relation patterns can start at a word: a prefix index so that each pattern's regex
runs only where its trigger could begin.

Running two dozen case-insensitive alternations over every position of an article cost more than
the rest of extraction together; Python's regex engine has no multi-pattern literal prefilter, so
we derive one from the parsed triggers: the set of lowercase strings (up to PREFIX characters) a
match can begin with. Whitespace in triggers and text is compared as a single space.

Eight characters rather than four: a four-character prefix ("cond", "supp") let through more
than twice as many positions where the pattern then failed, and each failed case-insensitive
alternation costs more than the longer key (the trie grows, but it is built once).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from timeline_app.extract.regex_prefixes import SPACE_CLASS, Folding, literal_prefixes
from timeline_app.extract.scan import literal_trie as _trie

PREFIX = 8
_LIMIT = 4000  # more alternatives than this: give up filtering (always run the pattern)
# Every character str.isspace() and the regex \s accept, but the plain space (tests check the
# list): folded to a space with str.replace, which costs a fraction of a regex substitution.
OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_OTHER_SPACES = OTHER_SPACES[:9]

# Triggers are matched case-insensitively: keys are lower case, any white space a space.
_LOWER = Folding(char=lambda code: chr(code).lower(), classes={SPACE_CLASS: " "},
                 widest_range=26)


def trigger_prefixes(alternation: str, n: int = PREFIX) -> frozenset[str] | None:
    """The lowercase strings a match can start with, or None when nothing can be ruled out."""
    prefixes = literal_prefixes(alternation, n, _LOWER, re.IGNORECASE, _LIMIT)
    return None if prefixes is None or "" in prefixes else prefixes


@lru_cache(maxsize=8)
def _index(prefix_sets: tuple[frozenset[str] | None, ...]):
    by_length: dict[int, dict[str, list[int]]] = {}
    always = []
    for i, prefixes in enumerate(prefix_sets):
        if prefixes is None:
            always.append(i)
            continue
        for prefix in prefixes:
            by_length.setdefault(len(prefix), {}).setdefault(prefix, []).append(i)
    return tuple(sorted(by_length.items())), tuple(always)


def candidate_starts(
    text: str, prefix_sets: tuple[frozenset[str] | None, ...], folded: str | None = None
) -> dict[int, list[int] | None]:
    """pattern index -> word-start offsets where that pattern's trigger could begin, or None
    for a pattern with no prefixes to index ("X-Y war" opens with any capital): the caller
    scans the text with that pattern's own regex, which costs one pass at C speed, where
    listing every word of the text for it would take the index's fast path from all others.

    `folded` is fold(text), for a caller that has it already.
    """
    by_length, always = _index(prefix_sets)
    lookup = _lookup_for(prefix_sets)
    if folded is None:
        folded = fold(text)
    starts: dict[int, list[int] | None] = {}
    # the prefix trie skips, at C speed, every word no trigger can start with. The scanner
    # matches the character before a word: a leading space stands in for the start of the
    # text, so that a match's start in the padded text is the word's offset.
    positions = [
        m.start() for m in _scanner(prefix_sets, folded.isascii()).finditer(" " + folded)
    ]
    for pos in positions:
        key = folded[pos:pos + PREFIX]
        hits = lookup.get(key)
        if hits is None:
            hits = tuple(i for length, table in by_length for i in table.get(key[:length], ()))
            if len(lookup) < 200_000:
                lookup[key] = hits
        for i in hits:
            positions_of = starts.get(i)
            if positions_of is None:
                starts[i] = positions_of = []
            positions_of.append(pos)
    for i in always:
        starts[i] = None
    return starts


def fold(text: str, lowered: str | None = None) -> str:
    """`text` in lower case with every white space character a plain space, offsets kept.

    `lowered`, text.lower() when the caller has it already, saves lower-casing twice.
    """
    folded = text.lower() if lowered is None else lowered
    if len(folded) != len(text):  # a character whose lower case is longer: keep offsets right
        return "".join(ch.lower()[:1] if not ch.isspace() else " " for ch in text)
    for space in _ASCII_OTHER_SPACES if text.isascii() else OTHER_SPACES:
        if space in folded:
            folded = folded.replace(space, " ")
    return folded


@lru_cache(maxsize=8)
def _scanner(
    prefix_sets: tuple[frozenset[str] | None, ...], ascii_text: bool = False
) -> re.Pattern[str]:
    """The character before a word that a trigger can start (the word itself is looked ahead
    at): a pattern that opens with a character class lets the engine skip the letters inside
    words at C speed, where a look-behind would be tried at every position.

    With `ascii_text` (for a text that is all ASCII, where both agree) \\w is the ASCII class,
    which the engine tests faster than the Unicode one: a sixth off the scan.
    """
    prefixes = {p for ps in prefix_sets if ps for p in ps if p[:1].isalnum() or p[:1] == "_"}
    flags = re.ASCII if ascii_text else 0
    return re.compile(r"[^\w-](?=" + _trie(prefixes) + ")", flags)


@lru_cache(maxsize=8)
def _lookup_for(prefix_sets: tuple[frozenset[str] | None, ...]) -> dict[str, tuple[int, ...]]:
    """A memo of PREFIX-character keys to the patterns they may start (words repeat a lot)."""
    return {}


def prefix_sets_of(triggers_by_pattern: Sequence[str]) -> tuple[frozenset[str] | None, ...]:
    return tuple(trigger_prefixes(t) for t in triggers_by_pattern)
