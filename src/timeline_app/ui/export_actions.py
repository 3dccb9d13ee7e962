"""File > Export, the views' context menus and the clipboard: the Qt side of exports.

The main window and the views call a handful of functions here; the drawing itself is
`timeline_app.export.images` and the data formats `timeline_app.export`. A view is described
by a `ViewSnapshot` (its window, lanes, filter, selection, positions, theme, size) so an image
can be made "as shown" or "fitted to all" without the export code knowing the widgets.

API for the main window:
    snapshot = timeline_snapshot(timeline_view, corpus)   # or graph_snapshot(graph_view)
    export_image_dialog(parent, corpus, "timeline" | "graph", snapshot) -> Path | None
    copy_image(corpus, "timeline" | "graph", snapshot) -> QImage        # to the clipboard
    export_data_dialog(parent, corpus) -> Path | None                   # JSON/CSV/...
    add_image_actions(menu, parent, "timeline" | "graph", get_corpus, get_snapshot)
    install_context_menu(widget, "timeline" | "graph", get_corpus, get_snapshot)
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from timeline_app.domain import Corpus
from timeline_app.export import FORMATS, SUFFIXES, export_corpus
from timeline_app.export.images import (
    ImageOptions,
    graph_image,
    render_graph,
    render_timeline,
    timeline_image,
)
from timeline_app.export.timeline_layout import source_line

TIMELINE, GRAPH = "timeline", "graph"
IMAGE_FILTERS = {"PNG image (*.png)": ".png", "SVG vector image (*.svg)": ".svg",
                 "PDF document (*.pdf)": ".pdf"}
DATA_FILTERS = {
    "json": "Timeline App JSON (*.json)", "csv": "Events as CSV (*.csv)",
    "timelinejs": "TimelineJS JSON (*.json)", "gexf": "GEXF for Gephi (*.gexf)",
    "graphml": "GraphML (*.graphml)",
}


@dataclass(frozen=True)
class ViewSnapshot:
    """What a view shows right now; `ImageOptions` for "as shown" or "fit all" come from it."""

    window: tuple[date, date] | None = None
    lanes: str = "actor"
    fold_people: bool = False
    only: frozenset[str] | None = None
    selection: frozenset[str] = frozenset()
    positions: dict[str, tuple[float, float]] | None = field(default=None, compare=False)
    theme: str = "light"
    size: tuple[int, int] = (1600, 900)
    pixel_ratio: float = 1.0

    def options(self, *, as_shown: bool = True, **changes) -> ImageOptions:
        options = ImageOptions(
            width=self.size[0], height=self.size[1], scale=self.pixel_ratio,
            window=self.window if as_shown else None, lanes=self.lanes,
            fold_people=self.fold_people, only=self.only if as_shown else None,
            selection=self.selection, positions=self.positions, theme=self.theme,
        )
        return replace(options, **changes)


def _theme_name(view) -> str:
    theme = getattr(view, "theme", None)
    return getattr(theme, "name", "light") or "light"


def _size(widget) -> tuple[tuple[int, int], float]:
    if widget is None:
        return (1600, 900), 1.0
    w, h = max(640, widget.width()), max(400, widget.height())
    return (w, h), float(widget.devicePixelRatioF())


def timeline_snapshot(view, corpus: Corpus) -> ViewSnapshot:
    """The timeline view as shown: its visible days, lanes, folding, filter and selection.

    Reads the view's public attributes only (visible_window, mode, fold_people,
    shown_event_ids, selection, theme); the filter counts only when it hides dated events.
    """
    shown = set(view.shown_event_ids())
    dated = sum(1 for e in corpus.events if e.time.is_dated)
    selected = getattr(view.selection, "event_id", None)
    size, ratio = _size(getattr(view, "graphics", view))
    return ViewSnapshot(
        window=view.visible_window(), lanes=view.mode, fold_people=view.fold_people,
        only=frozenset(shown) if len(shown) < dated else None,
        selection=frozenset({selected}) if selected else frozenset(),
        theme=_theme_name(view), size=size, pixel_ratio=ratio,
    )


def graph_snapshot(view) -> ViewSnapshot:
    """The graph view as shown: its time window, folding, node positions and theme."""
    size, ratio = _size(getattr(view, "plot_widget", view))
    selection = getattr(view, "selection", None)
    actors = frozenset(getattr(selection, "actor_ids", ()) or ())
    return ViewSnapshot(
        window=getattr(selection, "window", None), fold_people=view.fold_people,
        positions=dict(view.positions) or None, selection=actors,
        theme=_theme_name(view), size=size, pixel_ratio=ratio,
    )


# -- images ----------------------------------------------------------------------------------

def write_image(corpus: Corpus, which: str, path: str | Path, options: ImageOptions) -> Path:
    """Render one view's report image to `path` (.png, .svg or .pdf)."""
    render = render_timeline if which == TIMELINE else render_graph
    render(corpus, path, options)
    return Path(path)


