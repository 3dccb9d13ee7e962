"""Data exports read back the way the receiving tools read them: csv, json, networkx."""

from __future__ import annotations

import csv
import json
from datetime import date

import networkx as nx
import pytest

from timeline_app.domain import (
    GROUP,
    PERSON,
    STATE,
    TIME_FROM_EXPRESSION,
    Actor,
    Article,
    Corpus,
    Event,
)
from timeline_app.domain.edits import relations_from_events
from timeline_app.domain.timespan import DAY, DURATION, MONTH, UNDATED, WEEK, YEAR, TimeSpan
from timeline_app.export import FORMATS, export_corpus
from timeline_app.export.graph_files import merge_intervals, relation_graph
from timeline_app.export.timelinejs import date_parts, timelinejs_dict

PUBLISHED = date(2013, 1, 22)
TEXT = (
    "Moscow has stood by Damascus since March 2011. Moscow and Beijing blocked a draft in "
    "October 2011. Moscow backed Damascus again on 4 February 2012. Lately Moscow has kept "
    "its distance from Assad. The Kremlin's envoy, Mr Bogdanov, spoke of a rebel win in "
    "mid-December. Ankara shelled rebel posts in the week of 8 October 2012. Rebels fought "
    "the army in 2012. Someone said something."
)


def _span(start: str) -> tuple[int, int]:
    i = TEXT.index(start)
    return i, TEXT.index(".", i) + 1


def _ev(n: int, start: str, type_: str, source: str | None, target: str | None, pol: float,
        time: TimeSpan, time_text: str = "", co: tuple[str, ...] = (),
        summary: str | None = None) -> Event:
    span = _span(start)
    return Event(
        id=f"a1:{n}", article="a1", type=type_,
        summary=summary or f"{source} {type_.replace('_', ' ')} {target or ''}".strip(),
        sentence=TEXT[span[0]:span[1]], span=span,
        actors=tuple(dict.fromkeys(a for a in (source, *co, target) if a)),
        source=source, target=target, co_sources=co, polarity=pol, time=time,
        time_text=time_text, time_source=TIME_FROM_EXPRESSION,
    )


def _day(y: int, m: int, d: int) -> TimeSpan:
    day = date(y, m, d)
    return TimeSpan(day.isoformat(), DAY, day, day)


def build_corpus() -> Corpus:
    """Russia-Syria events of every kind of time a timeline must draw."""
    actors = (
        Actor("russia", "Russia", STATE, ("Moscow", "Kremlin")),
        Actor("syria", "Syria", STATE, ("Damascus",)),
        Actor("assad", "Bashar al-Assad", PERSON, ("Assad",), parent="syria"),
        Actor("china", "China", STATE, ("Beijing",)),
        Actor("turkey", "Türkiye", STATE, ("Ankara",)),
        Actor("rebels", "Syrian rebels", GROUP),
        Actor("bogdanov", "Mikhail Bogdanov", PERSON, parent="russia"),
    )
    events = [
        _ev(1, "Moscow has stood", "alliance", "russia", "syria", 0.8,
            TimeSpan("2011-03", MONTH, date(2011, 3, 1), PUBLISHED, open_end=True),
            "since March 2011"),
        _ev(2, "Moscow and Beijing", "veto_support", "russia", "syria", 0.7,
            TimeSpan("2011-10", MONTH, date(2011, 10, 1), date(2011, 10, 31)),
            "in October 2011", co=("china",)),
        _ev(3, "Moscow backed", "support", "russia", "syria", 0.6, _day(2012, 2, 4),
            "on 4 February 2012"),
        _ev(4, "Lately Moscow", "distancing", "russia", "assad", -0.5,
            TimeSpan("PXM", DURATION, date(2012, 9, 24), PUBLISHED, approximate=True),
            "Lately"),
        _ev(5, "The Kremlin's envoy", "statement", "bogdanov", None, 0.0,
            TimeSpan("2012-12", MONTH, date(2012, 12, 11), date(2012, 12, 20), mod="MID"),
            "mid-December", summary="Bogdanov said: rebels <may> win & Assad may lose"),
        _ev(6, "Ankara shelled", "military_action", "turkey", "rebels", -0.9,
            TimeSpan("2012-W41", WEEK, date(2012, 10, 8), date(2012, 10, 14)),
            "the week of 8 October 2012"),
        _ev(7, "Rebels fought", "military_action", "rebels", "syria", -0.9,
            TimeSpan("2012", YEAR, date(2012, 1, 1), date(2012, 12, 31)), "in 2012"),
        _ev(8, "Someone said", "statement", None, None, 0.0, UNDATED),
    ]
    article = Article("a1", "/news/russia-syria.txt", "Russia and Syria, 2011–2013", TEXT,
                      PUBLISHED, "given")
    return Corpus(articles=(article,), actors=actors, events=tuple(events),
                  relations=relations_from_events(events))


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


