"""Plain text and Markdown: decoding, titles, boilerplate ranges, publication dates, limits."""

from __future__ import annotations

import codecs
import shutil
from datetime import date

import pytest

from conftest import REFERENCE_GOLD
from timeline_app.domain.article import (
    PUBLISHED_BYLINE,
    PUBLISHED_DATELINE,
    PUBLISHED_FILENAME,
    PUBLISHED_GIVEN,
    PUBLISHED_METADATA,
    PUBLISHED_UNKNOWN,
)
from timeline_app.ingest import Limits, ReadError, read, read_paths

STORY = (
    "Ministers meet over grain deal\n"
    "\n"
    "The talks in the capital ran late into the night on Tuesday, officials said, as both\n"
    "delegations argued over the price of wheat shipments and the timing of payments.\n"
)


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    return path


def ignored_text(article) -> list[str]:
    return [article.text[a:b] for a, b in article.ignored]


# --- the reference article -------------------------------------------------------------


def test_reference_article_title_boilerplate_and_caption(reference_article):
    import json

    gold = json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))
    (article,) = read(reference_article, published=date(2013, 1, 22))
    text = reference_article.read_text(encoding="utf-8")
    assert article.text == text, "the text is exactly the decoded file"
    assert article.title == "Russia starts helping citizens leave Syria"
    for phrase in gold["never_in_events"]:
        start = text.index(phrase)
        assert article.is_ignored(start, start + len(phrase)), phrase
    lines = [line for line in text.splitlines() if line.strip()]
    caption = next(line for line in lines if lines.count(line) > 1)
    first = text.index(caption)
    second = text.index(caption, first + 1)
    assert not article.is_ignored(first, first + len(caption)), "first copy kept"
    assert any(a <= second and second + len(caption) <= b for a, b in article.ignored)
    # nothing of the reporting is ignored
    for sentence in ("Russia, a key Syrian ally", "Victoria Nuland said", "Denisov said"):
        start = text.index(sentence)
        assert not article.is_ignored(start, start + len(sentence)), sentence
    # no dateline in the text: the date comes from the file name, before --published
    assert article.published == date(2013, 1, 22)
    assert article.published_source == PUBLISHED_FILENAME


def test_reference_article_without_a_dated_name_uses_the_given_date(reference_article,
                                                                      tmp_path):
    copy = tmp_path / "russia-evacuation.txt"
    shutil.copy(reference_article, copy)
    (given,) = read(copy, published=date(2013, 1, 22))
    assert (given.published, given.published_source) == (date(2013, 1, 22), PUBLISHED_GIVEN)
    (unknown,) = read(copy)
    assert (unknown.published, unknown.published_source) == (None, PUBLISHED_UNKNOWN)


# --- decoding ------------------------------------------------------------------------------

RUSSIAN = "Москва заявила во вторник, что эвакуация граждан из Сирии начнётся в среду.\n" * 3


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),  # no BOM: recognised by its NUL bytes
    ("utf-32-le", codecs.BOM_UTF32_LE),
])
def test_unicode_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    path = write(tmp_path, "story.txt", prefix + STORY.replace("\n", "\r\n").encode(encoding))
    (article,) = read(path)
    assert article.text == STORY, "BOM dropped, line ends normalised as read_text does"
    assert article.title == "Ministers meet over grain deal"