def make_image(corpus: Corpus, which: str, options: ImageOptions) -> QImage:
    return (timeline_image if which == TIMELINE else graph_image)(corpus, options)


def copy_image(corpus: Corpus, which: str, snapshot: ViewSnapshot | None = None,
               *, as_shown: bool = True) -> QImage:
    """Put the view's image on the clipboard, as a bitmap and as SVG for vector editors."""
    snapshot = snapshot or ViewSnapshot()
    options = snapshot.options(as_shown=as_shown, source_line=None)
    image = make_image(corpus, which, options)
    mime = QMimeData()
    mime.setImageData(image)
    with tempfile.TemporaryDirectory() as tmp:
        svg = Path(tmp) / "copy.svg"
        write_image(corpus, which, svg, replace(options, scale=1.0))
        mime.setData("image/svg+xml", svg.read_bytes())
    QGuiApplication.clipboard().setMimeData(mime)
    return image


class ImageExportDialog(QDialog):
    """File, format, size, scale, title, legend, source line, and "as shown" or "fit all"."""

    def __init__(self, parent: QWidget | None, corpus: Corpus, which: str,
                 snapshot: ViewSnapshot, start_dir: str | Path = "") -> None:
        super().__init__(parent)
        self.corpus, self.which, self.snapshot = corpus, which, snapshot
        self.setWindowTitle(f"Export {which.capitalize()} Image")
        self.path_edit = QLineEdit(str(Path(start_dir or Path.home()) / f"{which}.png"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.format_combo = QComboBox()
        for label, suffix in IMAGE_FILTERS.items():
            self.format_combo.addItem(label.split(" (")[0], suffix)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(self._path_changed)
        self.width_spin, self.height_spin = QSpinBox(), QSpinBox()
        for spin, value in ((self.width_spin, snapshot.size[0]),
                            (self.height_spin, snapshot.size[1])):
            spin.setRange(200, 16_000)
            spin.setSingleStep(100)
            spin.setValue(value)
            spin.setSuffix(" px")
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_spin)
        size_row.addWidget(self.height_spin)
        self.scale_combo = QComboBox()
        for factor in (1, 2, 3, 4):
            self.scale_combo.addItem(f"{factor}×", float(factor))
        self.scale_combo.setCurrentIndex(max(0, min(3, round(snapshot.pixel_ratio) - 1)))
        self.scale_combo.setToolTip("Pixels per layout pixel in a PNG (2× for HiDPI screens "
                                    "and print; 2× of 4000 px gives 8000 px)")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("No title")
        self.legend_box = QCheckBox("Legend (lane and polarity colours)")
        self.legend_box.setChecked(True)
        self.source_edit = QLineEdit(source_line(corpus))
        self.source_edit.setPlaceholderText("No source line")
        self.shown_radio = QRadioButton("As shown (window, lanes, filter, selection)")
        self.fit_radio = QRadioButton("Everything, fitted")
        self.shown_radio.setChecked(True)
        form = QFormLayout(self)
        form.addRow("File:", path_row)
        form.addRow("Format:", self.format_combo)
        form.addRow("Size:", size_row)
        form.addRow("Scale (PNG):", self.scale_combo)
        form.addRow("Title:", self.title_edit)
        form.addRow("Source line:", self.source_edit)
        form.addRow("", self.legend_box)
        form.addRow("Show:", self.shown_radio)
        form.addRow("", self.fit_radio)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path_edit.text(), ";;".join(IMAGE_FILTERS))
        if path:
            suffix = IMAGE_FILTERS.get(chosen, ".png")
            self.path_edit.setText(path if Path(path).suffix else path + suffix)

    def _path_changed(self, text: str) -> None:
        index = self.format_combo.findData(Path(text).suffix.lower())
        if index >= 0 and index != self.format_combo.currentIndex():
            self.format_combo.blockSignals(True)
            self.format_combo.setCurrentIndex(index)
            self.format_combo.blockSignals(False)
        self.scale_combo.setEnabled(Path(text).suffix.lower() in ("", ".png"))

    def _format_changed(self) -> None:
        suffix = self.format_combo.currentData()
        path = Path(self.path_edit.text() or self.which)
        self.path_edit.setText(str(path.with_suffix(suffix)))

    def path(self) -> Path:
        path = Path(self.path_edit.text())
        return path if path.suffix else path.with_suffix(self.format_combo.currentData())

    def options(self) -> ImageOptions:
        return self.snapshot.options(
            as_shown=self.shown_radio.isChecked(),
            width=self.width_spin.value(), height=self.height_spin.value(),
            scale=self.scale_combo.currentData(),
            title=self.title_edit.text().strip() or None, legend=self.legend_box.isChecked(),
            source_line=self.source_edit.text().strip(),
        )


