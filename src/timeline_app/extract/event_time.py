"""When an event happened: the time expression of its clause, else the article's date.

A sentence often carries several events and several times ("X said last month that ... began in
March 2011"); each event takes the expression nearest to its trigger, preferring one in the same
clause. "since <time>" opens a period that runs to the article date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from timeline_app.domain import (
    TIME_FROM_ARTICLE_DATE,
    TIME_FROM_EXPRESSION,
    TIME_UNKNOWN,
    UNDATED,
    TimeExpression,
    TimeSpan,
)
from timeline_app.domain.timespan import DAY, MONTH, PART_OF_DAY, TIME, YEAR
from timeline_app.extract.scan import has_clause_mark, may_hold

# Searched with scan.has_clause_mark, which finds the same, faster; kept as its specification.
_CLAUSE_MARK = re.compile(
    r"[;:]|\s[—–]\s|,\s+(?:and|but|while|as|saying|adding)\b"
    r"|\b(?:that|since|when|because|after|before|until|although)\b"
)
_SINCE = re.compile(r"\bsince\b[^,.;]{0,60}$", re.IGNORECASE)
# Expressions that say how long or how often rather than when: no anchor for an event.
_USABLE_TYPES = ("DATE", "TIME")


def choose_time(
    text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    expressions: Sequence[TimeExpression],
    published: date | None,
    *,
    speech: bool = False,
    appositions: Sequence[tuple[int, int]] = (),
) -> tuple[TimeSpan, str, tuple[int, int] | None, str]:
    """(time, time text, its span, where it came from) for an event triggered at `trigger`.

    "The raid came 12 days after a bomber killed 40 police officers": the killing lies that
    long before the raid's own time (the one its clause gives, else the article's day).
    """
    found = _choose_time(text, sentence, trigger, expressions, published, speech=speech,
                         appositions=appositions)
    if speech or not expressions:
        return found
    gap = _gap_before(text, sentence, trigger, expressions)
    if gap is None:
        return found
    length, word_end, sign = gap
    if found[2] is not None and found[2][0] >= word_end:
        return found  # the clause after "after" dates itself ("... killed 40 on Feb. 14")
    reference = _choose_time(
        text, sentence, length.span, [x for x in expressions if x.span[1] <= length.span[0]],
        published)[0]
    shifted = _shifted(reference, length.time.value, sign)
    if shifted is None:
        return found
    return shifted, text[length.span[0]:word_end], length.span, TIME_FROM_EXPRESSION


# A length right before "after"/"before" and the clause it dates: "came two weeks after".
_GAP_WORD = re.compile(r"\s+(?:(after)|before)\s")
_LENGTH = re.compile(r"P(\d{1,3})([DWMY])")


def _gap_before(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int],
    expressions: Sequence[TimeExpression],
) -> tuple[TimeExpression, int, int] | None:
    """(the length, where its "after"/"before" ends, -1 after / +1 before) when the trigger
    stands in the clause that such a length opens, with no clause mark between."""
    for expr in expressions:
        if expr.type != "DURATION" or not sentence[0] <= expr.span[0] < trigger[0]:
            continue
        word = _GAP_WORD.match(text, expr.span[1], trigger[0])
        if word is None or has_clause_mark(text[word.end():trigger[0]]):
            continue
        return expr, word.end() - 1, -1 if word.group(1) else 1
    return None


def _shifted(reference: TimeSpan, length: str, sign: int) -> TimeSpan | None:
    """The day (month, year) `length` before or after the start of `reference`."""
    found = _LENGTH.fullmatch(length)
    if found is None or reference.start is None or reference.granularity not in _DAYLIKE:
        return None
    n, unit = int(found.group(1)) * sign, found.group(2)
    day = reference.start
    if unit in "DW":
        day = day + timedelta(days=n * (7 if unit == "W" else 1))
        return TimeSpan(value=day.isoformat(), granularity=DAY, start=day, end=day,
                        approximate=unit == "W")
    months = day.year * 12 + day.month - 1 + (n if unit == "M" else 12 * n)
    year, month = divmod(months, 12)
    first = date(year, month + 1, 1)
    if unit == "M":
        last = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - timedelta(days=1)
        return TimeSpan(value=first.strftime("%Y-%m"), granularity=MONTH, start=first,
                        end=last, approximate=True)
    return TimeSpan(value=str(year), granularity=YEAR, start=date(year, 1, 1),
                    end=date(year, 12, 31), approximate=True)


_DAYLIKE = frozenset({DAY, PART_OF_DAY, TIME})
# A time right after ", and" opens the next clause and dates its act: "the G7 suspended Russia,
# and on 27 March the General Assembly voted".
_OPENS_NEXT_CLAUSE = re.compile(
    r"[,;]\s+(?:and|but|while|whereas)\s+(?:then\s+|later\s+)?(?:(?:on|in|at|by|during)\s+)?"
    r"(?:the\s+)?$"
)


def _choose_time(
    text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    expressions: Sequence[TimeExpression],
    published: date | None,
    *,
    speech: bool = False,
    appositions: Sequence[tuple[int, int]] = (),
) -> tuple[TimeSpan, str, tuple[int, int] | None, str]:
    """choose_time without the lengths that date a clause from the main one's time.

    With `speech` (a statement), only a time next to the verb ("said on Sunday", "on Sunday
    said") dates the saying; other times in the sentence belong to what was said.
    `appositions` (", Armenia's ally since the 1990s,") are asides with their own times too.
    """
    best: tuple[int, TimeExpression] | None = None
    asides = _asides(text, sentence) if expressions else []  # asides matter only to a time
    if appositions and expressions:
        asides = [*asides, *appositions]
    for expr in expressions:
        start, end = expr.span
        if start < sentence[0] or end > sentence[1]:
            continue
        if asides and _aside_of(expr.span, asides) != _aside_of(trigger, asides):
            continue  # "Petro, who restored ties in 2022, said ...": the aside has its own time
        if speech and not _next_to_verb(text, trigger, expr.span) and not _occasion(
            text, sentence, trigger, expr.span
        ) and not _when_then(text, trigger, expr.span) and not _said_in_opening(
            text, sentence, trigger, expr.span
        ):
            continue
        if modifies_noun(text, expr.span, sentence) and not _NOUN_GAP.fullmatch(
                text, end, trigger[0]):
            continue  # "the July 28 vote", "the 2014 invasion": when that thing happens
            # (unless that thing is the event: "the 1962 war between China and India")
        if expr.type not in _USABLE_TYPES and not (
                expr.time.approximate and expr.time.start is not None):
            continue  # "for days", "days later": how long, not when (no days of its own)
        if not expr.time.is_dated and not expr.relative:
            continue
        if end <= trigger[0]:
            between = (end, trigger[0])
            distance = trigger[0] - end
            if _AND_VERB.match(text, end, trigger[0]):
                distance += 500  # "landed on May 21 and recaptured Stanley on June 14"
        else:
            if start - trigger[1] > 8 and _OPENS_NEXT_CLAUSE.search(text, trigger[1], start):
                continue  # "suspended Russia, and on 27 March the Assembly voted": the next act's
            between = (trigger[1], start)
            distance = max(0, start - trigger[1])
        if best is not None and distance >= best[0]:
            continue  # a clause mark between could only push it further away
        if has_clause_mark(text[between[0]:between[1]]):  # what _CLAUSE_MARK.search finds
            distance += 1000
        if best is None or distance < best[0]:
            best = (distance, expr)
    if best is not None:
        expr = best[1]
        time = expr.time
        begin = max(sentence[0], expr.span[0] - 70)
        window = text[begin:expr.span[0]]
        since = _SINCE.search(window) if may_hold(window, ("since",)) else None
        if since is not None and time.start and not (
            begin + since.start() < trigger[0] < expr.span[0]
        ):  # ("the third day since Uganda struck Chad on Wednesday": the strike is a day)
            until = published if published and published > (time.end or published) else time.end
            time = replace(time, end=until, open_end=True)
        return time, expr.text, expr.span, TIME_FROM_EXPRESSION
    if published is None:
        return UNDATED, "", None, TIME_UNKNOWN
    return _article_day(published), "", None, TIME_FROM_ARTICLE_DATE


# "In a joint statement with Biden released Tuesday, Macron said ...": the opening phrase
# names the occasion of the saying, and its time is the saying's.
_SAYING_OPENING = re.compile(
    r"\s*(?:In|During)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|speech|address|letter|message|post|broadcast|briefing|"
    r"(?:news|press) conference|call)\b[^,;]{0,80},"
)


def _said_in_opening(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], span: tuple[int, int]
) -> bool:
    opening = _SAYING_OPENING.match(text, sentence[0], trigger[0])
    return opening is not None and span[1] <= opening.end() <= trigger[0]


_WHEN = re.compile(r",?\s+when\s")


def _when_then(text: str, trigger: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a speech verb stands in a when-clause that dates itself by the time just before
    it: "The push gathered pace on Saturday, when Trump said he had spoken to both leaders"."""
    if span[1] > trigger[0]:
        return False
    when = _WHEN.match(text, span[1])
    return when is not None and not any(c in text[when.end():trigger[0]] for c in ";,—\n")


_OCCASION_OPENING = re.compile(r",\s+[a-z]+ing\s[^,;]*$")
_OCCASION_CLOSING = re.compile(r"[^,;]*,\s*$")


def _occasion(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], span: tuple[int, int]
) -> bool:
    """Whether a time stands in a participle aside just before a speech verb: "Sisi, addressing
    troops on Saturday at an air base, said ...": the speech was made on that occasion."""
    if span[1] > trigger[0] or text.find(",", span[1], trigger[0]) < 0:
        return False
    return bool(_OCCASION_OPENING.search(text, sentence[0], span[0])) and bool(
        _OCCASION_CLOSING.fullmatch(text, span[1], trigger[0])
    )


