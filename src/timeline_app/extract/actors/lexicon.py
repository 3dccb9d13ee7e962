"""Actor lexicons: TOML files checked on load and turned into look-up tables.

The TOML files are data an analyst edits, so every mistake must come back as one sentence that
names the file and the entry, never as a KeyError deep in the recogniser. Files:

- any number of `*.toml` files with `[[actor]]` tables (states, people, organisations, groups);
  a top-level `kind = "state"` sets the default kind of the file's entries;
- `titles.toml` (tables `[titles]`, `[organs]`, `[names]`, `[descriptions]`): words about
  offices, organs and the definite descriptions ("the junta", "the bloc") that stand for actors;
- top-level `not_actors = [...]`: capitalised phrases that look like an actor but are not one
  ("Latin America", "Washington Post"), so the longer phrase blocks the shorter match;
- a top-level `[places]` table (`ukraine = ["Kharkiv", "Odesa"]`): cities and regions that lie
  in a state but do not speak for it. "Missiles struck Kharkiv" is an act against Ukraine, while
  "Kharkiv said" means nobody: a place can be the party acted upon, never the one acting.

Override files (`extra`) may add actors or extend/override existing ones by id: scalar keys
replace, list keys (aliases, demonyms, capitals, organs, roles, leader) extend.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from timeline_app.domain.actor import ACTOR_KINDS, PERSON, STATE, Actor
from timeline_app.extract.actors.tokens import (
    STRICT_RUN,
    TOKEN,
    alternation,
    norm_token,
    phrase_key,
    starts_like_name,
)

_ENTRY_KEYS = frozenset((
    "id", "name", "kind", "aliases", "demonyms", "capitals", "organs", "parent", "roles",
    "leader", "surname", "surname_alias", "un_member", "weak", "described",
))
_LIST_KEYS = ("aliases", "demonyms", "capitals", "organs", "roles", "leader", "weak", "described")
_ROLE_KEYS = frozenset({"title", "of", "from", "to"})
_FILE_KEYS = frozenset(
    {"kind", "actor", "not_actors", "titles", "organs", "names", "descriptions", "places"}
)
_TABLES = ("titles", "organs", "names", "descriptions")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DEFAULT_LEADER = ("president", "prime minister", "king", "emir", "sultan", "supreme leader")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Role:
    title: str  # lower-case canonical title ("foreign minister")
    of: str  # state or organisation id
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a capitalised phrase may refer to; several candidates when a surname is shared."""

    actors: tuple[str, ...]
    via: str  # name | alias | demonym | capital | organ | block
    plural: bool = False  # "Russians" (a head noun) rather than "Russian" (a modifier)
    # The actor itself when there is only one candidate, so the recogniser need not look it up.
    actor: Actor | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TitleWords:
    heads: frozenset[str]
    by_last_word: Mapping[str, tuple[str, ...]]  # "minister" -> ("prime minister", "minister")
    words: frozenset[str]  # every word of heads and modifiers
    synonyms: Mapping[str, str]  # surface title -> canonical title
    leader_words: frozenset[str]
    organs: tuple[str, ...]
    person_organs: tuple[str, ...]
    bare_organs: tuple[str, ...]
    stop_names: frozenset[str]
    role_last_words: frozenset[str]  # last words of role titles ("president" in "... of X")
    after_words: frozenset[str]  # first words of organs and titles: worth a regex after a name
    # "the junta" -> "state", "the paramilitaries" -> "group": the kind of actor such a
    # description stands for (nouns of particular organisations are the actors' `described`).
    descriptions: Mapping[str, str] = field(default_factory=dict)
    description_modifiers: tuple[str, ...] = ()  # "regional" in "the regional bloc"