@pytest.mark.parametrize("text,encoding", [
    ("The minister’s “final offer” – rejected.\n" * 4, "cp1252"),
    ("Le ministre a été reçu à l’Élysée mardi, où il a déjà évoqué la crise.\n" * 4, "cp1252"),
    ("Die Gespräche über Getreide wurden am Dienstag in München fortgesetzt.\n" * 4,
     "latin-1"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8-r"),
])
def test_legacy_encodings_are_detected(tmp_path, text, encoding):
    (article,) = read(write(tmp_path, "legacy.txt", text, encoding))
    assert article.text == text


def test_invalid_utf8_bytes_become_replacement_characters(tmp_path):
    data = STORY.encode("utf-8").replace(b"grain", b"gr\xc3\x28in") + "Café €".encode()
    (article,) = read(write(tmp_path, "broken.txt", data))
    assert "\ufffd" in article.text
    assert "officials said" in article.text and article.text.endswith("Café €")


# --- titles --------------------------------------------------------------------------------


def test_markdown_heading_marks_are_stripped_from_the_title(tmp_path):
    (article,) = read(write(tmp_path, "note.md", "\n\n## **Talks collapse** ##\n\nBody text.\n"))
    assert article.title == "Talks collapse"
    assert article.text.startswith("\n\n## **Talks collapse**")


def test_markdown_front_matter_gives_title_date_and_author(tmp_path):
    content = ("---\ntitle: \"Port reopens\"\ndate: 2014-03-02\nauthor: A. Writer\n---\n\n"
               "The port reopened on Sunday after a week of strikes.\n")
    (article,) = read(write(tmp_path, "port.md", content), published=date(2020, 1, 1))
    assert article.title == "Port reopens"
    assert (article.published, article.published_source) == (date(2014, 3, 2),
                                                               PUBLISHED_METADATA)
    assert article.meta["author"] == "A. Writer"
    assert ignored_text(article)[0].startswith("---\ntitle:")


# --- boilerplate ---------------------------------------------------------------------------

FURNITURE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter Email",
    "Share | Tweet | Email | Print",
    "Follow us on Twitter for the latest updates",
    "Sign up for our daily newsletter",
    "Subscribe to our newsletter",
    "Get the latest headlines delivered to your inbox",
    "Thanks for subscribing!",
    "Story continues below advertisement",
    "Read more:",
    "Related: Grain prices hit record",
    "© 2013 Example News. All rights reserved.",
    "Image caption",
    "Image source, Getty Images",
    "Reporting by Jane Doe; Editing by John Roe",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Supported by",
    "Topics: Syria, Russia",
    "View this email in your browser",
    "Follow Example News on Twitter for more updates.",
    "Follow our coverage of the region at https://example.org/hub/region",
    "Photo: Jane Doe/AFP",
    "Jane Doe/Getty Images",
    "This story has been corrected to show that the vote was on Friday, not Thursday.",
    "(Corrects date of vote in paragraph 3)",
    "By Jane Doe and John Roe",
    "Updated 2 hours ago",
    "Filed under: Middle East",
    "(AP Photo/Jane Doe, File)",
    "WATCH: The minister speaks to reporters",
    "Example News writer Jane Doe in Tehran contributed to this report.",
    "Have a tip? Email us at tips@example.org",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_web_furniture_lines_are_ignored(tmp_path, line):
    content = f"Headline here\n\nFirst paragraph of the story.\n\n{line}\n\nSecond paragraph.\n"
    (article,) = read(write(tmp_path, "page.txt", content))
    assert ignored_text(article) == [line]
    assert article.text == content


@pytest.mark.parametrize("sentence", [
    "The ministry said it would sign up 200 new inspectors to police grain exports next year.",
    "Its newsletter, read by thousands of farmers, first reported the deal on Monday morning.",
    "Protesters shared photos of the march on social media and followed the police cordon.",
    "The advertisement campaign cost the party more than a million dollars, records show.",
    "Protesters followed the convoy on foot and filmed it on their phones as it left.",
    "The photo showed the minister at the border crossing with two army officers on Friday.",
    "By Tuesday the convoy had reached the border, where soldiers waved it through.",
    "Published reports say the two sides met twice in secret before the truce was announced.",
])
def test_reporting_that_mentions_such_words_is_kept(tmp_path, sentence):
    (article,) = read(write(tmp_path, "s.txt", f"Title\n\n{sentence}\n"))
    assert article.ignored == ()


def test_a_repeated_line_is_ignored_after_its_first_copy(tmp_path):
    caption = "Soldiers stand guard outside the ministry on Monday."
    quote = "“We will not leave until the talks give us a fair price,” said one of the farmers."
    content = (f"Title\n\n{caption}\n\n{caption}\n\n{quote}\n\nStory text goes here.\n\n"
               f"More story text.\n\n{caption}\n\n{quote}\n")
    (article,) = read(write(tmp_path, "c.txt", content))
    captions = [i for i in range(len(content)) if content.startswith(caption, i)]
    quotes = [i for i in range(len(content)) if content.startswith(quote, i)]
    assert article.ignored == ((captions[1], captions[1] + len(caption)),
                               (quotes[1], quotes[1] + len(quote)))
    assert not article.is_ignored(captions[2], captions[2] + len(caption)), \
        "a short line repeated much later may be reporting: kept"


def test_strap_line_between_sign_up_lines_goes_with_them(tmp_path):
    content = ("Title\n\nStory.\n\nSign up for our morning newsletter\nThe best of the day.\n"
               "Thank you for signing up!\n\nMore story.\n")
    (article,) = read(write(tmp_path, "box.txt", content))
    assert "The best of the day." in "".join(ignored_text(article))
    assert article.title == "Title"


# --- publication dates ---------------------------------------------------------------------


@pytest.mark.parametrize("opening,expected,source", [
    ("MOSCOW, Jan. 22, 2013 (AP) — Russia began evacuating citizens.", date(2013, 1, 22),
     PUBLISHED_DATELINE),
    ("WASHINGTON, March 3, 2012 — The State Department said.", date(2012, 3, 3),
     PUBLISHED_DATELINE),
    ("Published 22 January 2013 10:04 GMT", date(2013, 1, 22), PUBLISHED_BYLINE),
    ("Published: Tuesday, 5 February 2013", date(2013, 2, 5), PUBLISHED_BYLINE),
    ("Updated Feb. 29, 2012 3:15 p.m. ET", date(2012, 2, 29), PUBLISHED_BYLINE),
    ("By Jane Doe, Associated Press | Sept. 9, 2014", date(2014, 9, 9), PUBLISHED_BYLINE),
    ("Tuesday 22 January 2013 10.04 GMT", date(2013, 1, 22), PUBLISHED_BYLINE),
    ("2013-01-22", date(2013, 1, 22), PUBLISHED_BYLINE),
])
def test_dates_written_at_the_top_are_the_publication_date(tmp_path, opening, expected,
                                                           source):
    content = f"Headline\n\n{opening}\n\nStory about events of March 12, 2011, continues.\n"
    (article,) = read(write(tmp_path, "a.txt", content), published=date(2020, 5, 5))
    assert (article.published, article.published_source) == (expected, source)
    if source == PUBLISHED_DATELINE:
        (start, end), = article.ignored
        assert content[start:end].startswith(opening.split(",")[0])
        assert "Russia" not in content[start:end] and "The State" not in content[start:end]


def test_published_beats_updated(tmp_path):
    content = "Title\nUpdated 23 January 2013\nPublished 22 January 2013\n\nStory.\n"
    (article,) = read(write(tmp_path, "a.txt", content))
    assert article.published == date(2013, 1, 22)


def test_byline_followed_by_a_date_line(tmp_path):
    content = "Title\nBy Jane Doe\nJanuary 22, 2013\n\nStory.\n"
    (article,) = read(write(tmp_path, "a.txt", content))
    assert (article.published, article.published_source) == (date(2013, 1, 22),
                                                               PUBLISHED_BYLINE)


@pytest.mark.parametrize("opening", [
    "BEIRUT (Reuters) - Fighting raged on Tuesday near the airport.",
    "The war began in March 2011, officials said on January 22, 2013.",
])
def test_undated_openings_and_dates_in_the_story_are_not_publication_dates(tmp_path,
                                                                           opening):
    (article,) = read(write(tmp_path, "a.txt", f"Title\n\n{opening}\n"),
                      published=date(2013, 1, 23))
    assert (article.published, article.published_source) == (date(2013, 1, 23),
                                                               PUBLISHED_GIVEN)


def test_invalid_dates_are_not_taken(tmp_path):
    content = "Title\n\nPublished February 30, 2013\n\nStory.\n"
    (article,) = read(write(tmp_path, "a.txt", content))
    assert article.published is None and article.published_source == PUBLISHED_UNKNOWN


@pytest.mark.parametrize("name,expected", [
    ("2013-01-22-russia.txt", date(2013, 1, 22)),
    ("story_20120229.txt", date(2012, 2, 29)),
    ("2013_01_22 story.txt", date(2013, 1, 22)),
])
def test_date_in_file_name(tmp_path, name, expected):
    (article,) = read(write(tmp_path, name, STORY), published=date(2020, 1, 1))
    assert (article.published, article.published_source) == (expected, PUBLISHED_FILENAME)


def test_text_date_beats_file_name(tmp_path):
    content = "Title\n\nPARIS, May 4, 2015 — Story.\n"
    (article,) = read(write(tmp_path, "2013-01-22.txt", content))
    assert (article.published, article.published_source) == (date(2015, 5, 4),
                                                               PUBLISHED_DATELINE)


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x89PNG\r\n\x1a\n" + bytes(200),
    b"\x00\x01\x02\x03" * 500,
    bytes((i * 37 + 11) % 256 for i in range(5000)),
])
def test_binary_junk_is_not_a_text_document(tmp_path, data):
    with pytest.raises(ReadError, match="not a text document"):
        read(write(tmp_path, "junk.txt", data))


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \n", codecs.BOM_UTF8])
def test_empty_file_is_a_clear_error(tmp_path, content):
    with pytest.raises(ReadError, match=r"empty|no text"):
        read(write(tmp_path, "empty.txt", content))


