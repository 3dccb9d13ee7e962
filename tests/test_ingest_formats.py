"""Every file kind behind `read`: text, title, publication date and its source, errors."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import pytest

from fixtures_ingest import builders as b
from timeline_app.domain.article import (
    PUBLISHED_BYLINE,
    PUBLISHED_DATELINE,
    PUBLISHED_FILENAME,
    PUBLISHED_GIVEN,
    PUBLISHED_METADATA,
    PUBLISHED_UNKNOWN,
)
from timeline_app.ingest import Fields, Limits, ReadError, read, read_paths

MARCH_2 = date(2014, 3, 2)
GIVEN = date(2020, 1, 1)


def put(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def assert_story(article):
    for paragraph in b.PARAGRAPHS:
        assert " ".join(paragraph.split()) in " ".join(article.text.split())


# --- HTML ----------------------------------------------------------------------------------


def test_html_main_text_title_author_and_date_from_metadata(tmp_path):
    (article,) = read(put(tmp_path, "page.html", b.html_page()), published=GIVEN)
    assert_story(article)
    assert "tracking" not in article.text and "Home | World" not in article.text
    assert article.title == b.TITLE
    assert (article.published, article.published_source) == (MARCH_2, PUBLISHED_METADATA)
    assert article.meta["author"] == "Jane Writer"


def test_html_without_date_metadata_uses_a_byline_date_then_the_file_name(tmp_path):
    body = "Published 3 March 2014\n\n" + b.BODY
    (article,) = read(put(tmp_path, "page.htm", b.html_page(body=body, published=None)))
    assert (article.published, article.published_source) == (date(2014, 3, 3),
                                                               PUBLISHED_BYLINE)
    (named,) = read(put(tmp_path, "2014-03-04-page.html", b.html_page(published=None)))
    assert (named.published, named.published_source) == (date(2014, 3, 4),
                                                          PUBLISHED_FILENAME)


def test_html_saved_as_txt_is_read_as_a_page(tmp_path):
    (article,) = read(put(tmp_path, "saved.txt", b.html_page()))
    assert "<p>" not in article.text and article.title == b.TITLE


def test_html_never_fetches_anything(tmp_path, monkeypatch):
    import socket

    def refuse(*_a, **_k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = (b"<html><head><link rel='canonical' href='http://example.com/x'>"
            b"<script src='http://example.com/a.js'></script></head><body>"
            b"<img src='http://example.com/i.png'><p>" + b.PARAGRAPHS[0].encode() +
            b"</p></body></html>")
    assert read(put(tmp_path, "p.html", page))
    assert read(put(tmp_path, "url.html", b"https://example.com/article"))


def test_tiny_or_odd_html_falls_back_to_visible_text(tmp_path):
    (article,) = read(put(tmp_path, "tiny.html", b"<p>Short note on the talks.</p>"))
    assert "Short note on the talks." in article.text


def test_html_with_a_declared_legacy_charset(tmp_path):
    page = ("<html><head><meta charset='windows-1251'><title>Москва</title></head><body><p>"
            + "Москва заявила во вторник, что переговоры продолжатся. " * 5
            + "</p></body></html>").encode("cp1251")
    (article,) = read(put(tmp_path, "ru.html", page))
    assert "Москва заявила" in article.text


def test_html_entity_expansion_is_not_performed(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {c}{i} "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' for i, c in
                      enumerate("bcdefgh"))
            + ']><html><body><p>&h6; Story text about the talks.</p></body></html>')
    articles = read(put(tmp_path, "bomb.xhtml", bomb.encode()))
    assert all(len(a.text) < 10_000 for a in articles)


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_text_title_and_creation_date(tmp_path):
    (article,) = read(put(tmp_path, "a.pdf", b.pdf_file()), published=GIVEN)
    assert_story(article)
    assert article.title == b.TITLE
    assert (article.published, article.published_source) == (MARCH_2, PUBLISHED_METADATA)


def test_pdf_without_metadata_takes_title_from_text_and_the_given_date(tmp_path):
    (article,) = read(put(tmp_path, "a.pdf", b.pdf_file(title=None, created=None)),
                      published=GIVEN)
    assert article.title == b.TITLE
    assert (article.published, article.published_source) == (GIVEN, PUBLISHED_GIVEN)


def test_scanned_pdf_without_text_layer_has_a_clear_message(tmp_path):
    with pytest.raises(ReadError, match="no text layer"):
        read(put(tmp_path, "scan.pdf", b.pdf_file(text_layer=False)))


def test_encrypted_pdf_has_a_clear_message(tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(b.pdf_file())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ReadError, match="encrypted"):
        read(put(tmp_path, "locked.pdf", out.getvalue()))


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n" + bytes(range(256)) * 40,
    b.pdf_file()[:300],
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>",
])
def test_damaged_pdf_is_one_clear_error(tmp_path, data):
    with pytest.raises(ReadError, match="PDF"):
        read(put(tmp_path, "broken.pdf", data))


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_text_and_core_properties(tmp_path):
    (article,) = read(put(tmp_path, "a.docx", b.docx_file(title="Property title")),
                      published=GIVEN)
    assert_story(article)
    assert article.title == "Property title"
    assert (article.published, article.published_source) == (MARCH_2, PUBLISHED_METADATA)
    assert article.meta["author"] == "Jane Writer"


def test_docx_without_title_property_uses_first_paragraph(tmp_path):
    (article,) = read(put(tmp_path, "a.docx", b.docx_file(title=None)))
    assert article.title == b.TITLE


def test_docx_that_is_not_a_zip_or_has_no_document(tmp_path):
    with pytest.raises(ReadError, match="DOCX"):
        read(put(tmp_path, "bad.docx", b"not a zip at all" * 10))
    with pytest.raises(ReadError, match="DOCX"):
        read(put(tmp_path, "empty.docx", b.zip_file({"hello.txt": b"hi"})))


def test_docx_with_a_dtd_is_refused(tmp_path):
    import io

    source = zipfile.ZipFile(io.BytesIO(b.docx_file()))
    members = {i.filename: source.read(i) for i in source.infolist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w [<!ENTITY x "boom">]>', 1)
    with pytest.raises(ReadError, match="unsafe"):
        read(put(tmp_path, "dtd.docx", b.zip_file(members)))


# --- e-mail --------------------------------------------------------------------------------


@pytest.mark.parametrize("html", [False, True])
def test_eml_subject_date_and_text_or_html_part(tmp_path, html):
    (article,) = read(put(tmp_path, "m.eml", b.eml_message(html=html)), published=GIVEN)
    assert_story(article)
    assert "<p>" not in article.text
    assert article.title == b.TITLE
    assert (article.published, article.published_source) == (MARCH_2, PUBLISHED_METADATA)
    assert "desk@example.org" in article.meta["author"]


def test_eml_without_date_header_falls_back(tmp_path):
    (article,) = read(put(tmp_path, "m.eml", b.eml_message(date=None)), published=GIVEN)
    assert (article.published, article.published_source) == (GIVEN, PUBLISHED_GIVEN)
    (bad,) = read(put(tmp_path, "n.eml", b.eml_message(date="not a date")))
    assert bad.published_source == PUBLISHED_UNKNOWN


def test_mbox_gives_one_article_per_message(tmp_path):
    first = b.eml_message(subject="First", body="From the start, the first story ran.")
    second = b.eml_message(subject="Second", body="The second story, a different one.",
                           date="Mon, 03 Mar 2014 08:00:00 +0100")
    articles = read(put(tmp_path, "box.mbox", b.mbox_file([first, second])))
    assert [a.title for a in articles] == ["First", "Second"]
    assert articles[0].text.startswith("From the start")
    assert [a.published for a in articles] == [MARCH_2, date(2014, 3, 3)]
    assert articles[1].path.endswith("box.mbox#2")


# --- dumps ---------------------------------------------------------------------------------

ROWS = [
    {"Headline": "Port strike ends", "Published": "2014-03-02", "Body": "Dock workers " * 5,
     "Author": "A. Writer"},
    {"Headline": "Talks resume", "Published": "March 3, 2014", "Body": "Negotiators " * 5,
     "Author": ""},
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_dump_columns_are_detected(tmp_path, delimiter):
    articles = read(put(tmp_path, "news.csv", b.csv_dump(ROWS, delimiter)), published=GIVEN)
    assert [a.title for a in articles] == ["Port strike ends", "Talks resume"]
    assert [a.published for a in articles] == [MARCH_2, date(2014, 3, 3)]
    assert {a.published_source for a in articles} == {PUBLISHED_METADATA}
    assert articles[0].text == ROWS[0]["Body"]
    assert articles[0].meta["author"] == "A. Writer"
    assert articles[0].path.endswith("news.csv#2") and len({a.id for a in articles}) == 2


def test_csv_fields_can_be_named(tmp_path):
    rows = [{"h": "T1", "when": "2014-03-02", "words": "Some words here.", "body": "wrong"}]
    (article,) = read(put(tmp_path, "x.csv", b.csv_dump(rows)),
                      fields=Fields(title="h", date="when", text="words"))
    assert (article.title, article.text, article.published) == ("T1", "Some words here.",
                                                                 MARCH_2)
    with pytest.raises(ReadError, match="no text column/key named 'nope'"):
        read(put(tmp_path, "y.csv", b.csv_dump(rows)), fields=Fields(text="nope"))


def test_csv_without_a_text_column_says_which_columns_it_has(tmp_path):
    with pytest.raises(ReadError, match=r"no text column.*'a', 'b'.*--text-field"):
        read(put(tmp_path, "x.csv", b"a,b\n1,2\n"))


def test_csv_rows_without_text_are_one_error_for_the_file(tmp_path):
    rows = [{"title": "A", "text": "Real text."}, {"title": "B", "text": ""},
            {"title": "C", "text": "  "}]
    result = read_paths([put(tmp_path, "x.csv", b.csv_dump(rows))])
    assert [a.title for a in result.articles] == ["A"]
    (error,) = result.errors
    assert "2 row(s) without text" in error.message and error.path.endswith("x.csv")


@pytest.mark.parametrize("wrap", [None, "articles", "data"])
def test_json_dump_list_or_wrapped(tmp_path, wrap):
    rows = [{"title": "J1", "date": "2014-03-02T08:00:00Z", "content": "Json story one.",
             "source": {"name": "Wire"}},
            {"title": "J2", "publishedAt": 1393718400, "content": "Json story two."}]
    articles = read(put(tmp_path, "d.json", b.json_dump(rows, wrap=wrap)))
    assert [a.title for a in articles] == ["J1", "J2"]
    assert articles[0].published == MARCH_2 and articles[0].meta["outlet"] == "Wire"
    assert articles[1].published == MARCH_2  # epoch seconds, under a date key found second


def test_jsonl_dump_with_a_bad_line(tmp_path):
    data = b.json_dump([{"headline": "L1", "text": "line one story"},
                        {"headline": "L2", "text": "line two story"}], lines=True)
    data += b"\n{not json\n"
    result = read_paths([put(tmp_path, "d.jsonl", data)])
    assert [a.title for a in result.articles] == ["L1", "L2"]
    (error,) = result.errors
    assert "1 line(s) are not valid JSON" in error.message


def test_json_single_object_and_bad_json(tmp_path):
    (article,) = read(put(tmp_path, "one.json", b'{"title": "Solo", "body": "Solo story."}'))
    assert article.title == "Solo"
    with pytest.raises(ReadError, match="not valid JSON"):
        read(put(tmp_path, "bad.json", b'[{"title": "x", '))
    with pytest.raises(ReadError, match=r"nested too deeply|no article objects"):
        read(put(tmp_path, "deep.json", b"[" * 100_000 + b"]" * 100_000))


# --- folders and archives ------------------------------------------------------------------


def test_zip_members_read_with_archive_paths(tmp_path):
    inner = b.zip_file({"deep.txt": b"Deep story\n\nA story two archives down."})
    data = b.zip_file({"a/one.txt": b"One\n\nFirst zipped story.", "inner.zip": inner,
                       "page.html": b.html_page(), "__MACOSX/._one.txt": b"junk",
                       "a/": b""})
    result = read_paths([put(tmp_path, "news.zip", data)])
    paths = sorted(a.path.split("news.zip", 1)[1] for a in result.articles)
    assert paths == ["!a/one.txt", "!inner.zip!deep.txt", "!page.html"]
    assert result.errors == []


def test_zip_path_traversal_and_absolute_names_are_refused(tmp_path):
    data = b.zip_file({"../evil.txt": b"x", "/etc/evil.txt": b"y", "ok.txt": b"Ok\n\nFine."})
    result = read_paths([put(tmp_path, "t.zip", data)])
    assert [a.title for a in result.articles] == ["Ok"]
    assert sorted(e.path.split("!")[1] for e in result.errors) == ["../evil.txt",
                                                                    "/etc/evil.txt"]
    assert all("unsafe name" in e.message for e in result.errors)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_is_refused_by_ratio_and_by_total_size(tmp_path):
    bomb = put(tmp_path, "bomb.zip", b.zip_bomb(64 * 1024 * 1024))
    with pytest.raises(ReadError, match="zip bomb"):
        read(bomb)
    with pytest.raises(ReadError, match="max_archive_bytes"):
        read(bomb, limits=Limits(max_ratio=10**6, max_archive_bytes=8 * 1024 * 1024))


def test_archives_nested_too_deep_are_refused(tmp_path):
    data = b"Bottom\n\nThe story at the bottom."
    for _ in range(5):
        data = b.zip_file({"next.zip" if data[:2] == b"PK" else "story.txt": data})
    result = read_paths([put(tmp_path, "russian-doll.zip", data)], limits=Limits(max_depth=3))
    assert result.articles == []
    (error,) = result.errors
    assert "nested more than 3" in error.message and error.path.count("!") == 4


def test_zip_member_count_limit(tmp_path):
    data = b.zip_file({f"{i}.txt": b"x" for i in range(30)})
    with pytest.raises(ReadError, match="max_members"):
        read(put(tmp_path, "many.zip", data), limits=Limits(max_members=10))


def test_encrypted_zip_member_is_one_error(tmp_path):
    data = bytearray(b.zip_file({"secret.txt": b"Secret\n\nHidden story."},
                                compression=zipfile.ZIP_STORED))
    # set the "encrypted" flag in the local and central headers, as a password tool would
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature) + offset
        data[at] |= 1
    result = read_paths([put(tmp_path, "locked.zip", bytes(data))])
    (error,) = result.errors
    assert "encrypted" in error.message and error.path.endswith("locked.zip!secret.txt")


def test_content_wins_over_extension(tmp_path):
    (pdf,) = read(put(tmp_path, "actually-a-pdf.txt", b.pdf_file()))
    assert pdf.title == b.TITLE
    docx = read(put(tmp_path, "report.bin", b.docx_file()))
    assert docx[0].title == b.TITLE
    (eml,) = read(put(tmp_path, "message.txt", b.eml_message()))
    assert eml.published_source == PUBLISHED_METADATA
    with pytest.raises(ReadError, match="PNG image"):
        read(put(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(100)))


# --- duplicates ----------------------------------------------------------------------------


def test_near_duplicates_are_grouped_and_exact_ones_dropped(tmp_path):
    wire = "\n\n".join(b.PARAGRAPHS * 2)
    put(tmp_path, "a/wire.txt", f"Original headline\n\n{wire}\n".encode())
    put(tmp_path, "b/outlet.txt",
        f"Another outlet's headline\n\nBy Staff\n\n{wire}\n\nFollow us on Twitter\n".encode())
    put(tmp_path, "c/trimmed.html", b.html_page(title="Third", body=wire, published=None))
    put(tmp_path, "d/copy.txt", f"Original headline\n\n{wire}\n".encode())
    title, body = b.story(1)
    put(tmp_path, "e/other.txt", f"{title}\n\n{body}\n".encode())
    result = read_paths([tmp_path])
    assert len(result.articles) == 4, "the exact copy is read once"
    by_path = {a.path.split("/")[-1]: a.id for a in result.articles}
    (rep, others), = result.duplicates
    assert rep == by_path["wire.txt"]
    assert sorted(others) == sorted([by_path["outlet.txt"], by_path["trimmed.html"]])


def test_a_file_creation_date_comes_after_the_text_and_the_file_name(tmp_path):
    """PDF CreationDate / DOCX created is when the file was made (often printed or saved
    later), so the article's own dateline and a dated file name come first."""
    created = datetime(2016, 6, 6)
    dated = "PARIS, May 4, 2015 — " + b.BODY
    (docx,) = read(put(tmp_path, "x.docx", b.docx_file(body=dated, created=created)))
    assert (docx.published, docx.published_source) == (date(2015, 5, 4), PUBLISHED_DATELINE)
    (named,) = read(put(tmp_path, "2013-01-01-x.docx", b.docx_file(created=created)))
    assert (named.published, named.published_source) == (date(2013, 1, 1),
                                                          PUBLISHED_FILENAME)
    (plain,) = read(put(tmp_path, "y.docx", b.docx_file(created=created)), published=GIVEN)
    assert (plain.published, plain.published_source) == (date(2016, 6, 6),
                                                          PUBLISHED_METADATA)
    (pdf,) = read(put(tmp_path, "z.pdf", b.pdf_file([b.TITLE, "PARIS, May 4, 2015 - Talks."])))
    assert (pdf.published, pdf.published_source) == (date(2015, 5, 4), PUBLISHED_DATELINE)