@dataclass(frozen=True, eq=False)
class ActorLexicon:
    """Immutable after load; cheap to share between threads.

    The look-up tables the recogniser reads on every word (phrases, tails, max_len, plain) are
    plain dicts for speed; nothing writes to them after load, and callers must not either.
    """

    actors: Mapping[str, Actor]
    roles: Mapping[str, tuple[Role, ...]]  # person id -> offices held
    leaders: Mapping[str, tuple[str, ...]]  # state/org id -> titles of its leader, in order
    un_members: frozenset[str]
    demonyms: Mapping[str, tuple[str, ...]]  # state id -> "Syrian", "Syrians"
    weak: frozenset[str]  # phrase keys dropped when a capitalised word follows ("Chad Smith")
    phrases: Mapping[str, Phrase]
    tails: Mapping[str, tuple[re.Pattern[str], Mapping[str, Phrase]]]
    person_keys: frozenset[str]  # phrase keys that name a person
    surnames: Mapping[str, str]  # person id -> surname, for "Ban said" after "Ban Ki-moon"
    # one-word keys of one non-person actor, not weak -> (actor, via, is a modifier demonym)
    plain: Mapping[str, tuple[str, str, bool]]
    max_len: Mapping[str, int]  # first token -> longest phrase (in tokens) starting with it
    holders: Mapping[tuple[str, str], tuple[tuple[Role, str], ...]]  # (of, title) -> holders
    titles: TitleWords
    files: tuple[Path, ...] = field(default=())
    # A cache, not data: capitalised words found to mean nothing on their own ("The",
    # "Tuesday"), so the recogniser skips them at once next time. Adding is thread-safe.
    noise: set[str] = field(default_factory=set, repr=False)
    gaps: dict[str, bool] = field(default_factory=dict, repr=False)  # same, for title gaps
    # Same: run text -> what its words can mean before context is read (plans.Piece tuples).
    plans: dict[str, tuple[Any, ...]] = field(default_factory=dict, repr=False)
    # "bloc" -> ("ecowas", "european-union", ...): organisations a definite description may
    # stand for ("the bloc", "the alliance"), from each entry's `described` list.
    described: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Same: (actor id, surface forms a text used) -> the actor with those forms in its aliases.
    variants: dict[tuple[str, ...], Actor] = field(default_factory=dict, repr=False)

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def holder(self, of: str, title: str, on: date | None) -> str | None:
        """The person holding `title` of `of` on the day (None when unknown or undated)."""
        if on is None:
            return None
        best: tuple[Role, str] | None = None
        for role, person in self.holders.get((of, title), ()):
            if role.covers(on) and (best is None or _after(role.start, best[0].start)):
                best = (role, person)
        return best[1] if best else None

    def in_office(self, person: str, on: date) -> bool:
        return any(role.covers(on) for role in self.roles.get(person, ()))

    def long_before_office(self, person: str, on: date) -> bool:
        """Whether `on` lies more than five years before the person's first known office:
        a bare surname then names someone else ("Harris" in a 1989 story)."""
        starts = [role.start for role in self.roles.get(person, ()) if role.start is not None]
        return bool(starts) and (min(starts) - on).days > 5 * 365


def _after(a: date | None, b: date | None) -> bool:
    return b is None or (a is not None and a > b)


def default_directory() -> Path:
    from timeline_app.paths import lexicons_dir

    return lexicons_dir() / "actors"


@functools.lru_cache(maxsize=8)
def _load_cached(directory: Path, extra: tuple[Path, ...]) -> ActorLexicon:
    return build_lexicon(_directory_files(directory), extra)


def clear_lexicon_cache() -> None:
    """Forget cached lexicons, so that edited TOML files are read again on the next load."""
    _load_cached.cache_clear()


def load_actor_lexicon(directory: Path | None = None, extra: Sequence[Path] = ()) -> ActorLexicon:
    """The lexicon from `directory` (default: the app's own) plus override files, cached."""
    directory = Path(directory) if directory is not None else default_directory()
    return _load_cached(directory.resolve(), tuple(Path(p).resolve() for p in extra))