def test_a_50_mb_text_file_is_refused_with_a_clear_message_without_loading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant to make
    with pytest.raises(ReadError, match=r"50\.0 MB of text.*max_article_chars"):
        read(path)


def test_article_limit_applies_after_decoding_and_can_be_raised(tmp_path):
    path = write(tmp_path, "long.txt", "Title\n\n" + "Word after word. " * 400)
    with pytest.raises(ReadError, match="too long for one article"):
        read(path, limits=Limits(max_article_chars=1000))
    assert read(path, limits=Limits(max_article_chars=10_000))


def test_file_cap_applies_to_every_kind(tmp_path):
    path = write(tmp_path, "a.txt", STORY)
    with pytest.raises(ReadError, match="max_file_bytes"):
        read(path, limits=Limits(max_file_bytes=10))


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="not found"):
        read(tmp_path / "nope.txt")


# --- many files ----------------------------------------------------------------------------


def test_read_paths_walks_folders_reports_each_bad_file_once_and_keeps_going(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    write(tmp_path / "a", "one.txt", STORY)
    write(tmp_path / "a" / "b", "two.md", "# Two\n\nAnother story about the harbour strike.\n")
    write(tmp_path / "a", "bad.txt", bytes(range(256)) * 4)
    write(tmp_path / "a", "empty.txt", b"")
    write(tmp_path / "a", ".hidden.txt", STORY + "hidden")
    calls = []
    result = read_paths([tmp_path / "a", tmp_path / "missing.txt"],
                        progress=lambda done, total, path: calls.append((done, total)))
    assert sorted(a.title for a in result.articles) == ["Ministers meet over grain deal", "Two"]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in result.errors) == [
        "bad.txt", "empty.txt", "missing.txt"]
    assert all(e.message and "Traceback" not in e.message for e in result.errors)
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)


