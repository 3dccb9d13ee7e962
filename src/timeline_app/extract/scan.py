"""Exact stand-ins, built on str.find, for the small regex searches run once per trigger.

Python's regex engine tries a pattern that can start anywhere ("\\bbut\\b|;|...") at every
position of the window, at some tens of nanoseconds each; most windows hold none of the words
such a pattern needs. Substring search runs in C and skips whole windows at once.
`clause_end` and `has_clause_mark` answer exactly what their regexes (kept beside the callers,
and compared in the tests) answer: `\\s` is str.isspace(), `\\w` is str.isalnum() or "_", and a
search bounded by `end` treats `end` as the end of the text, as `pattern.search(text, start,
end)` does. `may_hold` only rules windows out before a regex is run on them.
"""

from __future__ import annotations

import re
from functools import lru_cache


def may_hold(window: str, needles: tuple[str, ...]) -> bool:
    """Whether a case-insensitive regex, every match of which contains one of `needles` (lower
    case ASCII), can match inside `window`.

    Only ASCII windows are ruled out: how other scripts fold case is left to the regex.
    """
    if not window.isascii():
        return True
    window = window.lower()
    for needle in needles:  # noqa: SIM110  (a loop: any() over a generator costs twice this)
        if needle in window:
            return True
    return False


def literal_trie(words: set[str]) -> str:
    """A regex trie of literal words, so that the engine follows one branch per character (an
    alternation of the words would try each in turn at every position)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        if "" in node:
            return ""  # a shorter prefix already admits the position
        alternatives = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items())]
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return build(root) if root else "(?!)"


@lru_cache(maxsize=32)
def needle_finder(needles: tuple[str, ...]) -> re.Pattern[str]:
    """A regex whose search finds whether any of `needles` (literal strings) is in a string.

    For a score of needles one search beats a score of `in` tests: the trie opens with a
    character set, which the engine skips to at C speed, and follows one branch after that.
    """
    return re.compile(literal_trie(set(needles)))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _spaced_dash(text: str, start: int, end: int, limit: int) -> int:
    """First match start of `\\s[—–]\\s` inside text[start:end] that begins before `limit`."""
    best = limit
    for dash in ("—", "–"):
        i = text.find(dash, start + 1, min(best + 1, end - 1))
        while i >= 0:
            if text[i - 1].isspace() and text[i + 1].isspace():
                best = i - 1
                break
            i = text.find(dash, i + 1, min(best + 1, end - 1))
    return best


def _word_at(text: str, i: int, size: int, end: int) -> bool:
    """Whether the word text[i:i + size] stands between word boundaries (`end` ends the text)."""
    if i > 0 and _is_word(text[i - 1]):
        return False
    after = i + size
    return after >= end or not _is_word(text[after])


_CLAUSE_WORDS = ("but", "while", "whereas", "although", "though")


def clause_end(text: str, start: int, end: int) -> int:
    """Where `;|\\s[—–]\\s|,\\s*and\\b|\\bbut\\b|\\bwhile\\b|\\bwhereas\\b|\\balthough\\b|
    \\bthough\\b` (parties._CLAUSE_END) first matches in text[start:end], searched as
    pattern.search(text, start, end); -1 when it does not."""
    window = text[start:end]  # tested with `in` first: most windows hold few of the marks
    best = window.find(";")
    best = end if best < 0 else start + best
    if "—" in window or "–" in window:
        best = _spaced_dash(text, start, end, best)
    if "," in window:
        comma = text.find(",", start, best)
        while comma >= 0:
            j = comma + 1
            while j < end and text[j].isspace():
                j += 1
            if j + 3 <= end and text.startswith("and", j) and (
                j + 3 == end or not _is_word(text[j + 3])
            ):
                best = comma
                break
            comma = text.find(",", comma + 1, best)
    for word in _CLAUSE_WORDS:
        if word not in window:
            continue
        size = len(word)
        i = text.find(word, start, min(best + size - 1, end))  # starting before `best`
        while i >= 0:
            if _word_at(text, i, size, end):
                best = i
                break
            i = text.find(word, i + 1, min(best + size - 1, end))
    return best if best < end else -1


_MARK_WORDS = ("and", "but", "while", "as", "saying", "adding")


def has_clause_mark(between: str) -> bool:
    """Whether `[;:]|\\s[—–]\\s|,\\s+(?:and|but|while|as|saying|adding)\\b|\\b(?:that|since|when|
    because|after|before|until|although)\\b` matches anywhere in `between` (a string of its own:
    its ends are word boundaries)."""
    if ";" in between or ":" in between:
        return True
    size = len(between)
    if ("—" in between or "–" in between) and _spaced_dash(between, 0, size, size) < size:
        return True
    comma = between.find(",")
    while comma >= 0:
        j = comma + 1
        while j < size and between[j].isspace():
            j += 1
        if j > comma + 1:
            for word in _MARK_WORDS:
                if between.startswith(word, j) and (
                    j + len(word) == size or not _is_word(between[j + len(word)])
                ):
                    return True
        comma = between.find(",", comma + 1)
    for word in _SUBORDINATORS:  # "the third day of hostilities since India struck ...":
        i = between.find(word)  # a time outside the subordinate clause is not its time
        while i >= 0:
            if _word_at(between, i, len(word), size):
                return True
            i = between.find(word, i + 1)
    return False


_SUBORDINATORS = ("that", "since", "when", "because", "after", "before", "until", "although")