def _directory_files(directory: Path) -> tuple[Path, ...]:
    if not directory.is_dir():
        raise LexiconError(f"{directory}: actor lexicon folder not found")
    return tuple(sorted(directory.glob("*.toml")))


def build_lexicon(base: Iterable[Path], extra: Iterable[Path] = ()) -> ActorLexicon:
    entries: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    blocks: list[str] = []
    title_tables: dict[str, Any] = {}
    places: dict[str, list[str]] = {}
    place_origin: dict[str, Path] = {}
    files: list[Path] = []
    for is_extra, path in [(False, p) for p in base] + [(True, p) for p in extra]:
        files.append(path)
        data = _read_toml(path)
        unknown = set(data) - _FILE_KEYS
        if unknown:
            raise LexiconError(f"{path.name}: unknown top-level key(s) {sorted(unknown)}")
        default_kind = data.get("kind", "other")
        if default_kind not in ACTOR_KINDS:
            raise LexiconError(f"{path.name}: kind {default_kind!r} is not one of {ACTOR_KINDS}")
        for key in _TABLES:
            for sub, value in data.get(key, {}).items():
                title_tables.setdefault(key, {})
                old = title_tables[key].get(sub)
                if isinstance(old, list) and isinstance(value, list):
                    title_tables[key][sub] = old + value
                elif isinstance(old, dict) and isinstance(value, dict):
                    title_tables[key][sub] = {**old, **value}
                else:
                    title_tables[key][sub] = value
        blocks.extend(_strings(data.get("not_actors", []), path, "not_actors"))
        table = data.get("places", {})
        if not isinstance(table, dict):
            raise LexiconError(f"{path.name}: 'places' must be a table of state id = [names]")
        for state_id, names in table.items():
            names = [n.strip() for n in _strings(names, path, f"places.{state_id}")]
            for name in names:
                if not starts_like_name(name):
                    raise LexiconError(
                        f"{path.name}: places.{state_id} entry {name!r} must start with a "
                        "capital letter"
                    )
            places.setdefault(state_id, []).extend(names)
            place_origin.setdefault(state_id, path)
        raw = data.get("actor", [])
        if not isinstance(raw, list):
            raise LexiconError(f"{path.name}: 'actor' must be an array of tables ([[actor]])")
        for number, item in enumerate(raw, 1):
            entry = _check_entry(item, path, number, default_kind)
            actor_id = entry["id"]
            if actor_id in entries and not is_extra:
                raise LexiconError(
                    f"{path.name}: duplicate actor id {actor_id!r} (entry #{number}; "
                    f"first defined in {origin[actor_id].name})"
                )
            if actor_id in entries:
                entries[actor_id] = _merge(entries[actor_id], entry, item)
            else:
                entries[actor_id] = entry
                origin[actor_id] = path
    for actor_id, entry in entries.items():
        parent = entry.get("parent")
        if parent is not None and parent not in entries:
            raise LexiconError(
                f"{origin[actor_id].name}: actor {actor_id!r} has parent {parent!r}, "
                "which is not in any lexicon file"
            )
        for role in entry.get("roles", []):
            if role.of not in entries:
                raise LexiconError(
                    f"{origin[actor_id].name}: actor {actor_id!r} has a role of {role.of!r}, "
                    "which is not in any lexicon file"
                )
    for state_id, path in place_origin.items():
        if state_id not in entries:
            raise LexiconError(
                f"{path.name}: places.{state_id}: no actor has the id {state_id!r}"
            )
    return _index(entries, blocks, _title_words(title_tables), tuple(files), places)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{path.name}: not valid TOML: {error}") from None
    except OSError as error:
        raise LexiconError(f"{path}: cannot be read: {error.strerror or error}") from None


