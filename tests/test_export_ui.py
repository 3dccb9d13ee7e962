"""The Qt side of exports: the image dialog, the clipboard, the data dialog, view snapshots."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QWidget

from test_export_data import build_corpus
from timeline_app.ui import export_actions
from timeline_app.ui.export_actions import (
    DATA_FILTERS,
    GRAPH,
    TIMELINE,
    ImageExportDialog,
    ViewSnapshot,
    add_image_actions,
    copy_image,
    data_path_and_format,
    export_data_dialog,
    export_image_dialog,
    timeline_snapshot,
)


@pytest.fixture
def corpus():
    return build_corpus()


def test_dialog_options_follow_the_fields(qtbot, corpus, tmp_path):
    snapshot = ViewSnapshot(window=(date(2012, 1, 1), date(2012, 12, 31)), lanes="relation",
                            size=(1000, 600))
    dialog = ImageExportDialog(None, corpus, TIMELINE, snapshot, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.path() == tmp_path / "timeline.png"
    assert dialog.source_edit.text().startswith("Source: Russia and Syria")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".svg"))
    assert dialog.path() == tmp_path / "timeline.svg"
    assert not dialog.scale_combo.isEnabled()  # scale means nothing for vectors
    dialog.path_edit.setText(str(tmp_path / "report.pdf"))
    assert dialog.format_combo.currentData() == ".pdf"
    dialog.width_spin.setValue(2400)
    dialog.title_edit.setText("Russia and Syria")
    dialog.legend_box.setChecked(False)
    options = dialog.options()
    assert (options.width, options.height, options.title, options.legend) == (
        2400, 600, "Russia and Syria", False)
    assert options.window == snapshot.window and options.lanes == "relation"
    dialog.fit_radio.setChecked(True)
    assert dialog.options().window is None


def test_export_image_dialog_writes_the_file(qtbot, corpus, tmp_path, monkeypatch):
    def accept(self):
        self.path_edit.setText(str(tmp_path / "graph.svg"))
        self.title_edit.setText("Who acts on whom")
        return QDialog.Accepted

    monkeypatch.setattr(ImageExportDialog, "exec", accept)
    written = export_image_dialog(None, corpus, GRAPH, ViewSnapshot(size=(900, 600)))
    assert written == tmp_path / "graph.svg"
    text = written.read_text(encoding="utf-8")
    assert "Who acts on whom" in text and "Bashar al-Assad" in text


def test_export_image_dialog_reports_errors_instead_of_raising(qtbot, corpus, tmp_path,
                                                               monkeypatch):
    warnings = []
    monkeypatch.setattr(ImageExportDialog, "exec", lambda self: (
        self.path_edit.setText(str(tmp_path / "missing-dir" / "t.png")), QDialog.Accepted)[1])
    monkeypatch.setattr(export_actions.QMessageBox, "warning",
                        lambda *args: warnings.append(args[2]))
    assert export_image_dialog(None, corpus, TIMELINE) is None
    assert warnings and "could not write" in warnings[0]


def test_copy_puts_bitmap_and_svg_on_the_clipboard(qtbot, corpus):
    image = copy_image(corpus, TIMELINE, ViewSnapshot(size=(800, 500), pixel_ratio=2.0))
    assert (image.width(), image.height()) == (1600, 1000)
    mime = QApplication.clipboard().mimeData()
    assert mime.hasImage()
    svg = bytes(mime.data("image/svg+xml")).decode("utf-8")
    assert "<svg" in svg and "Syrian rebels" in svg


def test_data_dialog_writes_the_chosen_format(qtbot, corpus, tmp_path, monkeypatch):
    target = tmp_path / "for-gephi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), DATA_FILTERS["gexf"]))
    written = export_data_dialog(None, corpus)
    assert written == tmp_path / "for-gephi.gexf"
    assert "<gexf" in written.read_text(encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "tl.json"), DATA_FILTERS["timelinejs"]))
    written = export_data_dialog(None, corpus)
    assert "events" in json.loads(written.read_text(encoding="utf-8"))


def test_data_format_from_filter_or_suffix(tmp_path):
    assert data_path_and_format(str(tmp_path / "x"), DATA_FILTERS["csv"]) == (
        tmp_path / "x.csv", "csv")
    assert data_path_and_format(str(tmp_path / "x.graphml"), "") == (
        tmp_path / "x.graphml", "graphml")
    assert data_path_and_format(str(tmp_path / "x.json"), "")[1] == "json"


def test_context_menu_actions(qtbot, corpus, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    actions = add_image_actions(menu, parent, TIMELINE, lambda: corpus,
                                lambda: ViewSnapshot(size=(700, 400)))
    assert [a.text() for a in actions] == ["Export Timeline Image…", "Copy Timeline Image"]
    actions[1].trigger()
    assert QApplication.clipboard().mimeData().hasImage()


def test_snapshot_of_the_real_timeline_view(qtbot, corpus):
    from timeline_app.ui.corpus_model import CorpusModel
    from timeline_app.ui.selection import SelectionModel
    from timeline_app.ui.timeline_view import TimelineView

    model, selection = CorpusModel(), SelectionModel()
    view = TimelineView(model, selection)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    model.set_corpus(corpus)
    selection.select_event("a1:3", corpus)
    snapshot = timeline_snapshot(view, corpus)
    assert snapshot.lanes == view.mode
    assert snapshot.window is not None and snapshot.window[0] <= date(2011, 3, 1)
    assert snapshot.selection == frozenset({"a1:3"})
    assert snapshot.only is None  # nothing filtered: every dated event is shown
    options = snapshot.options(as_shown=True)
    image = export_actions.make_image(corpus, TIMELINE, options)
    assert image.width() >= 640


def test_installed_context_menu_offers_export_and_copy(qtbot, corpus):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    export_actions.install_context_menu(widget, GRAPH, lambda: corpus,
                                        lambda: ViewSnapshot(size=(700, 400)))
    widget.customContextMenuRequested.emit(widget.rect().center())
    menu = widget._export_menu
    assert [a.text() for a in menu.actions()] == ["Export Graph Image…", "Copy Graph Image"]
    menu.close()
