"""The strings a regular expression's matches can begin with, read off its parsed form.

Python's regex engine has no literal prefilter for an alternation, so both the relation triggers
(extract/trigger_index.py) and the temporal rules (extract/temporal/prefixes.py) derive one: the
set of strings of up to n characters that a match can start with. They differ only in how a
character becomes a key character (lower-cased for triggers; digits to "0" and a marker for \\w in
temporal rules), so one walker over the parse tree serves both, told how to fold by a Folding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

try:  # Python 3.11+: the parser lives in re._parser; sre_parse is its deprecated alias
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Options = frozenset[tuple[str, bool]]  # (prefix, stopped: nothing more is known after it)
_EMPTY: Options = frozenset({("", False)})
_UNKNOWN: Options = frozenset({("", True)})

# The classes a Folding can give a key character: \d, \s, \w.
DIGIT_CLASS = _c.CATEGORY_DIGIT
SPACE_CLASS = _c.CATEGORY_SPACE
WORD_CLASS = _c.CATEGORY_WORD


@dataclass(frozen=True, slots=True)
class Folding:
    """How a pattern's characters become key characters."""

    char: Callable[[int], str]  # a literal's code point -> its key character
    classes: Mapping[object, str]  # a class (\\d, \\s, \\w) -> its key character; others: unknown
    widest_range: int  # a wider range ([\\x00-\\uffff]) tells nothing worth indexing
    inline_flags_unknown: bool = False  # (?i:...) changes what a literal matches


class _TooMany(Exception):
    pass


class _Walker:
    def __init__(self, folding: Folding, limit: int) -> None:
        self.folding, self.limit = folding, limit

    def concat(self, left: Options, right: Callable[[int], Options], n: int) -> Options:
        out: set[tuple[str, bool]] = set()
        rights: dict[int, Options] = {}  # by room left: many left options share one
        for text, stopped in left:
            if stopped or len(text) >= n:
                out.add((text[:n], True))
                continue
            room = n - len(text)
            if room not in rights:
                rights[room] = right(room)
            for more, more_stopped in rights[room]:
                out.add((text + more, more_stopped))
        if len(out) > self.limit:
            raise _TooMany
        return frozenset(out)

    def sequence(self, items, n: int) -> Options:
        current = _EMPTY
        for item in items:
            current = self.concat(current, self._options_of(item), n)
        return current

    def _options_of(self, item) -> Callable[[int], Options]:
        """The item's options as a function of the room left, bound to this item (a lambda
        written in the loop would see the loop's last item)."""
        return lambda room: self.item(item, room)

    def charset(self, arg) -> Options:
        folding = self.folding
        chars: set[str] = set()
        for kind, value in arg:
            if kind is _c.LITERAL:
                chars.add(folding.char(value))
            elif kind is _c.RANGE and value[1] - value[0] <= folding.widest_range:
                chars.update(folding.char(v) for v in range(value[0], value[1] + 1))
            elif kind is _c.CATEGORY and value in folding.classes:
                chars.add(folding.classes[value])
            else:  # a negated set, a class this folding does not index: anything may come
                return _UNKNOWN
        return frozenset((ch, False) for ch in chars)

    def item(self, item, n: int) -> Options:
        op, arg = item
        if op is _c.LITERAL:
            return frozenset({(self.folding.char(arg), False)})
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return _EMPTY  # zero-width: the regex itself checks lookarounds and boundaries
        if op is _c.IN:
            return self.charset(arg)
        if op is _c.BRANCH:
            out: set[tuple[str, bool]] = set()
            for seq in arg[1]:
                out |= self.sequence(seq, n)
            return frozenset(out)
        if op is _c.SUBPATTERN:
            if self.folding.inline_flags_unknown and (arg[1] or arg[2]):
                return _UNKNOWN
            return self.sequence(arg[-1], n)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, high, seq = arg
            result: set[tuple[str, bool]] = set()
            current = _EMPTY
            for count in range(0, min(high, low + n) + 1):
                if count >= low:
                    result |= current
                current = self.concat(current, lambda room: self.sequence(seq, room), n)
            if high > low + n:
                result |= {(t, True) for t, _ in current}
            return frozenset(result)
        return _UNKNOWN  # any character, a back reference: cannot say


def literal_prefixes(
    pattern: str, n: int, folding: Folding, flags: int = 0, limit: int = 4000
) -> frozenset[str] | None:
    """The folded strings (up to n characters) a match of `pattern` must begin with; "" among
    them means it can match anywhere. None when there are more than `limit` of them or the
    pattern cannot be read: nothing can be ruled out then either."""
    walker = _Walker(folding, limit)
    try:
        options = walker.sequence(_p.parse(pattern, flags), n)
    except (_TooMany, RecursionError, re.error):
        return None
    return frozenset(text for text, _ in options)



def has_top_level_branch(pattern: str) -> bool:
    """Whether `pattern` has a "|" outside its groups ("a b|c"): an alternation at its top
    level, whose opening is not every alternative's. Read off the text (the parser flattens
    "x(?:a|b)" into a top-level branch too): escapes and character classes are skipped."""
    depth = 0
    i, size = 0, len(pattern)
    while i < size:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member, not its end
            i += 1
            if i < size and pattern[i] == "^":
                i += 1
            if i < size and pattern[i] == "]":
                i += 1
            while i < size and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False