def _strings(value: Any, path: Path, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{path.name}: {where} must be a list of non-empty strings")
    return list(value)


def _check_entry(item: Any, path: Path, number: int, default_kind: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise LexiconError(f"{path.name}: entry #{number} is not a table")
    label = f"{path.name}: entry #{number} ({item.get('id', 'no id')!r})"
    unknown = set(item) - _ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{label}: unknown key(s) {sorted(unknown)}")
    actor_id = item.get("id")
    if not isinstance(actor_id, str) or not _ID.match(actor_id):
        raise LexiconError(f"{label}: 'id' must be a lower-case slug like 'united-nations'")
    entry: dict[str, Any] = {"id": actor_id}
    if "name" in item:
        if not isinstance(item["name"], str) or not item["name"].strip():
            raise LexiconError(f"{label}: 'name' must be a non-empty string")
        entry["name"] = item["name"].strip()
    kind = item.get("kind", default_kind)
    if kind not in ACTOR_KINDS:
        raise LexiconError(f"{label}: kind {kind!r} is not one of {ACTOR_KINDS}")
    entry["kind"] = kind
    for key in ("aliases", "demonyms", "capitals", "organs", "leader", "weak"):
        if key in item:
            entry[key] = [s.strip() for s in _strings(item[key], path, f"{label} {key}")]
    for key in ("aliases", "demonyms", "capitals", "organs", "weak"):
        for phrase in entry.get(key, []):
            if not starts_like_name(phrase):
                raise LexiconError(
                    f"{label}: {key} entry {phrase!r} must start with a capital letter"
                )
    if "described" in item:
        entry["described"] = [
            s.strip().lower() for s in _strings(item["described"], path, f"{label} described")
        ]
    if "name" in entry and not starts_like_name(entry["name"]):
        raise LexiconError(f"{label}: name {entry['name']!r} must start with a capital letter")
    if "parent" in item:
        if not isinstance(item["parent"], str):
            raise LexiconError(f"{label}: 'parent' must be an actor id")
        entry["parent"] = item["parent"]
    if "surname" in item:
        if not isinstance(item["surname"], str) or not starts_like_name(item["surname"]):
            raise LexiconError(f"{label}: 'surname' must be a capitalised string")
        entry["surname"] = item["surname"]
    if "surname_alias" in item:
        if not isinstance(item["surname_alias"], bool):
            raise LexiconError(f"{label}: 'surname_alias' must be true or false")
        entry["surname_alias"] = item["surname_alias"]
    if "un_member" in item:
        if not isinstance(item["un_member"], bool):
            raise LexiconError(f"{label}: 'un_member' must be true or false")
        entry["un_member"] = item["un_member"]
    if "roles" in item:
        if not isinstance(item["roles"], list):
            raise LexiconError(f"{label}: 'roles' must be a list of tables")
        entry["roles"] = [_check_role(r, label) for r in item["roles"]]
    return entry


def _check_role(raw: Any, label: str) -> Role:
    if not isinstance(raw, dict):
        raise LexiconError(f"{label}: each role must be a table like {{title=..., of=...}}")
    unknown = set(raw) - _ROLE_KEYS
    if unknown:
        raise LexiconError(f"{label}: role has unknown key(s) {sorted(unknown)}")
    title, of = raw.get("title"), raw.get("of")
    if not isinstance(title, str) or not isinstance(of, str):
        raise LexiconError(f"{label}: a role needs 'title' and 'of' strings")
    return Role(title.strip().lower(), of, _day(raw.get("from"), label, False),
                _day(raw.get("to"), label, True))


def _day(value: Any, label: str, end: bool) -> date | None:
    """A TOML date, or a year (whole year) for offices whose exact day nobody recorded."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return date(value, 12, 31) if end else date(value, 1, 1)
    raise LexiconError(f"{label}: role dates must be dates (2000-07-17) or years, not {value!r}")


def _merge(old: dict[str, Any], new: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    merged = dict(old)
    for key, value in new.items():
        if key == "kind" and "kind" not in given:
            continue
        if key in _LIST_KEYS:
            merged[key] = list(dict.fromkeys([*old.get(key, []), *value]))
        else:
            merged[key] = value
    return merged


def _title_words(tables: dict[str, Any]) -> TitleWords:
    titles = tables.get("titles", {})
    organs = tables.get("organs", {})
    names = tables.get("names", {})
    descriptions = tables.get("descriptions", {})
    heads = frozenset(h.lower() for h in titles.get("heads", []))
    words = {w for phrase in heads for w in phrase.split()}
    words.update(m.lower() for m in titles.get("modifiers", []))
    synonyms: dict[str, str] = {}
    for canonical, surfaces in titles.get("synonyms", {}).items():
        for surface in [canonical, *surfaces]:
            synonyms[surface.lower()] = canonical.lower()
    leader_words = frozenset(s for s, c in synonyms.items() if c == "leader")
    by_last: dict[str, list[str]] = {}
    for head in sorted(heads, key=len, reverse=True):
        by_last.setdefault(head.split()[-1], []).append(head)
    return TitleWords(
        heads=heads,
        by_last_word={k: tuple(v) for k, v in by_last.items()},
        words=frozenset(words),
        synonyms=synonyms,
        leader_words=leader_words,
        organs=tuple(o.lower() for o in organs.get("nouns", [])),
        person_organs=tuple(o.lower() for o in organs.get("after_person", [])),
        bare_organs=tuple(o.lower() for o in organs.get("bare", [])),
        stop_names=frozenset(names.get("stop", [])),
        role_last_words=frozenset(t.split()[-1] for t in synonyms),
        after_words=frozenset(
            phrase.split()[0].split("-")[0].split("'")[0]
            for phrase in [*synonyms, *(o.lower() for o in organs.get("nouns", [])),
                           *(o.lower() for o in organs.get("after_person", []))]
        ),
        descriptions={
            noun.lower(): kind for kind in ("state", "group")
            for noun in descriptions.get(kind, [])
        },
        description_modifiers=tuple(m.lower() for m in descriptions.get("modifiers", [])),
    )


def _index(
    entries: dict[str, dict[str, Any]], blocks: list[str], titles: TitleWords,
    files: tuple[Path, ...], places: Mapping[str, list[str]] | None = None,
) -> ActorLexicon:
    actors: dict[str, Actor] = {}
    roles: dict[str, tuple[Role, ...]] = {}
    leaders: dict[str, tuple[str, ...]] = {}
    holders: dict[tuple[str, str], list[tuple[Role, str]]] = {}
    candidates: dict[str, dict[str, list[str]]] = {}  # key -> via -> actor ids
    plural: set[str] = set()
    weak: set[str] = set()
    surnames: dict[str, str] = {}
    described: dict[str, list[str]] = {}

    def add(phrase: str, actor_id: str, via: str) -> None:
        key = phrase_key(phrase)
        if key:
            ids = candidates.setdefault(key, {}).setdefault(via, [])
            if actor_id not in ids:
                ids.append(actor_id)

    for actor_id, entry in entries.items():
        name = entry.get("name") or actor_id.replace("-", " ").title()
        kind = entry["kind"]
        aliases = list(entry.get("aliases", []))
        if kind == PERSON:
            found = _surnames(name, entry.get("surname"))
            if found:
                surnames[actor_id] = phrase_key(found[-1])
            if entry.get("surname_alias", True):
                aliases.extend(found)
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        actors[actor_id] = Actor(actor_id, name, kind, tuple(aliases), entry.get("parent"))
        add(name, actor_id, "name")
        for alias in aliases:
            add(alias, actor_id, "alias")
        demonyms = entry.get("demonyms", [])
        for number, demonym in enumerate(demonyms):
            add(demonym, actor_id, "demonym")
            if number and demonym.endswith("s") and demonym != demonyms[0]:
                plural.add(phrase_key(demonym))
        for capital in entry.get("capitals", []):
            add(capital, actor_id, "capital")
        for organ in entry.get("organs", []):
            add(organ, actor_id, "organ")
        weak.update(phrase_key(w) for w in entry.get("weak", []))
        for noun in entry.get("described", []):
            described.setdefault(noun, []).append(actor_id)
        if entry.get("roles"):
            roles[actor_id] = tuple(entry["roles"])
            for role in entry["roles"]:
                holders.setdefault((role.of, role.title), []).append((role, actor_id))
        if "leader" in entry:
            leaders[actor_id] = tuple(t.lower() for t in entry["leader"])
        elif kind == STATE:
            leaders[actor_id] = _DEFAULT_LEADER
    for actor_id, names in (places or {}).items():
        for place in names:
            add(place, actor_id, "place")
    for blocked in blocks:
        candidates.setdefault(phrase_key(blocked), {})["block"] = []
    phrases: dict[str, Phrase] = {}
    tails: dict[str, dict[str, Phrase]] = {}
    for key, by_via in candidates.items():
        via = _best_via(by_via)
        ids = tuple(by_via[via])
        phrase = Phrase(ids, via, key in plural, actors[ids[0]] if len(ids) == 1 else None)
        match = STRICT_RUN.match(key)
        head = match.group() if match else key
        if match and match.end() < len(key):
            rest = key[match.end():].strip().lower()
            tails.setdefault(phrase_key(head), {})[rest] = phrase
        else:
            phrases[key] = phrase
    max_len: dict[str, int] = {}
    for key in [*phrases, *tails]:
        tokens = key.split(" ")
        max_len[tokens[0]] = max(max_len.get(tokens[0], 0), len(tokens))
    compiled = {
        key: (_tail_pattern(list(rests)), MappingProxyType(rests))
        for key, rests in tails.items()
    }
    return ActorLexicon(
        actors=MappingProxyType(actors),
        roles=MappingProxyType(roles),
        leaders=MappingProxyType(leaders),
        un_members=frozenset(i for i, e in entries.items() if e.get("un_member")),
        demonyms=MappingProxyType(
            {i: tuple(e["demonyms"]) for i, e in entries.items() if e.get("demonyms")}
        ),
        weak=frozenset(weak),
        phrases=phrases,
        tails=compiled,
        plain={
            k: (p.actors[0], p.via, p.via == "demonym" and not p.plural)
            for k, p in phrases.items()
            if " " not in k and len(p.actors) == 1 and actors[p.actors[0]].kind != PERSON
            and k not in weak and p.via != "block"
        },
        surnames=MappingProxyType(surnames),
        person_keys=frozenset(
            k for k, p in phrases.items() if p.actors and actors[p.actors[0]].kind == PERSON
        ),
        max_len=max_len,
        holders=MappingProxyType({k: tuple(v) for k, v in holders.items()}),
        titles=titles,
        files=files,
        described=MappingProxyType({k: tuple(v) for k, v in described.items()}),
    )


# When one phrase is listed several ways, the strongest reading wins: a blocker beats
# everything, a full name beats an alias (a surname shared by two people), and so on.
_VIA_ORDER = ("block", "name", "organ", "alias", "demonym", "capital", "place")


def _best_via(by_via: dict[str, list[str]]) -> str:
    return next(v for v in _VIA_ORDER if v in by_via)


def _tail_pattern(rests: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:['’]s)?[ \t]+({alternation(rests)})\b", re.IGNORECASE)


def _surnames(name: str, surname: str | None) -> list[str]:
    """Surname aliases: the given one, else the last word; "al-Assad" also gives "Assad"."""
    if surname:
        last = surname
    else:
        tokens = TOKEN.findall(name)
        if len(tokens) < 2:
            return []
        last = norm_token(tokens[-1])
    out = [last]
    stripped = re.sub(r"^(?:al|el|ad|ar|as|ash|at|az|an)-", "", last)
    if stripped != last and stripped[:1].isupper():
        out.append(stripped)
    return out