def test_exact_duplicates_are_read_once_and_ids_are_unique_and_stable(tmp_path):
    write(tmp_path, "one.txt", STORY)
    write(tmp_path, "copy.txt", STORY.replace("\n", "\r\n"))
    write(tmp_path, "other.txt", STORY + "\nOne more line.\n")
    first = read_paths([tmp_path])
    again = read_paths([tmp_path])
    assert len(first.articles) == 2
    assert [a.id for a in first.articles] == [a.id for a in again.articles]
    assert len({a.id for a in first.articles}) == 2


def test_cancelled_stops_reading(tmp_path):
    for i in range(5):
        write(tmp_path, f"{i}.txt", f"Story {i}\n\nText number {i}.\n")
    result = read_paths([tmp_path], cancelled=lambda: True)
    assert result.articles == [] and result.errors == []


def test_dateline_without_a_year_takes_the_year_nearest_the_reference(tmp_path):
    content = "Title\n\nBEIRUT, Jan 2 (Reuters) - Fighting raged near the airport.\n"
    (article,) = read(write(tmp_path, "a.txt", content), published=date(2012, 12, 31))
    assert (article.published, article.published_source) == (date(2013, 1, 2),
                                                               PUBLISHED_DATELINE)
    (undated,) = read(write(tmp_path, "b.txt", content))
    assert undated.published_source == PUBLISHED_UNKNOWN


