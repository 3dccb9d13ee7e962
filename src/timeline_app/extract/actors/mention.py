"""What the recogniser hands on: mentions with evidence spans, and the actors they name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from timeline_app.domain.actor import Actor

VIAS = ("name", "alias", "demonym", "capital", "organ", "title", "surname", "role", "discovered",
        "description", "place")


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str  # actor id
    span: tuple[int, int]  # text[span[0]:span[1]] == text
    text: str
    via: str  # one of VIAS
    head: bool = True  # False when only a modifier ("Russian" in "Russian citizens")


class Draft:
    """A mention while the recogniser still edits it: the slots of an ActorMention, not frozen.

    The recogniser turns each draft into an ActorMention in place, setting its text and then
    its class, which Python allows between classes with the same slots. An ActorMention built
    through its frozen __init__ costs six times a plain object's construction, and the
    recogniser makes dozens per article; the frozen object it ends up with is the same
    (equality, hash, repr, pickling, and no attribute can be set any more).
    """

    __slots__ = ActorMention.__slots__
    text: str  # set when the draft becomes an ActorMention

    def __init__(self, actor: str, span: tuple[int, int], via: str, head: bool) -> None:
        self.actor = actor
        self.span = span
        self.via = via
        self.head = head


@dataclass(frozen=True)
class ActorFindings:
    mentions: tuple[ActorMention, ...]
    # Every actor mentioned (and their parents), people discovered in this text included, each
    # with the surface forms this text used added to its aliases.
    actors: Mapping[str, Actor]
