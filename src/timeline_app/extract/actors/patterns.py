"""Regular expressions built once per lexicon from its title and organ words.

Kept apart from the recogniser so the word lists stay data (titles.toml) while the patterns
that use them are compiled once and cached per lexicon.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline_app.extract.actors.lexicon import ActorLexicon
from timeline_app.extract.actors.tokens import alternation as _alternation


@dataclass(frozen=True)
class Patterns:
    organ: re.Pattern[str]  # right after a state: "'s Foreign Ministry", " regime"
    person_organ: re.Pattern[str]  # right after a person: " regime", " administration"
    role_after: re.Pattern[str]  # right after a state/org: " foreign minister", "'s president"
    role_before: re.Pattern[str]  # the window before a state: "the president of (the) "
    name_after: re.Pattern[str]  # a capitalised word right after a title
    apposition: re.Pattern[str]  # after a name: ", Russia's deputy foreign minister"
    # before a name, searched up to it: "Haiti's new prime minister, " (Garry Conille)
    title_before: re.Pattern[str]
    bare_organ: re.Pattern[str]  # "the embassy", "the Foreign Ministry"
    # "His foreign ministry", "its troops": group 1 the possessive, group 2 the organ
    possessive_organ: re.Pattern[str]
    # "(t)he junta", "(t)he regional bloc", "(t)he Iran-backed militia": group 1 is the noun
    description: re.Pattern[str]
    # "the foreign secretary said": an office named without its holder; group 1 the title
    bare_title: re.Pattern[str]


# Offices that one person holds at a time in a story, so that "the foreign secretary" is the
# one named with that office before ("leader" and "envoy" are said of many at once).
BARE_TITLES = frozenset({
    "president", "vice president", "prime minister", "foreign minister", "defense minister",
    "secretary-general", "supreme leader", "king", "emir", "crown prince", "chancellor",
    "high representative",
})


@functools.lru_cache(maxsize=16)
def patterns_for(lexicon: ActorLexicon) -> Patterns:
    """Compiled once per lexicon (lexicons hash by identity)."""
    titles = lexicon.titles
    organs = _alternation(titles.organs)
    roles = _alternation(titles.synonyms)
    long_heads = _alternation(h for h in titles.heads if not h.endswith(".") and len(h) > 2)
    nouns = _alternation([*titles.descriptions, *lexicon.described])
    modifiers = _alternation(titles.description_modifiers)
    return Patterns(
        organ=re.compile(rf"(?:['’]s)?[ \t]+({organs})\b(?![ \t]+of\b)", re.I),
        person_organ=re.compile(
            rf"(?:['’]s)?[ \t]+({_alternation(titles.person_organs)})\b", re.I
        ),
        role_after=re.compile(rf"(?:['’]s)?[ \t]+({roles})\b(?![ \t]+of\b|-)", re.I),
        role_before=re.compile(rf"\b({roles})[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I),
        name_after=re.compile(r"[ \t]+(?:[A-Z]\.[ \t]*)?[A-ZÀ-ÖØ-Þ][a-zà-ÿ]"),
        apposition=re.compile(
            rf",[ \t]+(?:(?:a|an|the|his|her|its|their)[ \t]+|[A-Z][\w’'.-]*[ \t]+)"
            rf"(?:[\w’'.-]+[ \t]+){{0,4}}?(?i:{long_heads})\b"
        ),
        title_before=re.compile(
            rf"(?:\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he)|[A-Z][\w.-]*['’]s)[ \t]+"
            rf"(?:[\w’'.-]+[ \t]+){{0,4}}?(?i:{long_heads}|counterpart)"
            rf"(?:[ \t]+(?:to|of|for)[ \t]+(?:the[ \t]+)?"
            rf"[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){{0,3}})?"
            rf",[ \t]+$"
        ),
        bare_organ=re.compile(
            rf"he[ \t]+(?i:({_alternation(titles.bare_organs)}))\b(?![ \t]+of\b)"
        ),
        possessive_organ=re.compile(
            rf"\b([Hh]is|[Hh]er|[Ii]ts|[Tt]heir)[ \t]+(?i:({organs}))\b(?![ \t]+of\b|['’])"
        ),
        # Opens with "he" like bare_organ (a literal is found fast; the caller checks the "t").
        # Not before "of" ("the group of experts"), a possessive ("the government's critics"),
        # a hyphen ("the army-backed") or a name ("the militant group Hamas": named already).
        bare_title=re.compile(
            # (from "he": _free_definites wants the "t" of "the" before the match)
            rf"he[ \t]+({_alternation(t for t, c in titles.synonyms.items() if c in BARE_TITLES)})"
            r"\b(?![ \t]+of\b|['’]s\b|-|[ \t]+(?-i:[A-Z]))", re.I),
        description=re.compile(
            rf"he[ \t]+(?:(?:(?i:{modifiers})|\d+-(?:nation|member|country|state)|"
            rf"[A-Z][\w.]*-(?:backed|led|allied|aligned|based))[ \t]+){{0,2}}"
            # ("the group of experts": no; "accused the paramilitaries of occupying": yes)
            rf"({nouns})\b(?![ \t]+of\b(?![ \t]+[a-z]+ing\b)|['’]s\b|-|[ \t]+[A-Z]"
            # (a noun used as an adjective: "the military officers who toppled Bazoum")
            rf"|[ \t]+(?:officers|officials|leaders|commanders|chiefs|personnel|rulers|"
            rf"spokes(?:man|woman|person)|sources|analysts|experts|operations?|campaign|"
            rf"intervention|exercises|drills|bases?|aid|assistance|equipment|hardware|"
            rf"vehicles|aircraft|ties|cooperation|takeover|coup)\b)"
        ),
    )

