"""The relation pattern lexicon (resources/lexicons/relations.toml), loaded and compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline_app.extract.regex_prefixes import has_top_level_branch
from timeline_app.extract.trigger_index import trigger_prefixes
from timeline_app.paths import lexicons_dir

SOURCE_MODES = ("subject", "speaker")
TARGET_MODES = ("after", "before", "either", "near", "none")
_KEYS = {
    "type", "polarity", "triggers", "source", "target", "preps", "requires_target",
    "inherit_target", "negated", "summary", "nominal", "symmetric", "reverse",
    "locative", "object_until", "adjacent_preps", "within_others", "owner_inside",
}


class PatternError(ValueError):
    """A relation lexicon entry that cannot be used; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class Pattern:
    type: str
    polarity: float
    regex: re.Pattern[str]
    source: str = "subject"
    target: str = "after"
    preps: tuple[str, ...] = ()
    requires_target: bool = False
    inherit_target: bool = False
    negated: str | None = None
    summary: str = "{source} {type} {target}"
    nominal: frozenset[str] = frozenset()
    symmetric: bool = False
    reverse: bool = False  # the target acts on the source ("thanked X for its support")
    locative: bool = False  # a place the act happens in is acted upon ("strikes in Iran")
    object_until: tuple[str, ...] = ()  # words ending the object ("accused X of ...")
    adjacent_preps: bool = False  # the preposition follows the trigger directly ("ally of X")
    # kept inside a longer trigger of another type: "signed a mutual defence pact with X" is
    # an agreement and an alliance
    within_others: bool = False
    # a party named inside the trigger owns the thing, not the target: "eased a Greek embargo"
    owner_inside: bool = False
    prefixes: frozenset[str] | None = None  # what a trigger can start with (trigger_index.py)


@lru_cache(maxsize=8)
def load_patterns(path: Path | None = None) -> tuple[Pattern, ...]:
    path = path or lexicons_dir() / "relations.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PatternError(f"{path}: cannot read relation patterns: {exc}") from exc
    return tuple(_compile(path, i, entry) for i, entry in enumerate(data.get("pattern", [])))


def _compile(path: Path, index: int, entry: dict) -> Pattern:
    where = f"{path.name}: pattern {index + 1} ({entry.get('type', '?')})"
    unknown = set(entry) - _KEYS
    if unknown:
        raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
    polarity = float(entry.get("polarity", 0.0))
    if not -1.0 <= polarity <= 1.0:
        raise PatternError(f"{where}: polarity {polarity} outside [-1, 1]")
    source = entry.get("source", "subject")
    target = entry.get("target", "after")
    if source not in SOURCE_MODES or target not in TARGET_MODES:
        raise PatternError(f"{where}: source must be one of {SOURCE_MODES}, target {TARGET_MODES}")
    triggers = entry.get("triggers") or []
    if not triggers:
        raise PatternError(f"{where}: no triggers")
    # Longest alternatives first so that "key ally" wins over "ally" at the same position.
    ordered = sorted(triggers, key=len, reverse=True)
    alternation = "|".join(ordered)
    prefixes = trigger_prefixes(alternation)
    try:
        regex = re.compile(_regex_source(ordered, alternation, prefixes), re.IGNORECASE)
    except re.error as exc:
        raise PatternError(f"{where}: bad trigger expression: {exc}") from exc
    return Pattern(
        type=entry["type"],
        polarity=polarity,
        regex=regex,
        source=source,
        target=target,
        preps=tuple(p.lower() for p in entry.get("preps", ())),
        requires_target=bool(entry.get("requires_target", False)),
        inherit_target=bool(entry.get("inherit_target", False)),
        negated=entry.get("negated"),
        summary=entry.get("summary", "{source} {type} {target}"),
        nominal=frozenset(n.lower() for n in entry.get("nominal", ())),
        symmetric=bool(entry.get("symmetric", False)),
        reverse=bool(entry.get("reverse", False)),
        locative=bool(entry.get("locative", False)),
        object_until=tuple(w.lower() for w in entry.get("object_until", ())),
        adjacent_preps=bool(entry.get("adjacent_preps", False)),
        within_others=bool(entry.get("within_others", False)),
        owner_inside=bool(entry.get("owner_inside", False)),
        prefixes=prefixes,
    )


# A hyphen pair opening a trigger: "Iran-Iraq war", "Israel-UAE deal".
_PAIR_OPENING = r"(?-i:[A-Z][\w.]*)[-–]"


def _regex_source(
    triggers: list[str], alternation: str, prefixes: frozenset[str] | None
) -> str:
    r"""The regex of a pattern: its triggers as whole words, the longest alternative first.

    Triggers with no prefixes to index are searched over the whole text (trigger_index.py), and
    a regex opening with a look-behind is tried at every position of it. When every trigger
    opens with a hyphen pair, the same matches are found by a regex opening with the capital
    itself, which the engine skips to at C speed (two to three times faster): the capital's
    word runs to the dash whatever follows ([\w.] holds no dash, so the run can be possessive),
    and `(?<![\w-].)` after the capital is `(?<![\w-])` before it.
    """
    plain = rf"(?<![\w-])(?:{alternation})(?:(?<=\s)|(?![\w-]))"
    if prefixes is not None or not all(
        t.startswith(_PAIR_OPENING) and not has_top_level_branch(t)
        for t in triggers
    ):
        return plain
    rests = "|".join(t[len(_PAIR_OPENING):] for t in triggers)
    return rf"(?-i:[A-Z])(?<![\w-].)(?-i:[\w.]*+)[-–](?:{rests})(?:(?<=\s)|(?![\w-]))"