# A time that ends the verb phrase before a coordinated one: "landed on May 21 and recaptured".
_AND_VERB = re.compile(r"[ \t]+and[ \t]+(?:then[ \t]+|later[ \t]+)?$")


# Between a speech verb and the time of speaking: "said on Sunday", "said in a statement on
# Sunday", "told reporters on Sunday", "told a news conference late on Sunday".
_SAID_GAP = re.compile(
    r"\s*(?:(?:in|during)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+){1,2}?)?"
    r"(?:(?:on|in|at|late|early|this|last|earlier|later)\s+){0,2}"
)
# ("told supporters gathered outside the electoral council late Sunday": up to seven words for
# the audience and where it was, none of them "that", which opens what was said)
_TOLD_GAP = re.compile(
    r"\s*(?:(?:a|an|the|his|her|its|their)\s+)?(?:(?!that\b|whether\b|if\b)[\w-]+\s+){1,7}?"
    r"(?:(?:on|in|at|late|early|this|last|earlier|later)\s+){1,2}"
)
_BEFORE_SAID = re.compile(
    r"\s*,?\s*(?:[\w.'’-]+\s+){0,5}(?:(?:has|have|had|also|again)\s+)?$"
)
_DETERMINED = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.IGNORECASE)
_DETERMINERS = ("the ", " a ", "an ", "its ", "their ", "his ", "her ", "this ", "that ")
_NOUN_AFTER = re.compile(r"\s+([A-Za-z]+)\b")  # "the 1960 Indus Waters Treaty" too
# Words after a time that show it is not a noun's modifier: prepositions, verbs, conjunctions.
_NOT_NOUNS = frozenset(
    """of to in on at and or but by for from with as when after before since until that which
    who was were is are will would has have had be been said says the a an""".split()
)