@pytest.mark.parametrize("junk", ["Microsoft Word - draft7.docx", "untitled", "story.indd"])
def test_placeholder_metadata_titles_are_not_used(tmp_path, junk):
    (article,) = read(put(tmp_path, "a.pdf", b.pdf_file(title=junk)))
    assert article.title == b.TITLE
def test_other_office_packages_are_named_not_unpacked(tmp_path):
    data = b.zip_file({"xl/workbook.xml": b"<workbook/>", "docProps/core.xml": b"<x/>"})
    with pytest.raises(ReadError, match="Excel workbook"):
        read(put(tmp_path, "figures.xlsx", data))


def test_external_entities_are_never_loaded(tmp_path):
    secret = put(tmp_path, "secret.txt", b"TOP-SECRET-CONTENT")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            "<html><body><p>Story &xxe; about the grain talks in the capital.</p></body></html>")
    (article,) = read(put(tmp_path, "xxe.xhtml", page.encode()))
    assert "TOP-SECRET" not in article.text


WIRE = """MOSCOW, Jan. 22, 2013 (AP) — Russia began evacuating its citizens from Syria on \
Tuesday, sending buses across the border into Lebanon as fighting spread around Damascus.

The Russian Foreign Ministry said the evacuation would continue on Wednesday. The United \
States criticized Syria for the violence against its own people, State Department officials \
said.

Russia has been the main ally of Syria since the uprising began in March 2011, and China \
joined Moscow in vetoing resolutions at the UN Security Council."""


