"""Shortcuts taken for speed give exactly what the plain way gives.

Each test keeps the plain way (the code the shortcut replaced, or the regex it stands for)
and compares the two on our own sentences and on random strings built from the words and
separators the shortcut is about, where the corner cases lie.
"""

from __future__ import annotations

import random

import pytest

from timeline_app.extract.temporal import anchoring as an


def _news_days_plain(text: str, enough: int, start: int = 0, until: int | None = None) -> int:
    """The search loop _news_days replaced: one regex search from each place on."""
    count = 0
    pos = start
    end = len(text) if until is None else until
    while count < enough:
        m = an._NEWS_DAYS.search(text, pos, end)
        if m is None:
            break
        begin = m.start()
        if begin and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            pos = begin + 1
            continue
        if text[max(0, begin - 4):begin] == "the " and text.startswith("next", begin):
            pos = m.end()
            continue
        if (text.startswith("ago", begin) and text.endswith("years ", 0, begin)) or (
                text.startswith("today", begin) and text.endswith("ago ", 0, begin)):
            pos = m.end()
            continue
        count += 1
        pos = m.end()
    return count


_NEWS_WORDS = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight", "ago", "this", "last", "next", "week", "month", "year", "years", "the",
    "day", "days", "mon", "to", "sun", "chicago", "holiday", "weekend", "x", "2", "_", "é",
]
_SEPARATORS = ["", " ", "  ", "\n", "\t", "\u00a0", "-", ", ", ".", "_"]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_NEWS_WORDS) + rng.choice(_SEPARATORS)
                    for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", [
    "", "on monday, fifty years ago today the talks began", "the next year and next week",
    "last\u00a0\u00a0week", "this\nmonth and last year", "holidays: sunday, today, tonight",
    "years ago today", "xlast week", "last  weekend", "next year's budget",
])
def test_news_days_as_the_search_loop(text: str) -> None:
    for enough in (0, 1, 2, 5, 100):
        assert an._news_days(text, enough) == _news_days_plain(text, enough)


def test_news_days_as_the_search_loop_on_random_text() -> None:
    rng = random.Random(11)
    for text in _random_texts(3, 3000):
        enough = rng.randint(0, 8)
        cut = rng.randint(0, len(text))
        assert an._news_days(text, enough) == _news_days_plain(text, enough), text
        assert an._news_days(text, enough, until=cut) == _news_days_plain(
            text, enough, until=cut), (text, cut)
        assert an._news_days(text, enough, start=cut) == _news_days_plain(
            text, enough, start=cut), (text, cut)


def test_ignored_cursor_answers_as_the_bisect() -> None:
    """Over sorted ranges that may overlap, nest, share starts or run past the text."""
    from timeline_app.extract.actors.recognise import IgnoredCursor, ignored_at

    rng = random.Random(7)
    for _ in range(2000):
        length = rng.randint(0, 60)
        ranges = sorted((a, a + rng.randint(0, 20))
                        for a in (rng.randint(0, length + 5) for _ in range(rng.randint(0, 6))))
        cursor = IgnoredCursor(ranges, length)
        pos = 0
        while pos <= length + 3:
            assert cursor.inside(pos) == ignored_at(ranges, length, pos), (ranges, length, pos)
            pos += rng.choice((0, 1, 1, 2, 5))


@pytest.mark.parametrize(("pattern", "written"), [
    (r"(?:ab)?c", r"(?:ab|)c"),
    (r"(a)??b", r"(|a)b"),
    (r"(?P<x>a|b)?", r"(?P<x>a|b|)"),
    (r"(?:a(?:b)?)?", r"(?:a(?:b|)|)"),
    (r"(?:(?:a)??b)?", r"(?:(?:|a)b|)"),
    (r"(?=x)?y", r"(?=x)?y"),  # lookarounds, possessives, flags, classes, escapes: as they are
    (r"(?:a)?+", r"(?:a)?+"),
    (r"(?i:a)?", r"(?i:a)?"),
    (r"(?>ab)?a", r"(?>ab)?a"),
    (r"(?P<x>a)(?P=x)?", r"(?P<x>a)(?P=x)?"),
    (r"[(]?\(x\)?[]()?]", r"[(]?\(x\)?[]()?]"),
    (r"(?:a)*(?:b){0,1}", r"(?:a)*(?:b){0,1}"),
])
def test_optional_groups_are_written_as_empty_alternatives(pattern: str, written: str) -> None:
    from timeline_app.extract.temporal.prefixes import without_optional_groups

    assert without_optional_groups(pattern) == written


