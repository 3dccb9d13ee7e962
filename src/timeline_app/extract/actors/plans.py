"""What a run of capitalised words can mean before its context is read, worked out once.

The recogniser meets the same runs over and over ("Geneva", "President Bashar Assad", "UN
Security Council"): names recur within an article and across articles. Everything about a run
that depends only on its words and the lexicon (its tokens, which n-grams are lexicon phrases,
where a name-like stretch ends, which tokens are title words) is computed here once and cached
on the lexicon, keyed by the run's text. The recogniser then only checks what depends on the
article: the text before and after the run, and what it has found so far.

Nothing here may look at article text other than the run itself, so a cached plan is right
wherever the run stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from timeline_app.domain.actor import PERSON
from timeline_app.extract.actors.lexicon import ActorLexicon, Phrase
from timeline_app.extract.actors.tokens import CONNECTORS, clean_token, ends_possessive, norm_token

# Words after a country's name that make it a party's or a movement's name.
MOVEMENT_WORDS = frozenset(
    "Liberation Party Movement Front Brotherhood Congress Airlines Airways Daily".split()
)
# Words that make a city name part of an institution's or a treaty's name ("Lima Group").
INSTITUTION_WORDS = frozenset(
    """Group Groups State University Agreement Agreements Accord Accords Conference Declaration
    Protocol Olympics Olympic Stock Exchange Times Post Club Airport Metro Marathon Convention
    Conventions Process Format Institute Center Centre Museum Stadium Region Oblast Province
    Consensus Principles Charter Communique Club Zoo Festival Fair Summit Forum Initiative
    Memorandum Plan Peace Statement Document Treaty Pact School Mayor Police""".split()
)
NAME_PARTICLES = CONNECTORS - {"of", "the", "and", "for", "y", "la", "le"}

# How a one-token piece is handled by the recogniser's fast paths (from LOOSE on, the fast
# path always decides: those pieces need no steps).
MULTI = 0  # several tokens: the full run logic
RUN = 1  # one word the full run logic must look at ("al-Qaeda", "Kerry" with a tail)
PLAIN = 2  # one word naming one state or organisation ("Syria")
PERSON_WORD = 3  # one word naming a known person ("Assad")
LOOSE = 4  # an unknown name-like word ("Homs"): a surname, perhaps, of someone found later
NOISE = 5  # never anything, wherever it stands ("The", "Tuesday")
NOTHING = 6  # nothing on its own, but not cacheable as noise ("Monday.")

# What a lexicon phrase found at a token means once any tail after it is ruled out.
TAIL_ONLY = 0  # only a tail ("Kerry" + " administration"): try shorter n-grams next
BLOCK = 1  # a not_actors phrase: skip it
WEAK = 2  # a weak name before more name ("Chad Smith"): nothing here
PERSON_PHRASE = 3  # a person's name: not if the name goes on ("Hadi al-Bahra")
OTHER = 4  # any other phrase: emitted, unless a longer name goes on from it


def name_like(lex: ActorLexicon, key: str) -> bool:
    """Whether a token may be part of a person's name: capitalised, no title, no acronym."""
    titles = lex.titles
    return (
        key[:1].isupper() and key not in titles.stop_names
        and key.lower() not in titles.words and not key.isupper()
    ) or ("-" in key and key[:2] in ("al", "el") and key[3:4].isupper())


def name_end(lex: ActorLexicon, keys: tuple[str, ...], i: int) -> int:
    """End (exclusive) of the name-like tokens from i, particles allowed inside."""
    j = i
    while j < len(keys):
        if name_like(lex, keys[j]) or (
            keys[j] in NAME_PARTICLES and i < j < len(keys) - 1 and name_like(lex, keys[j + 1])
        ):
            j += 1
        else:
            break
    return j


def longest(lex: ActorLexicon, keys: tuple[str, ...], i: int) -> tuple[Phrase, int] | None:
    """The longest lexicon phrase (not a tail) starting at token i, and its length."""
    limit = lex.max_len.get(keys[i], 0)
    for n in range(min(limit, len(keys) - i), 0, -1):
        phrase = lex.phrases.get(" ".join(keys[i:i + n]))
        if phrase is not None:
            return phrase, n
    return None


