"""The window on the hand-built corpus: linked selection, time windows, undo, images."""

from __future__ import annotations

from datetime import date

import pytest

from ui_corpus import make_corpus

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt

from timeline_app.domain.edits import DeleteEvent, RenameActor
from timeline_app.graph import pair_events
from timeline_app.ui.app import wait_until_idle
from timeline_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def loaded(window, qtbot):
    window.model.set_corpus(make_corpus())
    assert wait_until_idle(window, 30)
    return window


def click_scene(qtbot, view, scene_pos) -> None:
    widget_pos = view.mapFromScene(scene_pos)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=QPoint(widget_pos.x(), widget_pos.y()))


def test_empty_window_says_what_to_do(window):
    assert window.center.currentWidget() is window.empty
    assert "Drop news articles here" in window.empty.text()


def test_loading_fills_timeline_table_graph_and_actor_list(loaded):
    corpus = loaded.model.corpus
    assert loaded.center.currentWidget() is loaded.timeline
    assert len(loaded.timeline.rows.events) == sum(e.time.is_dated for e in corpus.events)
    assert loaded.events.proxy.rowCount() == len(corpus.events)
    assert set(loaded.graph.data.ids) >= {"russia", "syria", "assad", "china"}
    assert loaded.actors.list.count() == len(corpus.actors)
    assert loaded.actors.list.item(0).text().startswith(("Russia", "Syria"))
    assert "/tmp/broken.pdf" in loaded.errors.errors.item(0).text()


def test_clicking_an_event_selects_its_actors_edge_and_sentence(loaded, qtbot):
    corpus = loaded.model.corpus
    veto = next(e for e in corpus.events if e.type == "veto_support" and e.article == "a1")
    pos = loaded.timeline.scene_pos_of(veto.id)
    assert pos is not None
    click_scene(qtbot, loaded.timeline.graphics, pos)
    assert loaded.selection.event_id == veto.id
    nodes, edges = loaded.graph.highlighted()
    assert {"russia", "assad", "china"} <= nodes
    assert ("russia", "assad") in edges
    assert loaded.source.highlighted_text("sentence") == [veto.sentence]
    assert loaded.source.highlighted_text("time") == ["in October 2011"]
    assert "Russia" in loaded.source.highlighted_text("actor")
    assert loaded.events.view.currentIndex().isValid()


def test_clicking_a_graph_node_filters_table_and_dims_timeline(loaded, qtbot):
    click_scene(qtbot, loaded.graph.plot_widget, loaded.graph.scene_pos_of_node("lebanon"))
    assert loaded.selection.actor_ids == ("lebanon",)
    shown = loaded.events.visible_event_ids()
    expected = [e.id for e in loaded.model.corpus.events if "lebanon" in e.actors]
    assert sorted(shown) == sorted(expected)
    dim = loaded.timeline.item.dim
    assert dim is not None and 0 < (~dim).sum() < len(dim)


def test_selecting_the_russia_assad_edge_shows_exactly_that_pairs_events(loaded, qtbot):
    graph = loaded.graph
    i, j = graph.data.ids.index("russia"), graph.data.ids.index("assad")
    mid = (graph.data.pos[i] + graph.data.pos[j]) / 2
    from PySide6.QtCore import QPointF

    click_scene(qtbot, graph.plot_widget, graph.viewbox.mapViewToScene(QPointF(*mid)))
    assert loaded.selection.edge in (("russia", "assad"), ("assad", "russia"))
    expected = {e.id for e in pair_events(loaded.model.corpus, "russia", "assad")}
    assert loaded.timeline.shown_event_ids() == expected
    assert set(loaded.events.visible_event_ids()) == expected
    assert loaded.timeline.strip.isVisible()  # polarity strip for the pair
    qtbot.waitUntil(lambda: loaded.timeline.strip.vb.sceneBoundingRect().left()
                    == loaded.timeline.viewbox.sceneBoundingRect().left(), timeout=2000)
    loaded.selection.clear()
    assert len(loaded.timeline.shown_event_ids()) > len(expected)


