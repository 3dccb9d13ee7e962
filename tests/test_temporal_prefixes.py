"""The shortcuts that keep the tagger fast must not change what it finds.

Each shortcut is checked against the plain form it replaces: the rule index against the
joined scanner of all rules, HITS with its numbers under one guard against the plain
alternation, the rfind clause cut and the counted news words against their regexes, the tense
pre-check against reading every word.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from timeline_app.extract.temporal import _lowered, tag
from timeline_app.extract.temporal import anchoring as an
from timeline_app.extract.temporal import patterns as pt
from timeline_app.extract.temporal.prefixes import WORD, RuleIndex, rule_prefixes

SENTENCES = [
    "The talks resumed on Tuesday, three days after the ceasefire of March 3, 2014.",
    "Officials said the army will withdraw by the end of the year, or in early 2015.",
    "Prices rose 8% annually; the 1990s saw about 1,500 troops leave twice a week.",
    "He met the minister at 10:30 a.m. (0830 GMT) Friday and again the next morning.",
    "The convoy reached Homs on Oct. 12-13 and on April 24 and 25 it left at noon.",
    "Seven times a day, every other Monday, Tuesday and Wednesday nights, the '80s.",
    "Istanbul's İstiklal street was calm in the second half of 2013 and last summer.",
    "Sales for the quarter ended Sept. 29 fell from a year earlier, the company said.",
    "The 22.01.2013 report and the 1/22/2013 memo name the week of March 6.",
    "Q3 2012 results, the fiscal first quarter and the year-ago period were weak.",
    "In the coming weeks, and for years, the rebels fought for a while; now, recently.",
    "Christmas Eve, New Year's Day and Election Day fall in the winter of 1941.",
    "A twenty-first century debate: the nineteenth century, mid-1990s, late 1989.",
    "The day before yesterday and the day after tomorrow, tonight and overnight.",
    "x" * 40 + " the\u00a0past\u2009two\u3000months – ten\tyears\nago.",
]


def _scanner_at(lower: str, pos: int) -> tuple[int, str | None] | None:
    m = pt.SCANNER.match(lower, pos)
    return None if m is None else (m.end(), m.lastgroup)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_rule_index_finds_what_the_full_scanner_finds_everywhere(sentence: str) -> None:
    lower = " " + _lowered(sentence)
    for pos in range(len(lower) + 1):
        assert pt.RULE_INDEX.match(lower, pos) == _scanner_at(lower, pos), (sentence, pos)


def test_rule_index_rules_out_words_no_rule_begins_with() -> None:
    index = pt.RULE_INDEX
    assert index.rules_at("said tha") == ()
    assert "weekday" in index.rules_at("tuesday,")
    assert "set" in index.rules_at("seven ti")  # "\w+\s+times"
    assert "month" not in index.rules_at("the pres")


def test_rule_prefixes_fold_digits_and_spaces() -> None:
    prefixes = rule_prefixes(r"\d+\s+days", 8)
    assert "0 days" in prefixes and "00 days" in prefixes
    assert all(p[0] == "0" for p in prefixes)
    assert WORD + " times" in rule_prefixes(r"\w+\s+times", 8)
    assert "" in rule_prefixes(r"(?:x|.)y", 4)  # any character: the rule is tried anywhere


def test_rule_index_reads_numbers_and_spaces_alike() -> None:
    index = RuleIndex([(n, pt._anonymous(p)) for n, p in pt.RULES], pt.SCANNER)
    assert index.members("12 days") is index.members("30\tdays")
    assert "duration" in index.rules_at("12 days")


def test_rule_index_falls_back_to_the_full_scanner_off_ascii() -> None:
    index = RuleIndex([(n, pt._anonymous(p)) for n, p in pt.RULES], pt.SCANNER)
    assert index.members("\u0130stanbul") == ((pt.SCANNER, ""),)


def _plain_hits() -> re.Pattern[str]:
    """HITS as a plain alternation, each number branch tested on its own (the form it
    replaces)."""
    t = pt._trie
    return re.compile(
        r"[^a-z0-9$\u00a3\u20ac.,'](" + t(pt.HEADS) + r"(?![a-z0-9])"
        + r"|" + t(pt._ARTICLE_STARTERS & pt.STARTERS) + r"(?![a-z0-9])"
        + pt._NEXT_IS_VOCABULARY
        + r"|" + t(pt.STARTERS - pt.HEADS - pt._ARTICLE_STARTERS) + r"(?![a-z0-9])"
        + pt._NEXT_IS_NOT_ARTICLE
        + r"|[12]\d{3}(?!\d)"
        + r"|\d+(?!\d)(?:(?=[/.:'a-z-])|" + pt._NEXT_IS_VOCABULARY + r")"
        + r"|'(?=\d0s)"
        + r"|(?=\d)(?:(?<=\d and )|(?<=\d to )|(?<=\d[-\u2013]))\d)"
    )


def test_hits_find_the_same_places_as_the_plain_alternation() -> None:
    plain = _plain_hits()
    rng = random.Random(11)
    words = [*sorted(pt.VOCABULARY | pt.STARTERS),
             "1st", "2nd", "1990", "12", "5", "'80s", "said", "x", "and", "to", "-", "\u2013"]
    seps = [" ", ", ", "-", "'", ".", "  ", "\n", "'s "]
    texts = [" " + _lowered(s) for s in SENTENCES]
    texts += [" " + "".join(rng.choice(words) + rng.choice(seps) for _ in range(40))
              for _ in range(300)]
    for text in texts:
        assert [(m.start(1), m.end()) for m in pt.HITS.finditer(text)] == [
            (m.start(1), m.end()) for m in plain.finditer(text)]


_NEWS_DAYS_PLAIN = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|ago"
    r"|(?:this|last|(?<!the )next)\s+(?:week|month|year))\b"
)


@pytest.mark.parametrize("text", [
    "", "chicago ago", "mondays monday", "xtoday today_ today", "last  week, next\nyear",
    "a long time ago on sunday", "yesterday yesterday yesterday", "_ago ago",
    "é today", "holiday this weekend", "2today 3 ago", "the next year, next week",
])
def test_news_days_counts_whole_words_as_the_plain_regex(text: str) -> None:
    plain = len(_NEWS_DAYS_PLAIN.findall(text))
    for enough in (1, 2, 5):
        assert an._news_days(text, enough) == min(plain, enough)


def test_clause_start_is_where_the_regex_puts_it() -> None:
    rng = random.Random(5)
    alphabet = ".!?;\n \t\u00a0\u2028aB.x"
    for _ in range(20_000):
        left = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        ends = [m.end() for m in an._CLAUSE_START.finditer(left)]
        assert an._clause_start(left) == (ends[-1] if ends else 0), repr(left)


def _read_every_word(src: str, backwards: bool) -> str | None:
    """_read without its word filter: every word goes through _cue (and, reading back from
    the expression, the check for a verb of planning with its object)."""
    raw = an._TOKEN.findall(src)
    words = [r.lower() for r in raw]
    order = range(len(words) - 1, -1, -1) if backwards else range(len(words))
    for i in order:
        if (backwards and words[i] in an._PLAN_VERBS and i + 1 < len(words)
                and words[i + 1] in an._NEW_OBJECT
                and (not i or words[i - 1] not in an._DETERMINERS)):
            return an.FUTURE
        cue = an._cue(words, raw, i)
        if cue is None:
            continue
        if cue == an.FUTURE and "had" in words[max(0, i - 5):i]:
            return an.PAST
        return cue
    return None


@pytest.mark.parametrize("src", [
    "The minister will meet them", "Officials said", "He plans to travel", "a plan to travel",
    "had been due to expire", "as soon as", "as early as", "the talks set for", "the United",
    "They'll go", "It was reported", "sat in the same room for the first time on",
    "is to", "the aim to", "will be held", "a still unspecified", "", "the 1990s", "SAID",
    "Unions planned a march in the city on", "the plan a gang made on", "plans another rally",
])
@pytest.mark.parametrize("backwards", [True, False])
def test_tense_reading_matches_reading_every_word(src: str, backwards: bool) -> None:
    assert an._read(src, backwards) == _read_every_word(src, backwards)


def test_tense_cues() -> None:
    text = "The envoy will meet both sides on Friday. Rebels said on Friday they left."
    first = text.index("Friday")
    second = text.index("Friday", first + 1)
    assert an.tense(text, first, first + 6) == an.FUTURE
    assert an.tense(text, second, second + 6) == an.PAST
    plain = "Talks on Friday."
    assert an.tense(plain, 9, 15) is None


def test_history_is_decided_only_when_asked() -> None:
    history = "in 1942 the army crossed the river. in 1943 it reached the coast. 1944 saw"
    state = an.Narrative(dct=date(2013, 5, 1), history=None, lower=history)
    assert state.narrative_year(10) is None  # no year written out yet: history not needed
    assert state.history is None
    state.year, state.year_pos = 1943, 40
    assert state.narrative_year(60) == 1943
    assert state.history is True


def test_tagging_twice_gives_the_same_result() -> None:
    """Cached look-ups (keys, spans) must not leak between calls."""
    text = " ".join(SENTENCES)
    first = tag(text, date(2014, 3, 4))
    assert tag(text, date(2014, 3, 4)) == first
    assert first and tag(text, date(2001, 1, 1)) != first


def test_tokens_are_those_of_the_plain_pattern() -> None:
    plain = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
    rng = random.Random(3)
    texts = [*SENTENCES, *("".join(rng.choice("ab'' A-\u00e9") for _ in range(14))
                           for _ in range(5000))]
    for text in texts:
        assert an._TOKEN.findall(text) == plain.findall(text)
