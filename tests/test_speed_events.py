"""The event stage's speed-ups are exact: each stand-in finds what the code it replaced found.

Each test compares a fast path with the plain form it stands for (kept here or beside it), over
our own sentences and the sample articles.
"""

from __future__ import annotations

import random
import re

import pytest

from timeline_app.extract import parties
from timeline_app.extract.patterns import _regex_source, load_patterns
from timeline_app.extract.regex_prefixes import has_top_level_branch
from timeline_app.extract.scan import needle_finder
from timeline_app.extract.sentences import split_sentences
from timeline_app.ingest import read
from timeline_app.paths import samples_dir

OWN = """MOSCOW, Russia (Wire) — Russia, Syria's closest ally, sold jets to Damascus.
UN Secretary-General Antonio Guterres, who visited Kyiv, said the Iran-Iraq war ended in 1988.
**BEIRUT** - Israel, the Gulf states and Egypt signed the Israel-UAE deal on Monday.
Sisi, addressing troops at a base, said Cairo, wary of Ankara's reach, would not send troops.
The talks, a first since 2019, were held in Doha, and the U.S.-Iran talks resumed, which
surprised Paris, whose envoy left; Berlin, another ally, stayed. A pre-Iran-Iraq war pact,
an India–Pakistan ceasefire, the Ethiopia-Eritrea peace treaty and Russia-Ukraine
negotiations were cited, as were X-Y talks and Armenia-Azerbaijan border clashes.
Kenya sent troops via Uganda and without UN approval, VIA Tanzania, Without delay.
It did not suspend aid, had no reciprocal agreement with Chad and stopped short of sanctions.
ABUJA, Nigeria, Jan. 3 (AFP) -- The junta, already wary of ECOWAS, said 1,000 troops left."""


def _texts() -> list[str]:
    texts = [OWN, OWN.upper(), OWN.replace(" ", "\n"), OWN.replace("-", "–")]
    for path in sorted(samples_dir().glob("*")):
        if path.suffix in (".txt", ".md"):
            texts.extend(article.text for article in read(path))
    return texts


def _sentences() -> list[str]:
    return [s.text for text in _texts() for s in split_sentences(text, ())]


def test_appositions_are_what_the_regex_finds_at_every_comma() -> None:
    sentences = _sentences()
    assert any(parties._APPOSITION.search(s) for s in sentences)
    for sentence in sentences:
        expected = [m.span() for m in parties._APPOSITION.finditer(sentence)]
        assert parties._appositions(sentence) == expected, sentence


def test_the_dateline_check_admits_every_dateline() -> None:
    sentences = _sentences()
    found = [s for s in sentences if parties._DATELINE.match(s)]
    assert len(found) >= 3
    assert all(parties._may_open_dateline(s) for s in found)
    assert not parties._may_open_dateline("The junta said - nothing.")
    assert not parties._may_open_dateline("UN officials said so.")