def test_time_window_limits_graph_to_relations_active_in_it(loaded, qtbot):
    loaded.timeline.set_window(date(2011, 3, 1), date(2012, 6, 30))
    qtbot.waitUntil(lambda: loaded.selection.window is not None
                    and loaded.selection.window[0] == date(2011, 3, 1), timeout=3000)
    data = loaded.graph.graph.edges["russia", "assad"]["data"]
    assert {"alliance", "veto_support"} <= set(data.types)
    assert "distancing" not in data.types
    before = dict(loaded.graph.positions)
    loaded.timeline.set_window(date(2012, 9, 1), date(2013, 1, 22))
    qtbot.waitUntil(lambda: loaded.selection.window[0] == date(2012, 9, 1), timeout=3000)
    assert "distancing" in loaded.graph.graph.edges["russia", "assad"]["data"].types
    assert loaded.graph.positions == before  # actors stay where they were


def test_shift_drag_sets_the_time_window(loaded):
    from timeline_app.ui.timeline_data import to_x

    loaded.timeline._range_dragged(to_x(date(2012, 1, 1)), to_x(date(2012, 12, 31)))
    assert loaded.selection.window == (date(2012, 1, 1), date(2012, 12, 31))
    assert "turkey" in loaded.graph.data.ids
    loaded.clear_range()
    assert loaded.timeline.dragged_window is None


def test_time_slider_moves_the_window(loaded):
    loaded.graph.slider.setValue(0)
    first = loaded.selection.window
    loaded.graph.slider.setValue(60)
    last = loaded.selection.window
    assert first is not None and last is not None and first[0] < last[0]


def test_undo_restores_rename_and_deleted_event(loaded):
    loaded.apply_edit(RenameActor("russia", "Russian Federation"))
    assert loaded.model.corpus.actor("russia").name == "Russian Federation"
    assert any("Russian Federation" in loaded.actors.list.item(i).text()
               for i in range(loaded.actors.list.count()))
    victim = loaded.model.corpus.events[0].id
    loaded.apply_edit(DeleteEvent(victim))
    assert loaded.model.corpus.event(victim) is None
    assert victim not in loaded.timeline.shown_event_ids()
    loaded.undo_stack.undo()
    assert loaded.model.corpus.event(victim) is not None
    loaded.undo_stack.undo()
    assert loaded.model.corpus.actor("russia").name == "Russia"
    loaded.undo_stack.redo()
    assert loaded.model.corpus.actor("russia").name == "Russian Federation"
    assert loaded.model.edits == [RenameActor("russia", "Russian Federation")]


def test_delete_key_deletes_the_selected_event(loaded, qtbot):
    ev = loaded.model.corpus.events[3]
    loaded.selection.select_event(ev.id, loaded.model.corpus)
    assert loaded.delete_action.isEnabled()
    loaded.delete_action.trigger()
    assert loaded.model.corpus.event(ev.id) is None


def test_fold_people_moves_leaders_into_states(loaded):
    loaded.fold_action.setChecked(True)
    assert wait_until_idle(loaded, 30)
    assert "putin" not in loaded.graph.data.ids
    assert "Vladimir Putin" not in loaded.timeline.rows.lanes


def test_lanes_by_relation_type(loaded):
    loaded.timeline.lanes_combo.setCurrentIndex(1)
    assert "veto support" in loaded.timeline.rows.lanes


def test_views_render_images(loaded, tmp_path):
    for name in ("t.png", "t.svg", "t.pdf"):
        loaded.timeline.render_image(str(tmp_path / name), 800, 400)
        assert (tmp_path / name).stat().st_size > 1000
    loaded.graph.render_image(str(tmp_path / "g.png"))
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "t.png"))
    assert (image.width(), image.height()) == (800, 400)


def test_dark_theme(loaded):
    loaded.set_theme("dark")
    assert loaded.theme.name == "dark"
    assert loaded.theme_actions["dark"].isChecked()


