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


@dataclass(frozen=True)
class ActorFindings:
    mentions: tuple[ActorMention, ...]
    # Every actor mentioned (and their parents), people discovered in this text included, each
    # with the surface forms this text used added to its aliases.
    actors: Mapping[str, Actor]
