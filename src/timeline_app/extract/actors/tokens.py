"""How text is cut into the capitalised runs and tokens the lexicon is looked up by.

Lexicon phrases and article text go through the same functions, so that "Assad’s" in an
article and "Assad" in a TOML file meet at the same key, and a curly apostrophe never decides
whether a name is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[object]) -> str:
    """A regex matching any of the phrases, longest first, written as a trie.

    The same matches as the plain alternation of the phrases sorted longest first (the
    phrases that can match at one place are each other's prefixes, and a greedy optional
    branch tries the longer one first too), but the regex engine tries one branch per
    character instead of every phrase in turn: these patterns run at every "the " and after
    every name. Spaces inside a phrase match any run of spaces or tabs.
    """
    words = {str(p) for p in phrases}
    if not words:
        return "(?!)"
    if not all(w.isascii() for w in words):
        # Case-insensitive matching folds some non-ASCII letters together: no trie then.
        return "|".join(
            r"[ \t]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)
        )
    trie: dict[str, dict] = {}
    for word in sorted(words):  # a fixed pattern from run to run
        node = trie
        for unit in _units(word):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _units(word: str) -> list[str]:
    units: list[str] = []
    for number, part in enumerate(word.split()):
        if number:
            units.append(r"[ \t]+")
        units.extend(re.escape(ch) for ch in part)
    return units


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [unit + _trie_pattern(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


# Arabic article and patronymic particles that start a capitalised name ("al-Assad", "d'Ivoire").
_ARTICLES = "al|el|ad|ar|as|ash|at|az|an|ul|ud"
_PREFIX = rf"(?:(?:{_ARTICLES})-|d['’])?"
# Deliberately plain character classes: a run regex that starts with one character set lets the
# regex engine skip ahead fast, which matters more here than precision; tokens are cleaned after.
_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'.\-]*"
_CAP = rf"(?:[A-Z]\.){{2,}}|[A-Z]\.(?=[ \t]+[A-Z])|{_PREFIX}[A-ZÀ-ÖØ-Þ](?:\w|[’'\-](?=\w))*"
# Lower-case words allowed inside a name ("Bosnia and Herzegovina", "Osama bin Laden").
_CONNECTOR_WORDS = (
    "of|the|and|for|al|el|bin|ibn|bint|abu|de|del|della|di|du|da|dos|das|do|van|von|der|"
    "den|la|le|y|ben|ould|ag"
)
_CONNECTOR = f"(?:{_CONNECTOR_WORDS})"
# A run of capitalised words in text ("President Bashar al-Assad", "Bosnia and Herzegovina").
RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{_PREFIX}{_WORD})*")
# A run and the lower-case word right after it, if any ("Syrian" + "regime"), in one C call.
# The same as ({RUN})(?:[ \t]+([a-z]+))? but with possessive repeats: what follows each repeat
# can never match what it gave back, so giving back is pointless, and not recording the
# places to give back at makes the scan a third faster (tests compare the two).
# Its alternations are tries, tried at every space after a capitalised word.
_WORD_ONCE = r"[A-ZÀ-ÖØ-Þ][\w’'.\-]*+"
_PREFIX_TRIE = rf"(?:(?:{alternation(_ARTICLES.split('|'))})-|d['’])?"
_CONNECTOR_TRIE = f"(?:{alternation(_CONNECTOR_WORDS.split('|'))})"
RUN_AND_NEXT = re.compile(
    rf"({_WORD_ONCE}(?:[ \t]++(?:{_CONNECTOR_TRIE}[ \t]++)*+{_PREFIX_TRIE}{_WORD_ONCE})*+)"
    r"(?:[ \t]++([a-z]++))?"
)
# The same, strict, for checking lexicon phrases.
STRICT_RUN = re.compile(rf"(?:{_CAP})(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*(?:{_CAP}))*")
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=[ \t]+[A-Z])|\w(?:\w|[’'\-](?=\w))*")
CONNECTORS = frozenset(_CONNECTOR_WORDS.split("|"))
# Lower-case particles that may open a name ("de Mistura", "von der Leyen", "bin Laden").
_LEAD = r"(?:de|del|della|di|du|da|dos|von|van|der|den|bin|ibn|ben|le|la)"
LEAD_WORDS = tuple(_LEAD[3:-1].split("|"))
LEADING_PARTICLES = re.compile(rf"(?<![\w’'\-])(?:{_LEAD}[ \t]+)+$")
_PHRASE_START = re.compile(rf"(?:{_LEAD}[ \t]+)*(?:{_CAP})")


def starts_like_name(phrase: str) -> bool:
    """Whether the recogniser can find this lexicon phrase: capitalised, or particle first."""
    return bool(_PHRASE_START.match(phrase))


def norm_token(token: str) -> str:
    """The lookup form of one token: straight apostrophe, no possessive ending."""
    if "’" in token:
        token = token.replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    return token


def ends_possessive(token: str) -> bool:
    return token.endswith(("'s", "’s"))


def phrase_key(phrase: str) -> str:
    """The lookup key of a lexicon phrase ("Bashar al-Assad" -> "Bashar al-Assad")."""
    return " ".join(norm_token(t) for t in TOKEN.findall(phrase))


def clean_token(token: str) -> str:
    """A run token without trailing punctuation ("Syria." -> "Syria"; "U.S." stays)."""
    while token and token[-1] in ".’'-":
        if token[-1] == "." and ABBREVIATION.fullmatch(token):
            break
        token = token[:-1]
    return token
