"""Sentence splitting: the unit every event and its evidence span is built on."""

from timeline_app.extract.sentences import split_sentences


def texts(text: str, ignored=()) -> list[str]:
    return [s.text for s in split_sentences(text, ignored)]


def test_spans_index_the_text():
    text = "  Kenya sent troops. Ethiopia objected!\nHeadline without stop\n\nA third one?  "
    for sentence in split_sentences(text):
        assert text[sentence.span[0]:sentence.span[1]] == sentence.text
    assert texts(text) == [
        "Kenya sent troops.", "Ethiopia objected!", "Headline without stop", "A third one?",
    ]


def test_abbreviations_and_titles_do_not_end_sentences():
    text = ("U.S. officials met Gen. Dlamini on Jan. 5 in Washington, D.C. with the U.N. envoy. "
            "Mr. Okafor said the talks went well.")
    assert texts(text) == [
        "U.S. officials met Gen. Dlamini on Jan. 5 in Washington, D.C. with the U.N. envoy.",
        "Mr. Okafor said the talks went well.",
    ]


def test_abbreviation_at_the_end_of_a_sentence():
    text = "The envoy flew to the U.S. The next day he met the press."
    assert texts(text) == ["The envoy flew to the U.S.", "The next day he met the press."]


def test_quotes_close_the_sentence():
    text = "\u201cWe will not leave,\u201d she said. \u201cNever.\u201d Then she left."
    assert texts(text) == [
        "\u201cWe will not leave,\u201d she said.", "\u201cNever.\u201d", "Then she left.",
    ]


def test_decimal_numbers_stay_whole():
    assert texts("Prices rose 3.5 percent. Then fell.") == [
        "Prices rose 3.5 percent.", "Then fell."]


def test_ignored_ranges_are_dropped():
    text = "Real news here.\nSign up for our newsletter!\nMore news."
    start = text.index("Sign")
    ignored = ((start, start + len("Sign up for our newsletter!")),)
    assert texts(text, ignored) == ["Real news here.", "More news."]


def test_boundary_scan_matches_the_plain_pattern():
    """The boundary regex opens with a character class for speed; it must find what the plain
    alternation finds."""
    import random
    import re

    from timeline_app.extract.sentences import _BOUNDARY

    plain = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
    pieces = [".", "!", "?", "\n", " ", "\t", '"', "'", "”", "’", ")", "]", "U.S", "a", "1", "é"]
    rng = random.Random(4)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_initials_do_not_end_a_sentence():
    text = "President George H.W. Bush ordered troops. They left in N.Y. The mayor spoke."
    assert [s.text for s in split_sentences(text)] == [
        "President George H.W. Bush ordered troops.", "They left in N.Y.", "The mayor spoke."]