def _next_to_verb(text: str, trigger: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a time stands by a speech verb: "said on Sunday", "on Sunday said", "On Sunday,
    the ministry said"; not "said the strikes began on October 1" nor "..., Fidan said"."""
    if span[0] >= trigger[1]:
        if _SAID_GAP.fullmatch(text, trigger[1], span[0]) is not None:
            return True
        return text.startswith("told", trigger[0]) and _TOLD_GAP.fullmatch(
            text, trigger[1], span[0]) is not None
    gap = text[span[1]:trigger[0]]
    if len(gap) > 60 and _OPENS_SENTENCE.fullmatch(text, max(0, span[0] - 12), span[0]) and (
        gap.startswith(",") and not _SPEECH_VERB.search(gap) and '"' not in gap
        and "“" not in gap and len(gap) <= 160
    ):
        # "On Aug. 30, John Kirby, a spokesman for the National Security Council, told
        # reporters ...": a time opening the sentence dates its first speech verb
        return True
    if len(gap) > 60 or '"' in gap or "“" in gap or "”" in gap:
        return False
    if "," in gap:
        # "On Sunday, the ministry said" opens the clause; "... in April, Fidan said" ends a quote
        line = text.rfind("\n", 0, span[0]) + 1
        opening = text[max(line, span[0] - 40):span[0]]
        if not re.search(r"(?:^|[.!?—]\s*)(?:[Oo]n|[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)?\s*$",
                         opening):
            return False
    return _BEFORE_SAID.fullmatch(gap) is not None


_OPENS_SENTENCE = re.compile(r".*(?:^|[.!?]\s+|\n)(?:On|In|Late|Early|Earlier|Later|By)?\s*",
                             re.DOTALL)
_SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|announced|stated|declared|added)\b")


