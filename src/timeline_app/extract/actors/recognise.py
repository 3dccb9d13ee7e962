"""Finding actors in an article: lexicon look-up, organs, roles, titles and discovered people.

Speed shapes the design: the budget is a fraction of a millisecond per article, so the text is
never scanned once per name. One regex finds the runs of capitalised words ("President Bashar
Assad", "UN Security Council"); what a run's words can mean (its tokens, the lexicon phrases
they start, where a name ends) is worked out once per run text (plans.py), so that per article
only what depends on the context is checked. Everything lower-case that matters ("Syrian
regime", "Russia's foreign minister", "spokeswoman Victoria Nuland") is checked with a small
anchored regex at the edge of a run, so it costs nothing where there is no run.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from timeline_app.domain.actor import GROUP, ORGANISATION, PERSON, STATE, Actor
from timeline_app.extract.actors.lexicon import ActorLexicon, Phrase
from timeline_app.extract.actors.mention import ActorFindings, ActorMention, Draft
from timeline_app.extract.actors.patterns import Patterns, patterns_for
from timeline_app.extract.actors.plans import (
    BLOCK,
    LOOSE,
    NOISE,
    NOTHING,
    PERSON_PHRASE,
    PERSON_WORD,
    PLAIN,
    TAIL_ONLY,
    WEAK,
    Piece,
    Token,
    plan,
)
from timeline_app.extract.actors.tokens import (
    LEAD_WORDS,
    LEADING_PARTICLES,
    RUN_AND_NEXT,
    TOKEN,
    norm_token,
    phrase_key,
)

_LEADS = frozenset(LEAD_WORDS)
_ETHNIC = ("ethnic ", "Ethnic ")
# Navy ship prefixes that name one state (INS is India's and Israel's: left out).
_SHIP_PREFIXES = {
    "HMS": "united-kingdom", "USS": "united-states", "HMAS": "australia", "HMCS": "canada",
    "HMNZS": "new-zealand", "BRP": "philippines", "ARA": "argentina", "ROKS": "south-korea",
    "TCG": "turkey",
}
# What the text must hold for a ship prefix to be in it: each prefix holds one of these
# ("HM" is in four).
_SHIP_HINTS = ("HM", "USS", "BRP", "ARA", "ROKS", "TCG")
_SHIP = re.compile(r"\b(HMS|USS|HMAS|HMCS|HMNZS|BRP|ARA|ROKS|TCG)[ \t]+"
                   r"[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]*|\d+)){0,3}")
_ONE_OF = re.compile(r"\b(?:a|an|one|another|any|every|each|its|their|his|her|our|fellow)[ \t]+$",
                     re.IGNORECASE)
_MEMBER_AFTER = re.compile(r"[ \t]+(?:member|member state|member country|country|nation|ally|"
                           r"state|government)\b")
_NAMED_AFTER_PLACE = re.compile(
    r"[ \t]+(?:peace[ \t]+)?(?:process|format|agreements?|accords?|protocols?|memorandum|"
    r"declaration|initiative|group|framework|communiqu[eé]|consensus|summit)\b", re.IGNORECASE)
_NAME_CONTINUES = re.compile(r"[ \t]+[A-Z][a-z]")
_LEAD_ENDINGS = frozenset(w[-2:] for w in LEAD_WORDS)
_OF = (" of ", " of the ", " of the\t", "\tof ")
_IN_PLACE = re.compile(r"[ \t]+in[ \t]+")
_POSSESSIVES = ("his ", "her ", "its ", "their ", "His ", "Her ", "Its ", "Their ")
# Between a person's name and a title in apposition: "Charles Michel, then president of".
_APPOSED_TITLE = re.compile(r",[ \t]+(?:(?:then|now|the|a|former|formerly|as)[ \t]+)*")
_AFFILIATED = re.compile(r",?[ \t]+(?:of|from|at|for)[ \t]+(?:the[ \t]+)?")
_AFTER_NAME = frozenset(" \t'’")
# "Hadi al-Bahra" is not President Hadi: the name goes on with a particle.
_NAME_GOES_ON = re.compile(r"[ \t](?:al|el|ad|as|ash|bin|ibn|abu|bint|ben)[- ][A-Z]")
_GOES_ON_FIRST = frozenset("aeib")  # first letters of those particles: a cheap test first
_NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+([A-Za-z]+)")
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "az", "an", "ul", "ud"})
_TITLE_CONNECTORS = frozenset({"of", "the", "for", "to"})
_TITLE_GAP_PUNCT = re.compile(r"[,;:()\"“”—–]|[.!?][ \t]|\n")
_SLUG = re.compile(r"[^a-z0-9]+")
# How many sentences before a definite description its actor may have been named in; an organ
# of the same noun ("Sudan's army" ... "the army") may be a few more back.
_DESCRIPTION_REACH = 3
_ORGAN_REACH = 6
_OFFICE_REACH = 4000  # characters back that "the foreign secretary" looks for its holder
# Between a title and its holder's name: commas and capitalised words only ("Secretary of State
# Mike", "foreign secretary, Jeremy"), never another clause ("minister Lavrov met Kerry").
_APPOSED = re.compile(r"\s*,\s*")
_NAME_GAP = re.compile(r"[\s,]*(?:[A-Z][\w.'’-]*[\s,]+)*")
# A state's fighting forces, by any of their names ("the Sudanese military" ... "the army").
_ARMED = frozenset({"army", "military", "armed forces"})
_RIGHT_AFTER = re.compile(r"(?:['’]s)?[ \t]*")
_GOVERNMENT_FORCES = re.compile(
    r"\b(?:(?:[Pp]ro-)?[Gg]overnment|[Rr]egime)\s+(?:forces|troops|soldiers|warplanes|jets|"
    r"aircraft|artillery|tanks|militias?)\b")
# "summit in Abuja", "fighting in Darfur": a place where something happens, not an antecedent.
_LOCATIVE = re.compile(r"\b(?:in|at|near|into|across|around|outside|inside|through|from)"
                       r"[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


_SPAN = attrgetter("span")
_VIA = attrgetter("via")
# Where mentions are made most, a Draft is made bare and its slots set: the class call and
# its __init__ frame cost as much again.
_NEW = object.__new__


@functools.lru_cache(maxsize=16)
def kinds_of(lexicon: ActorLexicon) -> dict[str, str]:
    """Each lexicon actor's kind by id, in a plain dict (lexicons hash by identity): the
    passes ask for kinds some forty times an article, and a look-up in the actors'
    mappingproxy followed by an attribute read costs twice a dict look-up."""
    return {actor_id: actor.kind for actor_id, actor in lexicon.actors.items()}


def _index_after(tokens: tuple[Token, ...], i: int, offset: int) -> int:
    """The first token after token i that starts at or after `offset` in the run."""
    j = i + 1
    while j < len(tokens) and tokens[j][1] < offset:
        j += 1
    return j


def ignored_at(ranges: Sequence[tuple[int, int]], length: int, pos: int) -> bool:
    """Whether `pos` lies in the last of the sorted ranges that starts at or before it."""
    index = bisect.bisect_right(ranges, (pos, length + 1)) - 1
    return index >= 0 and ranges[index][0] <= pos < ranges[index][1]


class IgnoredCursor:
    """ignored_at for positions that only grow, as the lexicon pass visits runs: the index
    bisect finds moves on only when a position reaches the next range's start, so a run
    costs a comparison or two instead of a bisect on a fresh tuple (real articles have a
    few ignored ranges: datelines, captions, bylines)."""

    __slots__ = ("end", "last", "length", "next_start", "ranges")

    def __init__(self, ranges: Sequence[tuple[int, int]], length: int) -> None:
        self.ranges = ranges  # sorted
        self.length = length
        self.last = -1  # the index ignored_at's bisect gives, less one
        self.end = -1  # where range `last` ends (-1: none yet)
        self.next_start = ranges[0][0] if ranges else length + 1

    def inside(self, pos: int) -> bool:
        if pos >= self.next_start:
            ranges = self.ranges
            key = (pos, self.length + 1)
            last = self.last
            while last + 1 < len(ranges) and ranges[last + 1] <= key:
                last += 1
            self.last = last
            self.end = ranges[last][1] if last >= 0 else -1
            # (a range starting at `pos` but sorted after the key is looked at again next time)
            self.next_start = ranges[last + 1][0] if last + 1 < len(ranges) else self.length + 1
        return pos < self.end  # (range `last` starts at or before `pos`)


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
    scan.shared_body_names()
    scan.diaspora()
    scan.places_in_names()
    scan.ships()
    scan.discover_people()
    scan.bare_organs()
    scan.definite_short_names()
    scan.leaders_of_regions()
    scan.glued_names()
    scan.government_forces()
    scan.possessive_organs()
    scan.bare_titles()
    scan.descriptions()
    scan.compass_halves()
    return scan.findings()


# A name of two to four capitalised words glued to a participle: "United Nations-brokered".
_GLUED_NAME = re.compile(
    r"\b((?:[A-Z][\w'’.]*[ \t]+(?:(?:of|the|and)[ \t]+)?){1,3}[A-Z][\w'’.]*)-"
    r"(?:led|backed|brokered|mediated|sponsored|funded|supported|drafted|imposed|based|"
    r"controlled|run|held|allied|aligned|installed|recognised|recognized|appointed)\b"
)
# "the leaders of the northern Tigray region", "the authorities in the Kurdistan region": group 1
# the people, group 2 the name they are known by as "Tigray leaders".
_LEADERS_OF = re.compile(
    r"\b[Tt]he (leaders|authorities|rulers|forces|fighters|rebels) (?:of|in) (?:the )?"
    r"(?:[a-z]+(?:-[a-z]+)? ){0,2}?([A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?: (?:region|province|state|enclave|territory|area))?\b"
)
# Names shared by the UN's council or a state's organ and the bodies of many other states.
_SHARED_BODY_NAMES = frozenset({"Security Council", "National Security Council"})
# Capitalised words right before such a name that make it longer: "High", "Supreme National".
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")
_NOT_NAME_WORDS = frozenset(
    "The A An This That These Its His Her Their Our On In At By For From With And But Or Then "
    "When After Before Both Last Next Since While As If Meanwhile".split())


def _name_words_before(text: str, start: int) -> int:
    """Where the capitalised words that run into `start` begin (articles, prepositions and
    conjunctions that open a sentence are not among them)."""
    while (word := _WORD_BEFORE.search(text, max(0, start - 30), start)) is not None and (
            word.group(1) not in _NOT_NAME_WORDS) and (
            word.start() == 0 or not text[word.start() - 1].isalnum()):
        start = word.start()
    return start
_POSSESSIVE_GAP = re.compile(r"['’]s ")
_UN_SEAT = re.compile(r"\s+(?:veto(?:es|ed)?|seat|resolutions?|votes?|membership|presidency|"
                      r"members?)\b")


# "the Commission", "The Front": a capitalised word after "the" that no other name follows.
_THE_NAME = re.compile(r"(?<![\w-])[Tt]he ([A-Z][a-z]{3,})\b(?![ \t]+[A-Z])(?!-)")


class _Scan:
    """One pass over one text; the passes share what earlier ones found (mentions in order,
    people seen, organs named) so that later references resolve against them."""

    __slots__ = (
        "candidates", "discovered", "ignored", "kinds", "lex", "loose", "mentions", "organs",
        "pat", "published", "runs", "runs_text", "seen", "sorted_count", "text",
    )

    def __init__(
        self, text: str, lexicon: ActorLexicon, published: date | None,
        ignored: Sequence[tuple[int, int]],
    ) -> None:
        self.text = text
        self.lex = lexicon
        self.pat: Patterns = patterns_for(lexicon)
        self.kinds = kinds_of(lexicon)
        # A datetime would not compare with the dates of offices: keep the day only.
        self.published = published.date() if isinstance(published, datetime) else published
        self.ignored = sorted(ignored)
        self.mentions: list[Draft] = []
        self.sorted_count = 0  # the mentions are in span order while there are this many
        self.candidates: list[_Candidate] = []
        self.loose: list[tuple[int, int, str]] = []  # unknown single capitalised words
        self.seen: set[str] = set()
        self.organs: list[tuple[int, str, str]] = []  # (start, organ noun, state) in text order
        self.discovered: dict[str, Actor] = {}
        self.runs: list[str] = []  # the text of every run of capitalised words, in order
        self.runs_text: str | None = None  # the runs joined, once asked for (_capitalised)

    # ---------------------------------------------------------------- lexicon pass
    def lexicon_pass(self) -> None:
        text = self.text
        lex = self.lex
        after_words = lex.titles.after_words
        mentions = self.mentions
        loose = self.loose
        ignored = self.ignored
        noise = lex.noise
        plans = lex.plans
        new = _NEW
        skipped = IgnoredCursor(ignored, len(text)) if ignored else None
        runs = self.runs
        for run in RUN_AND_NEXT.finditer(text):
            word = run[1]  # the lower-case word after it, run[2], is read only when needed
            runs.append(word)
            if word in noise:
                continue
            start = run.start()
            if skipped is not None and skipped.inside(start):
                continue
            if start:
                before = text[start - 1]
                if before == " ":
                    if text[start - 3:start - 1] in _LEAD_ENDINGS and text[
                        text.rfind(" ", (start - 10 if start > 10 else 0), start - 1) + 1:start - 1
                    ] in _LEADS:
                        word, start = self._leading_particles(word, start, run.end(1))
                elif before in "-'’":
                    if not (word := self._prefixed(word, start, run.end(1))):
                        continue
                    start = run.end(1) - len(word)
                elif before.isalnum():
                    continue
            for piece in plans.get(word) or plan(lex, word):
                mode = piece.mode
                if mode == PLAIN:
                    # One word naming one state or organisation, with nothing after it that
                    # could make it an organ, a role or a longer name: the fast path.
                    _, offset, end, name_end = piece.first
                    begin = start + offset
                    name_end += start
                    after = text[name_end:name_end + 1]
                    if (
                        (after not in _AFTER_NAME or run[2] not in after_words)
                        and not (text.endswith(_OF, 0, begin) and self._title_of(begin))
                        and (piece.tail is None or not piece.tail.match(text, name_end))
                    ):
                        known = piece.known
                        assert known is not None  # set with the PLAIN mode (plans.Piece)
                        if known[1] == "demonym" and text.endswith(_ETHNIC, 0, begin):
                            continue  # "ethnic Albanians": people, not the state
                        head = True
                        if known[2] and after in " \t" and text[
                            start + end + 1:start + end + 2
                        ].isalpha():
                            head = False  # "Russian citizens": a modifier
                        # Draft(known[0], (begin, name_end), known[1], head), in half the time
                        draft = new(Draft)
                        draft.actor = known[0]
                        draft.span = (begin, name_end)
                        draft.via = known[1]
                        draft.head = head
                        mentions.append(draft)
                        continue
                elif mode == LOOSE:
                    assert piece.loose is not None  # set with the LOOSE mode (plans.Piece)
                    offset, name_end, key = piece.loose
                    loose.append((start + offset, start + name_end, key))
                    continue
                elif mode == PERSON_WORD:
                    _, offset, _, name_end = piece.first
                    begin = start + offset
                    name_end += start
                    if (
                        text[name_end:name_end + 1] not in _AFTER_NAME
                        or run[2] not in after_words
                    ) and not self._title_before(begin) and not (
                        text[name_end + 1:name_end + 2] in _GOES_ON_FIRST
                        and _NAME_GOES_ON.match(text, name_end)
                    ):
                        # A known person named by one word ("Assad"), with no title before
                        # and no "regime" after: the fast path for people.
                        phrase = piece.phrase
                        assert phrase is not None  # set with the PERSON_WORD mode
                        actor = self._pick(phrase)
                        if self.seen and actor.id not in self.seen:
                            actor = self._seen_bearer(text[begin:name_end], actor)
                        if self._before_office(actor.id):
                            continue
                        self.seen.add(actor.id)
                        mentions.append(Draft(actor.id, (begin, name_end), phrase.via, True))
                        continue
                elif mode == NOISE:
                    if len(noise) < 100_000:
                        noise.add(word)  # "The", "Tuesday": never anything, wherever they stand
                    continue
                elif mode == NOTHING:
                    continue
                self._run(piece, start)  # several words, or the fast paths did not apply

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
        return ignored_at(self.ignored, len(self.text), pos)

    def _run(self, piece: Piece, base: int) -> None:
        """The mentions in one piece of a run whose first character is at `base`."""
        steps = piece.steps
        count = piece.count
        i = 0
        titled = False  # the previous token ends a title ("Minister" in "Foreign Minister ...")
        while i < count:
            step = steps[i]
            if step.connector:
                i += 1
                titled = False
                continue
            if i == 0 and step.title_first:
                titled = self._title_before(base + step.offset)
            if titled:
                after = self._titled_name(piece, base, i)
                if after is not None:
                    i, titled = after, False
                    continue
            if step.lookup is not None:
                after = self._lookup(piece, base, i, titled)
                if after is not None:
                    i, titled = after, False
                    continue
            elif step.hyphen and self._hyphenated(step.hyphen, base + step.offset):
                i, titled = i + 1, False
                continue
            if step.word:
                titled = step.titles_next
                i += 1
                continue
            j = step.name_end
            if j > i:
                self._candidate(piece, base, i, j, titled=False)
                i = j
            else:
                i += 1
            titled = False

    def _title_before(self, start: int) -> bool:
        """Whether a title ("spokeswoman", "Mr.", "Secretary of State") ends right before."""
        text = self.text
        if start < 2 or text[start - 1] not in " \t":
            return False
        left = text.rfind(" ", (start - 30 if start > 30 else 0), start - 1)
        word = text[left + 1:start - 1].lower()
        phrases = self.lex.titles.by_last_word.get(word)
        if not phrases:
            return False
        window = text[(start - 40 if start > 40 else 0):start - 1].lower()
        return any(window.endswith(p) and (len(window) == len(p) or not
                   window[-len(p) - 1].isalpha()) for p in phrases)

    def _titled_name(self, piece: Piece, base: int, i: int) -> int | None:
        """After a title: a lexicon person, or a new person's 2-4 word name."""
        step = piece.steps[i]
        phrase = step.longest
        if phrase is not None and phrase[0].via == "block":
            return None
        j = step.name_end
        # A known person, unless more name follows: "Interior Minister Mohammad Omar Daudzai"
        # is not "Mohammad Omar" (Mullah Omar).
        if phrase is not None and self._pick(phrase[0]).kind == PERSON and (
            phrase[1] >= j - i or j - i > 4
        ):
            tokens = piece.tokens
            last = i + phrase[1] - 1
            stop = self._emit_phrase(phrase[0], base + tokens[i][1], base + tokens[last][3], True)
            return _index_after(tokens, last, stop - base)
        if not step.titled_candidate:
            return None
        self._candidate(piece, base, i, j, titled=True)
        return j

    def _lookup(self, piece: Piece, base: int, i: int, titled: bool) -> int | None:
        """Match the longest lexicon phrase at token i (one starts there); the index after it,
        or None."""
        step = piece.steps[i]
        text = self.text
        assert step.lookup is not None  # called only where a phrase or a tail starts
        for n, tail, phrase, meaning, jump, end in step.lookup:
            end += base
            if tail is not None:
                m = tail[0].match(text, end)
                if m:
                    found = tail[1].get(" ".join(m.group(1).lower().split()))
                    if found is not None and found.via != "block":
                        self._emit_phrase(found, base + step.offset, m.end(1), titled,
                                          tail_end=True)
                    return _index_after(piece.tokens, i, m.end(1) - base)
            if meaning == TAIL_ONLY:
                continue
            if meaning == BLOCK:
                return i + n
            if meaning == WEAK:
                return None  # "Chad Smith", "Jordan Peterson"
            if meaning == PERSON_PHRASE and text[end + 1:end + 2] in _GOES_ON_FIRST and (
                _NAME_GOES_ON.match(text, end)
            ):
                return None  # "Hadi al-Bahra" is someone else than President Hadi
            if jump >= 0:
                return jump
            assert phrase is not None  # only a TAIL_ONLY lookup has none
            stop = self._emit_phrase(phrase, base + step.offset, end, titled)
            return _index_after(piece.tokens, i + n - 1, stop - base) if stop > end else i + n
        return None

    def _hyphenated(self, parts: tuple[tuple[int, int, Phrase], ...], start: int) -> bool:
        """"Syrian-Russian", "Russian-made": each known part is a modifier mention."""
        found = False
        for offset, length, phrase in parts:
            actor = self._pick(phrase)
            if actor.kind != PERSON:
                begin = start + offset
                self._add(actor.id, begin, begin + length, phrase.via, head=False)
                found = True
        return found

    def _before_office(self, actor_id: str) -> bool:
        """A bare surname years before that person's first office names someone else
        ("Harris" in a 1989 story), unless the full name came first."""
        return (self.published is not None and actor_id not in self.seen
                and self.lex.long_before_office(actor_id, self.published))

    def _pick(self, phrase: Phrase) -> Actor:
        """One actor for a phrase; a shared surname goes to whoever the text or date favours."""
        if phrase.actor is not None:
            return phrase.actor
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

    def _seen_bearer(self, word: str, actor: Actor) -> Actor:
        """The person named last whose surname `word` is, else `actor`."""
        surnames = self.lex.surnames
        for mention in reversed(self.mentions):
            if mention.actor != actor.id and surnames.get(mention.actor) == word and (
                    self._kind(mention.actor) == PERSON):
                return self.lex.actors.get(mention.actor) or actor
        return actor

    def _emit_phrase(
        self, phrase: Phrase, start: int, end: int, titled: bool, tail_end: bool = False,
    ) -> int:
        """Record the mention (or the organ/role it heads); returns where the mention ends."""
        actor = phrase.actor or self._pick(phrase)
        text = self.text
        mentions = self.mentions
        if actor.kind == PERSON:
            if " " not in text[start:end]:
                if actor.id not in self.seen and self.seen:
                    # "Wang added" after "Wang Wenbin said": the Wang named, not Wang Yi
                    actor = self._seen_bearer(text[start:end], actor)
                if self._before_office(actor.id):
                    return end
            self.seen.add(actor.id)
            if actor.parent:
                m = self.pat.person_organ.match(text, end)
                if m:
                    mentions.append(Draft(actor.parent, (start, m.end(1)), "organ", True))
                    return m.end(1)
            if titled:
                self._title_modifiers(start)
            draft = _NEW(Draft)  # Draft(...) in half the time
            draft.actor = actor.id
            draft.span = (start, end)
            draft.via = "title" if titled else phrase.via
            draft.head = True
            mentions.append(draft)
            return end
        if tail_end:
            mentions.append(Draft(actor.id, (start, end), phrase.via, True))
            return end
        if phrase.via == "demonym" and text.endswith(_ETHNIC, 0, start):
            return end  # "ethnic Albanians", "the ethnic Armenian authorities": not the state
        if text[end:end + 1] in _AFTER_NAME and (
            (m := _NEXT_WORD.match(text, end)) is not None
            and m.group(1).lower() in self.lex.titles.after_words
        ):  # a word follows that may start an organ or a role
            pat = self.pat
            m = pat.organ.match(text, end)
            if m:
                self.organs.append((start, " ".join(m.group(1).lower().split()), actor.id))
                mentions.append(Draft(actor.id, (start, m.end(1)), "organ", True))
                return m.end(1)
            m = pat.role_after.match(text, end)
            if m and phrase.via == "organ" and self.lex.titles.synonyms.get(
                " ".join(m.group(1).lower().split())
            ) == "leader":
                # "the FBI chief", "the Pentagon's head": whoever heads that organ, not the
                # state's leader; the organ still stands for its state
                mentions.append(Draft(actor.id, (start, m.end(1)), "organ", True))
                return m.end(1)
            if m:
                if pat.name_after.match(text, m.end(1)):
                    # "Russian Foreign Minister Sergei Lavrov": the state only qualifies the
                    # title
                    mentions.append(Draft(actor.id, (start, end), phrase.via, False))
                    return end
                self._role(actor.id, m.group(1), start, m.end(1))
                return m.end(1)
        if text.endswith(_OF, (start - 40 if start > 40 else 0), start) and not (
            _NAME_CONTINUES.match(text, end)  # "head of the US Agency for ...": its head
        ):
            window = text[(start - 40 if start > 40 else 0):start]
            m = self.pat.role_before.search(window)
            if m:
                self._role(actor.id, m.group(1), start - len(window) + m.start(1), end)
                return end
        head = True
        if phrase.via == "demonym" and not phrase.plural:
            following = text[end:end + 2]
            head = not (following[:1] in (" ", "\t") and following[1:2].isalpha())
        draft = _NEW(Draft)  # Draft(...) in half the time
        draft.actor = actor.id
        draft.span = (start, end)
        draft.via = phrase.via
        draft.head = head
        mentions.append(draft)
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
        if self.mentions and self._kind(self.mentions[-1].actor) == PERSON and (
            _APPOSED_TITLE.fullmatch(self.text, self.mentions[-1].span[1], start)
        ):
            # "Charles Michel, then president of the European Council,": the title is Michel's
            # (then), not that of whoever holds it on the publication day
            self._add(self.mentions[-1].actor, start, end, "role", head=False)
            return
        if holder:
            self.seen.add(holder)
        self._add(holder or of, start, end, "role")

    def _title_modifiers(self, name_start: int) -> None:
        """Mentions inside a title ("US" in "US State Department spokeswoman X") only modify."""
        kind = self.kinds.get
        for index in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[index]
            # (a person, found here or not, or no actor known: a title does not go on)
            if kind(mention.actor, PERSON) == PERSON or not self._title_gap(
                mention.span[1], name_start
            ):
                break
            mention.head = False
            name_start = mention.span[0]

    def _title_gap(self, start: int, end: int) -> bool:
        """Whether only title words stand between two places (" Deputy Foreign Minister ")."""
        if end - start >= 80 and _TITLE_GAP_PUNCT.search(self.text, start, end):
            return False  # a long gap, not cached, usually has punctuation: no need to cut it
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
        self.mentions.append(Draft(actor, (start, end), via, head))

    def _candidate(self, piece: Piece, base: int, i: int, j: int, titled: bool) -> None:
        tokens = piece.tokens
        raw_end = base + tokens[j - 1][3]
        words = piece.norms[i:j]
        start = base + tokens[i][1]
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
        """The actor's kind; a person found in this text, or no actor known, is a PERSON."""
        return self.kinds.get(actor_id, PERSON)

    def _state_of(self, actor_id: str) -> str:
        actor = self.lex.actors.get(actor_id)
        if actor is None or actor.kind != PERSON or not actor.parent:
            return actor_id  # (a person found in the text, not in the lexicon, has no state)
        return actor.parent

    def _sentence_start(self, pos: int) -> int:
        text = self.text
        floor = pos - 400 if pos > 400 else 0
        stop = text.rfind(". ", floor, pos)
        while stop >= 0 and text[stop + 2:stop + 3].islower():
            stop = text.rfind(". ", floor, stop)  # "the U.N. would back it": no break
        # The rarer breaks matter only after the last ". ": search no further back than it.
        low = stop if stop > floor else floor
        stop = max(stop, text.rfind("? ", low, pos), text.rfind("! ", low, pos))
        # rfind's -1 (no break found) must not read as a break ending at 1
        begin = stop + 2 if stop >= 0 else floor
        return text.rfind("\n", begin, pos) + 1 or begin

    def _capitalised(self) -> str:
        """Every run of capitalised words the lexicon pass read, joined by spaces.

        Each capitalised word of the text is in one of them (the run scan starts at every
        capital it has not read yet), so a capitalised word or name ("His", "HMS", "North")
        is in the text only if it is in these, which are a fraction of the text to search.
        """
        if self.runs_text is None:
            self.runs_text = " ".join(self.runs)
        return self.runs_text

    def _sort_mentions(self) -> list[Draft]:
        """The mentions in span order; sorted again only if some were added since."""
        mentions = self.mentions
        if len(mentions) != self.sorted_count:
            mentions.sort(key=_SPAN)
            self.sorted_count = len(mentions)
        return mentions

    def _insert_mentions(self, added: list[Draft]) -> None:
        """Add mentions where appending and sorting again (a stable sort) would put them."""
        mentions = self.mentions
        if len(mentions) != self.sorted_count:
            mentions.extend(added)
            return
        for mention in added:
            bisect.insort(mentions, mention, key=_SPAN)
        self.sorted_count = len(mentions)

    # ---------------------------------------------------------------- discovery
    def discover_people(self) -> None:
        """People the lexicon lacks: titled names, appositions, then their surnames later."""
        names: dict[str, str] = {}  # "Andrei Denisov" -> id
        surnames: dict[str, str] = {}
        pending: list[_Candidate] = []
        starts = None
        roles = None
        if "role" in map(_VIA, self.mentions):  # any(m.via == "role" ...), in C
            roles = {m.span[1]: m for m in self.mentions if m.via == "role"}
            for mention in self.mentions:  # "the US secretary of state, Hillary Clinton, said"
                if mention.via != "role" and self._kind(mention.actor) == PERSON:
                    title = _role_before(self.text, mention, roles)
                    if title is not None and self._kind(title.actor) == PERSON:
                        title.actor, title.head = mention.actor, False
        text = self.text
        for mention in self.mentions:
            # "Haiti's new prime minister, Ariel Henry, thanked Kenya": a title the lexicon's
            # roles did not find ("new" inside it) still makes its state a modifier
            if mention.via != "role" and text.endswith(", ", 0, mention.span[0]) and (
                    self._kind(mention.actor) == PERSON
                    and _APPOSITION_CLOSES.match(text, mention.span[1])):
                written = self.pat.title_before.search(
                    text, max(0, mention.span[0] - 100), mention.span[0])
                if written is not None:
                    for other in self.mentions:
                        if written.start() <= other.span[0] < written.end() and (
                                self._kind(other.actor) != PERSON):
                            other.head = False
        for candidate in self.candidates:
            if not candidate.titled:
                if roles is None:
                    roles = {m.span[1]: m for m in self.mentions if m.via == "role"}
                title = _role_before(self.text, candidate, roles)
                if title is not None:
                    # "the US secretary of state, Alexander Haig,": the title is Haig's, not
                    # that of whoever holds the office on the publication day
                    candidate.titled = True
                    candidate.parent = self._state_of(title.actor)
                    if self._kind(title.actor) == PERSON:
                        title.head = False
            if not candidate.titled:
                appos = self.pat.apposition.match(self.text, candidate.end)
                if appos and 2 <= len(candidate.words) <= 4:
                    if starts is None:
                        starts = [m.span[0] for m in self._sort_mentions()]
                    candidate.titled = True
                    candidate.parent = self._apposition_parent(starts, candidate.end, appos.end())
            if not candidate.titled and 2 <= len(candidate.words) <= 4 and (
                    self.text.endswith(", ", 0, candidate.start)
                    and _APPOSITION_CLOSES.match(self.text, candidate.end)):
                # "Haiti's new prime minister, Garry Conille, thanked ...": a title set off
                # before a name the lexicon lacks is that person's
                written = self.pat.title_before.search(
                    self.text, max(0, candidate.start - 100), candidate.start)
                if written is not None:
                    if starts is None:
                        starts = [m.span[0] for m in self._sort_mentions()]
                    candidate.titled = True
                    candidate.parent = self._apposition_parent(starts, written.start(),
                                                               written.end())
                    if candidate.parent is None and written.group().startswith(
                            ("its", "Its", "their", "Their")):  # "its foreign minister, X,"
                        candidate.parent = self._state_before(
                            bisect.bisect_left(starts, written.start()))
            if not candidate.titled:
                pending.append(candidate)
                continue
            if candidate.parent is None:
                if starts is None:
                    starts = [m.span[0] for m in self._sort_mentions()]
                candidate.parent = self._affiliation(starts, candidate.end)
            name = " ".join(candidate.words)
            person_id = names.get(name) or self._new_person(name, candidate.parent)
            names[name] = person_id
            if roles:
                title = _role_before(self.text, candidate, roles)
                if title is not None and self._kind(title.actor) == PERSON:
                    title.actor = person_id
            surname = candidate.words[-1]
            surnames[surname] = person_id
            self._add(person_id, candidate.start, candidate.end, "discovered")
        shared: dict[str, list[str]] = {}  # surname -> the people seen who bear it
        for person_id in sorted(self.seen):  # "Ban said" after "Ban Ki-moon"
            known_surname = self.lex.surnames.get(person_id)
            if known_surname and known_surname not in surnames:
                shared.setdefault(known_surname, []).append(person_id)
        if not surnames and not shared:
            return
        for candidate in pending:
            named = names.get(" ".join(candidate.words))
            if named:
                self._add(named, candidate.start, candidate.end, "name")
            elif len(candidate.words) <= 2 and (
                candidate.words[-1] in surnames or candidate.words[-1] in shared
            ):
                # "Mr Denisov" after "Andrei Denisov": the surname, not the whole run.
                last = candidate.words[-1]
                start = candidate.end - len(self.text[candidate.start:candidate.end].split()[-1])
                holder = surnames.get(last) or self._bearer(shared[last], start)
                self._add(holder, start, start + len(last), "surname")
        for start, end, word in self.loose:
            if word in surnames:
                self._add(surnames[word], start, end, "surname")
            elif word in shared:
                self._add(self._bearer(shared[word], start), start, end, "surname")

    def _bearer(self, people: list[str], start: int) -> str:
        """Which of the people seen with one surname a bare "Kim" at `start` means: one named in
        full earlier in the same sentence, else the one in office on the publication day (the
        grandfather named in passing is not the leader of the story), else the last named."""
        if len(people) == 1:
            return people[0]
        best, best_at = None, -1
        for mention in self.mentions:
            if mention.span[0] >= start:
                break
            if mention.actor in people and mention.span[0] > best_at:
                best, best_at = mention.actor, mention.span[0]
        if best is not None and best_at >= self._sentence_start(start):
            return best
        if self.published is not None:
            for person_id in people:
                if self.lex.in_office(person_id, self.published):
                    return person_id
        return best if best is not None else people[0]

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
    def diaspora(self) -> None:
        """ "Cuban-Americans", "an Iranian American": two nationalities joined name people of
        a heritage, neither state; both mentions go. "Syrian Turkmen rebels": a people of
        another state's name living in the first; the second mention goes."""
        mentions = self.mentions
        if len(mentions) < 2 or ("-" not in self.text and " " not in self.text):
            return
        text = self.text
        drop: set[int] = set()
        for k in range(1, len(mentions)):
            first, second = mentions[k - 1], mentions[k]
            if first.via == "demonym" and second.via == "demonym" and (
                first.actor != second.actor
            ) and text[first.span[1]:second.span[0]] in ("-", " ") and (
                text[second.span[0]:second.span[1]] in ("Americans", "Canadians")
                or (text[second.span[0]:second.span[1]] in ("American", "Canadian")
                    and text[max(0, first.span[0] - 3):first.span[0]] in (" a ", "an "))
            ):  # ("Russian-American relations" are the two states')
                drop.update((k - 1, k))
            elif first.via == "demonym" and second.via == "demonym" and (
                first.actor != second.actor
            ) and text[first.span[1]:second.span[0]] == " ":
                drop.add(k)
        if drop:
            self.mentions = [m for i, m in enumerate(mentions) if i not in drop]
            self.sorted_count = 0

    def ships(self) -> None:
        """"HMS Conqueror", "USS Cole", "BRP Sierra Madre": a navy's ship, by its prefix, is its
        state's, acting or acted upon ("HMS Conqueror torpedoed the General Belgrano")."""
        text = self.text
        runs = self._capitalised()
        if not any(p in runs for p in _SHIP_HINTS):
            return
        starts = [m.span[0] for m in self._sort_mentions()]
        added = []
        for m in _SHIP.finditer(text):
            state = _SHIP_PREFIXES[m.group(1)]
            if state not in self.lex.actors:
                continue
            index = bisect.bisect_left(starts, m.start())
            if index < len(starts) and starts[index] < m.end():
                continue  # named already (a person's name on a ship is kept out by the lexicon)
            added.append(Draft(state, m.span(), "organ", True))
        if added:
            self._insert_mentions(added)

    def places_in_names(self) -> None:
        """"the Astana process", "the Minsk agreements", "the Oslo accords": a capital naming
        a process or a document is no party to it; nor is "a NATO member" the alliance, but
        one of its members left unnamed. Those mentions go."""
        text = self.text
        kind = self.kinds.get  # (a kind other than the lexicon's is a person's, no organisation)
        drop = [k for k, m in enumerate(self.mentions)
                if (m.via == "capital" and _NAMED_AFTER_PLACE.match(text, m.span[1]))
                or (kind(m.actor) == ORGANISATION  # a dict look-up first, every mention
                    and _ONE_OF.search(text, max(0, m.span[0] - 9), m.span[0])
                    and _MEMBER_AFTER.match(text, m.span[1]))]
        if drop:
            gone = set(drop)
            self.mentions = [m for k, m in enumerate(self.mentions) if k not in gone]
            self.sorted_count = 0

    def possessive_organs(self) -> None:
        """"His foreign ministry accused Moscow", "its troops": the state of the person (his,
        her) or the state (its, their) named last, in this sentence or the one before."""
        if not self.mentions:
            return
        text = self.text
        runs = self._capitalised()
        places = []  # found by str.find: a regex scan for the possessives cost a fifth of
        for word in _POSSESSIVES:  # the recogniser
            if word[0].isupper() and word[:-1] not in runs:
                continue  # "His", "Its" stand in a run if anywhere
            i = text.find(word)
            while i >= 0:
                if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_"):
                    places.append(i)
                i = text.find(word, i + len(word))
        if not places:
            return
        match = self.pat.possessive_organ.match
        found = [m for m in map(lambda i: match(text, i), sorted(places)) if m is not None]
        if not found:
            return
        starts = [m.span[0] for m in self._sort_mentions()]
        added = []
        for m in found:
            start, end = m.span(2)
            index = bisect.bisect_left(starts, start)
            if index < len(starts) and starts[index] < end:
                continue  # named already ("its Foreign Ministry" as an organ of a state)
            personal = m.group(1).lower() in ("his", "her")
            floor = self._window_start(m.start(), 1)
            state = None
            for k in range(index - 1, -1, -1):
                mention = self.mentions[k]
                if mention.span[0] < floor:
                    break
                kind = self._kind(mention.actor)
                if personal and kind == PERSON:
                    state = self._state_of(mention.actor)
                    break
                if not personal and kind == STATE:
                    state = mention.actor
                    break
            if state is not None and self._kind(state) == STATE:
                added.append(Draft(state, (start, end), "organ", True))
        if added:
            self._insert_mentions(added)

    def bare_organs(self) -> None:
        """"the embassy", "the Foreign Ministry": the state whose organ it last was, else the
        state named earlier in the sentence, else the last state named before it."""
        found = list(self.pat.bare_organ.finditer(self.text)) if self.mentions else []
        if not found:
            return
        starts = [m.span[0] for m in self._sort_mentions()]
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
            placed = _IN_PLACE.match(self.text, end)
            if placed is not None and index < len(starts) and starts[index] == placed.end():
                where = self.mentions[index].actor  # "the foreign ministry in Tehran"
                if self._kind(where) == STATE:
                    state = where
            if state is None:
                state = self._state_in_sentence(start, index) or self._state_before(index)
            if state is not None:
                added.append(Draft(state, (start, end), "organ", True))
        if added:
            self._insert_mentions(added)

    def definite_short_names(self) -> None:
        """"The Commission" after "the European Commission", "the Front" after "the Polisario
        Front": a body named in full before is then called by the last word of its name."""
        heads: dict[str, tuple[int, str]] = {}  # last word -> (where first named, body)
        for mention in self._sort_mentions():
            if self._kind(mention.actor) not in (ORGANISATION, GROUP) or " " not in (
                    self.text[mention.span[0]:mention.span[1]]):
                continue
            actor = self.lex.actors.get(mention.actor) or self.discovered.get(mention.actor)
            if actor is None:
                continue
            last = actor.name.rsplit(" ", 1)[-1]
            if len(last) > 3 and last[0].isupper() and last.isalpha():
                heads.setdefault(last, (mention.span[1], mention.actor))
        if not heads:
            return
        text = self.text
        starts = [m.span[0] for m in self.mentions]
        added = []
        for word, (after, body) in heads.items():
            at = text.find(word, after)  # str.find: most articles say none of these words again
            while at >= 0:
                m = _THE_NAME.match(text, max(0, at - 4))
                if m is not None and m.start(1) == at:
                    index = bisect.bisect_left(starts, m.start())
                    if index >= len(starts) or starts[index] >= m.end():
                        # (not part of a name found already: "the Commission President ...")
                        added.append(Draft(body, (at, m.end(1)), "description", True))
                at = text.find(word, at + len(word))
        if added:
            self._insert_mentions(added)

    def glued_names(self) -> None:
        """"a United Nations-brokered ceasefire", "the United States-led coalition": a name of
        several words glued to a participle is one capitalised token short of its name for the
        lexicon pass, so it is looked up here; like "Iran-backed", it modifies the noun after
        it (no head mention)."""
        text = self.text
        if "-" not in text:
            return
        added = []
        for match in _GLUED_NAME.finditer(text):
            words = match.group(1).split()
            for first in range(len(words) - 1):  # the longest name the run ends with
                phrase = self.lex.phrases.get(phrase_key(" ".join(words[first:])))
                if phrase is not None:
                    break
            else:
                continue
            if phrase.via == "block":
                continue
            actor = self._pick(phrase)
            begin, end = match.end(1) - len(" ".join(words[first:])), match.end(1)
            if actor.kind == PERSON or any(
                    m.span[0] < end and begin < m.span[1] for m in self.mentions):
                continue  # part of it found already ("Saudi" of "Saudi Arabia-backed")
            added.append(Draft(actor.id, (begin, end), phrase.via, False))
        if added:
            self._insert_mentions(added)

    def leaders_of_regions(self) -> None:
        """"the leaders of the northern Tigray region": the body the lexicon knows as "Tigray
        leaders" (the same words turned round), where the region alone is no actor."""
        text = self.text
        if " of " not in text:
            return
        starts = [m.span[0] for m in self.mentions]
        added = []
        for match in _LEADERS_OF.finditer(text):
            name, people = match.group(2), match.group(1).lower()
            tail = self.lex.tails.get(name)  # "Tigray" + "leaders": a name's tail words
            phrase = tail[1].get(people) if tail is not None else self.lex.phrases.get(
                phrase_key(f"{name} {people}"))
            if phrase is None or phrase.via == "block":
                continue
            actor = self._pick(phrase)
            if actor.kind == PERSON:
                continue
            index = bisect.bisect_left(starts, match.start())
            if index < len(starts) and starts[index] < match.end():
                continue  # a name found already inside ("the leaders of the European Union")
            added.append(Draft(actor.id, match.span(), "alias", True))
        if added:
            self._insert_mentions(added)

    def government_forces(self) -> None:
        """"government forces", "regime troops" with no state named before them: the forces
        of the state the story is about, the one named most often so far (a war story names
        its own country far more than the foreign powers it mentions)."""
        text = self.text
        if not self.mentions or ("overnment " not in text and "egime " not in text):
            return
        found = list(_GOVERNMENT_FORCES.finditer(text))
        if not found:
            return
        starts = [m.span[0] for m in self._sort_mentions()]
        kind = self.kinds.get
        added = []
        for m in found:
            start, end = m.span()
            index = bisect.bisect_left(starts, start)
            if index < len(starts) and starts[index] < end:
                continue  # covered ("Syrian government forces")
            if index and _RIGHT_AFTER.fullmatch(text, self.mentions[index - 1].span[1], start):
                continue  # right after a name ("Assad government forces"): that name's forces
            if self.ignored and self._is_ignored(start):
                continue
            counts: dict[str, int] = {}
            for k in range(index):
                actor = self.mentions[k].actor
                if kind(actor) == STATE:
                    counts[actor] = counts.get(actor, 0) + 1
            if not counts:
                continue
            ranked = sorted(counts.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                continue  # two states as often: whose forces, a reader could not tell
            state = max(counts, key=counts.__getitem__)
            added.append(Draft(state, (start, end), "organ", True))
        if added:
            self._insert_mentions(added)

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

    def _state_in_sentence(self, start: int, index: int) -> str | None:
        """The first state named earlier in the sentence: "Chad recalled its envoy after
        Sudan attacked a village, the government said" is Chad's government."""
        sentence_start = self._sentence_start(start)
        kind = self.kinds.get
        for k in range(index):
            mention = self.mentions[k]
            if mention.span[0] < sentence_start:
                continue
            if kind(mention.actor) == STATE:  # (lexicon actors are keyed by their ids)
                return mention.actor
        return None

    def _state_before(self, index: int) -> str | None:
        kind = self.kinds.get
        for k in range(index - 1, -1, -1):
            if kind(self.mentions[k].actor) == STATE:
                return self.mentions[k].actor
        return None

    # ---------------------------------------------------------------- offices
    def bare_titles(self) -> None:
        """"the foreign secretary said": the person named last before it who holds that
        office, by the lexicon's roles on the publication day or by the title the text gives
        them ("The foreign secretary, Jeremy Hunt, ..."), within a few paragraphs. Nobody
        when no one named before holds it: a reader would not know either."""
        text = self.text
        if not self.mentions or "he " not in text:
            return
        found = list(self.pat.bare_title.finditer(text))
        if not found:
            return
        starts = [m.span[0] for m in self._sort_mentions()]
        synonyms = self.lex.titles.synonyms
        added = []
        for m, start, end, index in self._free_definites(found, starts):
            canonical = synonyms.get(" ".join(m.group(1).lower().split()))
            if canonical is None:
                continue
            surfaces = [s for s, c in synonyms.items() if c == canonical]
            if index and _APPOSED.fullmatch(text, self.mentions[index - 1].span[1], start - 4):
                continue  # "Jeremy Hunt, the foreign secretary,": the name says who already
            for k in range(index - 1, -1, -1):
                mention = self.mentions[k]
                if start - mention.span[1] > _OFFICE_REACH:
                    break
                if self._kind(mention.actor) == PERSON and self._holds(
                        mention, canonical, surfaces):
                    added.append(Draft(mention.actor, (start, end), "description", True))
                    break
        if added:
            self._insert_mentions(added)

    def _holds(self, mention: Draft, canonical: str, surfaces: list[str]) -> bool:
        """Whether the person of `mention` holds the office: by role, or by the title the text
        puts before the name or in an apposition after it."""
        day = self.published
        for role in self.lex.roles.get(mention.actor, ()):
            if role.title == canonical and (day is None or role.covers(day)):
                return True
        text = self.text
        before = text[max(0, mention.span[0] - 60):mention.span[0]]
        lowered = before.lower()
        after = text[mention.span[1]:mention.span[1] + 60].lower()
        after = after[:after.find(",", 2)] if after.startswith(",") else ""
        for surface in surfaces:
            if surface in after:
                return True  # "Jeremy Hunt, the foreign secretary,"
            at = lowered.rfind(surface)
            if at >= 0 and _NAME_GAP.fullmatch(before, at + len(surface)):
                return True  # "The foreign secretary, Jeremy Hunt", "Foreign Secretary Hunt"
        return False

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
        starts = [m.span[0] for m in self._sort_mentions()]
        kinds = self.lex.titles.descriptions
        added = []
        # (a noun right after another mention, "the Sudanese army", is already its organ)
        armed: tuple[int, str] | None = None  # the last "the army" read: (where, whose)
        for m, start, end, index in self._free_definites(found, starts):
            noun = " ".join(m.group(1).split())
            kind = kinds.get(noun)
            actor = self._organ_before(start, noun) if kind == "state" else None
            if actor is None and noun in _ARMED:
                # "the Sudanese military led by Burhan ... the army and the RSF agreed": a war
                # story's "the army" stays the army it named, however far back, rather than
                # the state of whoever is quoted nearby
                organ = self._armed_before(start)
                actor = organ[1] if organ is not None and (
                    armed is None or organ[0] > armed[0]) else (armed[1] if armed else None)
            if actor is None:
                actor = self._antecedent(index, start, noun, kind)
            if actor is not None:
                added.append(Draft(actor, (start, end), "description", True))
                if noun in _ARMED:
                    armed = (start, actor)
        if added:
            self._insert_mentions(added)

    def shared_body_names(self) -> None:
        """"Algeria's High Security Council", "Iran's Supreme National Security Council",
        "Russia's Security Council met": many states name a body of their own as the UN's
        council or the White House's is named. A capitalised word before the name makes it
        another body's; a state's possessive before it makes it that state's (but "Russia's
        Security Council veto" is still the UN's)."""
        text = self.text
        if "Security Council" not in text:
            return
        kept: list[Draft] = []
        changed = False
        for mention in self._sort_mentions():
            start, end = mention.span
            if text[start:end] not in _SHARED_BODY_NAMES:
                kept.append(mention)
                continue
            begin = _name_words_before(text, start)
            if kept and begin <= kept[-1].span[0]:
                begin = start  # "White House National Security Council": a known name before
            modifiers = begin < start or None
            owner = kept[-1] if kept and _POSSESSIVE_GAP.fullmatch(
                text, kept[-1].span[1], begin) else None
            if owner is not None and self._kind(owner.actor) == STATE and not (
                    modifiers is None and _UN_SEAT.match(text, end)):
                mention.actor, mention.via = owner.actor, "organ"
                changed = True
            elif modifiers is not None:
                changed = True
                continue  # another body, not known by its own name
            kept.append(mention)
        if changed:
            self.mentions[:] = kept
            self.sorted_count = len(kept)

    def compass_halves(self) -> None:
        """"the North", "the South": the divided country's half named before ("North Korea",
        "South Sudan", "North Vietnam"), the nearest one with that word; never "the North
        Atlantic" or "the South China Sea" (a name goes on)."""
        text = self.text
        runs = self._capitalised()
        if ("North" not in runs or "he North" not in text) and (
                "South" not in runs or "he South" not in text):
            return
        halves: list[tuple[int, str, str]] = []  # (start, "north"/"south", actor)
        for mention in self._sort_mentions():
            actor = self.lex.actors.get(self._state_of(mention.actor))  # Kim: North Korea
            if actor is not None and actor.kind == STATE and actor.id not in _NOT_HALVES:
                first = actor.name.split(" ", 1)[0].lower()
                if first in ("north", "south"):
                    halves.append((mention.span[0], first, actor.id))
        if not halves:
            return
        added = []
        for m in _COMPASS.finditer(text):
            word = m.group(1).lower()
            half = next((a for start, w, a in reversed(halves)
                        if w == word and start < m.start()), None)
            if half is not None:
                added.append(Draft(half, (m.start(1) - 4, m.end(1)), "description", True))
        if added:
            self._insert_mentions(added)

    def _organ_before(self, start: int, noun: str) -> str | None:
        floor = None
        for begin, organ, state in reversed(self.organs):
            if begin < start and organ == noun:
                if floor is None:
                    floor = self._window_start(start, _ORGAN_REACH)
                return state if begin >= floor else None
        return None

    def _armed_before(self, start: int) -> tuple[int, str] | None:
        """(where, whose) of the last army, military or armed forces named before `start`."""
        for begin, organ, state in reversed(self.organs):
            if begin < start and organ in _ARMED:
                return begin, state
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

    def _compatible(self, mention: Draft, noun: str, kind: str | None) -> str | None:
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
    def _with_surfaces(self, actor_id: str, seen: dict[str, None]) -> Actor | None:
        """The actor with the surface forms it lacks added to its aliases (None: unknown)."""
        actor = self.lex.actors.get(actor_id) or self.discovered.get(actor_id)
        if actor is None:
            return None
        new = tuple(s for s in seen if s != actor.name and s not in actor.aliases)
        if new:
            actor = Actor(actor.id, actor.name, actor.kind, actor.aliases + new, actor.parent)
        return actor

    def findings(self) -> ActorFindings:
        # In span order, overlapping mentions resolved (see _without_overlaps), each with its
        # actor's surface forms gathered, actors in order of their first mention; the drafts
        # become the ActorMentions as they go (see mention.Draft). Mentions seldom overlap: one
        # pass assumes they do not, and on the first overlap the careful way takes over.
        mentions = self._sort_mentions()
        text = self.text
        surfaces: dict[str, dict[str, None]] = {}
        reach = -1
        for mention in mentions:
            start, end = mention.span
            if start < reach:
                mentions = _without_overlaps(mentions)
                surfaces = _surfaces(text, mentions)
                break
            reach = end
            surface = mention.text = text[start:end]
            mention.__class__ = ActorMention  # type: ignore[assignment]
            seen = surfaces.get(mention.actor)
            if seen is None:
                seen = surfaces[mention.actor] = {}
            if surface[:1].isupper():  # not a bare "the embassy"
                seen[surface if "\n" not in surface else " ".join(surface.split())] = None
        actors: dict[str, Actor] = {}
        variants = self.lex.variants
        for actor_id, seen in surfaces.items():
            variant = (actor_id, *seen)
            actor = variants.get(variant)
            if actor is None:
                actor = self._with_surfaces(actor_id, seen)
                if actor is None:
                    continue
                if actor_id in self.lex.actors and len(variants) < 20_000:
                    variants[variant] = actor
            actors[actor_id] = actor
        for actor in list(actors.values()):
            parent = actor.parent
            while parent and parent not in actors:
                found = self.lex.actors.get(parent)
                if found is None:
                    break
                actors[parent] = found
                parent = found.parent
        return ActorFindings(tuple(mentions), actors)  # type: ignore[arg-type]


# A title set off before a name: "the US secretary of state, Alexander Haig, said".
_TITLE_COMMA = re.compile(r",[ \t]+")
_APPOSITION_CLOSES = re.compile(r"[ \t]*(?:[,;:.)]|[ \t]said\b|$)")


_COMPASS = re.compile(r"(?<=[Tt]he )(North|South)\b(?!['’]?[ \t]*-|[ \t]+[A-Z])")
_NOT_HALVES = frozenset({"south-africa", "north-macedonia"})


def _role_before(
    text: str, name: _Candidate | Draft, roles: dict[int, Draft]
) -> Draft | None:
    """The role mention a name stands in apposition to, closed by a comma after the name."""
    start, end = (name.start, name.end) if isinstance(name, _Candidate) else name.span
    comma = text.rfind(",", max(0, start - 4), start)
    if comma < 0 or not _TITLE_COMMA.fullmatch(text, comma, start):
        return None
    title = roles.get(comma)
    if title is None or not _APPOSITION_CLOSES.match(text, end):
        return None
    return title


def _without_overlaps(mentions: list[Draft]) -> list[Draft]:
    """Mentions in span order without overlaps: of two that overlap the first is kept, unless
    the second starts at the same place (and so is longer): the longer reading wins."""
    kept: list[Draft] = []
    reach = -1
    for mention in mentions:
        span = mention.span
        if span[0] >= reach:
            kept.append(mention)
            reach = span[1]
        elif span[0] == kept[-1].span[0]:
            kept[-1] = mention
            reach = span[1]
    return kept


def _surfaces(text: str, mentions: list[Draft]) -> dict[str, dict[str, None]]:
    """findings' surface forms by actor, the mentions made ActorMentions (some may be)."""
    surfaces: dict[str, dict[str, None]] = {}
    for mention in mentions:
        if mention.__class__ is Draft:
            span = mention.span
            mention.text = text[span[0]:span[1]]
            mention.__class__ = ActorMention  # type: ignore[assignment]
        surface = mention.text
        seen = surfaces.get(mention.actor)
        if seen is None:
            seen = surfaces[mention.actor] = {}
        if surface[:1].isupper():  # not a bare "the embassy"
            seen[surface if "\n" not in surface else " ".join(surface.split())] = None
    return surfaces