def export_image_dialog(parent: QWidget | None, corpus: Corpus, which: str,
                        snapshot: ViewSnapshot | None = None,
                        start_dir: str | Path = "") -> Path | None:
    """Ask for file and options, write the image; errors are shown, not raised."""
    dialog = ImageExportDialog(parent, corpus, which, snapshot or ViewSnapshot(), start_dir)
    if dialog.exec() != QDialog.Accepted:
        return None
    try:
        return write_image(corpus, which, dialog.path(), dialog.options())
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent, "Could not export the image", str(exc))
        return None


# -- data ------------------------------------------------------------------------------------

def data_path_and_format(path: str, chosen_filter: str) -> tuple[Path, str]:
    """The format the chosen filter names (falling back on the suffix) and a suffixed path."""
    fmt = next((f for f, label in DATA_FILTERS.items() if label == chosen_filter), None)
    target = Path(path)
    if fmt is None:
        fmt = {".csv": "csv", ".gexf": "gexf", ".graphml": "graphml"}.get(
            target.suffix.lower(), "json")
    if not target.suffix:
        target = target.with_suffix(SUFFIXES[fmt])
    return target, fmt


def export_data_dialog(parent: QWidget | None, corpus: Corpus, start_dir: str | Path = "",
                       fmt: str | None = None) -> Path | None:
    """Ask where and in which format (JSON, CSV, TimelineJS, GEXF, GraphML), then write."""
    filters = [DATA_FILTERS[f] for f in FORMATS]
    first = DATA_FILTERS[fmt] if fmt in DATA_FILTERS else filters[0]
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export Data", str(Path(start_dir or Path.home()) / "timeline"),
        ";;".join(filters), first)
    if not path:
        return None
    target, chosen_fmt = data_path_and_format(path, chosen)
    try:
        export_corpus(corpus, target, chosen_fmt)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent, "Could not export the data", str(exc))
        return None
    return target


# -- menus -----------------------------------------------------------------------------------

def add_image_actions(menu: QMenu, parent: QWidget, which: str,
                      get_corpus: Callable[[], Corpus],
                      get_snapshot: Callable[[], ViewSnapshot]) -> list:
    """Add "Export <which> Image…" and "Copy <which> Image" to a (context) menu."""
    label = which.capitalize()
    export = menu.addAction(f"Export {label} Image…")
    export.triggered.connect(
        lambda _c=False: export_image_dialog(parent, get_corpus(), which, get_snapshot()))
    copy = menu.addAction(f"Copy {label} Image")
    copy.triggered.connect(lambda _c=False: copy_image(get_corpus(), which, get_snapshot()))
    return [export, copy]


def install_context_menu(widget: QWidget, which: str, get_corpus: Callable[[], Corpus],
                         get_snapshot: Callable[[], ViewSnapshot],
                         extra: Callable[[QMenu], None] | None = None) -> None:
    """Right-click on `widget` offers Export / Copy Image; `extra` may add the view's own items.

    For a pyqtgraph view pass its GraphicsView (e.g. `timeline.graphics`,
    `graph.plot_widget`); their built-in menus are off, so this menu is the only one.
    """
    widget.setContextMenuPolicy(Qt.CustomContextMenu)

    def show(pos) -> None:
        menu = QMenu(widget)
        add_image_actions(menu, widget.window(), which, get_corpus, get_snapshot)
        if extra is not None:
            menu.addSeparator()
            extra(menu)
        widget._export_menu = menu  # kept for tests and to outlive this call
        menu.popup(widget.mapToGlobal(pos))

    widget.customContextMenuRequested.connect(show)
