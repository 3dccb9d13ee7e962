"""Actors: states, governments, people, organisations and armed groups."""

from __future__ import annotations

from dataclasses import dataclass

STATE = "state"
GOVERNMENT = "government"
PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"  # armed groups, movements, rebels
OTHER = "other"

ACTOR_KINDS = (STATE, GOVERNMENT, PERSON, ORGANISATION, GROUP, OTHER)


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor, whatever it is called; `parent` links a person or organ to its state."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
