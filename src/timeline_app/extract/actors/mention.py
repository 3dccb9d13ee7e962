"""What the recogniser hands on: mentions with evidence spans, and the actors they name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from timeline_app.domain.actor import Actor

VIAS = ("name", "alias", "demonym", "capital", "organ", "title", "surname", "role", "discovered",
        "description")


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str  # actor id
    span: tuple[int, int]  # text[span[0]:span[1]] == text
    text: str
    via: str  # one of VIAS
    head: bool = True  # False when only a modifier ("Russian" in "Russian citizens")


_NEW = object.__new__
_SET_ACTOR, _SET_SPAN, _SET_TEXT, _SET_VIA, _SET_HEAD = (
    ActorMention.__dict__[name].__set__ for name in ("actor", "span", "text", "via", "head")
)


def make_mention(
    actor: str, span: tuple[int, int], text: str, via: str, head: bool
) -> ActorMention:
    """ActorMention(actor, span, text, via, head), built in half the time.

    A frozen dataclass's __init__ assigns each field through object.__setattr__; the slot
    descriptors set the same fields directly. The recogniser makes dozens per article, and the
    result is the same object (equality, hash, repr): only valid arguments reach it.
    """
    mention = _NEW(ActorMention)
    _SET_ACTOR(mention, actor)
    _SET_SPAN(mention, span)
    _SET_TEXT(mention, text)
    _SET_VIA(mention, via)
    _SET_HEAD(mention, head)
    return mention


@dataclass(frozen=True)
class ActorFindings:
    mentions: tuple[ActorMention, ...]
    # Every actor mentioned (and their parents), people discovered in this text included, each
    # with the surface forms this text used added to its aliases.
    actors: Mapping[str, Actor]