def test_every_date_line_at_the_top_is_ignored_as_story(tmp_path):
    content = ("Title\nPublished 22 January 2013 10:04 GMT\nUpdated 23 January 2013\n\n"
               "The story itself.\n")
    (article,) = read(write(tmp_path, "a.txt", content))
    assert ignored_text(article) == ["Published 22 January 2013 10:04 GMT",
                                     "Updated 23 January 2013"]


def test_byline_and_agency_go_to_meta(tmp_path):
    content = ("Title\nBy Jane Doe, Associated Press | Sept. 9, 2014\n\n"
               "MOSCOW (AP) — The story.\n")
    (article,) = read(write(tmp_path, "a.txt", content))
    assert article.meta == {"author": "Jane Doe", "outlet": "Associated Press"}
    (wire,) = read(write(tmp_path, "b.txt", "Title\n\nBEIRUT (Reuters) - The story.\n"))
    assert wire.meta == {"outlet": "Reuters"}


def test_special_files_are_refused_not_read(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file"):
        read(fifo)


@pytest.mark.parametrize("header,expected", [
    ("Russia begins evacuating citizens\nMiriam Writer in Moscow\nTue 22 Jan 2013 10.04 GMT\n"
     "First published on Tue 22 Jan 2013 10.04 GMT\nLast modified on Wed 23 Jan 2013 11.00 GMT",
     date(2013, 1, 22)),
    ("Russia begins evacuating citizens\nJanuary 22, 2013 10:04 AM / Updated 6 years ago",
     date(2013, 1, 22)),
    ("Russia begins evacuating citizens\n\n22 January 2013\n\nShare\n\nclose\n\nImage caption",
     date(2013, 1, 22)),
])
def test_date_lines_of_common_site_layouts(tmp_path, header, expected):
    story = "Russia began evacuating its citizens from Syria on Tuesday, officials said."
    content = f"{header}\n\n{story}\n"
    (article,) = read(write(tmp_path, "a.txt", content))
    assert (article.published, article.published_source) == (expected, PUBLISHED_BYLINE)
    assert article.title == "Russia begins evacuating citizens"
    kept = [line for line in content.splitlines()[1:]
            if line.strip() and not article.is_ignored(content.index(line),
                                                       content.index(line) + len(line))]
    assert kept in (["Miriam Writer in Moscow", story], [story])


def test_a_published_field_inside_a_byline_line_dates_the_article(tmp_path):
    content = ("Title\n\nForeign Desk | Published 8 February 2014 17:25 GMT\n\n"
               "Aid reached the city on Friday.\n")
    (article,) = read(write(tmp_path, "2014-01-01-story.txt", content))
    assert (article.published, article.published_source) == (date(2014, 2, 8),
                                                              PUBLISHED_BYLINE)


def test_markdown_emphasis_and_a_two_word_agency_do_not_hide_the_dateline(tmp_path):
    content = ("# Title\n\n**GENEVA, February 15, 2014 (Global Wire)** — Talks ended on "
               "Saturday.\n")
    (article,) = read(write(tmp_path, "2014-01-01-story.md", content))
    assert (article.published, article.published_source) == (date(2014, 2, 15),
                                                              PUBLISHED_DATELINE)
    assert article.meta.get("outlet") == "Global Wire"
