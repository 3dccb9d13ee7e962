"""Random and mutated files of every kind: `read` returns articles or raises ReadError.

Never another exception, never a hang: each input gets a generous hypothesis deadline (a
hang detector, not a speed check). The fast test feeds 2,400 inputs (200 per kind); the
slow one 2,000 per kind.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures_ingest import builders as b
from timeline_app.domain.article import (
    PUBLISHED_BYLINE,
    PUBLISHED_DATELINE,
    PUBLISHED_FILENAME,
    PUBLISHED_GIVEN,
    PUBLISHED_METADATA,
    PUBLISHED_UNKNOWN,
    Article,
)
from timeline_app.ingest import Limits, ReadError, read

SOURCES = {PUBLISHED_METADATA, PUBLISHED_DATELINE, PUBLISHED_BYLINE, PUBLISHED_FILENAME,
           PUBLISHED_GIVEN, PUBLISHED_UNKNOWN}
# Small limits so that mutated sizes hit the caps too, and inflated archives stay cheap.
LIMITS = Limits(max_file_bytes=2 * 1024 * 1024, max_archive_bytes=8 * 1024 * 1024,
                max_article_chars=500_000)


def _seeds() -> dict[str, bytes]:
    text = f"{b.TITLE}\n\nMOSCOW, Jan. 22, 2013 (AP) — {b.BODY}\n\nAdvertisement\n"
    return {
        "txt": text.encode("utf-8"),
        "md": f"---\ntitle: X\ndate: 2013-01-02\n---\n# {b.TITLE}\n\n{b.BODY}".encode(),
        "html": b.html_page(),
        "mhtml": b.mhtml_page(),
        "pdf": b.pdf_file(),
        "docx": b.docx_file(),
        "eml": b.eml_message(html=True),
        "mbox": b.mbox_file([b.eml_message(), b.eml_message(subject="Two", body="Second.")]),
        "csv": b.csv_dump([{"title": "A", "date": "2014-03-02", "text": b.BODY},
                           {"title": "B", "date": "March 3, 2014", "text": "Other."}]),
        "json": b.json_dump([{"title": "A", "published": "2014-03-02", "body": b.BODY}],
                            wrap="articles"),
        "jsonl": b.json_dump([{"title": "A", "text": b.BODY}, {"title": "B", "text": "x"}],
                             lines=True),
        "zip": b.zip_file({"a.txt": text.encode(), "b.html": b.html_page(),
                           "in.zip": b.zip_file({"c.md": b"# C\n\nStory c."})}),
    }


SEEDS = _seeds()
KINDS = sorted(SEEDS)
_DIR = Path(tempfile.mkdtemp(prefix="ingest-fuzz-"))


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """The seed with a few byte-level edits: flips, inserts, deletions, cuts, repeats."""
    data = bytearray(seed)
    edits = draw(st.lists(st.tuples(
        st.sampled_from(["flip", "insert", "delete", "truncate", "repeat", "zero", "swap"]),
        st.integers(0, 1 << 30), st.binary(min_size=1, max_size=48),
    ), min_size=1, max_size=6))
    for op, where, blob in edits:
        at = where % (len(data) + 1)
        if op == "flip" and data:
            data[at % len(data)] ^= blob[0] or 1
        elif op == "insert":
            data[at:at] = blob
        elif op == "delete":
            del data[at:at + len(blob) * 8]
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            data[at:at] = bytes(data[at:at + 64]) * (blob[0] % 8 + 1)
        elif op == "zero":
            data[at:at + len(blob)] = bytes(len(data[at:at + len(blob)]))
        elif op == "swap" and data:
            other = (where * 7919) % len(data)
            data[at % len(data)], data[other] = data[other], data[at % len(data)]
    return bytes(data)


@st.composite
def rezipped(draw, seed: bytes) -> bytes:
    """A valid archive whose members are mutated: reaches the XML and member readers."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    names = sorted(members)
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=3)):
        members[name] = draw(mutated(members[name]))
    return b.zip_file(members)


def inputs(kind: str):
    seed = SEEDS[kind]
    if seed.startswith(b"PK"):
        return st.one_of(mutated(seed), rezipped(seed), rezipped(seed), rezipped(seed),
                         st.binary(max_size=2048))
    return st.one_of(
        mutated(seed),
        mutated(seed),
        mutated(seed),
        st.binary(max_size=2048),
        st.text(max_size=512).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.builds(lambda prefix, tail: seed[:prefix] + tail,
                  st.integers(0, len(seed)), st.binary(max_size=256)),
    )


def check(kind: str, data: bytes, index: list[int]) -> None:
    index[0] += 1
    path = _DIR / f"fuzz-{kind}-{index[0] % 50}.{kind}"
    path.write_bytes(data)
    try:
        articles = read(path, limits=LIMITS)
    except ReadError as exc:
        message = str(exc)
        assert message and "Traceback" not in message
        return
    for article in articles:
        assert isinstance(article, Article) and article.id
        assert article.published_source in SOURCES
        assert all(0 <= a < c <= len(article.text) for a, c in article.ignored)
        assert len(article.text) <= LIMITS.max_article_chars
        for value in (article.text, article.title, article.path, *article.meta.values()):
            value.encode("utf-8")  # always writable as UTF-8 (no lone surrogates)


def _fuzz(kind: str, examples: int) -> None:
    counter = [0]

    @settings(max_examples=examples, deadline=timedelta(seconds=20), database=None,
              suppress_health_check=list(HealthCheck), derandomize=True)
    @given(data=inputs(kind))
    def run(data: bytes) -> None:
        check(kind, data, counter)

    run()
    assert counter[0] >= examples


@pytest.mark.parametrize("kind", KINDS)
def test_fuzz_every_kind(kind):
    _fuzz(kind, 200)


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_fuzz_every_kind_long(kind):
    _fuzz(kind, 2000)