def test_near_duplicate_wire_copies_merge_their_events_keeping_both_sources(tmp_path):
    from timeline_app.pipeline import build_corpus

    put(tmp_path, "one/wire.txt", f"Russia evacuates citizens\n\n{WIRE}\n".encode())
    single = build_corpus([tmp_path / "one"])
    put(tmp_path, "two/outlet.html",
        b.html_page(title="Moscow pulls nationals out", body=WIRE, published=None))
    both = build_corpus([tmp_path / "one", tmp_path / "two"])
    assert len(both.articles) == 2
    assert single.events and len(both.events) == len(single.events)
    outlet = next(a.id for a in both.articles if a.path.endswith("outlet.html"))
    assert any(outlet in {ev.article for ev in e.evidence} for e in both.events)
    assert {a.published for a in both.articles} == {single.articles[0].published}


def test_mhtml_saved_page_is_read_as_a_page_not_as_an_email(tmp_path):
    (article,) = read(put(tmp_path, "talks.mhtml", b.mhtml_page()), published=GIVEN)
    assert_story(article)
    assert article.title == b.TITLE
    # the page's own date, not the Date header (the day the page was saved)
    assert (article.published, article.published_source) == (MARCH_2, PUBLISHED_METADATA)
    (undated,) = read(put(tmp_path, "saved.mht",
                          b.mhtml_page(b.html_page(title="", published=None))),
                      published=GIVEN)
    assert undated.published_source == PUBLISHED_GIVEN
    (sniffed,) = read(put(tmp_path, "page.txt", b.mhtml_page()))
    assert sniffed.title == b.TITLE


