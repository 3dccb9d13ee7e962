"""Whom a pronoun in news prose stands for, decided conservatively.

"He"/"she" is the last person named nearby, never across a speaker we do not know; "it"/"they"
before a verb is the state, body or group that opens its sentence or the one before; "them" a
group of the same sentence. A wrong antecedent makes a wrong event, so each rule answers
nothing when unsure and the caller falls back to the actors named in the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

from timeline_app.domain import PERSON, Actor
from timeline_app.domain.actor import GOVERNMENT, GROUP, ORGANISATION, STATE
from timeline_app.extract.parties import (
    MentionLike,
    Party,
    Roles,
    can_be_subject,
    is_prep_object,
    opens_clause,
)
from timeline_app.extract.sentences import Sentence

# "it" stands for a state or a body ("Four days later it imposed sanctions on Iraq"), "they"
# for an armed group ("In January 2022 they extended their attacks").
PRONOUN_KINDS = {
    "he": (PERSON,), "she": (PERSON,), "it": (STATE, GOVERNMENT, ORGANISATION), "they": (GROUP,),
}

# How far back (in characters) "he" or "she" may find the person it stands for: news names a
# speaker again within a few sentences; beyond that the pronoun is someone we do not know.
PRONOUN_REACH = 800
CLAUSE_SUBJECT_PRONOUNS = ("it", "they")
OPENING_WORDS = 4  # a pronoun this near its sentence's start is the sentence's subject
# A verb in the present or progressive after the pronoun: "it openly backs", "they were tearing".
_PRESENT_AFTER = re.compile(
    r"[ \t]+(?:(?:has|have|had|was|were|is|are|will|would|also|since)[ \t]+){0,2}"
    r"(?:[a-z]+ly[ \t]+)?(?:[a-z]{2,}ing|[a-z]{3,}ed|(?!is\b|was\b|has\b|does\b)[a-z]{3,}s)\b"
)
# (Concessive clauses keep the sentence's subject: "Iran denies arming them, though it backs
# them"; after a time or a cause "it" may be the nearer actor.)
_SUBORDINATE_WORDS = frozenset("after before when because since until if as once".split())
_SUBJECT_REACH = 60  # how far into its sentence an antecedent subject may start


def clause_subject(
    text: str, after: int, number: int, sentences: Sequence[Sentence],
    mentions: Sequence[MentionLike], mention_starts: list[int], actors: Mapping[str, Actor],
    kinds: tuple[str, ...], roles: Roles, told: dict[int, str] | None = None,
) -> str | None:
    """What "it" or "they" before a finite verb stands for: the subject that opens its own
    sentence ("Iran said ..., which it would review") or the previous one ("The Security Council
    condemned the invasion. Four days later it imposed sanctions"), if that subject is a state,
    a body or a group. "It is", "it's unlikely" and an "it" after a company (a subject we do
    not know) stand for no actor.
    """
    if not opens_clause(text, after) and not _PRESENT_AFTER.match(text, after):
        return None
    before = text[max(0, after - 20):after].split()
    if len(before) > 1 and before[-2].lower() in _SUBORDINATE_WORDS:
        return None  # "expelled the UN staff after it criticised ...": the nearer one, maybe
    for k in (number, number - 1):
        if k < 0:
            return None
        s_start, s_end = sentences[k].span
        limit = min(s_end, after)
        i = bisect.bisect_left(mention_starts, s_start)
        first = next((m for m in mentions[i:] if m.span[0] < limit and m.head), None)
        if first is None or first.span[0] >= limit:
            if k == number:
                continue  # nothing named before the pronoun: the previous sentence's subject
            return told.get(k) if told else None  # "They announced ... They also accused"
        opening = text[s_start:first.span[0]]
        if len(opening) > _SUBJECT_REACH or ("," in opening and k == number):
            return told.get(k) if told and k < number else None
        actor = actors.get(first.actor)
        plural = text[first.span[1] - 1] == "s" and actor is not None and actor.kind != PERSON
        if actor is None or not (actor.kind in kinds or (text[after - 4:after].lower() == "they"
                                                           and plural)) or not can_be_subject(
            text, *first.span, roles
        ):
            return None  # ("They" after "The new rulers" is the state they rule)
        return actor.id
    return None

# Someone who speaks by name: "Gonzalez said", "Gregory Craig told reporters".
_NAMED_SPEAKER = re.compile(
    r"((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)\s+(?:said|says|told|added|wrote|insisted)\b"
)


def unknown_speaker(
    text: str, sentence_start: int, position: int, mentions: Sequence[MentionLike],
    mention_starts: list[int],
) -> int:
    """Where a speaker we do not know is named before `position` in its sentence, or -1.

    A pronoun after "Gonzalez said" stands for Gonzalez, not for an actor named earlier. A lone
    capitalised word opening the sentence may be a common noun ("Officials said"): not counted.
    """
    last = None
    for match in _NAMED_SPEAKER.finditer(text, sentence_start, position):
        last = match
    if last is None:
        return -1
    start, end = last.span(1)
    if " " not in last.group(1) and not text[sentence_start:start].strip():
        return -1  # a single word opening the sentence
    i = bisect.bisect_left(mention_starts, start)
    if i > 0 and mentions[i - 1].span[1] > start:
        return -1
    if i < len(mentions) and mentions[i].span[0] < end:
        return -1  # a known actor speaks
    return start


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}$")


def group_before(
    text: str, trigger: tuple[int, int], mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor], exclude: set[str],
) -> Party | None:
    """The armed group (or other plural name) named last before the trigger in its sentence:
    whom "them" stands for when its sentence names one ("arming the Houthis ... backs them")."""
    found = None
    for mention in mentions:
        if mention.span[1] > trigger[0]:
            break
        actor = actors.get(mention.actor)
        if actor is not None and mention.actor not in exclude and actor.kind != PERSON and (
            actor.kind == GROUP or text[mention.span[1] - 1] == "s"  # a plural name
        ):
            found = Party(mention.actor, mention.span)
    return found


def person_before(
    text: str, trigger: tuple[int, int], mentions: Sequence[MentionLike],
    actors: Mapping[str, Actor], exclude: set[str], person: bool = True,
) -> Party | None:
    """The last person (or, with `person` false, the last other actor) named before the
    trigger in its sentence, other than the source: whom an object pronoun ("urged him",
    "accused it of") stands for."""
    found = None
    for mention in mentions:
        if mention.span[1] > trigger[0]:
            break
        actor = actors.get(mention.actor)
        if actor is None or (actor.kind == PERSON) != person or mention.actor in exclude:
            continue
        if not person and is_prep_object(text, mention.span[0]):
            continue  # "turned to Russia ..., and governments accuse it": not Russia
        if _OF_BEFORE.search(text, max(0, mention.span[0] - 12), mention.span[0]) and not (
            text.startswith(("'s", "’s"), mention.span[1])  # "one of Maduro's critics"
        ):
            found = None  # "the father ... permitted by the dictatorship of Castro": a possessor
            continue
        found = Party(mention.actor, mention.span)
    return found


# "condemned the arrest of activist X": X suffered the act; whoever did it is not named.