def _rule_texts() -> list[str]:
    from test_temporal_prefixes import SENTENCES
    from timeline_app.extract.temporal import _lowered
    from timeline_app.extract.temporal import patterns as pt

    rng = random.Random(23)
    words = [*sorted(pt.VOCABULARY | pt.STARTERS), "1st", "2nd", "1990", "12", "5", "'80s",
             "said", "x", "and", "to", "of", "-", "\u2013", "a.m.", "p.m", "10:30", "3/4/2012"]
    seps = [" ", ", ", "-", "'", ".", "  ", "\n", "'s ", ""]
    texts = [" " + _lowered(s) for s in SENTENCES]
    texts += [" " + "".join(rng.choice(words) + rng.choice(seps) for _ in range(25))
              for _ in range(400)]
    return texts


def test_rules_without_optional_groups_match_as_the_rules() -> None:
    """Every rule, as the scanner compiles it, ends where the rule as written ends, at every
    position of our sentences and of random strings of the rules' words."""
    import re

    from timeline_app.extract.temporal import patterns as pt
    from timeline_app.extract.temporal.prefixes import without_optional_groups

    texts = _rule_texts()
    for name, written in pt.RULES:
        plain = re.compile(pt._anonymous(written))
        fast = re.compile(without_optional_groups(pt._anonymous(written)))
        for text in texts:
            for pos in range(len(text)):
                a, b = plain.match(text, pos), fast.match(text, pos)
                assert (a and a.end()) == (b and b.end()), (name, text[pos:pos + 40])


def test_word_tries_find_what_optional_groups_found() -> None:
    """patterns._trie closes a word that goes on with an empty alternative, where it had an
    optional group: HITS finds the same places either way."""
    import re

    from timeline_app.extract.temporal import patterns as pt

    def trie_with_optional_groups(words: frozenset[str]) -> str:
        root: dict[str, dict] = {}
        for w in words:
            node = root
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}

        def build(node: dict[str, dict]) -> str:
            alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
            if not alts:
                return ""
            body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
            return "(?:" + body + ")?" if "" in node else body

        return build(root)

    for words in (pt.HEADS, pt.STARTERS, pt.VOCABULARY):
        old = re.compile(r"(?<![a-z])(?:" + trie_with_optional_groups(words) + r")(?![a-z])")
        new = re.compile(r"(?<![a-z])(?:" + pt._trie(words) + r")(?![a-z])")
        for text in _rule_texts():
            assert [m.span() for m in old.finditer(text)] == [
                m.span() for m in new.finditer(text)]


def test_the_two_year_scans_find_what_the_joined_scan_found() -> None:
    import re

    joined = re.compile(r"1[5-9]\d\d(?![\d,]\d)|20\d\d(?![\d,]\d)")
    rng = random.Random(31)
    parts = ["19", "20", "1", "2", "0", "5", "9", "99", ",", ".", " ", "$", "x", "2014", "1995"]
    texts = ["", "in 1999, 2000 and 20,000 or 1,999", "2020202019991999", "1999,5 2019,55"]
    texts += ["".join(rng.choice(parts) for _ in range(rng.randint(1, 30))) for _ in range(5000)]
    for text in texts:
        found = sorted(m.span() for years in an._YEARS for m in years.finditer(text))
        assert found == [m.span() for m in joined.finditer(text)], text


def test_sentence_boundaries_are_what_the_joined_scan_finds() -> None:
    from timeline_app.extract.sentences import _BOUNDARY, _boundaries

    pieces = [".", "!", "?", "\n", " ", "\t", '"', "'", "\u201d", "\u2019", ")", "]", "U.S", "a",
              "1", "\u00e9", "...", "?!", "\u00a0"]
    rng = random.Random(41)
    texts = ["", "Yes. No! Why? \n", 'He said "no." Then left.\n\nOK?!  Fine...', "3.5 U.S. a.m.\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 24)))
              for _ in range(30000)]
    for text in texts:
        assert _boundaries(text) == [m.span() for m in _BOUNDARY.finditer(text)], text