class Step:
    """What token i of a piece is, on its own and as the start of lexicon phrases."""

    __slots__ = (
        "connector",
        "hyphen",
        "longest",
        "lookup",
        "name_end",
        "offset",
        "title_first",
        "titled_candidate",
        "titles_next",
        "word",
    )

    def __init__(self, lex: ActorLexicon, tokens: tuple[Token, ...], keys: tuple[str, ...],
                 i: int) -> None:
        titles = lex.titles
        key = keys[i]
        lower = key.lower()
        count = len(keys)
        self.offset = tokens[i][1]  # where the token starts in the run
        self.connector = key in CONNECTORS
        # Whether a title right before the run may make its first token a name.
        self.title_first = (count > 1 or key in lex.person_keys) and lower not in titles.words
        self.word = lower in titles.words
        # After a title word, whether the title is complete ("Minister", "Secretary of State").
        self.titles_next = self.word and (
            lower in titles.heads or lower.rstrip(".") in titles.heads or any(
                " ".join(keys[k:i + 1]).lower() in titles.heads
                for k in range(max(0, i - 3), i)
            )
        )
        self.name_end = name_end(lex, keys, i)
        self.longest = longest(lex, keys, i)
        self.titled_candidate = self._titled_candidate(lex, keys, i)
        self.lookup, self.hyphen = _lookups(lex, tokens, keys, i)
        self.title_first = self.title_first and self._title_matters(lex)

    def _title_matters(self, lex: ActorLexicon) -> bool:
        """Whether a title before this token can change anything: only a person's name (known,
        or new) reads differently after one ("Security Council" does not)."""
        if self.titled_candidate:
            return True
        phrases = [self.longest[0]] if self.longest is not None else []
        for _, tail, phrase, _, _, _ in self.lookup or ():
            if phrase is not None:
                phrases.append(phrase)
            if tail is not None:
                phrases.extend(tail[1].values())
        return any(lex.actors[a].kind == PERSON for p in phrases for a in p.actors)

    def _titled_candidate(self, lex: ActorLexicon, keys: tuple[str, ...], i: int) -> bool:
        """After a title and no known person: whether tokens i.. make a new person's name."""
        j = self.name_end
        if j - i < 2 or j - i > 4:
            return False
        if self.longest is not None and self.longest[1] >= j - i:
            return False  # "commander Free Syrian Army": the whole name is a known group
        last = keys[j - 1]
        phrase = lex.phrases.get(last)
        # "envoy to Syria": ends in a country, not a surname
        return not (lex.max_len.get(last) and phrase is not None and phrase.via != "alias")


# A phrase's tail in the lexicon: the pattern of the words after it, and what each means.
Tail = tuple[re.Pattern[str], Mapping[str, Phrase]]
# (cleaned token, offset in the run, end offset, end offset without a possessive "'s")
Token = tuple[str, int, int, int]
# (n, tail or None, phrase or None, what the phrase means, token index to go on at or -1,
# offset in the run where the phrase's name ends)
Lookup = tuple[int, Tail | None, Phrase | None, int, int, int]


def _lookups(
    lex: ActorLexicon, tokens: tuple[Token, ...], keys: tuple[str, ...], i: int,
) -> tuple[tuple[Lookup, ...] | None, tuple[tuple[int, int, Phrase], ...] | None]:
    """The lexicon phrases and tails starting at token i, longest first, up to the first
    phrase (None: none), and the known parts of a hyphenated token that starts no phrase."""
    first = keys[i]
    limit = lex.max_len.get(first, 0)
    if not limit and first.isupper() and len(first) > 3:
        # A dateline or headline in capitals: "MASNAA, LEBANON".
        keys = keys[:i] + tuple(k.title() if k.isupper() else k for k in keys[i:])
        first = keys[i]
        limit = lex.max_len.get(first, 0)
    if not limit:
        return None, (_hyphen_parts(lex, tokens[i][0]) if "-" in first else None)
    found: list[Lookup] = []
    for n in range(min(limit, len(keys) - i), 0, -1):
        key = " ".join(keys[i:i + n]) if n > 1 else first
        tail = lex.tails.get(key)
        phrase = lex.phrases.get(key)
        if tail is None and phrase is None:
            continue
        jump = -1
        if phrase is None:
            meaning = TAIL_ONLY
        elif phrase.via == "block":
            meaning = BLOCK
        elif key in lex.weak and i + n < len(keys) and name_like(lex, keys[i + n]):
            meaning = WEAK
        else:
            meaning = PERSON_PHRASE if all(
                lex.actors[a].kind == PERSON for a in phrase.actors
            ) else OTHER
            following = keys[i + n] if i + n < len(keys) else None
            if following in MOVEMENT_WORDS and phrase.via in ("name", "alias", "capital",
                                                               "place") and not (
                    ends_possessive(tokens[i + n - 1][0])):
                # "Kosovo Liberation Army": not Kosovo; but "Brazil's Congress" is Brazil's
                jump = name_end(lex, keys, i + n)
            elif phrase.via in ("capital", "place") and following is not None and (
                following in INSTITUTION_WORDS or name_like(lex, following)
            ):
                # "Lima Group", "Moscow State University", "Paris Agreement": a longer name
                # that starts with a city is an institution or a treaty, not the government.
                jump = name_end(lex, keys, i + n)
        found.append((n, tail, phrase, meaning, jump, tokens[i + n - 1][3]))
        if phrase is not None:
            break  # a phrase always decides: nothing shorter is tried after it
    return tuple(found) or None, None  # no phrase, no tail: as if none started here


