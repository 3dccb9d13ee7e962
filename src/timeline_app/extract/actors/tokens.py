"""How text is cut into the capitalised runs and tokens the lexicon is looked up by.

Lexicon phrases and article text go through the same functions, so that "Assad’s" in an
article and "Assad" in a TOML file meet at the same key, and a curly apostrophe never decides
whether a name is found.
"""

from __future__ import annotations

import re

# Arabic article and patronymic particles that start a capitalised name ("al-Assad", "d'Ivoire").
_PREFIX = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)-|d['’])?"
# Deliberately plain character classes: a run regex that starts with one character set lets the
# regex engine skip ahead fast, which matters more here than precision; tokens are cleaned after.
_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'.\-]*"
_CAP = rf"(?:[A-Z]\.){{2,}}|[A-Z]\.(?=[ \t]+[A-Z])|{_PREFIX}[A-ZÀ-ÖØ-Þ](?:\w|[’'\-](?=\w))*"
# Lower-case words allowed inside a name ("Bosnia and Herzegovina", "Osama bin Laden").
_CONNECTOR = (
    r"(?:of|the|and|for|al|el|bin|ibn|bint|abu|de|del|della|di|du|da|dos|das|do|van|von|der|"
    r"den|la|le|y|ben|ould|ag)"
)
# A run of capitalised words in text ("President Bashar al-Assad", "Bosnia and Herzegovina").
RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{_PREFIX}{_WORD})*")
# A run and the lower-case word right after it, if any ("Syrian" + "regime"), in one C call.
# The same as ({RUN})(?:[ \t]+([a-z]+))? but with possessive repeats: what follows each repeat
# can never match what it gave back, so giving back is pointless, and not recording the
# places to give back at makes the scan a third faster (tests compare the two).
_WORD_ONCE = r"[A-ZÀ-ÖØ-Þ][\w’'.\-]*+"
RUN_AND_NEXT = re.compile(
    rf"({_WORD_ONCE}(?:[ \t]++(?:{_CONNECTOR}[ \t]++)*+{_PREFIX}{_WORD_ONCE})*+)"
    r"(?:[ \t]++([a-z]++))?"
)
# The same, strict, for checking lexicon phrases.
STRICT_RUN = re.compile(rf"(?:{_CAP})(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*(?:{_CAP}))*")
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=[ \t]+[A-Z])|\w(?:\w|[’'\-](?=\w))*")
CONNECTORS = frozenset(_CONNECTOR[3:-1].split("|"))
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