def test_every_ship_prefix_is_in_a_run_the_lexicon_pass_keeps() -> None:
    """ships() looks for the prefixes in the runs read, not the text: wherever the ship
    pattern matches, its prefix must be in them (after a hyphen, a particle, an apostrophe,
    inside an ignored range, at the start, in capitals)."""
    from timeline_app.extract.actors import load_actor_lexicon
    from timeline_app.extract.actors.recognise import _SHIP, _SHIP_HINTS, _Scan

    lexicon = load_actor_lexicon()
    rng = random.Random(13)
    before = ["", " ", "pro-", "al-", "d'", "O'", "x", "1", "_", "the ", "The ", "\n", "then-",
              "von ", "British ", "LONDON, "]
    ships = ["HMS", "USS", "HMAS", "HMCS", "HMNZS", "BRP", "ARA", "ROKS", "TCG"]
    after = [" Cole", "\tSierra Madre", "  Conqueror 2", " A. B", " the", " Cole's", " X"]
    for _ in range(3000):
        text = "".join(rng.choice(before) + rng.choice(ships) + rng.choice(after) + " "
                       for _ in range(rng.randint(1, 3)))
        ignored = [] if rng.random() < 0.5 else [(0, rng.randint(0, len(text)))]
        scan = _Scan(text, lexicon, None, ignored)
        scan.lexicon_pass()
        runs = " ".join(scan.runs)
        for m in _SHIP.finditer(text):
            assert any(p in m.group(1) and p in runs for p in _SHIP_HINTS), (text, ignored)


def test_every_capitalised_possessive_is_in_a_run() -> None:
    """possessive_organs looks for "His", "Its" ... only if the runs read hold them."""
    from timeline_app.extract.actors import load_actor_lexicon
    from timeline_app.extract.actors.recognise import _Scan

    lexicon = load_actor_lexicon()
    rng = random.Random(17)
    before = ["", " ", "-", "_", "x", "1", "O'", "\n", ". ", "(", '"', "Minister "]
    words = ["His ", "Her ", "Its ", "Their ", "HIS ", "his ", "Hiss "]
    after = ["foreign ministry", "troops", "Cabinet", "army said"]
    for _ in range(3000):
        text = "".join(rng.choice(before) + rng.choice(words) + rng.choice(after) + " "
                       for _ in range(rng.randint(1, 3)))
        scan = _Scan(text, lexicon, None, [(0, rng.randint(0, len(text)))])
        scan.lexicon_pass()
        runs = " ".join(scan.runs)
        for word in ("His ", "Her ", "Its ", "Their "):
            i = text.find(word)
            while i >= 0:
                if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_"):
                    assert word[:-1] in runs, (text, word)
                i = text.find(word, i + 1)


def test_every_capitalised_word_is_in_the_runs_read() -> None:
    """Ships, capitalised possessives and compass halves are looked for in the runs the
    lexicon pass read (_capitalised) before the text: any word that opens with a capital
    must be in them, whatever stands around it and whatever is ignored."""
    import re

    from timeline_app.extract.actors import load_actor_lexicon
    from timeline_app.extract.actors.recognise import _Scan

    lexicon = load_actor_lexicon()
    rng = random.Random(19)
    pieces = ["the ", "The ", "North", "South", "His ", "al-", "d'", "O'", "-", "_", "x", "1",
              " ", "\t", "\n", ", ", ". ", "Syria", "HMS", "of ", "de ", "USS Cole", "\u00c9mile",
              "then-", "Foreign Minister ", "'s ", "\u2019"]
    capital = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de]\w*")
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        scan = _Scan(text, lexicon, None, [(0, rng.randint(0, len(text)))])
        scan.lexicon_pass()
        runs = scan._capitalised()
        for m in capital.finditer(text):
            assert m.group() in runs, (text, m.group())
