"""The trigger prefix index is a pure speed-up: it must find exactly what the regexes find."""

from __future__ import annotations

import pytest

from timeline_app.extract.patterns import load_patterns
from timeline_app.extract.trigger_index import candidate_starts, trigger_prefixes
from timeline_app.paths import samples_dir

SENTENCES = """Russia, Syria's closest ally, sold fighter jets and air defence systems to Damascus.
China and Russia vetoed a draft resolution. Moscow has been distancing itself from Assad.
The EU imposed fresh sanctions on Iran and condemned the attack. Turkey  threatened Kurdish
fighters; Ankara's key   partner, Washington, backed the Syrian Democratic Forces.
Mr. Lavrov met with John Kerry and held talks with Lakhdar Brahimi. ALLIES EVACUATED CITIZENS.
Humanitarian aid convoys reached Homs. Kyiv's backers in Europe expressed concern over the
strikes on Kharkiv. Paris recalled its ambassador and suspended arms sales to Riyadh."""


def _texts() -> list[str]:
    texts = [SENTENCES, SENTENCES.upper(), SENTENCES.replace(" ", "\n")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples_dir().glob("*.*"))]
    return texts


def _by_regex(text: str) -> set[tuple[int, int, int]]:
    return {
        (number, m.start(), m.end())
        for number, pattern in enumerate(load_patterns())
        for m in pattern.regex.finditer(text)
    }


def _by_index(text: str) -> set[tuple[int, int, int]]:
    patterns = load_patterns()
    found = set()
    starts = candidate_starts(text, tuple(p.prefixes for p in patterns))
    for number, positions in starts.items():
        if positions is None:  # no prefixes: the caller scans with the pattern's regex
            found.update((number, m.start(), m.end())
                         for m in patterns[number].regex.finditer(text))
            continue
        last_end = -1
        for pos in positions:
            if pos < last_end:
                continue
            m = patterns[number].regex.match(text, pos)
            if m:
                last_end = m.end()
                found.add((number, m.start(), m.end()))
    return found


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:24].replace("\n", " "))
def test_index_finds_every_trigger_the_regexes_find(text: str) -> None:
    expected = _by_regex(text)
    assert expected, "the text should contain triggers"
    assert _by_index(text) == expected


def test_prefixes_follow_alternatives_and_optional_words() -> None:
    prefixes = trigger_prefixes(r"(?:key|main)?\s*(?:backers?|patrons?)|all(?:y|ies)", 4)
    assert prefixes is not None
    assert {"back", "patr", "key ", "main", "ally", "alli"} <= prefixes
    assert "sold" not in prefixes


def test_a_trigger_that_can_start_anywhere_is_never_filtered() -> None:
    assert trigger_prefixes(r"\w+ arms") is None
    assert trigger_prefixes(r".*veto") is None


def test_other_spaces_are_every_white_space_but_the_space() -> None:
    import sys

    from timeline_app.extract.trigger_index import OTHER_SPACES

    expected = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    assert set(OTHER_SPACES) == expected


def test_fold_lowers_and_makes_every_space_plain() -> None:
    from timeline_app.extract.trigger_index import fold

    assert fold("Kenya\tSENT\u00a0troops\n") == "kenya sent troops "
    text = "İstanbul\nhosted"  # lower() would lengthen the dotted capital I
    assert len(fold(text)) == len(text)
    assert fold(text).endswith(" hosted")


@pytest.mark.parametrize("text", [t for t in _texts() if t.isascii()])
def test_ascii_scanner_finds_what_the_unicode_scanner_finds_in_ascii_text(text: str) -> None:
    from timeline_app.extract.trigger_index import _scanner, fold

    prefix_sets = tuple(p.prefixes for p in load_patterns())
    folded = " " + fold(text)
    wide = [m.start() for m in _scanner(prefix_sets, False).finditer(folded)]
    narrow = [m.start() for m in _scanner(prefix_sets, True).finditer(folded)]
    assert narrow == wide and wide