def test_hyphen_pair_patterns_find_what_their_plain_regex_finds() -> None:
    patterns = load_patterns()
    rewritten = [p for p in patterns if not p.regex.pattern.startswith(r"(?<![\w-])")]
    assert rewritten, "the X-Y war/deal/talks patterns should take the fast form"
    texts = _texts()
    for pattern in rewritten:
        plain = re.compile(
            rf"(?<![\w-])(?:{_alternation(pattern)})(?:(?<=\s)|(?![\w-]))", re.IGNORECASE
        )
        for text in texts:
            assert [m.span() for m in pattern.regex.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
            for pos in range(0, len(text), 7):
                old, new = plain.match(text, pos), pattern.regex.match(text, pos)
                assert (old and old.span()) == (new and new.span())
    hits = [m.group() for p in rewritten for m in p.regex.finditer(OWN)]
    assert "Iran-Iraq war" in hits and "U.S.-Iran talks" in hits
    assert "Iraq war" not in hits  # ("pre-Iran-Iraq": no pair starts inside a hyphenated word)


def _alternation(pattern) -> str:
    source = pattern.regex.pattern
    opening = r"(?-i:[A-Z])(?<![\w-].)(?-i:[\w.]*+)[-–](?:"
    assert source.startswith(opening)
    rests = source[len(opening):-len(r")(?:(?<=\s)|(?![\w-]))")]
    assert not has_top_level_branch(rests)  # one trigger each in the lexicon
    return r"(?-i:[A-Z][\w.]*)[-–]" + rests


def test_only_triggers_that_all_open_with_a_pair_are_rewritten() -> None:
    pair = r"(?-i:[A-Z][\w.]*)[-–](?-i:[A-Z][\w.]*)\s+war"
    assert _regex_source([pair], pair, None).startswith("(?-i:[A-Z])")
    assert _regex_source([pair, "clash"], f"{pair}|clash", None).startswith(r"(?<![\w-])")
    assert _regex_source([f"{pair}|x"], f"{pair}|x", None).startswith(r"(?<![\w-])")
    assert _regex_source([pair], pair, frozenset({"a"})).startswith(r"(?<![\w-])")


@pytest.mark.parametrize(("pattern", "expected"), [
    ("a|b", True), ("(a)|b", True), ("(?:a|b)c", False), ("x(?:a|b)", False), ("[|]a", False),
    (r"\|a", False), ("[]|]", False), ("[^]|]x", False), (r"[\]|]", False), ("a[|]|b", True),
])
def test_top_level_branches_are_read_off_the_text(pattern: str, expected: bool) -> None:
    assert has_top_level_branch(pattern) is expected


def _windows(size: int) -> list[str]:
    rng = random.Random(5)
    windows = []
    for text in _texts():
        for _ in range(300):
            end = rng.randrange(len(text) + 1)
            windows.append(text[max(0, end - size):end])
    return windows


def test_a_needle_finder_finds_a_needle_when_one_is_in() -> None:
    for needles in (parties._NEGATION_KEYS, ("he", "it"), ("stop", "stopping", "top")):
        finder = needle_finder(needles)
        for window in _windows(30):
            lowered = window.lower()
            assert (finder.search(lowered) is not None) == any(n in lowered for n in needles)


def _negated_before(text: str, sentence_start: int, trigger_start: int) -> bool:
    """is_negated as it was written before the needle finder (the specification)."""
    window = text[max(sentence_start, trigger_start - 30):trigger_start]
    lowered = window.lower()
    if "no " in lowered and parties._NO_BEFORE.search(window):
        return True
    for key in parties._NEGATION_KEYS:
        if key in lowered:
            if parties._NEGATION.search(window):
                return True
            break
    if not parties._infinitive_before(text, sentence_start, trigger_start):
        return False
    return bool(parties._OPPOSED.search(text[max(sentence_start, trigger_start - 100):
                                             trigger_start]))


def test_negation_is_what_it_was() -> None:
    count = 0
    for text in _texts():
        for match in re.finditer(r"\b\w", text):
            at = match.start()
            expected = _negated_before(text, 0, at)
            count += expected
            assert parties.is_negated(text, 0, at) is expected
    assert count > 10


def test_the_via_check_admits_every_via_and_without() -> None:
    seen = 0
    for window in _windows(12):
        if parties.last_word(window) in ("via", "without"):
            seen += 1
            assert parties._may_be_via(window)
    assert seen


def test_the_since_check_is_the_regex() -> None:
    from timeline_app.extract import narrative

    text = OWN + " Nothing like it since the end of the civil war in 1990, or SINCE 2001."
    for at in range(len(text) + 1):
        expected = narrative._SINCE_BEFORE.search(text, max(0, at - 50), at) is not None
        assert narrative._after_since(text, at) is expected
    assert narrative._after_since(text, text.index("1990"))
    assert narrative._after_since(text, text.index("2001"))
