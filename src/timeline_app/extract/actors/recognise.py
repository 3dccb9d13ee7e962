"""Finding actors in an article: lexicon look-up, organs, roles, titles and discovered people.

Speed shapes the design: the budget is a fraction of a millisecond per article, so the text is
never scanned once per name. One regex finds the runs of capitalised words ("President Bashar
Assad", "UN Security Council"); each run is cut into tokens and looked up by n-grams in a dict.
Everything lower-case that matters ("Syrian regime", "Russia's foreign minister", "spokeswoman
Victoria Nuland") is checked with a small anchored regex at the edge of a run, so it costs
nothing where there is no run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from timeline_app.domain.actor import GROUP, ORGANISATION, PERSON, STATE, Actor
from timeline_app.extract.actors.lexicon import ActorLexicon, Phrase
from timeline_app.extract.actors.mention import ActorFindings, ActorMention, make_mention
from timeline_app.extract.actors.patterns import Patterns, patterns_for
from timeline_app.extract.actors.tokens import (
    CONNECTORS,
    LEAD_WORDS,
    LEADING_PARTICLES,
    RUN_AND_NEXT,
    TOKEN,
    clean_token,
    ends_possessive,
    norm_token,
)

_LEADS = frozenset(LEAD_WORDS)
_LEAD_ENDINGS = frozenset(w[-2:] for w in LEAD_WORDS)
_POSSESSIVES = frozenset({"'s", "’s"})
_OF = (" of ", " of the ", " of the\t", "\tof ")
_AFFILIATED = re.compile(r",?[ \t]+(?:of|from|at|for)[ \t]+(?:the[ \t]+)?")
_AFTER_NAME = frozenset(" \t'’")
# "Hadi al-Bahra" is not President Hadi: the name goes on with a particle.
_NAME_GOES_ON = re.compile(r"[ \t](?:al|el|ad|as|ash|bin|ibn|abu|bint|ben)[- ][A-Z]")
# Words after a country's name that make it a party's or a movement's name.
_MOVEMENT_WORDS = frozenset(
    "Liberation Party Movement Front Brotherhood Congress Airlines Airways Daily".split()
)
# Words that make a city name part of an institution's or a treaty's name ("Lima Group").
_INSTITUTION_WORDS = frozenset(
    """Group Groups State University Agreement Agreements Accord Accords Conference Declaration
    Protocol Olympics Olympic Stock Exchange Times Post Club Airport Metro Marathon Convention
    Conventions Process Format Institute Center Centre Museum Stadium Region Oblast Province
    Consensus Principles Charter Communique Club Zoo Festival Fair Summit Forum Initiative
    Memorandum Plan Peace Statement Document Treaty Pact School Mayor Police""".split()
)
_NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+([A-Za-z]+)")
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "az", "an", "ul", "ud"})
_TITLE_CONNECTORS = frozenset({"of", "the", "for", "to"})
_NAME_PARTICLES = CONNECTORS - {"of", "the", "and", "for", "y", "la", "le"}
_TITLE_GAP_PUNCT = re.compile(r"[,;:()\"“”—–]|[.!?][ \t]|\n")
_SLUG = re.compile(r"[^a-z0-9]+")
# How many sentences before a definite description its actor may have been named in; an organ
# of the same noun ("Sudan's army" ... "the army") may be a few more back.
_DESCRIPTION_REACH = 3
_ORGAN_REACH = 6
# "summit in Abuja", "fighting in Darfur": a place where something happens, not an antecedent.
_LOCATIVE = re.compile(r"\b(?:in|at|near|into|across|around|outside|inside|through|from)"
                       r"[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


_PIECES: dict[str, tuple[tuple[tuple[int, str, str], ...], ...]] = {}


def _pieces(run: str) -> tuple[tuple[tuple[int, str, str], ...], ...]:
    """(offset, token, key) of each token of a run, split where a sentence ends inside it.

    Context-free, so cached by the run's text: names recur within and across articles.
    """
    found = _PIECES.get(run)
    if found is not None:
        return found
    pieces: list[tuple[tuple[int, str, str], ...]] = []
    current: list[tuple[int, str, str]] = []
    position = 0
    for part in run.split():
        position = run.find(part, position)
        token = clean_token(part)
        if token:
            current.append((position, token, norm_token(token)))
        position += len(part)
        if token != part and part[-1] == "." and current:
            pieces.append(tuple(current))  # "in Syria. The": a sentence ends inside the run
            current = []
    if current:
        pieces.append(tuple(current))
    result = tuple(pieces)
    if len(_PIECES) > 50_000:
        _PIECES.clear()
    _PIECES[run] = result
    return result


_SPAN = attrgetter("span")


class _Mention:
    """A mention while the scan still edits it (plain class: cheaper than the frozen one)."""

    __slots__ = ("actor", "head", "span", "via")

    def __init__(self, actor: str, span: tuple[int, int], via: str, head: bool) -> None:
        self.actor = actor
        self.span = span
        self.via = via
        self.head = head


@dataclass(slots=True)
class _Candidate:
    """Capitalised words that may be a person's name not in the lexicon."""

    start: int
    end: int
    words: tuple[str, ...]
    titled: bool
    parent: str | None = None


