"""Who acts on whom: picking an event's source and target among the actors of a sentence.

There is no parser here on purpose: a dependency parse would cost more than the whole extraction
budget. News sentences are regular enough that word order, prepositions and a few clause marks
carry most of the grammar: the actor is usually the nearest actor before the verb that is not the
object of a preposition, and the party acted upon follows the verb, often after a preposition the
pattern names ("distancing itself from X", "arms to X").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from timeline_app.extract.scan import clause_end, may_hold, needle_finder


class MentionLike(Protocol):
    """What the party finders read of a mention; read-only, so that the frozen ActorMention
    and the recogniser's mutable drafts both satisfy it."""

    @property
    def actor(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def text(self) -> str: ...
    @property
    def via(self) -> str: ...  # "place" for a city or region: acted upon, never acting
    @property
    def head(self) -> bool: ...


class Party(NamedTuple):
    """An actor in the role of source or target, and where the text names it.

    A named tuple rather than a frozen dataclass: just as immutable, and built several
    times per trigger, at a third of the cost.
    """

    actor: str
    span: tuple[int, int]


_PREPOSITIONS = frozenset(
    """in at from to into of on near with by for over through across inside outside toward
    towards around between against than like about under within without onto via among
    amid beyond behind""".split()
)
# "Officials at the Russian Embassy", "a spokesman for the UN": the prepositional phrase names
# who speaks, so the actor in it may still be the subject.
_AFFILIATION = re.compile(
    r"(?:officials?|spokes(?:man|woman|person|people)|diplomats?|sources?|representatives?|"
    r"envoys?|ambassadors?|ministers?|head|chief|leaders?|members?|troops|forces|soldiers|"
    r"staff|delegations?|aides?|advisers?|advisors?|governments?|authorities|rulers|juntas?|"
    r"regimes?|administrations?)\s+(?:at|of|for|from|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AFFILIATION_NEEDLES = (  # one is in every match of _AFFILIATION
    "official", "spokes", "diplomat", "source", "representative", "envoy", "ambassador",
    "minister", "head", "chief", "leader", "member", "troops", "forces", "soldiers", "staff",
    "delegation", "aide", "adviser", "advisor", "government", "authorities", "rulers", "junta",
    "regime", "administration",
)
_CO_SOURCE = re.compile(
    r"(?:along|together|jointly)\s+with\s+(?:the\s+)?$|as\s+well\s+as\s+$", re.IGNORECASE
)
_CO_SOURCE_NEEDLES = ("with", "well")  # one is in every match of _CO_SOURCE
_WORD = re.compile(r"[A-Za-z’']+")
_PRONOUNS = re.compile(r"\b(he|she|it|they)\b", re.IGNORECASE)
# Appositions (", a key ally,") and datelines ("MASNAA, Lebanon — ") name actors that do not act.
_APPOSITION = re.compile(
    # (not the rest of a list of subjects: "Russia, the United States and Britain signed")
    r",\s+(?![^,;—]{0,60}?\sand\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+"
    r"(?:[a-z]+ed|came|went|met|signed|agreed|fought|struck|sent|held|began|broke|cut|froze|"
    r"withdrew|have|had|were)\b)"
    r"(?:a|an|the|its|his|her|their|another|one|whose|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?['’]s?)"
    r"\s[^,;—]{1,80}?(?:,|\.$|$)"
    # relative clauses: "Duque, who has recognized Guaido as interim president, blamed ..."
    # (a comma inside a number, "about 1,000 troops", does not end them)
    r"|,\s+(?:who|which)\s(?:[^,;—]|(?<=\d),(?=\d{3})){1,140}?,(?!\d{3})"
)
# What follows the comma of every _APPOSITION match: a capital, or one of its opening words.
_APPOSITION_OPENING = re.compile(
    r",\s+(?:[A-Z]|(?:a|an|the|its|his|her|their|another|one|whose|who|which)\s)"
)


def _appositions(sentence: str) -> list[tuple[int, int]]:
    """The spans _APPOSITION.finditer(sentence) gives, with the regex tried only at the commas
    _APPOSITION_OPENING admits: at each comma the full pattern first runs a look-ahead over the
    next sixty characters, mostly to fail at ", said" or ", but" right after."""
    spans: list[tuple[int, int]] = []
    resume = 0  # matches do not overlap: a comma inside the last one starts none
    for opening in _APPOSITION_OPENING.finditer(sentence):
        at = opening.start()
        if at < resume:
            continue
        match = _APPOSITION.match(sentence, at)
        if match is not None:
            spans.append(match.span())
            resume = match.end()
    return spans


# An adjective aside between a subject and its verb: "Saudi Arabia, Egypt and Jordan, wary of
# Iran's growing reach, faulted Hezbollah" (Iran is no subject of "faulted").
_ADJECTIVE_ASIDE = re.compile(
    r",\s+(?:(?:already|increasingly|long|ever|deeply|still|now)\s+)?(?:wary|fearful|worried|"
    r"angry|anxious|eager|keen|mindful|aware|unhappy|furious|frustrated|desperate|careful|"
    r"conscious|suspicious|nervous|alarmed|concerned|uneasy|sceptical|skeptical|confident|"
    r"determined|reluctant|unwilling|emboldened|angered|stung|irritated|embarrassed|"
    r"dependent|reliant|jealous|resentful|tired|weary)\s+(?:of|about|at|over|by|with|to|"
    r"on|that)\s[^,;—]{1,100}?,"
)
# A participle aside between a subject and its verb: "Sisi, addressing troops at a base in
# Egypt's western desert, said ...". (", selling arms, training officers," is a list of acts
# after the verb: an -ing word or a conjunction after the closing comma, no aside.)
_PARTICIPLE_ASIDE = re.compile(
    r",\s+[a-z]+ing\s[^,;—]{1,160}?,(?=\s+(?!and\b|or\b|but\b|in\b|on\b|at\b|as\b|amid\b|after\b|"
    r"before\b|with\b|for\b|from\b|to\b|by\b|over\b|during\b|despite\b|while\b|which\b)"
    r"[a-z]+\b(?<!ing))"
)
# Subordinate clauses ("since the Syrian uprising began in 2011,") up to the next comma.
# Case spelled out rather than re.IGNORECASE: the engine can then skip on the first letter.
_SUBORDINATE = re.compile(
    r"\b(?:[Ss]ince|[Bb]ecause|[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Aa]lthough|[Tt]hough|"
    r"[Uu]ntil|[Ww]hereas|[Ii]f|SINCE|BECAUSE|AFTER|BEFORE|WHEN|WHILE|ALTHOUGH|THOUGH|UNTIL|"
    r"WHEREAS|IF)\b[^,;]*"
)
# A participle after a comma shares the main clause's subject: "X ..., selling arms, ...".
_PARTICIPLE = re.compile(r"\s*(?:and\s*,?\s*)?[a-z]+ing\b")
_DATELINE = re.compile(
    r"^[*_]{0,2}[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .,'’-]{1,40}?)?(?:\s*\([^)]{1,30}\))?"
    r"[*_]{0,2}\s*(?:—|–|--|-)\s+"
)
# Searched with scan.clause_end, which finds the same, faster; kept as its specification.
_CLAUSE_END = re.compile(
    r";|\s[—–]\s|,\s*and\b|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bthough\b"
)


_DETERMINERS = frozenset(
    """the a an its his her their this that these those two three four five six seven eight
    nine ten several many some dozens hundreds thousands all both other""".split()
)


def last_word(gap: str) -> str:
    """The last word of `gap` that is not a determiner ("on three" -> "on")."""
    if len(gap) > 16:  # the last words are usually enough; the cut one may be partial
        words = _WORD.findall(gap, len(gap) - 16)
        for k in range(len(words) - 1, 0, -1):
            lowered = words[k].lower()
            if lowered not in _DETERMINERS:
                return lowered
    for word in reversed(_WORD.findall(gap)):
        lowered = word.lower()
        if lowered not in _DETERMINERS:
            return lowered
    return ""


def strip_dateline(sentence: str) -> str:
    """The sentence without its "MONTREUX, Switzerland, Jan. 22 (Newswire) —" opening."""
    dateline = _DATELINE.match(sentence.lstrip("*_ "))
    return sentence.lstrip("*_ ")[dateline.end():] if dateline else sentence


def masked_ranges(
    sentence: str, offset: int, subordinates: SubordinateIndex | None = None
) -> list[tuple[int, int]]:
    """Absolute ranges of datelines, appositions and subordinate clauses inside a sentence.

    `subordinates`, the article's index, spares a scan of the sentence for its clauses.
    """
    ranges = []
    dateline = _DATELINE.match(sentence) if _may_open_dateline(sentence) else None
    if dateline:
        ranges.append((offset, offset + dateline.end()))
    if "," in sentence:  # every apposition opens with a comma
        ranges.extend((offset + a, offset + b) for a, b in _appositions(sentence))
        if "ing " in sentence:
            ranges.extend((offset + m.start(), offset + m.end())
                          for m in _PARTICIPLE_ASIDE.finditer(sentence))
        ranges.extend((offset + m.start(), offset + m.end())
                      for m in _ADJECTIVE_ASIDE.finditer(sentence))
    if subordinates is not None:
        ranges.extend(subordinates.clauses(offset, offset + len(sentence)))
    else:
        ranges.extend((offset + a, offset + b) for a, b in _subordinate_clauses(sentence))
    return ranges


_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ .'’-")


def _may_open_dateline(sentence: str) -> bool:
    """Whether _DATELINE can match: unless the sentence opens with "*" or "_", its first two
    characters are a capital and one of [A-Z .'’-] ("The ..." is ruled out without the regex),
    and a dash ends it ("UN Secretary-General" may pass; "U.S. officials said" does not)."""
    return (sentence[:1] in ("*", "_") or sentence[1:2] in _DATELINE_SECOND) and (
        "-" in sentence or "—" in sentence or "–" in sentence
    )


_SUBORDINATORS = (
    "since", "because", "after", "before", "when", "while", "although", "though", "until",
    "whereas", "if",
)


class SubordinateIndex:
    """Where the subordinators of a whole article stand, found once per article.

    Asking per sentence lower-cased every sentence and ran eleven searches over each; the
    article is lower-cased once (by the caller, who needs it too) and searched once per word.
    `clauses` gives, for one sentence, exactly what `_subordinate_clauses` gives for its text.
    """

    __slots__ = ("_ends", "_lowered", "_starts", "_text")

    def __init__(self, text: str, lowered: str) -> None:
        self._text = text
        # Offsets must agree with the text; otherwise fall back to the sentence's own scan.
        self._lowered = lowered if len(lowered) == len(text) else None
        found: list[tuple[int, int]] = []
        if self._lowered is not None:
            for word in _SUBORDINATORS:  # none of them overlaps itself: find() sees them all
                size = len(word)
                i = lowered.find(word)
                while i >= 0:
                    found.append((i, i + size))
                    i = lowered.find(word, i + size)
            found.sort()
        self._starts = [a for a, _ in found]
        self._ends = [b for _, b in found]

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """Absolute spans of the subordinate clauses of the sentence text[start:end]."""
        lowered = self._lowered
        if lowered is None:
            return [(start + a, start + b)
                    for a, b in _subordinate_clauses(self._text[start:end])]
        starts, ends = self._starts, self._ends
        k = bisect.bisect_left(starts, start)
        clauses: list[tuple[int, int]] = []
        count = len(starts)
        while k < count and starts[k] < end:
            i, j = starts[k], ends[k]
            k += 1
            if j > end or (clauses and i < clauses[-1][1]):
                continue
            if i > start and (lowered[i - 1].isalnum() or lowered[i - 1] == "_"):
                continue
            if j < end and (lowered[j].isalnum() or lowered[j] == "_"):
                continue
            clauses.append((i, _clause_end(lowered, i, end)))
        return clauses


def _subordinate_clauses(sentence: str) -> list[tuple[int, int]]:
    """What _SUBORDINATE finds, by str.find: a regex alternation behind a word boundary scans
    every position and cost more than all other clause marks together."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a letter whose lower case is longer: offsets would drift
        return [m.span() for m in _SUBORDINATE.finditer(sentence)]
    size = len(lowered)
    starts = []
    for word in _SUBORDINATORS:
        i = lowered.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not (lowered[i - 1].isalnum() or lowered[i - 1] == "_")) and (
                j >= size or not (lowered[j].isalnum() or lowered[j] == "_")
            ):
                starts.append(i)
            i = lowered.find(word, j)
    clauses: list[tuple[int, int]] = []
    for start in sorted(starts):
        if clauses and start < clauses[-1][1]:
            continue  # inside the clause already found, as a regex scan would skip it
        clauses.append((start, _clause_end(lowered, start, size)))
    return clauses


# A comma inside a list ("armed with knives, axes and sticks") does not end a clause.
# (Not ", selling arms, training officers,": participles after a comma are acts of their own.)
_LIST_ITEM = re.compile(
    r"(?:,\s*(?![a-z]+(?:ing|ed)\b)[a-z]+(?:\s+[a-z]+)?)+,?\s+(?:and|or)\s"
)


def _clause_end(lowered: str, start: int, end: int) -> int:
    """Where a subordinate clause opened at `start` ends: its first semicolon, or its first
    comma that does not separate the items of a list; `end` when there is neither."""
    semicolon = lowered.find(";", start, end)
    limit = semicolon if semicolon >= 0 else end
    comma = lowered.find(",", start, limit)
    while comma >= 0 and _LIST_ITEM.match(lowered, comma, limit):
        comma = lowered.find(",", comma + 1, limit)
    return comma if comma >= 0 else limit


_COORDINATED = re.compile(
    r"(?:,\s*|\s)and\s+(?:then\s+|also\s+|later\s+)?"
    r"(?:(?:has|have|had|was|were|is|are|will|would)\s+)?$"
)


_GERUND_COMPLEMENT = re.compile(r"\b(?:for|of|against)\s+$", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:that|which)\s+"
    # "companies that it said supplied weapons": a reporting aside inside the clause
    r"(?:(?:it|they|he|she|officials|we)\s+(?:said|says|say|claimed|claims|alleged|believes?)\s+)?"
    r"(?:(?:would|will|could|might|may|should|did|does)\s+)?"
    r"(?:(?:have|has|had)\s+)?$",
    re.IGNORECASE,
)


def gerund_agent(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> Party | bool | None:
    """ "criticised Moscow for supplying weapons": the -ing act is the object's, not the
    subject's. False when the trigger is not such a complement; None when its agent is no
    known actor ("accused Western states of arming rebels")."""
    if not text[trigger[0]:trigger[1]].split()[0].endswith("ing"):
        return False
    if not _GERUND_COMPLEMENT.search(text, max(sentence_start, trigger[0] - 9), trigger[0]):
        return False
    for mention in reversed(mentions):
        if mention.span[1] <= trigger[0]:
            if trigger[0] - mention.span[1] <= 12 and mention.span[0] >= sentence_start:
                return Party(mention.actor, mention.span)
            return None
    return None


def relative_clause_head(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> Party | bool | None:
    """ "any text that threatens sanctions": a restrictive relative clause acts for the noun
    before "that". False when the trigger opens no such clause; None when that noun is no
    known actor."""
    begin = max(sentence_start, trigger[0] - 40)
    if not may_hold(text[begin:trigger[0]], ("that", "which")):
        return False
    match = _RELATIVE.search(text, begin, trigger[0])
    if match is None:
        return False
    opening = match.start()
    set_off = text[opening - 2:opening].strip() == ","
    if set_off:
        # ", which has backed Georgetown": a clause set off by a comma acts for the actor right
        # before the comma (a clause closed by another comma is masked and found so anyway)
        if text.find(",", trigger[1], trigger[1] + 200) >= 0 and "." not in text[
            trigger[1]:text.find(",", trigger[1], trigger[1] + 200)
        ]:
            return False
        opening -= 2
        while opening > 0 and text[opening - 1] == " ":
            opening -= 1
    before = [m for m in mentions if m.span[1] <= opening]
    if not before:
        return None
    mention = before[-1]
    if opening - mention.span[1] > 2:
        return None
    if last_word(text[max(sentence_start, mention.span[0] - 20):mention.span[0]]) in _PLACES and (
        not set_off or (len(before) > 1 and _SEAT.fullmatch(text, before[-2].span[1], opening))
    ):
        # "the International Court of Justice in The Hague, which told": the court, seated
        # there; but "two companies in Egypt that supplied weapons": the firms, unknown
        if len(before) > 1 and _SEAT.fullmatch(text, before[-2].span[1], opening):
            return Party(before[-2].actor, before[-2].span)
        return None
    return Party(mention.actor, mention.span)


def whose_subject(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> Party | None:
    """ "the strongman whose self-styled Libyan National Army launched an offensive": the
    actor named right after "whose" is the one acting in its clause, not the sentence's
    subject."""
    at = text.rfind("whose ", max(sentence_start, trigger[0] - 80), trigger[0])
    if at < 0 or (at and text[at - 1].isalnum()):
        return None
    opening = _WHOSE.match(text, at)
    if opening is None:
        return None
    for mention in mentions:
        if mention.span[0] == opening.end() and mention.span[1] <= trigger[0]:
            between = text[mention.span[1]:trigger[0]]
            if len(between) <= 40 and not any(c in between for c in ",;:—"):
                return Party(mention.actor, mention.span)
        elif mention.span[0] > opening.end():
            break
    return None


_WHOSE = re.compile(r"whose\s+(?:own\s+|so-called\s+|self-(?:styled|declared|proclaimed)\s+)?")


_SEAT = re.compile(r"[ \t]+(?:in|at)[ \t]+(?:the[ \t]+|The[ \t]+)?(?:[A-Z][\w.-]*[ \t]*){1,3}")


_PLACES = frozenset(("in", "from", "at", "near", "inside", "outside"))


def is_participle_clause(text: str, sentence_start: int, trigger_start: int) -> bool:
    """True when the trigger shares the main clause's subject.

    That is a participle (", selling arms", ", using its veto") or a verb coordinated with the
    main one ("China imposed sanctions on US firms and warned Washington").
    """
    begin = max(sentence_start, trigger_start - 20)
    if _and_after_break(text, begin, trigger_start) and _COORDINATED.search(
        text, begin, trigger_start
    ):
        return True
    comma = text.rfind(",", sentence_start, trigger_start)
    return comma >= 0 and bool(_PARTICIPLE.match(text, comma + 1, trigger_start + 20))


# Subordinators whose clause cannot hold the party a main-clause trigger names with a
# preposition: "jets close to the island days after the US approved arms sales to Taipei".
_OWN_CLAUSE = ("after", "before", "since", "until", "because", "although", "though", "whereas")


def next_clause_start(
    text: str, trigger_end: int, masked: Sequence[tuple[int, int]]
) -> int | None:
    """Where the first subordinate clause after a trigger opens (None: no such clause)."""
    best = None
    for a, _b in masked:
        if a >= trigger_end and (best is None or a < best) and text.startswith(
            _OWN_CLAUSE, a
        ) and not text[a].isupper():
            best = a
    return best


def _and_after_break(text: str, start: int, end: int) -> bool:
    """Whether "and" follows a comma or a space inside text[start:end], as it does in every
    match of _COORDINATED: most windows have none, and "Rwanda" or "demand" do not count."""
    i = text.find("and", start + 1, end)
    while i >= 0:
        before = text[i - 1]
        if before == "," or before.isspace():
            return True
        i = text.find("and", i + 1, end)
    return False


def enclosing(span: tuple[int, int], ranges: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The innermost masked range (apposition, subordinate clause) holding `span`."""
    best = None
    for a, b in ranges:
        if a <= span[0] and span[1] <= b and (best is None or b - a < best[1] - best[0]):
            best = (a, b)
    return best


def apposition_head(
    text: str, trigger: tuple[int, int], masked: Sequence[tuple[int, int]],
    mentions: Sequence[MentionLike],
) -> Party | None:
    """ "an invitation to Iran, another close ally of Assad,": the noun the apposition describes
    is the actor, even as the object of a preposition."""
    outer = enclosing(trigger, masked)
    if outer is None or text[outer[0]] != ",":
        return None
    for mention in mentions:
        # ", the Israeli military said,": an actor heading the trigger inside the commas makes
        # them a clause with its own subject, not an apposition ("Iran, Syria's ally," is one)
        start, end = mention.span
        if outer[0] < start and end <= trigger[0] and mention.head and not text.startswith(
            ("'", "’"), end
        ):
            return None
    for mention in reversed(mentions):
        if mention.span[1] <= outer[0]:
            if re.fullmatch(r"['’]?s?\s*", text[mention.span[1]:outer[0]]):
                return Party(mention.actor, mention.span)
            return None
    return None


# A verb right before an actor makes it an object ("has supplied Damascus", "accused Iran").
# ("UN-recognised Government": a participle joined by a hyphen describes, it is no verb.)
_VERB_BEFORE = re.compile(r"\b(?<!-)[a-z]{3,}(?:ed|ied)\s+(?:(?:the|a|an)\s+)?$")
_NOT_VERBS = frozenset("allied armed backed led based united red need speed indeed".split())


def _object_of_verb(text: str, sentence_start: int, start: int) -> bool:
    begin = max(sentence_start, start - 30)
    if text.find("ed", begin, start) < 0:  # in every match of _VERB_BEFORE
        return False
    match = _VERB_BEFORE.search(text, begin, start)
    return match is not None and match.group(0).split()[0] not in _NOT_VERBS


_PREP_OBJECT, _CO_ACTOR, _VERB_OBJECT = "prep-object", "co-actor", "verb-object"
_OTHERS = "others"
# "the government's critics", "Russia's allies": people the possessor does not speak for.
# Nouns a country's name or demonym may qualify without the country acting: its companies,
# customers and travellers ("Chinese chipmakers", "Russia's biggest bank", "US tourists").
_BUSINESS = re.compile(
    r"(?:['’]s)?[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:maker|makers|manufacturers?|company|companies|"
    r"firms?|giants?|banks?|lenders?|carmakers?|chipmakers?|automakers?|airlines?|insurers?|"
    r"retailers?|investors?|businessm[ae]n|billionaires?|tycoons?|conglomerates?|producers?|"
    r"exporters?|importers?|brands?|start-?ups?|miners?|tourists|customers|consumers|"
    r"shareholders|subsidiary|subsidiaries|unit|clubs?|team)\b"
)
_NOT_ITS_VOICE = re.compile(
    r"['’]s[ \t]+(?:\w+[ \t]+)?(?:critics|opponents|enemies|foes|rivals|detractors|adversaries|"
    r"victims|neighbou?rs|allies|partners|creditors|backers)\b"
)

# Words that are prepositions ("after the talks") or open a clause ("after Russia invaded").
_CONJUNCTIONS = frozenset(("after", "before", "since", "until"))
# A finite verb right after an actor: the actor is a subject ("days after the US approved").
_FINITE_AFTER = re.compile(
    r"\s*(?:(?:has|have|had|was|were|is|are|will|would|also|first|again)\s+)?"
    r"(?:[a-z]{2,}(?:ed|ied)|said|told|sent|struck|met|took|began|made|gave|held|won|fought|"
    r"shot|sold|went|left|came|broke|signed|seized|launched|imposed|agreed|cut|hit|shut|quit|"
    r"led|fled|drew|threw|withdrew|froze|overthrew|sought|brought|spoke|stood|flew|swore)\b"
)


def opens_clause(text: str, end: int) -> bool:
    """Whether a finite verb follows an actor: "after Iran fired missiles" makes "after" a
    conjunction and Iran the subject of its clause, not the object of a preposition."""
    match = _FINITE_AFTER.match(text, end)
    return match is not None and not text.startswith(("'s", "’s"), end)
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?")


# A part of a country between a preposition and its name: "from southern Lebanon", "in
# north-western Syria" (the name stays the preposition's object).
_REGION_WORDS = frozenset(
    """southern northern eastern western central south north east west north-western
north-eastern south-western south-eastern northwestern northeastern southwestern southeastern
mainland coastal rural""".split()
)

Roles = dict[tuple[int, int, int], str | None]  # (sentence start, start, end) -> role


def _role(
    text: str, sentence_start: int, start: int, end: int, roles: Roles | None = None
) -> str | None:
    """Why a mention cannot be a subject, whatever the trigger (None: it can be).

    `roles` memoises the answers for one article: every trigger of a sentence asks the same of
    the same mentions. (A cache shared between articles would also answer for a text seen
    before, which flatters a benchmark that reads the same texts twice.)
    """
    if roles is not None:
        key = (sentence_start, start, end)
        if key in roles:
            return roles[key]
        role = roles[key] = _role(text, sentence_start, start, end)
        return role
    gap_before = text[max(sentence_start, start - 40):start]
    possessive = text.startswith(("'s", "’s"), end)
    before = last_word(gap_before)
    if before in _REGION_WORDS:  # "slipped across the border from southern Lebanon"
        before = last_word(gap_before[:gap_before.rstrip().rfind(" ") + 1])
    if (
        before in _PREPOSITIONS and not possessive
        and not (may_hold(gap_before, _AFFILIATION_NEEDLES) and _AFFILIATION.search(gap_before))
        and not (before in _CONJUNCTIONS and opens_clause(text, end))
    ):
        return _PREP_OBJECT
    if may_hold(gap_before, _CO_SOURCE_NEEDLES) and _CO_SOURCE.search(gap_before):
        return _CO_ACTOR
    if not possessive and _object_of_verb(text, sentence_start, start):
        return _VERB_OBJECT
    if possessive and _NOT_ITS_VOICE.match(text, end):
        return _OTHERS
    if _BUSINESS.match(text, end):
        return _OTHERS  # "Dutch equipment maker ASML said": the company, not the Netherlands
    if text.startswith("-", end) and _MADE_IN.match(text, end):
        return _OTHERS  # "a London-based jeweler said": where the company is, not who speaks
    return None


def is_prep_object(text: str, start: int) -> bool:
    """Whether the word before `start` is a preposition ("turned to Russia")."""
    return last_word(text[max(0, start - 20):start]) in _PREPOSITIONS


def can_be_subject(text: str, start: int, end: int, roles: Roles | None = None) -> bool:
    """Whether a mention stands where a subject can ("the fall of Assad": no), for pronouns."""
    sentence_start = max(text.rfind(". ", max(0, start - 200), start) + 2, 0)
    return _role(text, sentence_start, start, end, roles) is None


# After a subordinator, a clause with a subject of its own opens with a determiner or a noun;
# one that shares the main clause's subject opens with a participle ("after attacking").
_SHARED_SUBJECT = re.compile(r"\s+(?:[a-z]+ing|[a-z]+ed|being|having|been|to)\b", re.IGNORECASE)


def in_foreign_clause(
    text: str, trigger_start: int, subject_start: int, masked: Sequence[tuple[int, int]],
) -> bool:
    """Whether the trigger stands in a subordinate clause with a subject of its own that is not
    the subject found before that clause: in "France evacuated its citizens after supporters of
    the coup attacked its embassy" France did not attack."""
    for a, b in masked:
        if a <= trigger_start < b and subject_start < a:
            word = text[a:a + 8].split(maxsplit=1)[0].lower() if text[a:a + 8].strip() else ""
            if word in _SUBORDINATORS and not _SHARED_SUBJECT.match(text, a + len(word)):
                # a subject stands between ("after supporters of the coup attacked"); none
                # does in a phrase ("after mediation by Ankara", "after the attack on")
                words = _WORD.findall(text, a + len(word), trigger_start)
                return bool(words) and words[-1].lower() not in _DETERMINERS and (
                    words[-1].lower() not in _PREPOSITIONS)  # "after four hours of talks"
    return False


def find_subject(
    text: str,
    sentence_start: int,
    trigger: tuple[int, int],
    mentions: Sequence[MentionLike],
    masked: Sequence[tuple[int, int]],
    exclude: set[str],
    resolve_pronoun,
    *,
    main_only: bool = False,
    inverted_ok: bool = True,
    roles: Roles | None = None,
) -> Party | None:
    """The nearest actor before the trigger that is not the object of a preposition.

    A pronoun nearer to the trigger than any actor ("he was not protecting ...") is resolved by
    `resolve_pronoun(word, position)`. With nothing before the trigger, an actor right after it
    is taken ("said Denisov", "according to the ministry") when `inverted_ok`. With `main_only`,
    the first such
    actor of the sentence (the main clause's subject) is taken instead of the nearest.
    """
    trigger_start, trigger_end = trigger
    clause_start = sentence_start
    if main_only:
        # "the talks failed and Washington sided with Britain, imposing sanctions": the
        # participle shares the subject of the clause it follows, not the sentence's first
        sentence_start = clause_start = _coordinated_clause(
            text, sentence_start, trigger_start, mentions)
        opening = _OPENING_ADJUNCT.match(text, sentence_start, trigger_start)
        if opening is not None and not _has_own_clause(text, opening, mentions):
            sentence_start = opening.end()  # "Alarmed by its rival Iran, Saudi Arabia ... and"
    best_end = sentence_start
    candidate: MentionLike | None = None  # a Party is made for the one returned only
    object_end: int | None = None
    for mention in mentions:  # in text order: none after one that starts past the trigger
        start, end = mention.span
        if start > trigger_start:
            break
        if end > trigger_start or start < sentence_start or mention.actor in exclude:
            continue
        if masked and _hidden(start, end, trigger_start, trigger_end, masked):
            continue
        role = _role(text, sentence_start, start, end, roles)
        if role == _PREP_OBJECT:
            object_end = end
            continue
        if object_end is not None and _JOINED.fullmatch(text, object_end, start) and not (
            opens_clause(text, end)  # "rockets into Chad, and Chad severed ties": a subject
        ):
            object_end = end  # "between London and Buenos Aires": both are objects
            continue
        if role is not None:
            continue
        if main_only and candidate is not None:
            # "Venezuelan President Nicolas Maduro": the modifier gives way to its head.
            if start - best_end <= 30 and _TITLE_WORDS.fullmatch(text[best_end:start]):
                best_end, candidate = end, mention
                continue
            break
        if end >= best_end:
            best_end = end
            candidate = mention
    found = Party(candidate.actor, candidate.span) if candidate is not None else None
    # A pronoun between the candidate and the trigger is the real subject.
    # (With main_only and no actor named, the main clause's own pronoun: "On Saturday he went
    # further, accusing Australia of lies".)
    opening_pronoun = main_only and candidate is None
    window_start = clause_start if opening_pronoun else (
        trigger_start if main_only else best_end)
    if window_start < trigger_start and may_hold(text[window_start:trigger_start], ("he", "it")):
        for pron in _PRONOUNS.finditer(text, window_start, trigger_start):
            if masked and _hidden(pron.start(), pron.end(), trigger_start, trigger_end, masked):
                continue  # "because he was not authorized to speak": not the clause's subject
            resolved = resolve_pronoun(pron.group(1).lower(), pron.start())
            if resolved and resolved not in exclude:
                found = Party(resolved, (pron.start(), pron.end()))
                if opening_pronoun:
                    break
    if found is not None or not inverted_ok:
        return found
    for mention in mentions:
        if mention.span[0] >= trigger_end and mention.actor not in exclude:
            # "said supplied weapons to the paramilitaries": an object, not who said it; nor is
            # "said Meissner's assumptions" nor "said their countries saw NATO"
            if mention.span[0] - trigger_end <= 25 and mention.head and _INVERTED_GAP.fullmatch(
                text, trigger_end, mention.span[0]
            ) and not text.startswith(("'s", "’s"), mention.span[1]) and not (
                _VERB_NEXT.match(text, mention.span[1]) or opens_clause(text, mention.span[1])
            ):  # ("said Castro is orchestrating the visit": Castro is what was said about)
                return Party(mention.actor, mention.span)
            break
    return None


_VERB_NEXT = re.compile(
    r"\s+(?:is|was|are|were|has|had|have|will|would|could|should|may|might|must|can)\b"
)
# Between an inverted speech verb and its speaker: titles only ("said Foreign Minister X").
_INVERTED_GAP = re.compile(
    r"\s*,?\s*(?:(?:the|a)\s+)?(?:(?:[A-Z][\w.'’-]*|spokes(?:man|woman|person)|minister|"
    r"president|chief|official|envoy|ambassador|secretary|general|leader|head)\s+){0,4}"
)
_COORDINATOR = re.compile(r"(?:;|,?\s+(?:but|and|while|whereas))\s+(?:the\s+)?$")


def _coordinated_clause(
    text: str, sentence_start: int, trigger_start: int, mentions: Sequence[MentionLike],
) -> int:
    """Where the last clause coordinated before the trigger opens with an actor as its
    subject ("..., but the talks failed and Washington sided with ..."); else the sentence
    start."""
    start = sentence_start
    for mention in mentions:
        begin, end = mention.span
        if begin >= trigger_start:
            break
        if begin <= sentence_start or not opens_clause(text, end):
            continue
        if _COORDINATOR.search(text, max(sentence_start, begin - 12), begin):
            start = begin
    return start


# A phrase that opens a sentence before its subject: "Alarmed by ...,", "Fearing that ...,",
# "In a letter to ...,". Up to the first comma; not a clause with a verb of its own.
_OPENING_ADJUNCT = re.compile(
    # (not a time and then a name: "In 1994 Russia, the United States and Britain signed")
    r"\s*(?!(?:In|On|At|By|During|Since)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{4}|\d{1,2}\s+"
    r"[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)\s+[A-Z])"
    r"(?:[A-Z][a-z]+(?:ed|ing)|In|On|At|After|Before|Despite|Following|With|Without|Amid|"
    r"Under|During|Since|Unlike|Like|Faced)\b[^,;]{1,120},\s*"
)
_TITLE_WORDS = re.compile(r"(?:\s+[A-Z][\w.-]*)*\s+")
_CLAUSE_VERB = re.compile(
    r"\s(?:[a-z]{2,}(?:ed|ied)|came|went|said|told|sent|struck|met|took|began|made|gave|held|"
    r"won|fought|sold|left|broke|seized|drew|threw|withdrew|froze|sought|stood|flew|cut|hit)\b"
)


def _has_own_clause(text: str, opening: re.Match[str], mentions: Sequence[MentionLike]) -> bool:
    """Whether what looks like an opening phrase is the main clause itself, up to its first
    comma: "On 30 April President Reagan's administration came down on Britain's side, ..."
    (an actor, then a verb within a few words)."""
    start, end = opening.span()
    for mention in mentions:
        if mention.span[0] >= end:
            break
        if mention.span[0] > start:
            verb = _CLAUSE_VERB.search(text, mention.span[1], min(end, mention.span[1] + 40))
            if verb is not None:
                return True
    return False
_TITLE_ONLY = re.compile(r"\s*(?:[A-Z][a-z]+\.?\s+)?")


def _hidden(
    start: int, end: int, trigger_start: int, trigger_end: int,
    masked: Sequence[tuple[int, int]],
) -> bool:
    """Whether a mention lies in an apposition or clause that does not also hold the trigger."""
    for a, b in masked:
        if a <= start and end <= b:
            break
    else:
        return False
    for a, b in masked:  # noqa: SIM110  (a loop: any() over a generator costs twice this)
        if a <= start < b and a <= trigger_start and trigger_end <= b:
            return False
    return True


# "Tony Blair and French President Jacques Chirac": titles may stand between.
# "Sudan's army and the paramilitary Rapid Support Forces": a state's forces and one
# descriptive word before the name may stand between, too.
# "Vladimir Putin and North Korean leader Kim Jong Un": one lower-case title may end them;
# "Hun Manet and Thailand's acting Prime Minister Phumtham": a possessive and "acting" too.
_AND_TITLED = re.compile(
    r"(?:['’]s\s+(?:(?:federal|central|national|interim|transitional|military)\s+)?"
    r"(?:army|military|armed forces|forces|troops|government|regime|authorities))?"
    r"\s+and\s+(?:the\s+(?:[a-z-]+\s+)?)?(?:[A-Z][\w.-]*(?:['’]s)?\s+){0,3}"
    r"(?:(?:acting|interim|caretaker|deputy|outgoing|new)\s+(?:[A-Z][\w.-]*\s+){0,2})?"
    r"(?:(?:leader|president|premier|prime\s+minister|(?:foreign|defen[cs]e)\s+minister|"
    r"minister|chancellor|king|emir|chief|envoy|counterpart)\s+)?"
)
# The earlier items of a list that ends "..., B and C": "Australia, Bahrain, Canada and ...".
_LIST_COMMA = re.compile(r",\s*(?:the\s+)?")


def find_co_sources(
    text: str, sentence_start: int, trigger: tuple[int, int], subject: Party,
    mentions: Sequence[MentionLike],
) -> tuple[str, ...]:
    """Actors acting alongside the subject: "along with China", "Russia and China vetoed"."""
    found = []
    joined = None  # the mention joined to the subject by "and"
    co_end: int | None = None  # where the last co-source named by "along with ..." ends
    for index, mention in enumerate(mentions):
        start, end = mention.span
        if start < sentence_start or end > trigger[0] or mention.actor == subject.actor:
            continue
        if end <= subject.span[0] and _AND_TITLED.fullmatch(text, end, subject.span[0]):
            found.append(mention.actor)
            joined = index
            continue
        if start >= subject.span[1] and _AND_TITLED.fullmatch(text, subject.span[1], start):
            found.append(mention.actor)  # "Erdogan and Putin spent ... and emerged with"
            continue
        if co_end is not None and (_JOINED.fullmatch(text, co_end, start) or _LIST_COMMA.fullmatch(
            text, co_end, start
        )):
            found.append(mention.actor)  # "along with the UAE and Russia": both
            co_end = end
            continue
        co_end = None
        gap_before = text[max(sentence_start, start - 30):start]
        if may_hold(gap_before, _CO_SOURCE_NEEDLES) and _CO_SOURCE.search(gap_before):
            found.append(mention.actor)
            co_end = end
    if joined is not None:
        found.extend(_listed_before(text, sentence_start, mentions, joined))
    aside = _WITH_ASIDE.match(text, trigger[1])
    if aside is not None:  # "has blocked, together with China, three resolutions"
        found.extend(m.actor for m in mentions
                     if m.span[0] == aside.end() and m.actor != subject.actor)
    return tuple(dict.fromkeys(found)) if found else ()  # (most triggers have none)


_WITH_ASIDE = re.compile(r",\s*(?:together|along|jointly)\s+with\s+(?:the\s+)?")


_YEAR_BEFORE = re.compile(r"\b\d{4}\s*,?\s*$")


def _listed_before(
    text: str, sentence_start: int, mentions: Sequence[MentionLike], index: int,
) -> list[str]:
    """The actors listed before mentions[index] with commas, back to the list's start."""
    found = []
    following = mentions[index]
    for mention in reversed(mentions[:index]):
        if mention.span[0] < sentence_start or not mention.head:
            break
        if not _LIST_COMMA.fullmatch(text, mention.span[1], following.span[0]):
            break
        gap = text[max(sentence_start, mention.span[0] - 40):mention.span[0]]
        if last_word(gap) in _PREPOSITIONS and not _YEAR_BEFORE.search(gap):
            break  # "in the suburbs of Damascus, Lavrov and Kerry": a clause ends at the comma
            # (but "In 1994 Russia, the United States and Britain signed": a time, then names)
        opening = _OPENING_ADJUNCT.match(text, sentence_start)
        if opening is not None and mention.span[1] <= opening.end():
            break  # "Under the shuttle diplomacy of Kissinger, Israel and Egypt signed"
        found.append(mention.actor)
        following = mention
    return found


# Up to three modifiers ("most powerful"), none a function word ("Washington and its allies")
_BEFORE_GAP = re.compile(
    r"(?:['’]s?)?\s*(?:(?!(?:and|or|but|with|its|their|his|her|to|of|for|the|a|an)\s)[a-z-]+\s+)"
    r"{0,3}"
)


def find_target_before(
    text: str, sentence_start: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
) -> Party | None:
    """A possessive or modifier right before the trigger: "Syria's ally", "a Syrian ally"."""
    for mention in reversed(mentions):
        start, end = mention.span
        if end > trigger[0]:
            continue
        if start < sentence_start:
            return None
        gap = text[end:trigger[0]]
        if _BEFORE_GAP.fullmatch(gap):  # "Syria's ally", "Assad's most powerful ally"
            return Party(mention.actor, mention.span)
        return None
    return None


def find_target_after(
    text: str, sentence_end: int, trigger: tuple[int, int], mentions: Sequence[MentionLike],
    preps: Sequence[str], exclude: set[str], *, apposition_ok: bool = False,
    window: int = 120, stop: int | None = None, locative: bool = False,
) -> Party | None:
    """The first actor after the trigger, within its clause and, if given, after a preposition.

    With `preps`, an actor counts when one of them stands in the gap before it, so "arms to X"
    and "veto ... to shield X" find X while "veto ... in the Security Council" skips the venue.
    Without them a place right after "in"/"at" is a venue, unless `locative`: "strikes on
    military sites in Iran" act on Iran.
    """
    limit = min(sentence_end, trigger[1] + window, stop if stop is not None else sentence_end)
    end_of_clause = clause_end(text, trigger[1], limit)  # what _CLAUSE_END.search finds
    if end_of_clause >= 0:
        limit = end_of_clause
    limit = _next_predicate(text, trigger[1], limit)
    last = len(mentions) - 1
    for index, mention in enumerate(mentions):
        start, end = mention.span
        if start < trigger[1] or mention.actor in exclude:
            continue
        if start >= limit:
            break
        if _SPEAKS.match(text, end):
            break  # "provided support for the operation, the Pentagon said": who reports it
        if text.startswith("-", end) and (
            _MADE_IN.match(text, end) or _PROCESS_LED.match(text, end)
        ):
            continue  # "Soviet-made missiles", "UN-led talks": a thing's origin, not a party
        near = text[max(trigger[1], start - 12):start]
        if _may_be_via(near) and last_word(near) in ("via", "without"):
            continue  # "sent warplanes via Syria", "attacked without UN approval": no party
        if not mention.head and index < last:
            # "warned Yugoslav President Slobodan Milosevic": the modifier gives way to its head
            following = mentions[index + 1]
            if following.span[0] - end <= 30 and _TITLE_WORDS.fullmatch(
                text[end:following.span[0]]
            ) and following.actor not in exclude:
                mention = following
                start, end = mention.span
        gap = text[trigger[1]:start]
        if not preps:
            before = last_word(gap)
            if not locative and before in ("in", "at") and len(_WORD.findall(gap)) <= 3:
                continue  # a venue, not the party acted upon
            if before == "at" and text.startswith(("'s", "’s"), end):
                continue  # "struck their convoy at Baghdad's airport": where, not whom
            return Party(mention.actor, mention.span)
        if apposition_ok and _TITLE_ONLY.fullmatch(gap):
            return Party(mention.actor, mention.span)
        # The trigger's own last word counts: "a flight ban on X", "an alliance with X".
        words = [w.lower() for w in _WORD.findall(text[trigger[0]:start])[-4:]]
        tail = " ".join(words)
        if "to" in words and _PLACE_TO.search(tail):
            words = [w for w in words if w != "to"]  # "jets close to Taiwan": where, not whom
        for prep in preps:
            if prep in words or (" " in prep and prep in tail):
                return Party(mention.actor, mention.span)
        if opens_clause(text, end):
            break  # "launched their offensive on Nov. 27, the day a truce between Israel and
            # Hezbollah took effect in Lebanon": a clause of its own holds what follows
    return None


def _may_be_via(near: str) -> bool:
    """Whether last_word(near) can be "via" or "without" (it lower-cases ASCII words only, so
    the lower-cased text holds the word then)."""
    lowered = near.lower()
    return "via" in lowered or "without" in lowered


# A speech verb right after an actor makes it the speaker of a reporting clause, not a party.
_SPEAKS = re.compile(r"[ \t]+(?:also[ \t]+)?(?:said|says|told|added|stated|announced)\b")
_MADE_IN = re.compile(
    r"-(?:made|built|designed|manufactured|supplied|era|style|born|owned|based|registered)\b"
)
_PROCESS_LED = re.compile(
    r"-(?:led|brokered|sponsored|mediated|hosted|backed)\s+(?:[\w-]+\s+)?(?:talks|negotiations|"
    r"process|mediation|initiative|efforts?|plan|deal|dialogue|conference|summit)\b"
)
# Where another predicate takes over after a trigger: a participle clause (", saying they act in
# solidarity with Hamas") or a verb coordinated with the trigger's ("condemned the offensive and
# said it would deliver vehicles to Yerevan"). Its objects are not the trigger's target. Two
# patterns, each opening with a literal, so that the engine skips to the next comma or " and".
_PARTICIPLE_NEXT = re.compile(r",[ \t]+(?!including\b|according\b|notably\b)[a-z]{2,}ing\b")
_AND_VERB_NEXT = re.compile(
    r" and[ \t]+(?:then[ \t]+|also[ \t]+|later[ \t]+)?"
    r"(?:said|says|told|added|vowed|warned|urged|called|accused|pledged|promised|repeated|"
    r"reiterated|insisted|stressed|noted|argued)\b"
)


def _next_predicate(text: str, start: int, limit: int) -> int:
    """Where another predicate starts in text[start:limit] (`limit` when none does)."""
    if text.find(",", start, limit) >= 0:
        match = _PARTICIPLE_NEXT.search(text, start, limit)
        if match is not None:
            limit = match.start()
    if text.find(" and", start, limit) >= 0:
        match = _AND_VERB_NEXT.search(text, start, limit)
        if match is not None:
            limit = match.start()
    return limit


_PLACE_TO = re.compile(r"\b(?:close|closer|next|near|nearer|due|up|according)\s+to\b")


def find_nearest(
    trigger: tuple[int, int], sentence: tuple[int, int], mentions: Sequence[MentionLike],
    exclude: set[str],
) -> Party | None:
    """The head actor closest to a cue word (for judgements inside reported speech)."""
    best: tuple[int, Party] | None = None
    for mention in mentions:
        start, end = mention.span
        if start < sentence[0] or end > sentence[1] or mention.actor in exclude:
            continue
        if not mention.head:
            continue
        distance = trigger[0] - end if end <= trigger[0] else start - trigger[1]
        if best is None or distance < best[0]:
            best = (max(0, distance), Party(mention.actor, mention.span))
    return best[1] if best else None


_SPEECH = re.compile(
    r"\b(?:said|says|say|told|stated|declared|added|insisted|argued|warned|claimed|"
    r"according to|called)\b",
    re.IGNORECASE,
)


def speech_verb_before(text: str, sentence_start: int, position: int) -> tuple[int, int] | None:
    """The last speech verb before `position` in the sentence, if any."""
    last = None
    for match in _SPEECH.finditer(text, sentence_start, position):
        last = (match.start(), match.end())
    return last


_NEGATION = re.compile(
    r"(?:\bnot|\bno longer|\bnever|n['’]t|\bstopped|\bceased to|\brefused to|\bwithout"
    # reversals: "suspend arms sales to", "lifted sanctions on", "halted military aid"
    r"|\bsuspen(?:d|ds|ded|ding|sion of)|\bhalt(?:s|ed|ing)?|\bstop(?:s|ping)?|\bend(?:s|ed|ing)?"
    r"|\bfr(?:eeze|eezes|eezing|oze)|\bcut(?:s|ting)? off|\bcancel(?:s|l?ed|l?ing)?"
    r"|\bban(?:s|ned|ning)?|\blift(?:s|ed|ing)?|\bscrap(?:s|ped|ping)?)"
    r"(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)


# "blocked U.S.-led efforts at the Security Council to tighten sanctions": the act is opposed.
_OPPOSED = re.compile(
    r"\b(?:block(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|resist(?:s|ed|ing)?|reject(?:s|ed|ing)?|"
    r"thwart(?:s|ed|ing)?|refus(?:e|es|ed|ing))\b[^;]{0,80}?\bto\s+$",
    re.IGNORECASE,
)


# Wishes and attempts are not acts: "has sought to normalise relations with Riyadh".
_IRREALIS = re.compile(
    r"\b(?:s(?:ought|eeks?|eeking)|tr(?:y|ies|ied|ying)|hop(?:e|es|ed|ing)|"
    r"wants?|wanted|aim(?:s|ed|ing)?|threat(?:en|ens|ened|ening)|plot(?:s|ted|ting)?|"
    # (scheduled acts, "is due to visit", are news of their own and stay)
    r"fail(?:s|ed|ing)?|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|"
    r"look(?:s|ed|ing)?\s+forward|ability|capacity|capability|able|ready|prepared|willing)"
    r"\s+to\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# What one party asks of another: "urged the G7 leaders to impose sanctions" is no sanction yet.
_ASKED = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|"
    r"encourag(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to)\s+(?:[\w.'’-]+\s+){0,6}?to\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _infinitive_before(text: str, sentence_start: int, trigger_start: int) -> bool:
    """A cheap test that "to" (and at most one word) stands right before the trigger."""
    return " to " in text[max(sentence_start, trigger_start - 20):trigger_start]


# Threatened, proposed or demanded acts: "threatened new sanctions", "called for talks".
_PROPOSED = re.compile(
    r"\b(?:threat(?:en|ens|ened|ening)|consider(?:s|ed|ing)?|propos(?:e|es|ed|ing)|"
    r"weigh(?:s|ed|ing)?|call(?:s|ed|ing)?\s+for|push(?:es|ed|ing)?\s+for|demand(?:s|ed|ing)?|"
    r"requir(?:e|es|ed|ing))"
    r"\s+(?:(?:a|an|the|new|fresh|further|more|tougher|possible)\s+){0,2}"
    r"(?:[a-z]+(?:er|est|ed|al|ive|ful|ous|ic|ary|ate)\s+)?$",  # "demanded a wider war"
    re.IGNORECASE,
)


_PROPOSED_NEEDLES = ("threat", "consider", "propos", "weigh", "call", "push", "demand",
                     "requir")


# An act only being weighed: "would reconsider its ban on sending weapons", "is considering
# sending tanks". ("considered Syria its closest ally" is a judgement, not a plan: no modal.)
_PONDERED = re.compile(
    r"\b(?:would|will|could|might|may|to|is|are|was|were)\s+(?:re)?consider(?:ing)?\b"
    r"[^.;,]{0,30}$",
    re.IGNORECASE,
)


# An act only spoken of as possible: "a possible strike against Iraq", "any attack on Iran".
_MAYBE = re.compile(
    r"\b(?:possible|potential|planned|proposed|threatened|would-be|future|any|eventual|"
    # "warning that Moscow might send its own troops": only a possibility
    r"might|could|may)\s+$",
    re.IGNORECASE,
)


_DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejected\s+claims\s+of)\s+(?:ever\s+)?$",
                     re.IGNORECASE)
# The means of a conditional act: "would break international law by attacking Iraq".
_BY_MEANS_OF = re.compile(
    r"\b(?:would|could|might)\s+(?:\w+\s+){1,6}?by\s+$", re.IGNORECASE
)


# A condition names no act: "that it would strike if Iran attacked Americans".
_CONDITION = re.compile(r"\b(?:if|unless)\s+(?:[\w.'’-]+\s+){1,4}$", re.IGNORECASE)


def is_irrealis(text: str, sentence_start: int, trigger_start: int) -> bool:
    begin = max(sentence_start, trigger_start - 40)
    if _MAYBE.search(text, max(sentence_start, trigger_start - 12), trigger_start):
        return True
    if "f " in text[begin:trigger_start] and _CONDITION.search(text, begin, trigger_start):
        return True
    if _DENIED.search(text, max(sentence_start, trigger_start - 30), trigger_start):
        return True  # "The UAE has denied arming the RSF": disputed, not reported as done
    if text.endswith("by ", begin, trigger_start) and _BY_MEANS_OF.search(
        text, max(sentence_start, trigger_start - 60), trigger_start
    ):
        return True
    if may_hold(text[begin:trigger_start], _PROPOSED_NEEDLES) and (
        _PROPOSED.search(text, begin, trigger_start)
        or _PONDERED.search(text, begin, trigger_start)
    ):
        return True
    if not _infinitive_before(text, sentence_start, trigger_start):
        return False
    if _IRREALIS.search(text[max(sentence_start, trigger_start - 40):trigger_start]):
        return True
    return bool(_ASKED.search(text[max(sentence_start, trigger_start - 90):trigger_start]))


# Substrings one of which every _NEGATION match contains: a cheap test before the regex.
_NEGATION_KEYS = (
    "not", "n't", "n’t", "never", "no longer", "stop", "ceas", "refus", "without", "suspen",
    "halt", "end", "free", "froz", "cut", "cancel", "ban", "lift", "scrap",
)
_NEGATION_KEY = needle_finder(_NEGATION_KEYS)  # one search instead of a score of `in` tests


# A trigger that opens with its own subject starts a clause, which a verb before it cannot deny.
_SUBJECT_PRONOUNS = ("it ", "they ", "he ", "she ", "we ")

# "had no reciprocal agreement with": a trigger noun denied by "no" one word before at most.
_NO_BEFORE = re.compile(r"\bno\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def is_negated(text: str, sentence_start: int, trigger_start: int) -> bool:
    if text.startswith(_SUBJECT_PRONOUNS, trigger_start):
        return False  # "scrapped the deal it struck": a clause of its own, not what was scrapped
    window = text[max(sentence_start, trigger_start - 30):trigger_start]
    lowered = window.lower()
    if "no " in lowered and _NO_BEFORE.search(window):
        return True
    if _NEGATION_KEY.search(lowered) and _NEGATION.search(window):
        return True
    if not _infinitive_before(text, sentence_start, trigger_start):
        return False
    return bool(_OPPOSED.search(text[max(sentence_start, trigger_start - 100):trigger_start]))
