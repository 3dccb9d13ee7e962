"""Sentence boundaries for news prose, as character spans into the article text.

News text breaks sentences at line ends as often as at full stops (headlines, captions, datelines
on their own line), and abbreviations such as "U.S.", "Gen." or "Jan." must not end a sentence.
A rule splitter is enough here and costs microseconds, where a statistical one would dominate the
extraction budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep rev st mt ft jr sr sen
    jan feb mar apr aug sep sept oct nov dec no nos vs etc inc corp co ltd dept est approx fig
    pres amb sec u.s u.n u.k e.u u.s.a d.c p.m a.m""".split()
)

# A full stop, question or exclamation mark, possibly followed by closing quotes or brackets,
# then white space: a candidate boundary. Line breaks are boundaries of their own. What
# _boundaries finds; kept as the plain statement of it (tests compare the two).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s))")
# The same marks, each scanned for on its own (see _boundaries): a pattern that opens with one
# literal is skipped to at C speed, one that opens with a class is tried char by char.
_AFTER_MARK = r"[.!?]*[\"'”’)\]]*(?=\s)"
_MARKS = (
    (".", re.compile(r"\." + _AFTER_MARK)),
    ("!", re.compile("!" + _AFTER_MARK)),
    ("?", re.compile(r"\?" + _AFTER_MARK)),
)


def _boundaries(text: str) -> list[tuple[int, int]]:
    """The spans _BOUNDARY.finditer finds, found three to four times faster.

    Line breaks by str.find; each mark by its own literal-led pattern ("!" and "?" only where
    there is one). A mark's match is its whole run of marks and closing quotes, so where the
    joined scan reads a run from its first mark, the scan of a later mark of the run finds a
    match ending at the same place: dropping the matches that start inside an earlier one
    leaves what the joined scan found.
    """
    found: list[tuple[int, int]] = []
    i = text.find("\n")
    while i >= 0:
        found.append((i, i + 1))
        i = text.find("\n", i + 1)
    for mark, pattern in _MARKS:
        if mark in text:
            found.extend(m.span() for m in pattern.finditer(text))
    found.sort()
    spans: list[tuple[int, int]] = []
    reach = 0
    for span in found:
        if span[0] >= reach:
            spans.append(span)
            reach = span[1]
    return spans


@dataclass(frozen=True, slots=True)
class Sentence:
    span: tuple[int, int]
    text: str


def split_sentences(text: str, ignored: Sequence[tuple[int, int]] = ()) -> list[Sentence]:
    """Sentences of `text` with surrounding white space trimmed; ignored ranges are dropped."""
    sentences: list[Sentence] = []
    start = 0
    for dot, end in _boundaries(text):
        mark = text[dot]
        if mark == "\n":  # a match opening with a line break is that break alone
            if end - start == 1:  # a line break right after a boundary: nothing in between
                start = end
                continue
        elif mark == "." and not _ends_sentence(text, dot, end):  # "!" and "?" always end
            continue
        _add(sentences, text, start, end, ignored)
        start = end
    _add(sentences, text, start, len(text), ignored)
    return sentences


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    word = text[_word_start(text, dot):dot].lower()
    following = text[end:end + 40].lstrip(" \t")
    next_char = following[:1]
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        # "U.S. officials" continues; "in the U.S. The next day" ends only before a new sentence
        # that starts with a capital AND the abbreviation is not a title ("Gen. Smith").
        if word in ("u.s", "u.n", "u.k", "e.u", "d.c", "p.m", "a.m") and next_char.isupper():
            nxt = following.split(" ", 1)[0]
            return nxt in _SENTENCE_STARTERS
        return False
    if "." in word and all(len(part) == 1 for part in word.split(".")):
        # initials ("George H.W. Bush") or a dotted abbreviation we do not list ("N.Y.")
        return next_char.isupper() and following.split(" ", 1)[0] in _SENTENCE_STARTERS
    if word.isdigit() and next_char.isdigit():
        return False
    return not next_char or not next_char.islower()


def _word_start(text: str, dot: int) -> int:
    """Where the letters, digits and dots before `dot` begin ("U.S" in "the U.S.")."""
    space = text.rfind(" ", max(0, dot - 40), dot)
    if space >= 0 and text[space + 1:dot].replace(".", "").isalnum():
        return space + 1  # the usual case, decided by two C calls
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    return word_start


# A Sentence made through its slots: the frozen dataclass's __init__ sets each field by
# object.__setattr__, at three times the cost; the object is the same (class, fields, equality,
# hash, pickling) and still refuses any later assignment. The slot descriptors are read from the
# class's namespace: attribute access on the class is typed as the field's value, not its slot.
_NEW_SENTENCE = Sentence.__new__
_SET_SPAN = vars(Sentence)["span"].__set__
_SET_TEXT = vars(Sentence)["text"].__set__

_SENTENCE_STARTERS = frozenset(
    "The A An It He She They We I In On At But And Officials This That There His Her Their".split()
)


def _add(
    sentences: list[Sentence], text: str, start: int, end: int,
    ignored: Sequence[tuple[int, int]],
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    if ignored:
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in ignored)
        if covered * 2 >= end - start:
            return
    sentence = _NEW_SENTENCE(Sentence)  # Sentence((start, end), text[start:end]), faster
    _SET_SPAN(sentence, (start, end))
    _SET_TEXT(sentence, text[start:end])
    sentences.append(sentence)
