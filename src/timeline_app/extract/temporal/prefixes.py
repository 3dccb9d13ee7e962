"""Which rules can match at a position, judged by the first few characters there.

The joined scanner tries every rule, in order, at each place HITS proposes; at "the" or at a
digit most of the 33 rules fail on their first characters, but the engine still walks each of
their alternations. Python's regex engine has no literal prefilter for an alternation, so we
derive one: for every rule, the strings of up to PREFIX characters a match can begin with
(read from the parsed pattern); at each place, only the rules the characters there admit are
tried, one by one in the original order. The first of them that matches is the rule the
joined scanner finds, since a rule left out could not have matched there.

Keys are folded so that the sets stay small: ASCII digits become "0" and ASCII white space a
space; in a prefix, WORD stands for any word character. A key with a non-ASCII character
falls back to the full scanner, so the result is always that of the full scanner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline_app.extract.regex_prefixes import (
    DIGIT_CLASS,
    SPACE_CLASS,
    WORD_CLASS,
    Folding,
    literal_prefixes,
)

PREFIX = 8
_LIMIT = 20_000  # more prefixes than this for one rule: treat it as matching anywhere

# ASCII digits to "0", ASCII white space (all \s accepts below 128) to " ".
FOLD = str.maketrans({chr(i): ("0" if chr(i).isdigit() else " ")
                      for i in range(128) if chr(i).isdigit() or chr(i).isspace()})

# Stands for any word character (\w) in a prefix ("\w+\s+times" of "seven times a day").
WORD = "\x00"


def _fold_char(code: int) -> str:
    return chr(code).translate(FOLD)


# Rules are case-sensitive: digits fold to "0", white space to " ", \w to WORD.
_DIGITS = Folding(char=_fold_char, classes={DIGIT_CLASS: "0", SPACE_CLASS: " ", WORD_CLASS: WORD},
                  widest_range=64, inline_flags_unknown=True)


def rule_prefixes(pattern: str, n: int = PREFIX) -> frozenset[str]:
    """The folded strings (up to n characters) a match of `pattern` (case-sensitive) must
    begin with: a rule can match at a key only if one of them is a prefix of the key. The
    empty string means it can match anywhere."""
    prefixes = literal_prefixes(pattern, n, _DIGITS, 0, _LIMIT)
    return frozenset({""}) if prefixes is None else prefixes


# Group openers after which an optional group may not be rewritten: lookarounds, conditionals,
# atomic groups (which would commit to the group), back-references, comments and inline flags.
_SPECIAL_OPENER = re.compile(r"\(\?(?:[=!#(>]|<[=!]|P=|[aiLmsux-]+[:)])")
_GROUP_OPENER = re.compile(r"\(\?(?::|P<\w+>)|\(")


def without_optional_groups(pattern: str) -> str:
    """`pattern` with each optional group `(...)?` written `(...|)` (and `(...)??` as `(|...)`).

    The engine tries the same things in the same order (the group, then nothing; or the
    other way round when lazy), so every match starts and ends where it did; but an optional
    group costs a repeat's bookkeeping, an empty alternative does not, and the rules scan
    some 10% faster. A capturing group that matched nothing reads "" instead of None, so this
    is for the scanning copies, whose groups are never read. Lookarounds, conditionals and
    the like, and possessive `?+`, are left as they are.
    """
    replace: dict[int, str] = {}  # index in pattern -> what stands there instead
    insert: dict[int, str] = {}  # index in pattern -> what comes before it
    skip: set[int] = set()
    opened: list[tuple[int, bool]] = []  # (where the group's body begins, may be rewritten)
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _class_end(pattern, i)
        elif ch == "(":
            special = _SPECIAL_OPENER.match(pattern, i) is not None
            opener = _GROUP_OPENER.match(pattern, i)
            body = opener.end() if opener is not None and not special else i + 1
            opened.append((body, not special))
            i += 1
        elif ch == ")":
            body, plain = opened.pop()
            quantifier = pattern[i + 1:i + 3]
            if plain and quantifier[:1] == "?" and quantifier != "?+":
                if quantifier == "??":  # lazy: nothing first, then the group
                    insert[body] = "|"
                    skip.update((i + 1, i + 2))
                else:
                    replace[i] = "|)"
                    skip.add(i + 1)
            i += 1
        else:
            i += 1
    if not replace and not insert:
        return pattern
    out = []
    for index, ch in enumerate(pattern):
        if index in insert:
            out.append(insert[index])
        if index not in skip:
            out.append(replace.get(index, ch))
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """The index after the character class opening at `start` ("]" first is a literal)."""
    i = start + 1
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _wild_regex(prefixes: frozenset[str]) -> re.Pattern[str] | None:
    """A regex that matches a folded key beginning with one of the prefixes that hold WORD
    (any word character: ASCII here, as keys off ASCII never reach it); None if none do."""
    wild = sorted(p for p in prefixes if WORD in p)
    if not wild:
        return None
    return re.compile("|".join(
        "".join("[A-Za-z0-9_]" if ch == WORD else re.escape(ch) for ch in p) for p in wild))


class RuleIndex:
    """The rules a position's first characters admit, and the first of them that matches.

    The admitted rules are tried one by one rather than joined into a scanner per set: a few
    hundred articles meet a hundred sets, and compiling a joined scanner costs some 25 ms,
    more than trying three or four rules in turn saves over thousands of positions.
    """

    def __init__(self, rules: Sequence[tuple[str, str]], full: re.Pattern[str],
                 n: int = PREFIX) -> None:
        """`rules` are (name, pattern) in priority order, `full` their joined scanner. The
        prefixes are read from the patterns as given; each is compiled for matching with its
        optional groups rewritten (without_optional_groups: the same matches, faster)."""
        self._rules = list(rules)
        self.full = full
        self.n = n
        self._prefixes: list[frozenset[str]] | None = None  # read on first use
        self._by_prefix: dict[str, list[int]] = {}  # prefix -> the rules that have it
        self._wild: list[tuple[int, re.Pattern[str]]] = []  # rule, its prefixes with a WORD
        self._single: list[re.Pattern[str] | None] = [None] * len(self._rules)
        # key as in the text, and folded -> the rules it admits, as (pattern, name); () for none
        self.by_key: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {}
        self._by_folded: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {}
        self._by_set: dict[tuple[int, ...], tuple[tuple[re.Pattern[str], str], ...]] = {}

    def rules_at(self, key: str) -> tuple[str, ...]:
        """Names of the rules that can match where the text begins with `key`."""
        return tuple(name for _, name in self.members(key))

    def match(self, text: str, pos: int) -> tuple[int, str | None] | None:
        """(end, rule) of the first rule in order that matches `text` at `pos`: what the full
        scanner finds there (the rule is None only where the full scanner's would be); None
        when no rule matches."""
        key = text[pos:pos + self.n]
        members = self.by_key.get(key)
        if members is None:
            members = self.members(key)
        for pattern, name in members:
            m = pattern.match(text, pos)
            if m is not None:
                if pattern is self.full:
                    return m.end(), m.lastgroup
                return m.end(), name
        return None

    def members(self, key: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        """(pattern, rule) of the rules to try, in order, where the text begins with `key`;
        the full scanner alone (rule "") when nothing is ruled out."""
        members = self.by_key.get(key)
        if members is not None:
            return members
        folded = key.translate(FOLD)  # "12 days" and "30 days" admit the same rules
        members = self._by_folded.get(folded)
        if members is None:
            chosen = self._chosen(folded)
            members = self._by_set.get(chosen)
            if members is None:
                if len(chosen) == len(self._rules):  # nothing ruled out: the joined scanner
                    members = ((self.full, ""),)
                else:
                    members = tuple((self._pattern(i), self._rules[i][0]) for i in chosen)
                self._by_set[chosen] = members
            if len(self._by_folded) < 50_000:
                self._by_folded[folded] = members
        if len(self.by_key) < 50_000:
            self.by_key[key] = members
        return members

    def _chosen(self, key: str) -> tuple[int, ...]:
        """Indices of the rules a folded key admits, in order."""
        if self._prefixes is None:
            self._read_rules()
        if not key.isascii():
            return tuple(range(len(self._rules)))  # the folding speaks for ASCII only
        chosen: set[int] = set()
        for length in range(len(key) + 1):
            chosen.update(self._by_prefix.get(key[:length], ()))
        chosen.update(i for i, wild in self._wild if wild.match(key) is not None)
        return tuple(sorted(chosen))

    def _read_rules(self) -> None:
        """The rules' prefixes, read once; `_prefixes` is set last, so that another thread
        never sees the look-up tables half built."""
        all_prefixes = [rule_prefixes(p, self.n) for _, p in self._rules]
        by_prefix: dict[str, list[int]] = {}
        wild_rules: list[tuple[int, re.Pattern[str]]] = []
        for i, prefixes in enumerate(all_prefixes):
            for prefix in prefixes:
                if WORD not in prefix:
                    by_prefix.setdefault(prefix, []).append(i)
            wild = _wild_regex(prefixes)
            if wild is not None:
                wild_rules.append((i, wild))
        self._by_prefix, self._wild = by_prefix, wild_rules
        self._prefixes = all_prefixes

    def _pattern(self, i: int) -> re.Pattern[str]:
        pattern = self._single[i]
        if pattern is None:
            pattern = self._single[i] = re.compile(without_optional_groups(self._rules[i][1]))
        return pattern