def test_lone_surrogates_and_raw_header_bytes_become_replacement_characters(tmp_path):
    (row,) = read(put(tmp_path, "s.json", b'[{"title": "A \\ud800 b", "text": "x \\udfff y"}]'))
    assert row.text == "x \ufffd y" and row.title == "A \ufffd b"
    raw = (b"Subject: Caf\xe9 news\nFrom: desk@example.org\n"
           b"Date: Sun, 02 Mar 2014 10:00:00 +0000\n\n")
    (mail,) = read(put(tmp_path, "raw.eml", raw + b"Body of the caf\xe9 story.\n"))
    for value in (mail.text, mail.title, *mail.meta.values()):
        value.encode("utf-8")


def test_a_saved_complete_web_page_reads_as_one_article(tmp_path):
    put(tmp_path, "Talks collapse.html", b.html_page())
    put(tmp_path, "Talks collapse_files/style.css", b"body { color: red }")
    put(tmp_path, "Talks collapse_files/app.js", b"var tracking = 1;")
    put(tmp_path, "Talks collapse_files/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    put(tmp_path, "Talks collapse_files/frame.html", b.html_page(title="Ad frame"))
    put(tmp_path, "other/site.css", b"p { margin: 0 }")
    result = read_paths([tmp_path])
    assert [a.title for a in result.articles] == [b.TITLE]
    assert result.errors == []
    with pytest.raises(ReadError, match="JPEG image"):
        read(tmp_path / "Talks collapse_files" / "photo.jpg")


def test_html_published_line_outside_the_main_text_is_a_byline_date(tmp_path):
    page = ("<html><head><title>Talks</title></head><body><header><nav>Home</nav>"
            "<p>Posted: Monday 3 March 2014</p></header><article>"
            + "".join(f"<p>{p}</p>" for p in b.PARAGRAPHS)
            + "<p>The talks began on 12 February 2014.</p></article></body></html>")
    (article,) = read(put(tmp_path, "2014-01-01-talks.html", page.encode()))
    assert (article.published, article.published_source) == (date(2014, 3, 3),
                                                               PUBLISHED_BYLINE)


def test_cancelling_stops_inside_a_large_archive(tmp_path):
    data = b.zip_file({f"{i}.txt": f"Story {i}\n\nText of story {i}.".encode()
                       for i in range(50)})
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 5

    result = read_paths([put(tmp_path, "many.zip", data)], cancelled=cancelled)
    assert 0 < len(result.articles) < 50


def test_docx_needing_a_zip_feature_we_lack_is_one_clear_error(tmp_path):
    # A central directory entry that asks for zip version 23.4 (found by the fuzz test):
    # zipfile raises NotImplementedError while listing the package.
    data = bytearray(b.docx_file())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6:entry + 8] = (234).to_bytes(2, "little")
    with pytest.raises(ReadError, match="DOCX"):
        read(put(tmp_path, "new-zip.docx", bytes(data)))