def _hyphen_parts(lex: ActorLexicon, raw: str) -> tuple[tuple[int, int, Phrase], ...]:
    """"Syrian-Russian", "Russian-made": (offset, length, phrase) of each known part."""
    parts = []
    offset = 0
    for part in raw.split("-"):
        phrase = lex.phrases.get(norm_token(part))
        if phrase is not None and phrase.via != "block" and part[:1].isupper():
            parts.append((offset, len(part), phrase))
        offset += len(part) + 1
    return tuple(parts)


class Piece:
    """The tokens of a run up to a sentence end inside it, with their steps."""

    __slots__ = (
        "count",
        "first",
        "keys",
        "known",
        "loose",
        "mode",
        "norms",
        "phrase",
        "steps",
        "tail",
        "tokens",
    )

    def __init__(self, lex: ActorLexicon, tokens: tuple[Token, ...], keys: tuple[str, ...],
                 word: str) -> None:
        self.tokens = tokens
        self.mode = MULTI
        self.norms = keys  # each token's own key, for new people's names
        self.count = len(tokens)
        self.known: tuple[str, str, bool] | None = None
        self.tail: re.Pattern[str] | None = None
        self.phrase: Phrase | None = None
        self.loose: tuple[int, int, str] | None = None
        self.first = tokens[0]
        if len(tokens) == 1:
            keys = self._single(lex, keys[0], word)
        self.keys = keys
        # The run logic's view of each token; never needed where the fast paths always decide.
        self.steps = () if self.mode >= LOOSE else tuple(
            Step(lex, tokens, keys, i) for i in range(len(keys))
        )

    def _single(self, lex: ActorLexicon, key: str, word: str) -> tuple[str, ...]:
        """The fast-path mode of a one-token piece; returns the key the run logic uses."""
        known = lex.plain.get(key)
        if known is None and len(key) > 3 and key.isupper():
            key = key.title()  # a dateline or headline in capitals: "KABUL"
            known = lex.plain.get(key)
        if known is not None:
            self.mode = PLAIN
            self.known = known
            self.tail = lex.tails[key][0] if key in lex.tails else None
        elif key in lex.person_keys and key not in lex.tails:
            self.mode = PERSON_WORD
            self.phrase = lex.phrases[key]
        elif key in lex.phrases or key in lex.tails or "-" in key:
            self.mode = RUN
        elif key.lower() not in lex.titles.words and name_like(lex, key):
            self.mode = LOOSE
            self.loose = (self.first[1], self.first[3], key)  # offset, end of name, word
        elif word == self.tokens[0][0]:
            self.mode = NOISE
        else:
            self.mode = NOTHING
        return (key,)


def plan(lex: ActorLexicon, run: str) -> tuple[Piece, ...]:
    """The pieces of a run, split where a sentence ends inside it ("in Syria. The"), cached."""
    plans = lex.plans
    found = plans.get(run)
    if found is not None:
        return found
    pieces: list[Piece] = []
    tokens: list[Token] = []
    keys: list[str] = []
    position = 0
    for part in run.split():
        position = run.find(part, position)
        token = clean_token(part)
        if token:
            end = position + len(token)
            tokens.append((token, position, end, end - 2 if ends_possessive(token) else end))
            keys.append(norm_token(token))
        position += len(part)
        if token != part and part[-1] == "." and tokens:
            pieces.append(Piece(lex, tuple(tokens), tuple(keys), run))
            tokens, keys = [], []
    if tokens:
        pieces.append(Piece(lex, tuple(tokens), tuple(keys), run))
    result = tuple(pieces)
    if len(plans) > 20_000:  # a bound on memory for long sessions; plans are cheap to redo
        plans.clear()
    plans[run] = result
    return result