def find_actors(
    text: str, lexicon: ActorLexicon, *, published: date | None = None,
    ignored: Sequence[tuple[int, int]] = (),
) -> ActorFindings:
    """Every actor mention in `text`, with the actors they name (see ActorFindings)."""
    scan = _Scan(text, lexicon, published, ignored)
    scan.lexicon_pass()
    scan.discover_people()
    scan.bare_organs()
    scan.descriptions()
    return scan.findings()


class _Scan:
    """One pass over one text; the passes share what earlier ones found (mentions in order,
    people seen, organs named) so that later references resolve against them."""

    def __init__(
        self, text: str, lexicon: ActorLexicon, published: date | None,
        ignored: Sequence[tuple[int, int]],
    ) -> None:
        self.text = text
        self.lex = lexicon
        self.pat: Patterns = patterns_for(lexicon)
        # A datetime would not compare with the dates of offices: keep the day only.
        self.published = published.date() if isinstance(published, datetime) else published
        self.ignored = sorted(ignored)
        self.mentions: list[_Mention] = []
        self.candidates: list[_Candidate] = []
        self.loose: list[tuple[int, int, str]] = []  # unknown single capitalised words
        self.seen: set[str] = set()
        self.organs: list[tuple[int, str, str]] = []  # (start, organ noun, state) in text order
        self.discovered: dict[str, Actor] = {}

    # ---------------------------------------------------------------- lexicon pass
    def lexicon_pass(self) -> None:
        text = self.text
        lex = self.lex
        plain = lex.plain
        tails = lex.tails
        phrases = lex.phrases
        person_keys = lex.person_keys
        after_words = lex.titles.after_words
        mentions = self.mentions
        ignored = self.ignored
        noise = lex.noise
        for run in RUN_AND_NEXT.finditer(text):
            start = run.start()
            if ignored and self._is_ignored(start):
                continue
            word, following = run.groups()
            if word in noise:
                continue
            if start:
                before = text[start - 1]
                if before == " ":
                    if text[start - 3:start - 1] in _LEAD_ENDINGS and text[
                        text.rfind(" ", max(0, start - 10), start - 1) + 1:start - 1
                    ] in _LEADS:
                        word, start = self._leading_particles(word, start, run.end(1))
                elif before in "-'’":
                    if not (word := self._prefixed(word, start, run.end(1))):
                        continue
                    start = run.end(1) - len(word)
                elif before.isalnum():
                    continue
            for piece in _PIECES.get(word) or _pieces(word):
                if len(piece) > 1:
                    self._run([(t, start + o, start + o + len(t)) for o, t, _ in piece],
                              [k for _, _, k in piece])
                    continue
                offset, token, key = piece[0]
                begin = start + offset
                end = begin + len(token)
                known = plain.get(key)
                if known is None and len(key) > 3 and key.isupper():
                    key = key.title()  # a dateline or headline in capitals: "KABUL"
                    known = plain.get(key)
                if known is not None:
                    # One word naming one state or organisation, with nothing after it that
                    # could make it an organ, a role or a longer name: the fast path.
                    name_end = end - 2 if text[end - 2:end] in _POSSESSIVES else end
                    after = text[name_end:name_end + 1]
                    if (
                        (after not in _AFTER_NAME or following not in after_words)
                        and not (text.endswith(_OF, 0, begin) and self._title_of(begin))
                        and (key not in tails or not tails[key][0].match(text, name_end))
                    ):
                        head = True
                        if known[2] and after in " \t" and text[end + 1:end + 2].isalpha():
                            head = False  # "Russian citizens": a modifier
                        mentions.append(_Mention(known[0], (begin, name_end), known[1], head))
                        continue
                elif key in person_keys and key not in tails:
                    # A known person named by one word ("Assad"), with no title before and
                    # no "regime" after: the fast path for people.
                    name_end = end - 2 if text[end - 2:end] in _POSSESSIVES else end
                    if (
                        text[name_end:name_end + 1] not in _AFTER_NAME
                        or following not in after_words
                    ) and not self._title_before(begin) and not _NAME_GOES_ON.match(
                        text, name_end
                    ):
                        actor = self._pick(phrases[key])
                        self.seen.add(actor.id)
                        mentions.append(_Mention(actor.id, (begin, name_end), phrases[key].via,
                                                 True))
                        continue
                if (key in phrases or key in tails) or "-" in key:
                    self._run([(token, begin, end)], [key])
                elif key.lower() not in lex.titles.words and self._name_like(key):
                    raw_end = end - 2 if ends_possessive(token) else end
                    self.loose.append((begin, raw_end, key))
                elif word == token and len(noise) < 100_000:
                    noise.add(word)  # "The", "Tuesday": never anything, wherever they stand

    def _title_of(self, start: int) -> bool:
        """Whether "<title> of (the)" ends right before `start` ("president of Syria")."""
        text = self.text
        cut = text.rfind(" of", max(0, start - 12), start)
        left = text.rfind(" ", max(0, cut - 30), cut)
        return text[left + 1:cut].lower() in self.lex.titles.role_last_words

    def _leading_particles(self, word: str, start: int, end: int) -> tuple[str, int]:
        """"de Mistura", "von der Leyen": the particles belong to the name."""
        text = self.text
        lead = LEADING_PARTICLES.search(text, max(0, start - 16), start)
        if lead:
            return text[lead.start():end], lead.start()
        return word, start

    def _prefixed(self, word: str, start: int, end: int) -> str:
        """"al-Qaeda", "d'Ivoire" keep their particle; "pro-Assad" is not the actor itself."""
        text = self.text
        before = text[start - 1]
        particle = text[max(0, start - 4):start - 1].lower()
        if particle[-2:] in _ARABIC_ARTICLES and (len(particle) < 3 or not particle[-3].isalpha()):
            return text[start - 3:end]
        if before != "-" and text[start - 2:start - 1] == "d" and (
            start < 3 or not text[start - 3].isalpha()
        ):
            return text[start - 2:end]
        if before == "-" and text[max(0, start - 5):start - 1].lower() == "then" and (
            start < 6 or not text[start - 6].isalpha()
        ):
            return word  # "then-U.S. House Speaker Nancy Pelosi": a past title, still a name
        return ""

    def _is_ignored(self, pos: int) -> bool:
        index = bisect.bisect_right(self.ignored, (pos, len(self.text) + 1)) - 1
        return index >= 0 and self.ignored[index][0] <= pos < self.ignored[index][1]

    def _run(self, tokens: list[tuple[str, int, int]], keys: list[str]) -> None:
        words = self.lex.titles.words
        heads = self.lex.titles.heads
        count = len(tokens)
        i = 0
        titled = False  # the previous token ends a title ("Minister" in "Foreign Minister ...")
        while i < count:
            key = keys[i]
            if key in CONNECTORS:
                i += 1
                titled = False
                continue
            if i == 0 and (count > 1 or key in self.lex.person_keys) and (
                key.lower() not in words
            ):
                titled = self._title_before(tokens[0][1])
            if titled:
                after = self._titled_name(tokens, keys, i)
                if after is not None:
                    i, titled = after, False
                    continue
            after = self._lookup(tokens, keys, i, titled)
            if after is not None:
                i, titled = after, False
                continue
            lower = key.lower()
            if lower in words:
                titled = lower in heads or lower.rstrip(".") in heads or any(
                    " ".join(keys[k:i + 1]).lower() in heads for k in range(max(0, i - 3), i)
                )
                i += 1
                continue
            j = self._name_end(keys, i)
            if j > i:
                self._candidate(tokens, i, j, titled=False)
                i = j
            else:
                i += 1
            titled = False

    def _title_before(self, start: int) -> bool:
        """Whether a title ("spokeswoman", "Mr.", "Secretary of State") ends right before."""
        text = self.text
        if start < 2 or text[start - 1] not in " \t":
            return False
        left = text.rfind(" ", max(0, start - 30), start - 1)
        word = text[left + 1:start - 1].lower()
        phrases = self.lex.titles.by_last_word.get(word)
        if not phrases:
            return False
        window = text[max(0, start - 40):start - 1].lower()
        return any(window.endswith(p) and (len(window) == len(p) or not
                   window[-len(p) - 1].isalpha()) for p in phrases)

    def _quiet_after(self, end: int) -> bool:
        """Nothing after a name that could make it an organ or a role ("Russia began")."""
        after = self.text[end:end + 1]
        if after not in _AFTER_NAME:
            return True
        m = _NEXT_WORD.match(self.text, end)
        return m is None or m.group(1).lower() not in self.lex.titles.after_words

    def _name_like(self, key: str) -> bool:
        return (
            key[:1].isupper() and key not in self.lex.titles.stop_names
            and key.lower() not in self.lex.titles.words and not key.isupper()
        ) or ("-" in key and key[:2] in ("al", "el") and key[3:4].isupper())

    def _name_end(self, keys: list[str], i: int) -> int:
        """End (exclusive) of the name-like tokens from i, particles allowed inside."""
        j = i
        while j < len(keys):
            if self._name_like(keys[j]) or (
                keys[j] in _NAME_PARTICLES and i < j < len(keys) - 1
                and self._name_like(keys[j + 1])
            ):
                j += 1
            else:
                break
        return j

    def _titled_name(
        self, tokens: list[tuple[str, int, int]], keys: list[str], i: int,
    ) -> int | None:
        """After a title: a lexicon person, or a new person's 2-4 word name."""
        phrase = self._longest(keys, i)
        if phrase is not None and phrase[0].via == "block":
            return None
        j = self._name_end(keys, i)
        # A known person, unless more name follows: "Interior Minister Mohammad Omar Daudzai"
        # is not "Mohammad Omar" (Mullah Omar).
        if phrase is not None and self._pick(phrase[0]).kind == PERSON and (
            phrase[1] >= j - i or j - i > 4
        ):
            raw, _, end = tokens[i + phrase[1] - 1]
            if ends_possessive(raw):
                end -= 2
            stop = self._emit_phrase(phrase[0], tokens[i][1], end, True)
            return self._index_after(tokens, i + phrase[1] - 1, stop)
        if j - i < 2 or j - i > 4:
            return None
        if phrase is not None and phrase[1] >= j - i:
            return None  # "commander Free Syrian Army": the whole name is a known group
        last = keys[j - 1]
        if self.lex.max_len.get(last) and self.lex.phrases.get(last) is not None \
                and self.lex.phrases[last].via != "alias":
            return None  # "envoy to Syria": ends in a country, not a surname
        self._candidate(tokens, i, j, titled=True)
        return j

    def _longest(self, keys: list[str], i: int) -> tuple[Phrase, int] | None:
        limit = self.lex.max_len.get(keys[i], 0)
        for n in range(min(limit, len(keys) - i), 0, -1):
            phrase = self.lex.phrases.get(" ".join(keys[i:i + n]))
            if phrase is not None:
                return phrase, n
        return None

    def _lookup(
        self, tokens: list[tuple[str, int, int]], keys: list[str], i: int, titled: bool,
    ) -> int | None:
        """Match the longest lexicon phrase at token i; the index after it, or None."""
        lex = self.lex
        first = keys[i]
        limit = lex.max_len.get(first, 0)
        if not limit and first.isupper() and len(first) > 3:
            # A dateline or headline in capitals: "MASNAA, LEBANON".
            keys = keys[:i] + [k.title() if k.isupper() else k for k in keys[i:]]
            first = keys[i]
            limit = lex.max_len.get(first, 0)
        if not limit:
            if "-" in first and self._hyphenated(tokens[i]):
                return i + 1
            return None
        text = self.text
        tails = lex.tails
        phrases = lex.phrases
        for n in range(min(limit, len(keys) - i), 0, -1):
            key = " ".join(keys[i:i + n]) if n > 1 else first
            tail = tails.get(key)
            phrase = phrases.get(key)
            if tail is None and phrase is None:
                continue
            raw, start, end = tokens[i + n - 1]
            if ends_possessive(raw):
                end -= 2
            start = tokens[i][1]
            if tail is not None:
                m = tail[0].match(text, end)
                if m:
                    found = tail[1].get(" ".join(m.group(1).lower().split()))
                    if found is not None and found.via != "block":
                        self._emit_phrase(found, start, m.end(1), titled, tail_end=True)
                    return self._index_after(tokens, i, m.end(1))
            if phrase is None:
                continue
            if phrase.via == "block":
                return i + n
            if key in lex.weak and i + n < len(keys) and self._name_like(keys[i + n]):
                return None  # "Chad Smith", "Jordan Peterson"
            if _NAME_GOES_ON.match(text, end) and all(
                lex.actors[a].kind == PERSON for a in phrase.actors
            ):
                return None  # "Hadi al-Bahra" is someone else than President Hadi
            if i + n < len(keys) and keys[i + n] in _MOVEMENT_WORDS and phrase.via in (
                "name", "alias", "capital"
            ):
                return self._name_end(keys, i + n)  # "Kosovo Liberation Army": not Kosovo
            if phrase.via == "capital" and i + n < len(keys) and (
                keys[i + n] in _INSTITUTION_WORDS or self._name_like(keys[i + n])
            ):
                # "Lima Group", "Moscow State University", "Paris Agreement": a longer name
                # that starts with a city is an institution or a treaty, not the government.
                return self._name_end(keys, i + n)
            stop = self._emit_phrase(phrase, start, end, titled)
            return self._index_after(tokens, i + n - 1, stop) if stop > end else i + n
        return None

    def _hyphenated(self, token: tuple[str, int, int]) -> bool:
        """"Syrian-Russian", "Russian-made": each known part is a modifier mention."""
        raw, start, _ = token
        found = False
        offset = 0
        for part in raw.split("-"):
            phrase = self.lex.phrases.get(norm_token(part))
            if phrase is not None and phrase.via not in ("block",) and part[:1].isupper():
                actor = self._pick(phrase)
                if actor.kind != PERSON:
                    begin = start + offset
                    self._add(actor.id, begin, begin + len(part), phrase.via, head=False)
                    found = True
            offset += len(part) + 1
        return found

    @staticmethod
    def _index_after(tokens: list[tuple[str, int, int]], i: int, pos: int) -> int:
        j = i + 1
        while j < len(tokens) and tokens[j][1] < pos:
            j += 1
        return j

    def _pick(self, phrase: Phrase) -> Actor:
        """One actor for a phrase; a shared surname goes to whoever the text or date favours."""
        ids = phrase.actors
        if len(ids) > 1:
            for actor_id in ids:
                if actor_id in self.seen:
                    return self.lex.actors[actor_id]
            if self.published is not None:
                for actor_id in ids:
                    if self.lex.in_office(actor_id, self.published):
                        return self.lex.actors[actor_id]
        return self.lex.actors[ids[0]]

    def _emit_phrase(
        self, phrase: Phrase, start: int, end: int, titled: bool, tail_end: bool = False,
    ) -> int:
        """Record the mention (or the organ/role it heads); returns where the mention ends."""
        actor = self._pick(phrase)
        text = self.text
        pat = self.pat
        if actor.kind == PERSON:
            self.seen.add(actor.id)
            if actor.parent:
                m = pat.person_organ.match(text, end)
                if m:
                    self._add(actor.parent, start, m.end(1), "organ")
                    return m.end(1)
            if titled:
                self._title_modifiers(start)
            self._add(actor.id, start, end, "title" if titled else phrase.via)
            return end
        if tail_end:
            self._add(actor.id, start, end, phrase.via)
            return end
        quiet = self._quiet_after(end)
        m = None if quiet else pat.organ.match(text, end)
        if m:
            self.organs.append((start, " ".join(m.group(1).lower().split()), actor.id))
            self._add(actor.id, start, m.end(1), "organ")
            return m.end(1)
        m = None if quiet else pat.role_after.match(text, end)
        if m:
            if pat.name_after.match(text, m.end(1)):
                # "Russian Foreign Minister Sergei Lavrov": the state only qualifies the title
                self._add(actor.id, start, end, phrase.via, head=False)
                return end
            self._role(actor.id, m.group(1), start, m.end(1))
            return m.end(1)
        window = text[max(0, start - 40):start]
        if window.endswith(_OF):
            m = pat.role_before.search(window)
            if m:
                self._role(actor.id, m.group(1), start - len(window) + m.start(1), end)
                return end
        head = True
        if phrase.via == "demonym" and not phrase.plural:
            following = text[end:end + 2]
            head = not (following[:1] in (" ", "\t") and following[1:2].isalpha())
        self._add(actor.id, start, end, phrase.via, head=head)
        return end

    def _role(self, of: str, title: str, start: int, end: int) -> None:
        """"the UN chief", "Russia's foreign minister": the holder on the publication day."""
        canonical = self.lex.titles.synonyms.get(" ".join(title.lower().split()), "")
        holder = None
        if canonical == "leader":
            for office in (*self.lex.leaders.get(of, ()), "leader"):
                holder = self.lex.holder(of, office, self.published)
                if holder:
                    break
        elif canonical:
            holder = self.lex.holder(of, canonical, self.published)
        if holder:
            self.seen.add(holder)
        self._add(holder or of, start, end, "role")

    def _title_modifiers(self, name_start: int) -> None:
        """Mentions inside a title ("US" in "US State Department spokeswoman X") only modify."""
        for index in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[index]
            if self._kind(mention.actor) == PERSON or not self._title_gap(
                mention.span[1], name_start
            ):
                break
            mention.head = False
            name_start = mention.span[0]

    def _title_gap(self, start: int, end: int) -> bool:
        """Whether only title words stand between two places (" Deputy Foreign Minister ")."""
        gap = self.text[start:end]
        cache = self.lex.gaps
        known = cache.get(gap)
        if known is None:
            words = self.lex.titles.words
            known = not _TITLE_GAP_PUNCT.search(gap) and all(
                (lower := norm_token(token).lower()) in words or lower in _TITLE_CONNECTORS
                or lower == "s"
                for token in TOKEN.findall(gap)
            )
            if len(cache) < 100_000 and len(gap) < 80:
                cache[gap] = known
        return known

    def _add(self, actor: str, start: int, end: int, via: str, head: bool = True) -> None:
        self.mentions.append(_Mention(actor, (start, end), via, head))

    def _candidate(self, tokens: list[tuple[str, int, int]], i: int, j: int, titled: bool) -> None:
        raw_end = tokens[j - 1][2]
        if ends_possessive(tokens[j - 1][0]):
            raw_end -= 2
        words = tuple(norm_token(t[0]) for t in tokens[i:j])
        start = tokens[i][1]
        if j - i == 1 and not titled:
            self.loose.append((start, raw_end, words[0]))
            return
        candidate = _Candidate(start, raw_end, words, titled)
        if titled:
            candidate.parent = self._title_parent(start)
        self.candidates.append(candidate)

    def _title_parent(self, name_start: int) -> str | None:
        """The state or organisation named in the title, else one earlier in the sentence."""
        parent = None
        if self.mentions:
            last = self.mentions[-1]
            gap_start = last.span[1]
            if self.text.startswith(("'s", "’s"), gap_start):
                gap_start += 2
            if self._title_gap(gap_start, name_start):
                if self._kind(last.actor) != PERSON:
                    parent = last.actor
                else:  # "President Obama's spokesman Jay Carney": the person's side
                    parent = self._state_of(last.actor)
                    parent = None if parent == last.actor else parent
        self._title_modifiers(name_start)
        if parent:
            return parent
        # "In Moscow, Deputy Foreign Minister Andrei Denisov": a place set off by a comma
        # before the title names the side; "its ally President X" after "Moscow" does not.
        sentence = self._sentence_start(name_start)
        for mention in reversed(self.mentions):
            if mention.span[0] < sentence:
                break
            if self._kind(mention.actor) != PERSON:
                comma = self.text.rfind(",", mention.span[1], name_start)
                if comma >= 0 and self._title_gap(comma + 1, name_start):
                    return self._state_of(mention.actor)
                break
        return None

    def _kind(self, actor_id: str) -> str:
        actor = self.lex.actors.get(actor_id) or self.discovered.get(actor_id)
        return actor.kind if actor else PERSON

    def _state_of(self, actor_id: str) -> str:
        actor = self.lex.actors.get(actor_id)
        return actor.id if actor is None or actor.kind != PERSON or not actor.parent \
            else actor.parent

    def _sentence_start(self, pos: int) -> int:
        text = self.text
        floor = max(0, pos - 400)
        stop = max(
            text.rfind(". ", floor, pos), text.rfind("? ", floor, pos), text.rfind("! ", floor, pos)
        )
        # rfind's -1 (no break found) must not read as a break ending at 1
        return max(text.rfind("\n", floor, pos) + 1, stop + 2 if stop >= 0 else 0, floor)

    # ---------------------------------------------------------------- discovery
    def discover_people(self) -> None:
        """People the lexicon lacks: titled names, appositions, then their surnames later."""
        names: dict[str, str] = {}  # "Andrei Denisov" -> id
        surnames: dict[str, str] = {}
        pending: list[_Candidate] = []
        starts = None
        for candidate in self.candidates:
            if not candidate.titled:
                appos = self.pat.apposition.match(self.text, candidate.end)
                if appos and 2 <= len(candidate.words) <= 4:
                    if starts is None:
                        self.mentions.sort(key=_SPAN)
                        starts = [m.span[0] for m in self.mentions]
                    candidate.titled = True
                    candidate.parent = self._apposition_parent(starts, candidate.end, appos.end())
            if not candidate.titled:
                pending.append(candidate)
                continue
            if candidate.parent is None:
                if starts is None:
                    self.mentions.sort(key=_SPAN)
                    starts = [m.span[0] for m in self.mentions]
                candidate.parent = self._affiliation(starts, candidate.end)
            name = " ".join(candidate.words)
            person_id = names.get(name) or self._new_person(name, candidate.parent)
            names[name] = person_id
            surname = candidate.words[-1]
            surnames[surname] = person_id
            self._add(person_id, candidate.start, candidate.end, "discovered")
        for person_id in self.seen:  # "Ban said" after "Ban Ki-moon"
            surname = self.lex.surnames.get(person_id)
            if surname and surname not in surnames:
                surnames[surname] = person_id
        if not surnames:
            return
        for candidate in pending:
            person_id = names.get(" ".join(candidate.words))
            if person_id:
                self._add(person_id, candidate.start, candidate.end, "name")
            elif candidate.words[-1] in surnames and len(candidate.words) <= 2:
                # "Mr Denisov" after "Andrei Denisov": the surname, not the whole run.
                last = candidate.words[-1]
                start = candidate.end - len(self.text[candidate.start:candidate.end].split()[-1])
                self._add(surnames[last], start, start + len(last), "surname")
        for start, end, word in self.loose:
            if word in surnames:
                self._add(surnames[word], start, end, "surname")

    def _affiliation(self, starts: list[int], end: int) -> str | None:
        """"Ahmed Zaki of the Red Cross", "Lina Haddad from the UN": the side named after."""
        m = _AFFILIATED.match(self.text, end)
        if not m:
            return None
        index = bisect.bisect_left(starts, m.end())
        if index < len(starts) and starts[index] == m.end():
            mention = self.mentions[index]
            if self._kind(mention.actor) != PERSON:
                return self._state_of(mention.actor)
        return None

    def _apposition_parent(self, starts: list[int], start: int, end: int) -> str | None:
        index = bisect.bisect_left(starts, start)
        while index < len(starts) and starts[index] < end:
            mention = self.mentions[index]
            if self._kind(mention.actor) != PERSON:
                mention.head = False
                return self._state_of(mention.actor)
            index += 1
        return None

    def _new_person(self, name: str, parent: str | None) -> str:
        slug = _SLUG.sub("-", name.lower()).strip("-") or "person"
        person_id = slug
        number = 2
        while person_id in self.lex.actors and self.lex.actors[person_id].name != name:
            person_id = f"{slug}-{number}"
            number += 1
        if person_id in self.lex.actors:
            return person_id
        if parent is not None and parent not in self.lex.actors:
            parent = None
        self.discovered[person_id] = Actor(person_id, name, PERSON, (), parent)
        return person_id

    # ---------------------------------------------------------------- bare organs
    def bare_organs(self) -> None:
        """"the embassy", "the Foreign Ministry": the state whose organ it last was, else the
        state named earlier in the sentence, else the last state named before it."""
        found = list(self.pat.bare_organ.finditer(self.text)) if self.mentions else []
        if not found:
            return
        self.mentions.sort(key=_SPAN)
        starts = [m.span[0] for m in self.mentions]
        organ_starts = [o[0] for o in self.organs]
        added = []
        for m, start, end, index in self._free_definites(found, starts):
            noun = " ".join(m.group(1).lower().split())
            state = None
            k = bisect.bisect_left(organ_starts, start) - 1
            while k >= 0:
                if self.organs[k][1] == noun:
                    state = self.organs[k][2]
                    break
                k -= 1
            if state is None:
                state = self._state_before(index)
            if state is not None:
                added.append(_Mention(state, (start, end), "organ", True))
        if added:
            self.mentions.extend(added)

    def _free_definites(self, found, starts: list[int]):
        """The matches of "the <noun>" that no mention covers and no ignored range holds,
        with their noun's span and the index of the first mention at or after it."""
        text = self.text
        for m in found:
            begin = m.start()
            if begin == 0 or text[begin - 1] not in "Tt" or (
                begin > 1 and text[begin - 2].isalnum()
            ):
                continue
            start, end = m.span(1)
            index = bisect.bisect_left(starts, start)
            if index < len(starts) and starts[index] < end:
                continue
            if index and self.mentions[index - 1].span[1] > start:
                continue
            if self.ignored and self._is_ignored(start):
                continue
            yield m, start, end, index

    def _state_before(self, index: int) -> str | None:
        for k in range(index - 1, -1, -1):
            actor = self.lex.actors.get(self.mentions[k].actor)
            if actor is not None and actor.kind == STATE:
                return actor.id
        return None

    # ---------------------------------------------------------------- descriptions
    def descriptions(self) -> None:
        """"the junta", "the bloc", "the paramilitaries": the actor of that kind named last.

        Conservative on purpose, since a wrong actor makes a wrong event: the antecedent must
        be in the same or one of the few sentences before, be the only actor of that kind in
        its sentence, and (for "the group") not be preceded by a nearer organisation that the
        noun could as well mean. A state's organ of the same noun ("Sudan's army" ... "the
        army") is taken first, if it is not too far back.
        """
        text = self.text
        if not self.mentions or "he " not in text:
            return
        found = list(self.pat.description.finditer(text))
        if not found:
            return
        self.mentions.sort(key=_SPAN)
        starts = [m.span[0] for m in self.mentions]
        kinds = self.lex.titles.descriptions
        added = []
        # (a noun right after another mention, "the Sudanese army", is already its organ)
        for m, start, end, index in self._free_definites(found, starts):
            noun = " ".join(m.group(1).split())
            kind = kinds.get(noun)
            actor = self._organ_before(start, noun) if kind == "state" else None
            if actor is None:
                actor = self._antecedent(index, start, noun, kind)
            if actor is not None:
                added.append(_Mention(actor, (start, end), "description", True))
        if added:
            self.mentions.extend(added)

    def _organ_before(self, start: int, noun: str) -> str | None:
        floor = None
        for begin, organ, state in reversed(self.organs):
            if begin < start and organ == noun:
                if floor is None:
                    floor = self._window_start(start, _ORGAN_REACH)
                return state if begin >= floor else None
        return None

    def _window_start(self, pos: int, reach: int = _DESCRIPTION_REACH) -> int:
        """Where the sentence `reach` sentences before the one at `pos` begins."""
        begin = self._sentence_start(pos)
        text = self.text
        for _ in range(reach):
            back = begin - 1
            while back > 0 and text[back].isspace():
                back -= 1
            if back <= 0:
                return 0
            begin = self._sentence_start(back)
        return begin

    def _compatible(self, mention: _Mention, noun: str, kind: str | None) -> str | None:
        """The actor a description of this noun would mean by this mention (None: not one)."""
        actor = self.lex.actors.get(mention.actor) or self.discovered.get(mention.actor)
        if actor is None:
            return None
        if kind == "state":
            if actor.kind == PERSON and actor.parent:
                actor = self.lex.actors.get(actor.parent) or actor
            return actor.id if actor.kind == STATE else None
        if kind == "group":
            return actor.id if actor.kind == GROUP else None
        return actor.id if actor.id in self.lex.described.get(noun, ()) else None

    def _antecedent(self, index: int, start: int, noun: str, kind: str | None) -> str | None:
        """The single compatible actor of the nearest sentence with one, within reach."""
        floor = self._window_start(start)
        text = self.text
        chosen: str | None = None
        sentence = -1
        for k in range(index - 1, -1, -1):
            mention = self.mentions[k]
            begin = mention.span[0]
            if begin < floor or (chosen is not None and begin < sentence):
                break
            if noun == "group" and chosen is None:
                actor = self.lex.actors.get(mention.actor)
                if actor is not None and actor.kind == ORGANISATION:
                    return None  # "Amnesty ... the group said": the group may be either
            found = self._compatible(mention, noun, kind)
            if found is None or _LOCATIVE.search(text, max(0, begin - 20), begin):
                continue
            if chosen is None:
                chosen = found
                sentence = self._sentence_start(begin)
            elif found != chosen:
                return None  # two of that kind in the nearest sentence: ambiguous
        return chosen

    # ---------------------------------------------------------------- result
    def findings(self) -> ActorFindings:
        self.mentions.sort(key=_SPAN)
        kept: list[_Mention] = []
        reach = -1
        for mention in self.mentions:
            span = mention.span
            if span[0] >= reach:
                kept.append(mention)
                reach = span[1]
            elif span[0] == kept[-1].span[0]:
                kept[-1] = mention  # same start, longer: the longer reading wins
                reach = span[1]
        mentions: list[ActorMention] = []
        surfaces: dict[str, dict[str, None]] = {}
        text = self.text
        for mention in kept:
            span = mention.span
            surface = text[span[0]:span[1]]
            mentions.append(make_mention(mention.actor, span, surface, mention.via, mention.head))
            seen = surfaces.get(mention.actor)
            if seen is None:
                seen = surfaces[mention.actor] = {}
            if surface[:1].isupper():  # not a bare "the embassy"
                seen[surface if "\n" not in surface else " ".join(surface.split())] = None
        actors: dict[str, Actor] = {}
        for actor_id, seen in surfaces.items():
            actor = self.lex.actors.get(actor_id) or self.discovered.get(actor_id)
            if actor is None:
                continue
            new = tuple(s for s in seen if s != actor.name and s not in actor.aliases)
            if new:
                actor = Actor(actor.id, actor.name, actor.kind, actor.aliases + new, actor.parent)
            actors[actor_id] = actor
        for actor in list(actors.values()):
            parent = actor.parent
            while parent and parent not in actors:
                found = self.lex.actors.get(parent)
                if found is None:
                    break
                actors[parent] = found
                parent = found.parent
        return ActorFindings(tuple(mentions), actors)