def test_right_click_on_an_event_selects_it_and_asks_for_a_menu(loaded, qtbot):
    ev = next(e for e in loaded.model.corpus.events if e.type == "alliance")
    requested = []
    loaded.timeline.context_requested.connect(requested.append)
    pos = loaded.timeline.graphics.mapFromScene(loaded.timeline.scene_pos_of(ev.id))
    qtbot.mouseClick(loaded.timeline.graphics.viewport(), Qt.RightButton,
                     pos=QPoint(pos.x(), pos.y()))
    assert loaded.selection.event_id == ev.id
    assert len(requested) == 1
    loaded._timeline_menu(requested[0])
    texts = [a.text() for a in loaded._context_menu.actions()]
    assert "&Delete Event" in texts and "Export" in texts
    loaded._context_menu.close()


def test_overlapping_events_in_a_lane_get_their_own_sub_rows(loaded):
    rows = loaded.timeline.rows
    russia = rows.lane_keys.index("russia")
    in_lane = rows.lane == russia
    alliance = next(i for i, e in enumerate(rows.events) if e.type == "alliance")
    veto = next(i for i, e in enumerate(rows.events)
                if e.type == "veto_support" and e.article == "a1")
    y_of = {int(rows.event[r]): rows.y[r] for r in range(len(rows)) if in_lane[r]}
    # The open alliance period (2011-03 ->) overlaps the October 2011 veto: both stay visible.
    assert y_of[alliance] != y_of[veto]
    assert all(abs(y - russia) < 0.5 for y in y_of.values())


def test_unsaved_work_is_marked_and_closing_can_be_cancelled(loaded):
    loaded.loaded_unsaved = True
    loaded._update_title()
    assert loaded.isWindowModified() and "[*]" in loaded.windowTitle()
    asked = []
    loaded.ask_unsaved = lambda _w, _p: asked.append(1) or "cancel"
    assert loaded.close() is False and loaded.isVisible()
    loaded.ask_unsaved = lambda _w, _p: "discard"
    assert loaded.close() is True
    assert asked == [1]


def test_export_menu_offers_images_of_both_views(loaded):
    loaded._fill_export_menu()
    texts = " ".join(a.text() for a in loaded.export_menu.actions()).lower()
    assert "timeline" in texts and "graph" in texts


def test_zoom_actions_change_the_time_span(loaded):
    (x0, x1), _ = loaded.timeline.viewbox.viewRange()
    loaded.zoom_in_action.trigger()
    (y0, y1), _ = loaded.timeline.viewbox.viewRange()
    assert (y1 - y0) < (x1 - x0) * 0.7


def test_save_and_open_project_keeps_edits_view_and_clears_the_unsaved_mark(
        loaded, qtbot, tmp_path, monkeypatch):

    monkeypatch.setenv("TIMELINE_APP_RECOVERY_DIR", str(tmp_path / "recovery"))
    loaded.apply_edit(RenameActor("russia", "Russian Federation"))
    assert loaded.isWindowModified()
    loaded.timeline.set_mode("relation")
    loaded.project_path = str(tmp_path / "work.tlproj")
    assert loaded.save_project()
    assert not loaded.isWindowModified()
    assert "work" in loaded.windowTitle()

    other = MainWindow()
    qtbot.addWidget(other)
    other.open_project(str(tmp_path / "work.tlproj"))
    assert wait_until_idle(other, 30)
    assert other.model.corpus.actor("russia").name == "Russian Federation"
    assert other.model.edits == [RenameActor("russia", "Russian Federation")]
    assert other.timeline.mode == "relation"
    assert not other.isWindowModified()
    other.undo_stack.undo()  # a fresh undo history: nothing to undo into the saved state
    assert other.model.corpus.actor("russia").name == "Russian Federation"


