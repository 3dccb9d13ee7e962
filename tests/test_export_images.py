"""Report images opened the way a reader's tools open them: pixels, XML text, PDF text."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from pypdf import PdfReader

from test_export_data import build_corpus
from timeline_app.domain import Corpus
from timeline_app.export.images import (
    ImageOptions,
    _fonts,
    _measure,
    graph_image,
    render_graph,
    render_images,
    render_timeline,
    timeline_image,
    timeline_layout,
)
from timeline_app.export.report_style import LIGHT
from timeline_app.export.timeline_layout import FUZZY, OPEN, POINT, SPAN

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus()


def _svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def _pdf_text(path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _load_png(path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    return image


def _distinct_colours(image, step: int = 7) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)}


def test_timeline_png_has_the_asked_size_and_content(corpus, tmp_path):
    out = tmp_path / "timeline.png"
    render_timeline(corpus, out, ImageOptions(width=1200, height=700, title="Russia and Syria"))
    image = _load_png(out)
    assert (image.width(), image.height()) == (1200, 700)
    assert len(_distinct_colours(image)) > 20  # text, bars, grid: far from a blank page
    assert image.pixel(2, 2) == 0xFFFFFFFF  # the light background, not transparent


def test_timeline_png_scale_multiplies_pixels_not_layout(corpus, tmp_path):
    out = tmp_path / "hidpi.png"
    render_timeline(corpus, out, ImageOptions(width=4000, height=1000, scale=2.0))
    image = _load_png(out)
    assert (image.width(), image.height()) == (8000, 2000)
    assert len(_distinct_colours(image, step=23)) > 20


def test_timeline_svg_is_vector_with_event_labels_as_text(corpus, tmp_path):
    out = tmp_path / "timeline.svg"
    render_timeline(corpus, out, ImageOptions(width=1600, height=900, title="Russia and Syria"))
    texts = _svg_texts(out)
    assert "Russia and Syria" in texts
    for lane in ("Russia", "Syria", "Bashar al-Assad", "Türkiye", "Syrian rebels"):
        assert lane in texts
    for summary in ("russia alliance syria", "russia distancing assad",
                    "turkey military action rebels"):
        assert summary in texts, summary
    # Markup characters survive as text; a long label is shortened with an ellipsis.
    assert any(t.startswith("Bogdanov said: rebels <may> win & Assad") for t in texts)
    assert any(t.startswith("Source: Russia and Syria") for t in texts)
    assert any("1 undated event not shown" in t for t in texts)
    root = ET.parse(out).getroot()
    assert root.get("viewBox") == "0 0 1600 900"
    assert not list(root.iter(f"{SVG}image"))  # no embedded bitmap


def test_timeline_pdf_has_selectable_text(corpus, tmp_path):
    out = tmp_path / "timeline.pdf"
    render_timeline(corpus, out, ImageOptions(width=1400, height=800, title="Russia and Syria"))
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1400, 800)
    text = _pdf_text(out)
    for needle in ("Russia and Syria", "russia alliance syria", "Bashar al-Assad", "2012"):
        assert needle in text


def _assert_labels_apart(layout) -> None:
    measure = _measure(_fonts(LIGHT))
    left, top, right, bottom = layout.plot
    rows: dict[int, list[tuple[float, float]]] = {}
    for mark in layout.marks:
        assert top <= mark.y <= bottom
        assert left - 6 <= mark.x0 <= mark.x1 <= right + 6
        if mark.label:
            w = measure.width(mark.label, "body")
            assert left <= mark.label_x and mark.label_x + w <= right + 1
            rows.setdefault(round(mark.y), []).append((mark.label_x, mark.label_x + w))
    assert rows, "some events keep a label"
    assert layout.row_height >= measure.line_height("body")  # rows never squeeze the text
    for boxes in rows.values():
        boxes.sort()
        for (_, a1), (b0, _) in itertools.pairwise(boxes):
            assert a1 <= b0


def test_labels_never_overlap_and_stay_on_the_page(corpus):
    for width, height in ((1600, 900), (700, 400), (3840, 2160)):
        _assert_labels_apart(timeline_layout(corpus, ImageOptions(width=width, height=height)))
        _assert_labels_apart(timeline_layout(corpus, ImageOptions(
            width=width, height=height, lanes="relation", title="A title")))


def test_labels_stay_apart_in_crowded_timelines():
    from timeline_app.export.synthetic import synthetic_corpus

    for n, seed in ((300, 1), (3_000, 2)):
        corpus = synthetic_corpus(n, lanes=25, seed=seed)
        for width, height in ((1200, 700), (3840, 2160)):
            _assert_labels_apart(timeline_layout(corpus, ImageOptions(width=width,
                                                                      height=height)))


def test_marks_draw_each_kind_of_time_as_its_shape(corpus):
    layout = timeline_layout(corpus, ImageOptions())
    shape = {m.event.id: m.shape for m in layout.marks}
    assert shape["a1:3"] == POINT  # a day
    assert shape["a1:2"] == SPAN  # a month
    assert shape["a1:7"] == SPAN  # a year
    assert shape["a1:1"] == OPEN  # since March 2011
    assert shape["a1:4"] == FUZZY  # lately
    assert "a1:8" not in shape  # undated
    # An event between two actors shows in both lanes.
    assert sum(m.event.id == "a1:3" for m in layout.marks) == 2
    # The open period runs to the article date, the last day of the data.
    since = next(m for m in layout.marks if m.event.id == "a1:1")
    assert since.x1 > since.x0 + 0.7 * (layout.plot[2] - layout.plot[0])


def test_window_only_and_selection_shape_the_picture(corpus):
    window = (date(2012, 1, 1), date(2012, 12, 31))
    layout = timeline_layout(corpus, ImageOptions(window=window))
    ids = {m.event.id for m in layout.marks}
    assert "a1:2" not in ids and "a1:3" in ids and "a1:1" in ids
    since = next(m for m in layout.marks if m.event.id == "a1:1")
    assert since.clipped_left and since.clipped_right
    assert layout.ticks and layout.ticks[0].label.startswith("Jan 2012")
    only = timeline_layout(corpus, ImageOptions(only=frozenset({"a1:6"})))
    assert {m.event.id for m in only.marks} == {"a1:6"}
    assert [lane.label for lane in only.lanes] == ["Syrian rebels", "Türkiye"]
    chosen = timeline_layout(corpus, ImageOptions(selection=frozenset({"a1:5"})))
    assert all(m.selected == (m.event.id == "a1:5") for m in chosen.marks)


def test_relation_lanes(corpus):
    layout = timeline_layout(corpus, ImageOptions(lanes="relation"))
    labels = [lane.label for lane in layout.lanes]
    assert "military action" in labels and "alliance" in labels
    assert len(layout.marks) == 7  # one lane per event


def test_crowded_timeline_keeps_labels_apart_and_says_what_it_left_out():
    from timeline_app.export.synthetic import synthetic_corpus

    corpus = synthetic_corpus(2_000, lanes=60, seed=3)
    layout = timeline_layout(corpus, ImageOptions(width=900, height=500))
    assert layout.lanes and len(layout.lanes) < 60
    footer = " ".join(text for _, text in layout.footer)
    assert "lanes not shown" in footer and "without room for a label" in footer
    bottom = layout.plot[3]
    assert all(lane.y1 <= bottom + 0.5 for lane in layout.lanes)


def test_empty_corpus_still_makes_an_image(tmp_path):
    out = tmp_path / "empty.svg"
    render_timeline(Corpus(), out)
    assert "No dated events" in _svg_texts(out)
    render_graph(Corpus(), tmp_path / "empty-graph.png")
    assert _load_png(tmp_path / "empty-graph.png").width() == 1600


def test_graph_images_in_every_format(corpus, tmp_path):
    written = render_images(corpus, graph=tmp_path / "g.svg", width=1200, height=800,
                            title="Who does what to whom")
    assert written == [tmp_path / "g.svg"]
    texts = _svg_texts(tmp_path / "g.svg")
    for name in ("Russia", "Syria", "Bashar al-Assad", "Türkiye", "Syrian rebels"):
        assert name in texts
    assert "alliance" in texts or "veto support" in texts or "support" in texts
    assert "military action" in texts
    render_graph(corpus, tmp_path / "g.pdf", ImageOptions(width=1000, height=700))
    assert "Bashar al-Assad" in _pdf_text(tmp_path / "g.pdf")
    render_graph(corpus, tmp_path / "g.png", ImageOptions(width=1000, height=700, scale=1.5))
    image = _load_png(tmp_path / "g.png")
    assert (image.width(), image.height()) == (1500, 1050)
    assert len(_distinct_colours(image)) > 10


def test_graph_uses_given_positions(corpus):
    from timeline_app.export.images import graph_scene

    positions = {"russia": (0.0, 0.0), "syria": (10.0, 0.0), "assad": (10.0, 5.0),
                 "china": (-3.0, 2.0), "turkey": (5.0, -6.0), "rebels": (7.0, -4.0),
                 "bogdanov": (-2.0, -2.0)}
    scene = graph_scene(corpus, ImageOptions(positions=positions))
    at = {n.id: (n.x, n.y) for n in scene.nodes}
    assert at["russia"][0] < at["syria"][0]  # left stays left
    assert at["assad"][1] < at["syria"][1]  # up stays up (screen y grows downwards)


def test_images_for_the_clipboard(corpus):
    image = timeline_image(corpus, ImageOptions(width=800, height=450, theme="dark"))
    assert (image.width(), image.height()) == (800, 450)
    assert image.pixelColor(3, 3).lightness() < 60  # dark theme
    assert graph_image(corpus, ImageOptions(width=640, height=400)).width() == 640


def test_bad_requests_are_refused(corpus, tmp_path):
    with pytest.raises(ValueError, match="unknown image format"):
        render_timeline(corpus, tmp_path / "x.bmpx")
    with pytest.raises(ValueError, match="too large"):
        render_timeline(corpus, tmp_path / "x.png", ImageOptions(width=20_000, scale=2))


def test_command_line_render_and_export(corpus, tmp_path, monkeypatch):
    from timeline_app import cli

    monkeypatch.setattr(cli, "load_corpus", lambda args: corpus)
    tl, graph = tmp_path / "tl.pdf", tmp_path / "graph.png"
    status = cli.main(["render", "story.txt", "--timeline", str(tl), "--graph", str(graph),
                       "--width", "1200", "--height", "800", "--from", "2012-01-01",
                       "--to", "2012-12-31", "--title", "Syria in 2012"])
    assert status == 0
    text = _pdf_text(tl)
    assert "Syria in 2012" in text and "Jan 2012" in text
    assert "russia veto support syria" not in text  # October 2011 is outside the window
    assert _load_png(graph).width() == 1200
    out = tmp_path / "events.csv"
    assert cli.main(["export", "story.txt", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("id,time_text,value,start,end")


def test_edge_cases_still_draw(corpus, tmp_path):
    from dataclasses import replace as swap

    one = swap(corpus, events=corpus.events[2:3])  # a single day
    layout = timeline_layout(one, ImageOptions(width=600, height=300))
    assert len(layout.marks) == 2 and layout.ticks
    assert all(m.label for m in layout.marks)
    quiet = timeline_layout(corpus, ImageOptions(window=(date(2001, 1, 1), date(2001, 12, 31))))
    assert quiet.empty_message == "No dated events in this time window"
    half_open = timeline_layout(corpus, ImageOptions(window=(date(2012, 6, 1), None)))
    assert half_open.window[0] == date(2012, 6, 1) and half_open.window[1] >= date(2013, 1, 22)
    render_timeline(corpus, tmp_path / "tiny.png", ImageOptions(width=200, height=150))
    assert _load_png(tmp_path / "tiny.png").width() == 200
    small = timeline_layout(corpus, ImageOptions(width=300, height=200))
    assert not small.legend and small.plot[3] - small.plot[1] >= 60  # events before legend