# Up to two words between a date and the trigger it modifies ("the 1962 border war between").
_NOUN_GAP = re.compile(r"(?:\s+[A-Za-z-]+){0,2}\s+")


def modifies_noun(text: str, span: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether a date is an attribute of a noun ("the July 28 vote", "the 2021 coup")."""
    before = text[max(sentence[0], span[0] - 8):span[0]].lower()
    if not before.endswith(_DETERMINERS) or not _DETERMINED.search(before):
        return False
    following = _NOUN_AFTER.match(text, span[1], sentence[1])
    return following is not None and following.group(1).lower() not in _NOT_NOUNS


# A non-restrictive relative clause set off by commas ("Saudi Arabia, which restored ties with
# Iran last year, condemned ...") or ending the sentence ("demanded that Ukraine resume the
# transit, which stopped on January 1") tells of another event, with its own time.
# A participle aside ("The talks, brokered by Turkey, were the first since 2022") likewise.
_ASIDE = re.compile(
    r",\s+(?:(?:who|which|whose)\s(?:[^,;—]|(?<=\d),(?=\d{3})){1,140}?"
    r"|[a-z]+ed\s+by\s[^,;—]{1,80}?)(?:,(?!\d{3})|(?=[.!?\"”]*\s*$))"
)


# A relative clause with no relative word, right after its noun: "scrapped the deal it struck in
# 2016 with France", "abandoned the commitment it made in 1991 and ...": its time is its own.
_ZERO_RELATIVE = re.compile(
    r"(?:(?<=[a-z] )|(?<=[a-z][\"”] ))(?:it|they|he|she|we)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:[a-z]+ed|made|struck|signed|gave|took|won|lost|built|began|sent|fought|held|brought)\b"
    r"[^,;:—()\"“”]{0,120}?(?=,|;|:|—|\s+(?:and|but)\s|[.!?\"”]*\s*$)"
)
# Words after which such a pronoun opens a complement, not a relative clause ("said it signed").
_NOT_A_NOUN = frozenset(
    "said says say told tell announced warned added insisted argued claimed believed believe "
    "thought think knew know stated noted declared confirmed denied hoped feared that so as when "
    "because after before since until if while where though although once whether "
    # times and adverbs: "last week it signed", "later they struck"
    "yesterday today tonight now then later earlier also still already again soon week weeks "
    "month months year years day days night morning evening afternoon weekend decade time "
    "hours ago".split()
)


def _asides(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The relative-clause asides of a sentence (most sentences have none: a find first)."""
    start, end = sentence
    found = []
    if text.find(", wh", start, end) >= 0 or text.find("ed by ", start, end) >= 0:
        found = [m.span() for m in _ASIDE.finditer(text, start, end)]
    if any(text.find(word, start, end) >= 0 for word in _ZERO_PRONOUNS):
        for match in _ZERO_RELATIVE.finditer(text, start, end):
            before = text.rfind(" ", start, match.start() - 1)
            word = text[before + 1:match.start() - 1].rstrip('"”')
            if word.islower() and word not in _NOT_A_NOUN:
                found.append(match.span())
    return found


_ZERO_PRONOUNS = (" it ", " they ", " he ", " she ", " we ")


def _aside_of(span: tuple[int, int], asides: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in asides:
        if a <= span[0] and span[1] <= b:
            return (a, b)
    return None


@lru_cache(maxsize=1024)
def _article_day(published: date) -> TimeSpan:
    """The publication day as a time span; immutable, so one per day serves every event."""
    return TimeSpan(value=published.isoformat(), granularity=DAY, start=published, end=published)