def test_events_table_sorts_by_header_and_finds_text(loaded):
    table = loaded.events
    table.view.sortByColumn(2, Qt.DescendingOrder)  # Type, as a header click does
    types = [table.proxy.index(r, 2).data() for r in range(table.proxy.rowCount())]
    assert types == sorted(types, reverse=True) and len(set(types)) > 3
    table.view.sortByColumn(0, Qt.AscendingOrder)
    starts = [table.proxy.index(r, 0).data() for r in range(table.proxy.rowCount())]
    dated = [s for s in starts if s != "undated"]
    assert dated == sorted(dated)
    table.find.setText("veto")
    shown = table.visible_event_ids()
    assert shown and all(loaded.model.corpus.event(i).type == "veto_support" for i in shown)
    table.find.clear()
    assert table.proxy.rowCount() == len(loaded.model.corpus.events)


def test_events_table_keeps_its_filter_and_order_when_the_corpus_changes(loaded):
    table = loaded.events
    table.view.sortByColumn(0, Qt.DescendingOrder)
    table.find.setText("veto")
    shown = table.visible_event_ids()
    assert 0 < len(shown) < len(loaded.model.corpus.events)
    victim = shown[-1]
    loaded.apply_edit(DeleteEvent(victim))  # the table reloads from the edited corpus
    wait_until_idle(loaded, 10)
    after = table.visible_event_ids()
    assert after == [i for i in shown if i != victim]  # same filter, same order, one fewer
    starts = [loaded.model.corpus.event(i).time.start for i in after]
    undated = [s for s in starts if s is None]
    assert starts[:len(undated)] == undated  # undated first when newest comes first
    dated = starts[len(undated):]
    assert dated == sorted(dated, reverse=True)
    table.find.clear()
    assert table.proxy.rowCount() == len(loaded.model.corpus.events)


def test_timeline_grid_follows_the_calendar_at_every_zoom():
    from timeline_app.ui.timeline_data import from_x, to_x
    from timeline_app.ui.timeline_items import date_grid

    major, minor = date_grid(to_x(date(2010, 6, 1)), to_x(date(2014, 6, 1)), 400)
    assert [from_x(x) for x in major] == [date(y, 1, 1) for y in range(2011, 2015)]
    assert all(from_x(x).day == 1 for x in minor) and len(minor) >= 4
    major, _ = date_grid(to_x(date(2013, 1, 20)), to_x(date(2013, 1, 23)), 900)
    assert from_x(major[0]) == date(2013, 1, 20)
    assert all(x % (12 * 3600) == 0 for x in major)  # midnight and noon, never in between
    major, minor = date_grid(to_x(date(1, 1, 2)), to_x(date(9999, 12, 1)), 1000)
    assert 0 < len(major) <= 200 and len(minor) <= 5000


def test_next_and_previous_event_walk_through_time(loaded):
    events = sorted(loaded.timeline.rows.events, key=lambda e: (e.time.start, e.time.end, e.id))
    loaded.next_action.trigger()
    assert loaded.selection.event_id == events[0].id
    loaded.next_action.trigger()
    assert loaded.selection.event_id == events[1].id
    loaded.previous_action.trigger()
    assert loaded.selection.event_id == events[0].id


def test_graph_tooltips_describe_actors_and_edges(loaded):
    graph = loaded.graph
    russia = graph.data.ids.index("russia")
    assert "Russia" in graph.describe_node(russia) and "events" in graph.describe_node(russia)
    k = next(k for k, (s, t) in enumerate(zip(graph.data.src, graph.data.tgt, strict=True))
             if (graph.data.ids[s], graph.data.ids[t]) == ("russia", "assad"))
    text = graph.describe_edge(k)
    assert "alliance" in text and "Bashar Assad" in text


def test_lane_scrollbar_appears_when_lanes_overflow_and_scrolls_them(loaded):
    tl = loaded.timeline
    assert not tl.lane_scroll.isVisibleTo(tl)  # 11 actors fit
    tl.viewbox.setYRange(-0.7, 4.3, padding=0)  # only five lanes in view
    assert tl.lane_scroll.isVisibleTo(tl) and tl.lane_scroll.maximum() >= 5
    tl.lane_scroll.setValue(3)
    _, (top, _bottom) = tl.viewbox.viewRange()
    assert abs(top - 2.3) < 0.01