def test_csv_has_one_row_per_event_with_times_and_names(corpus, tmp_path):
    out = tmp_path / "events.csv"
    export_corpus(corpus, out, "csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(corpus.events)
    first = rows[0]
    for column in ("time_text", "value", "start", "end", "granularity", "type", "actors",
                   "source", "sentence", "article"):
        assert column in first
    assert first["time_text"] == "since March 2011"
    assert (first["value"], first["start"], first["end"]) == ("2011-03", "2011-03-01",
                                                             "2013-01-22")
    assert first["granularity"] == "month" and first["open_end"] == "yes"
    assert first["actors"] == "Russia; Syria" and first["source"] == "Russia"
    assert first["sentence"].startswith("Moscow has stood by Damascus")
    assert first["article"] == "Russia and Syria, 2011–2013"
    by_id = {r["id"]: r for r in rows}
    assert by_id["a1:6"]["actors"] == "Türkiye; Syrian rebels"
    assert by_id["a1:8"]["start"] == "" and by_id["a1:8"]["source"] == ""


def test_timelinejs_date_parts_follow_granularity(corpus, tmp_path):
    out = tmp_path / "timeline.json"
    export_corpus(corpus, out, "timelinejs")
    doc = json.loads(out.read_text(encoding="utf-8"))
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert "a1-8" not in slides  # undated: TimelineJS cannot place it
    assert len(slides) == 7
    since = slides["a1-1"]
    assert since["start_date"] == {"year": "2011", "month": "3"}
    assert since["end_date"] == {"year": "2013", "month": "1"}
    veto = slides["a1-2"]
    assert veto["start_date"] == {"year": "2011", "month": "10"}  # a month: no day
    assert "end_date" not in veto
    assert slides["a1-3"]["start_date"] == {"year": "2012", "month": "2", "day": "4"}
    week = slides["a1-6"]
    assert week["start_date"] == {"year": "2012", "month": "10", "day": "8"}
    assert week["end_date"] == {"year": "2012", "month": "10", "day": "14"}
    assert slides["a1-7"]["start_date"] == {"year": "2012"}  # a year: no month
    assert "day" not in slides["a1-4"]["start_date"]  # approximate: no false precision
    for slide in slides.values():
        assert slide["text"]["headline"] and slide["text"]["text"]
    assert slides["a1-1"]["group"] == "Russia"
    assert slides["a1-5"]["text"]["headline"] == (
        "Bogdanov said: rebels &lt;may&gt; win &amp; Assad may lose")


def test_timelinejs_parts_table():
    assert date_parts(DAY) == ("year", "month", "day")
    assert date_parts(MONTH) == ("year", "month")
    assert date_parts(YEAR) == ("year",)
    assert date_parts(DAY, approximate=True) == ("year", "month")


def test_timelinejs_title_slide(corpus):
    doc = timelinejs_dict(corpus, title="Russia & Syria")
    assert doc["title"]["text"]["headline"] == "Russia &amp; Syria"


def _expected_edges(corpus: Corpus) -> dict[tuple[str, str, str], object]:
    return {(r.source, r.target, r.type): r for r in corpus.relations}


def test_gexf_reads_back_with_nodes_edges_types_and_intervals(corpus, tmp_path):
    out = tmp_path / "graph.gexf"
    export_corpus(corpus, out, "gexf")
    text = out.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    graph = nx.read_gexf(out)
    assert set(graph.nodes) == {"russia", "syria", "assad", "china", "turkey", "rebels",
                                "bogdanov"}
    assert graph.nodes["turkey"]["label"] == "Türkiye"
    assert graph.nodes["assad"]["kind"] == "person"
    expected = _expected_edges(corpus)
    found = {(u, v, d["relation_type"]): d for u, v, d in graph.edges(data=True)}
    assert set(found) == set(expected)
    alliance = found[("russia", "syria", "alliance")]
    assert alliance["spells"] == [("2011-03-01", "2013-01-22")]
    assert alliance["open_end"] is True
    support = found[("russia", "syria", "support")]
    assert support["spells"] == [("2012-02-04", "2012-02-04")]
    veto = found[("china", "syria", "veto_support")]  # a co-source gets its own edge
    assert veto["spells"] == [("2011-10-01", "2011-10-31")]
    russia_days = graph.nodes["russia"]["spells"]
    assert russia_days[0][0] == "2011-03-01" and russia_days[-1][1] == "2013-01-22"


def test_graphml_reads_back_with_nodes_edges_types_and_intervals(corpus, tmp_path):
    out = tmp_path / "graph.graphml"
    export_corpus(corpus, out, "graphml")
    graph = nx.read_graphml(out)
    assert set(graph.nodes) == {"russia", "syria", "assad", "china", "turkey", "rebels",
                                "bogdanov"}
    assert graph.nodes["rebels"]["kind"] == "group"
    expected = _expected_edges(corpus)
    found = {(u, v, d["relation_type"]): d for u, v, d in graph.edges(data=True)}
    assert set(found) == set(expected)
    for key, rel in expected.items():
        assert found[key]["start"] == rel.start.isoformat()
        assert found[key]["end"] == rel.end.isoformat()
        assert found[key]["polarity"] == pytest.approx(rel.polarity)
    assert found[("turkey", "rebels", "military_action")]["spells"] == "2012-10-08/2012-10-14"


def test_merge_intervals_joins_touching_and_overlapping_days():
    d = date
    merged = merge_intervals([(d(2012, 1, 5), d(2012, 1, 9)), (d(2012, 1, 1), d(2012, 1, 4)),
                              (d(2012, 3, 1), d(2012, 3, 2)), (d(2012, 1, 8), d(2012, 1, 20))])
    assert merged == [(d(2012, 1, 1), d(2012, 1, 20)), (d(2012, 3, 1), d(2012, 3, 2))]


def test_relation_graph_keeps_one_edge_per_type(corpus):
    graph = relation_graph(corpus)
    assert graph.number_of_edges() == len(corpus.relations)
    assert graph.nodes["russia"]["events"] == 4


def test_json_export_is_the_contract(corpus, tmp_path):
    out = tmp_path / "corpus.json"
    export_corpus(corpus, out, "json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "timeline-app/1"
    assert [e["id"] for e in doc["events"]] == [e.id for e in corpus.events]


def test_every_format_writes_something_and_unknown_is_refused(corpus, tmp_path):
    for fmt in FORMATS:
        out = tmp_path / f"out.{fmt}"
        export_corpus(corpus, out, fmt)
        assert out.stat().st_size > 100
    with pytest.raises(ValueError):
        export_corpus(corpus, tmp_path / "x.xls", "xls")


def test_empty_corpus_exports_cleanly(tmp_path):
    for fmt in FORMATS:
        export_corpus(Corpus(), tmp_path / f"empty.{fmt}", fmt)
    assert nx.read_gexf(tmp_path / "empty.gexf").number_of_nodes() == 0
    assert json.loads((tmp_path / "empty.timelinejs").read_text())["events"] == []
