"""The main window: menus, toolbar, dock panels, drag-and-drop and background loading."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedLayout,
    QStyle,
    QWidget,
)

from timeline_app.domain import FileError
from timeline_app.domain.edits import DeleteEvent, Edit, SetPublished
from timeline_app.domain.project import ViewState
from timeline_app.ui import dialogs, project_actions, workers
from timeline_app.ui import export_actions as exports
from timeline_app.ui.actors_list import ActorsList
from timeline_app.ui.corpus_model import CorpusModel, refills_pending
from timeline_app.ui.errors_list import ErrorsList
from timeline_app.ui.events_table import EventsTable
from timeline_app.ui.graph_view import GraphView
from timeline_app.ui.selection import ACTOR, EVENT, SelectionModel
from timeline_app.ui.source_view import SourceView
from timeline_app.ui.theme import THEMES, apply_theme
from timeline_app.ui.timeline_view import TimelineView
from timeline_app.ui.undo_commands import EditCommand

MAX_RECENT = 8


def app_icon() -> QIcon:
    from timeline_app.paths import resources_dir

    icon = resources_dir() / "icons" / "timeline-app.svg"
    return QIcon(str(icon)) if icon.is_file() else QIcon()


class EmptyState(QLabel):
    def __init__(self) -> None:
        super().__init__(
            "<div style='font-size:20pt'>Drop news articles here</div>"
            "<div style='font-size:11pt'>Text, HTML, PDF, Word, e-mail files, folders or zip "
            "archives — or use File ▸ Open (Ctrl+O).<br>Events, actors and their relations "
            "appear on a timeline and a graph.</div>"
        )
        self.setAlignment(Qt.AlignCenter)
        self.setObjectName("emptyState")
        self.setWordWrap(True)


class CentralArea(QWidget):
    """The timeline, with the empty-state message laid over it while there is nothing to show.

    The timeline sits under the message from the start, so it is laid out, polished and
    painted once when the window opens. As a page switched in by the first load, it paid for
    all of that (tens of milliseconds) in the same turn that shows the loaded corpus.
    """

    def __init__(self, timeline: QWidget, empty: QWidget) -> None:
        super().__init__()
        self.timeline, self.empty = timeline, empty
        layout = QStackedLayout(self)
        layout.setStackingMode(QStackedLayout.StackAll)  # every page visible, stacked
        layout.addWidget(timeline)
        layout.addWidget(empty)
        layout.setCurrentWidget(empty)  # raised over the timeline

    def show_empty(self, empty: bool) -> None:
        """Lay the message over the timeline, or take it away."""
        self.empty.setVisible(empty)
        if empty:
            self.empty.raise_()

    def currentWidget(self) -> QWidget:
        """What the user sees here: the message while it is shown, else the timeline."""
        return self.timeline if self.empty.isHidden() else self.empty


class MainWindow(QMainWindow):
    def __init__(self, *, published: date | None = None, theme: str = "light") -> None:
        super().__init__()
        self.setWindowTitle("Timeline App[*]")
        self.setWindowIcon(app_icon())
        self.loaded_unsaved = False  # files read since the last save (not an undoable edit)
        # Replaced in tests; returns "save", "discard" or "cancel".
        self.ask_unsaved = dialogs.ask_unsaved
        self.published = published
        self.model = CorpusModel(self)
        self.selection = SelectionModel(self)
        self.undo_stack = QUndoStack(self)
        self.jobs: list[workers.Job] = []
        self.project_path: str | None = None
        self.settings = QSettings("TimelineApp", "Timeline App")

        self.timeline = TimelineView(self.model, self.selection)
        self.graph = GraphView(self.model, self.selection)
        self.source = SourceView(self.model, self.selection)
        self.events = EventsTable(self.model, self.selection)
        self.actors = ActorsList(self.model, self.selection)
        self.errors = ErrorsList(self.model)
        self.empty = EmptyState()
        self.center = CentralArea(self.timeline, self.empty)
        self.setCentralWidget(self.center)
        self.docks: dict[str, QDockWidget] = {}
        self._dock("Actor graph", self.graph, Qt.RightDockWidgetArea)
        self._dock("Source article", self.source, Qt.RightDockWidgetArea)
        self._dock("Events", self.events, Qt.BottomDockWidgetArea)
        self._dock("Actors", self.actors, Qt.LeftDockWidgetArea)
        self._dock("Errors", self.errors, Qt.LeftDockWidgetArea)
        self.splitDockWidget(self.docks["Actor graph"], self.docks["Source article"], Qt.Vertical)
        self.tabifyDockWidget(self.docks["Actors"], self.docks["Errors"])
        self.docks["Actors"].raise_()
        self.resizeDocks([self.docks["Actor graph"]], [560], Qt.Horizontal)
        self.resizeDocks([self.docks["Actors"]], [230], Qt.Horizontal)
        self.resizeDocks([self.docks["Events"]], [230], Qt.Vertical)
        self.resizeDocks([self.docks["Actor graph"], self.docks["Source article"]], [430, 260],
                         Qt.Vertical)

        self._build_status()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._accept_drops_everywhere()

        self.model.corpus_changed.connect(self._corpus_changed)
        self.actors.rename_requested.connect(self.rename_actor)
        self.actors.merge_requested.connect(self.merge_actor)
        self.errors.set_date_requested.connect(self.set_published)
        self.timeline.set_date_requested.connect(self.set_published)
        self.timeline.lanes_combo.currentIndexChanged.connect(
            lambda _i: self.lanes_action.setChecked(self.timeline.mode != "actor"))
        self.selection.changed.connect(self._update_actions)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.timeline.context_requested.connect(self._timeline_menu)
        self.graph.context_requested.connect(self._graph_menu)
        self.events.context_requested.connect(self._table_menu)
        self.set_theme(theme)
        self.resize(1500, 940)
        self._update_actions()
        self._update_title()
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(project_actions.AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()

    # -- construction -------------------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.docks[title] = dock

    def _build_status(self) -> None:
        self.status_label = QLabel("Ready")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop reading files (Esc)")
        self.cancel_button.clicked.connect(self.cancel_jobs)
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        S = QStyle
        self.open_action = self._action("&Open Files…", self.open_files, QKeySequence.Open,
                                        S.SP_DialogOpenButton, "Open article files")
        self.open_folder_action = self._action("Open &Folder…", self.open_folder, "Ctrl+Shift+O",
                                               S.SP_DirOpenIcon)
        self.open_project_action = self._action("Open &Project…", self.open_project,
                                                "Ctrl+Alt+O")
        self.save_action = self._action("&Save Project", self.save_project, QKeySequence.Save,
                                        S.SP_DialogSaveButton, "Save the project (Ctrl+S)")
        self.save_as_action = self._action("Save Project &As…", self.save_project_as,
                                           QKeySequence.SaveAs)
        self.export_timeline_action = self._action("&Timeline Image…",
                                                   lambda: self.export_image("timeline"),
                                                   "Ctrl+E")
        self.export_graph_action = self._action("&Graph Image…",
                                                lambda: self.export_image("graph"),
                                                "Ctrl+Shift+E")
        self.export_data_action = self._action(
            "&Data (JSON, CSV, TimelineJS, GEXF, GraphML)…", self.export_data, "Ctrl+Alt+E")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.setIcon(self.style().standardIcon(S.SP_ArrowBack))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(self.style().standardIcon(S.SP_ArrowForward))
        self.find_action = self._action("&Find Events", self.focus_find, QKeySequence.Find)
        self.delete_action = self._action("&Delete Event", self.delete_event,
                                          QKeySequence.Delete, tip="Delete a false event")
        self.type_action = self._action("Change Event &Type…", self.change_event_type, "Ctrl+T")
        self.time_action = self._action("Change Event T&ime…", self.change_event_time,
                                        "Ctrl+Shift+T")
        self.event_actors_action = self._action("Change Event &Actors…",
                                                self.change_event_actors, "Ctrl+Shift+A")
        self.rename_action = self._action("&Rename Actor…", lambda: self.rename_actor(None),
                                          "F2")
        self.merge_action = self._action("&Merge Actor Into…", lambda: self.merge_actor(None),
                                         "Ctrl+M")
        self.published_action = self._action("Set &Publication Date…",
                                             lambda: self.set_published(None), "Ctrl+D")
        self.fit_action = self._action("&Fit All", self.fit_all, "F", S.SP_BrowserReload,
                                       "Show every event (F)")
        self.clear_range_action = self._action("Clear Time &Range", self.clear_range, "Esc")
        self.zoom_in_action = self._action("Zoom &In", lambda: self.timeline.zoom(0.6),
                                           QKeySequence.ZoomIn, tip="Zoom the timeline in")
        self.zoom_out_action = self._action("Zoom &Out", lambda: self.timeline.zoom(1 / 0.6),
                                            QKeySequence.ZoomOut, tip="Zoom the timeline out")
        self.next_action = self._action("&Next Event", lambda: self.step_event(1), "Alt+Right",
                                        tip="Select the next event in time")
        self.previous_action = self._action("&Previous Event", lambda: self.step_event(-1),
                                            "Alt+Left", tip="Select the previous event in time")
        self.lanes_action = self._action("Lanes by Relation &Type", self.toggle_lanes, "Ctrl+L")
        self.lanes_action.setCheckable(True)
        self.theme_toggle_action = self._action(
            "Toggle Light/Dark", lambda: self.set_theme(
                "dark" if self.theme.name == "light" else "light"), "Ctrl+Shift+L")
        self.play_action = self.graph.play_button
        self.fold_action = QAction("Fold People into Their State", self, checkable=True)
        self.fold_action.setShortcut("Ctrl+Shift+F")
        self.fold_action.toggled.connect(self.set_fold_people)
        self.graph.fold_box.toggled.connect(self.fold_action.setChecked)
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for name, label in (("light", "&Light Theme"), ("dark", "&Dark Theme")):
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
            self.theme_group.addAction(action)
            self.theme_actions[name] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.open_action, self.open_folder_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.open_project_action, self.save_action, self.save_as_action])
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("&Export")
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        self._fill_export_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addSeparator()
        edit.addActions([self.type_action, self.time_action, self.event_actors_action,
                         self.delete_action])
        edit.addSeparator()
        edit.addActions([self.rename_action, self.merge_action, self.published_action])
        view = bar.addMenu("&View")
        view.addActions([self.fit_action, self.zoom_in_action, self.zoom_out_action,
                         self.clear_range_action])
        view.addSeparator()
        view.addActions([self.previous_action, self.next_action])
        view.addSeparator()
        view.addActions([self.lanes_action, self.fold_action])
        view.addSeparator()
        panels = view.addMenu("&Panels")
        for dock in self.docks.values():
            panels.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addActions(list(self.theme_actions.values()))
        view.addAction(self.theme_toggle_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction("&Keyboard Shortcuts", self.show_shortcuts, QKeySequence.HelpContents)
        help_menu.addAction("&About Timeline App", self.show_about)

    def _build_toolbar(self) -> None:
        tools = self.addToolBar("Main")
        tools.setObjectName("Main toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.open_action.setIconText("Open")
        self.save_action.setIconText("Save")
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        self.fit_action.setIconText("Fit all")
        tools.addActions([self.open_action, self.save_action])
        tools.addSeparator()
        tools.addActions([self.undo_action, self.redo_action])
        tools.addSeparator()
        tools.addAction(self.fit_action)

    # -- loading ------------------------------------------------------------------------------
    def _accept_drops_everywhere(self) -> None:
        """Let every panel (plots, table, text, floating docks) take file drops.

        The filter sits on our own widgets rather than on the application: an application-wide
        Python filter runs for every event of every widget, and while a worker thread holds
        the interpreter lock each of those calls stalls the GUI.
        """
        self.setAcceptDrops(True)
        self.installEventFilter(self)
        for widget in self.findChildren(QWidget):
            widget.setAcceptDrops(True)
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Files dropped on any part of the window (a plot, the table) load like a window drop."""
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop):
            mime = event.mimeData()
            if mime is not None and mime.hasUrls():
                if kind == QEvent.Drop:
                    self.handle_drop(mime)
                elif kind == QEvent.DragEnter:
                    n = len(mime.urls())
                    self.status_label.setText(f"Drop to read {n} item{'s' * (n != 1)}…")
                event.acceptProposedAction()
                return True
        return super().eventFilter(obj, event)

    def handle_drop(self, mime) -> list[str]:
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            self.load_paths(paths)
        return paths

    def load_paths(self, paths: list[str]) -> workers.Job | None:
        """Read and extract in the thread pool; the result joins what is already shown."""
        paths = [str(p) for p in paths]
        if not paths:
            return None
        projects = [p for p in paths if p.endswith(".tlproj")]
        for project in projects:
            self.open_project(project)
        paths = [p for p in paths if p not in projects]
        if not paths:
            return None
        self._remember_recent(paths)
        # Only dates the user gave change extraction; other edits are replayed by the model.
        published = self.published
        edits = tuple(e for e in self.model.edits if isinstance(e, SetPublished))

        def run(progress, cancelled):
            from timeline_app.pipeline import build_corpus

            return build_corpus(paths, published=published, edits=edits, progress=progress,
                                cancelled=cancelled)

        job = workers.Job(run)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(lambda corpus, j=job: self._loaded(j, corpus))
        job.signals.failed.connect(lambda msg, j=job, p=paths: self._load_failed(j, p, msg))
        self.jobs.append(job)
        self.status_label.setText(f"Reading {len(paths)} item(s)…")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        workers.start(job)
        return job

    def _progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if path:
            self.status_label.setText(f"Reading {Path(path).name}…")

    def _finish_job(self, job: workers.Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if not self.jobs:
            self.progress.hide()
            self.cancel_button.hide()

    def _loaded(self, job: workers.Job, corpus) -> None:
        self._finish_job(job)
        self.model.add_corpus(corpus)
        if corpus.articles:
            self.loaded_unsaved = True
            self._update_title()
        cancelled = " (cancelled)" if job.cancelled else ""
        self.status_label.setText(
            f"{len(self.model.corpus.articles)} articles, {len(self.model.corpus.events)} events, "
            f"{len(self.model.corpus.actors)} actors{cancelled}"
            + (f" · {len(corpus.errors)} file(s) could not be read" if corpus.errors else ""))
        if corpus.errors and not corpus.articles:
            self.docks["Errors"].raise_()

    def _load_failed(self, job: workers.Job, paths: list[str], message: str) -> None:
        self._finish_job(job)
        self.model.add_errors([FileError(p, f"could not be processed: {message}") for p in paths])
        self.status_label.setText(f"Could not process {len(paths)} item(s): {message}")
        self.docks["Errors"].raise_()

    def cancel_jobs(self) -> None:
        for job in self.jobs:
            job.cancel()
        self.status_label.setText("Cancelling…")

    def _showing_a_load(self) -> bool:
        return self.graph.busy or self.timeline.pending or refills_pending()

    def is_busy(self) -> bool:
        return bool(self.jobs) or self._showing_a_load()

    def open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open articles", "",
            "Articles (*.txt *.md *.html *.htm *.pdf *.docx *.eml *.zip *.json *.csv);;"
            "All files (*)")
        self.load_paths(paths)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles")
        if folder:
            self.load_paths([folder])

    def _remember_recent(self, paths: list[str]) -> None:
        recent = [p for p in self._recent() if p not in paths]
        self.settings.setValue("recent", (paths + recent)[:MAX_RECENT])

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self._recent() if Path(p).exists()]
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name,
                                                lambda p=path: self.load_paths([p]))
            action.setToolTip(path)
            action.setStatusTip(path)
        if not recent:
            self.recent_menu.addAction("(nothing yet)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear List",
                                       lambda: self.settings.setValue("recent", []))

    # -- projects -----------------------------------------------------------------------------
    def view_state(self) -> ViewState:
        return ViewState(
            time_window=self.selection.window, lanes=self.timeline.mode,
            fold_people=self.graph.fold_people, graph_positions=dict(self.graph.positions),
            selection=(self.selection.event_id,) if self.selection.event_id else (),
            window_geometry=bytes(self.saveGeometry().data()),
            window_state=bytes(self.saveState().data()), theme=self.theme.name,
        )

    def save_project(self) -> bool:
        """Save to the current project file (asking for one the first time); True when saved."""
        if self.project_path is None:
            return self.save_project_as()
        try:
            project_actions.save(self.project_path, self.model.base, self.model.edits,
                                 self.view_state())
        except Exception as exc:
            self.status_label.setText(f"Could not save {self.project_path}: {exc}")
            dialogs.warn(self, "Could not save", f"{self.project_path}:\n{exc}")
            return False
        self.undo_stack.setClean()
        self.loaded_unsaved = False
        self._remember_recent([self.project_path])
        self._update_title()
        self.status_label.setText(f"Saved {self.project_path}")
        return True

    def is_dirty(self) -> bool:
        """Unsaved work: edits since the last save, or files read and never saved."""
        has_content = bool(self.model.base.articles)
        return has_content and (self.loaded_unsaved or not self.undo_stack.isClean())

    def maybe_save(self) -> bool:
        """Before closing or replacing the work: offer to save it. False means "stay"."""
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved(self, self.project_path)
        if answer == "cancel":
            return False
        if answer == "save":
            return self.save_project()
        with contextlib.suppress(OSError):  # the user chose to drop this work
            project_actions.discard_autosave(self.project_path)
        return True

    def autosave(self) -> None:
        """Write a recovery copy of unsaved work in the background (never blocks the window).

        Not while loaded files are being shown (views refilling, rows and layout being
        prepared): the writer's Python would compete for the GIL with those turns of the
        window. The timer comes back a few seconds later.
        """
        if not self.is_dirty() or self._showing_a_load():
            return
        try:
            project_actions.autosave(self.model.base, self.model.edits, self.view_state(),
                                     self.project_path)
        except Exception as exc:  # a failed recovery copy must never interrupt the user
            self.status_label.setText(f"Autosave failed: {exc}")

    def save_project_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save project", "untitled.tlproj",
                                              "Timeline projects (*.tlproj)")
        if not path:
            return False
        self.project_path = path if path.endswith(".tlproj") else path + ".tlproj"
        return self.save_project()

    def open_project(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Open project", "",
                                                  "Timeline projects (*.tlproj)")
        if not path:
            return
        if self.model.base.articles and not self.maybe_save():
            return
        try:
            project, recovered = project_actions.open_with_recovery(self, path)
            base, edits = project_actions.base_and_edits(project)
        except Exception as exc:
            self.model.add_errors([FileError(path, f"could not open the project: {exc}")])
            dialogs.warn(self, "Could not open the project", f"{path}:\n{exc}")
            return
        self.project_path = path
        self.show_project(base, edits, project.view, recovered=recovered)
        self._remember_recent([path])
        self._update_title()

    def show_project(self, base, edits, view: ViewState, *, recovered: bool = False) -> None:
        """Replace what the window shows with a project's corpus, edits and view."""
        self.undo_stack.clear()
        self.graph.positions.update(view.graph_positions)  # before the layout job starts
        self.model.set_corpus(base, edits)
        self.loaded_unsaved = recovered
        if view.selection and self.model.corpus.event(view.selection[0]):
            self.selection.select_event(view.selection[0], self.model.corpus)
        if view.fold_people:
            self.set_fold_people(True)
        if view.window_state:
            self.restoreState(view.window_state)
        if view.time_window:
            self.timeline.set_window(*view.time_window)
        if view.lanes != self.timeline.mode:
            self.timeline.set_mode(view.lanes)
        self._update_title()

    def recover_untitled(self) -> None:
        """At start-up: offer work a crash left unsaved (the store keeps autosaved copies)."""
        try:
            project = project_actions.recover_untitled(self)
        except Exception as exc:  # a damaged recovery copy must not stop the app starting
            self.status_label.setText(f"Could not recover unsaved work: {exc}")
            return
        if project is not None:
            base, edits = project_actions.base_and_edits(project)
            self.show_project(base, edits, project.view, recovered=True)

    # -- edits --------------------------------------------------------------------------------
    def apply_edit(self, edit: Edit | None) -> None:
        if edit is not None:
            self.undo_stack.push(EditCommand(self.model, edit))

    def _selected_event(self) -> str | None:
        return self.selection.event_id if self.selection.kind == EVENT else None

    def _selected_actor(self) -> str | None:
        sel = self.selection
        return sel.actor_ids[0] if sel.kind == ACTOR and sel.actor_ids else None

    def delete_event(self) -> None:
        event_id = self._selected_event()
        if event_id:
            self.apply_edit(DeleteEvent(event_id))
            self.selection.clear()

    def change_event_type(self) -> None:
        if (eid := self._selected_event()):
            self.apply_edit(dialogs.ask_event_type(self, self.model.corpus, eid))

    def change_event_time(self) -> None:
        if (eid := self._selected_event()):
            self.apply_edit(dialogs.ask_event_time(self, self.model.corpus, eid))

    def change_event_actors(self) -> None:
        if (eid := self._selected_event()):
            self.apply_edit(dialogs.ask_event_actors(self, self.model.corpus, eid))

    def rename_actor(self, actor_id: str | None) -> None:
        if (actor_id := actor_id or self._selected_actor()):
            self.apply_edit(dialogs.ask_rename(self, self.model.corpus, actor_id))

    def merge_actor(self, actor_id: str | None) -> None:
        if (actor_id := actor_id or self._selected_actor()):
            self.apply_edit(dialogs.ask_merge(self, self.model.corpus, actor_id))

    def set_published(self, article_id: str | None) -> None:
        undated = self.model.undated_articles()
        if article_id is None:
            if not undated:
                return
            article_id = undated[0].id
        self.apply_edit(dialogs.ask_published(self, self.model.corpus, article_id))

    # -- view ---------------------------------------------------------------------------------
    def focus_find(self) -> None:
        self.docks["Events"].show()
        self.docks["Events"].raise_()
        self.events.find.setFocus()
        self.events.find.selectAll()

    def fit_all(self) -> None:
        self.timeline.fit_all()
        self.graph.fit()

    def clear_range(self) -> None:
        if self.jobs:
            self.cancel_jobs()
        self.timeline.clear_range()
        self.selection.clear()

    def set_fold_people(self, fold: bool) -> None:
        self.graph.set_fold_people(fold)
        self.timeline.set_fold_people(fold)

    def set_theme(self, name: str) -> None:
        self.theme = THEMES.get(name, THEMES["light"])
        app = QApplication.instance()
        apply_theme(app, self.theme)
        t = self.theme
        self.setStyleSheet(
            f"QLabel#hint {{ color: {t.muted}; }}"
            f"QLabel#emptyState {{ color: {t.muted}; background: {t.background}; }}"
            f"QLabel#timelineInfo {{ color: {t.muted}; }}"
        )
        self.theme_toggle_action.setText("Switch to Light Theme" if t.name == "dark"
                                         else "Switch to Dark Theme")
        self.timeline.set_theme(t)
        self.graph.set_theme(t)
        self.source.set_theme(t)
        self.theme_actions[t.name].setChecked(True)

    def _corpus_changed(self) -> None:
        corpus = self.model.corpus
        has_data = bool(corpus.events or corpus.articles)
        self.center.show_empty(not has_data)
        problems = len(corpus.errors) + len(self.model.undated_articles())
        self.docks["Errors"].setWindowTitle(f"Problems ({problems})" if problems else "Problems")
        self.docks["Events"].setWindowTitle(f"Events ({len(corpus.events)})")
        self._update_actions()

    def step_event(self, step: int) -> None:
        """Previous/next event in time among those the timeline shows."""
        events = sorted(self.timeline.rows.events, key=lambda e: (e.time.start, e.time.end, e.id))
        if not events:
            return
        ids = [e.id for e in events]
        current = self.selection.event_id if self.selection.kind == EVENT else None
        if current in ids:
            index = min(max(ids.index(current) + step, 0), len(ids) - 1)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.selection.select_event(ids[index], self.model.corpus)

    def toggle_lanes(self) -> None:
        from timeline_app.ui.timeline_data import ACTOR_LANES, RELATION_LANES

        self.timeline.set_mode(RELATION_LANES if self.timeline.mode == ACTOR_LANES
                               else ACTOR_LANES)

    def show_shortcuts(self) -> None:
        actions = [self.open_action, self.open_folder_action, self.open_project_action,
                   self.save_action, self.save_as_action, self.export_timeline_action,
                   self.export_graph_action, self.undo_action, self.redo_action,
                   self.find_action, self.type_action, self.time_action,
                   self.event_actors_action, self.delete_action, self.rename_action,
                   self.merge_action, self.published_action, self.fit_action,
                   self.zoom_in_action, self.zoom_out_action, self.clear_range_action,
                   self.previous_action, self.next_action,
                   self.lanes_action, self.fold_action, self.theme_toggle_action]
        rows = "".join(
            f"<tr><td>{a.text().replace('&', '').rstrip('…')}</td>"
            f"<td><b>{a.shortcut().toString(QKeySequence.NativeText)}</b></td></tr>"
            for a in actions if not a.shortcut().isEmpty())
        mouse = ("<p>Timeline: drag pans, the wheel zooms time, Shift+wheel scrolls lanes, "
                 "Shift+drag sets the time window, a click selects, right click for more.<br>"
                 "Graph: drag a node to move it, drag the background to pan, wheel zooms.</p>")
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>{mouse}")

    def show_about(self) -> None:
        from timeline_app import __version__

        QMessageBox.about(self, "About Timeline App",
                          f"<b>Timeline App</b> {__version__}<p>Who does what to whom, and when: "
                          "dated events, actors and their relations read from news articles."
                          "<br>Nothing is ever sent over the network.</p>")

    def _update_actions(self) -> None:
        has_event = self._selected_event() is not None
        for action in (self.delete_action, self.type_action, self.time_action,
                       self.event_actors_action):
            action.setEnabled(has_event)
        has_actor = self._selected_actor() is not None
        self.rename_action.setEnabled(has_actor)
        self.merge_action.setEnabled(has_actor)
        self.published_action.setEnabled(bool(self.model.undated_articles()))

    def _update_title(self, *_args) -> None:
        """"name[*] — Timeline App": Qt shows the [*] as the platform's unsaved-changes mark."""
        name = Path(self.project_path).stem if self.project_path else (
            "Untitled" if self.model.base.articles else "")
        self.setWindowTitle(f"{name}[*] — Timeline App" if name else "Timeline App[*]")
        self.setWindowModified(self.is_dirty())

    # -- export -------------------------------------------------------------------------------
    def _fill_export_menu(self, menu=None, which: str = "all") -> None:
        """File ▸ Export and each view's context menu: images of the views and the data.

        The dialogs and renderers live in ui/export_actions.py.
        """
        menu = menu or self.export_menu
        menu.clear()

        def corpus():
            return self.model.corpus

        if which in ("all", "timeline"):
            exports.add_image_actions(
                menu, self, "timeline", corpus,
                lambda: exports.timeline_snapshot(self.timeline, self.model.corpus))
        if which in ("all", "graph"):
            exports.add_image_actions(menu, self, "graph", corpus,
                                      lambda: exports.graph_snapshot(self.graph))
        if which in ("all", "table"):
            if which == "all":
                menu.addSeparator()
            menu.addAction(self.export_data_action)

    def export_image(self, which: str) -> None:
        snapshot = (exports.timeline_snapshot(self.timeline, self.model.corpus)
                    if which == "timeline" else exports.graph_snapshot(self.graph))
        written = exports.export_image_dialog(self, self.model.corpus, which, snapshot)
        if written:
            self.status_label.setText(f"Exported {written}")

    def export_data(self) -> None:
        written = exports.export_data_dialog(self, self.model.corpus)
        if written:
            self.status_label.setText(f"Exported {written}")

    # -- context menus ------------------------------------------------------------------------
    def _export_submenu(self, menu: QMenu, which: str) -> None:
        sub = menu.addMenu("Export")
        self._fill_export_menu(sub, which)

    def _timeline_menu(self, global_pos) -> None:
        menu = QMenu(self)
        if self._selected_event():
            menu.addActions([self.type_action, self.time_action, self.event_actors_action,
                             self.delete_action])
            menu.addSeparator()
        menu.addActions([self.fit_action, self.clear_range_action])
        lanes = menu.addMenu("Lanes")
        combo = self.timeline.lanes_combo
        for i in range(combo.count()):
            text, mode = combo.itemText(i), combo.itemData(i)
            action = lanes.addAction(text, lambda m=mode: self.timeline.set_mode(m))
            action.setCheckable(True)
            action.setChecked(mode == self.timeline.mode)
        menu.addSeparator()
        self._export_submenu(menu, "timeline")
        menu.popup(global_pos)
        self._context_menu = menu

    def _graph_menu(self, global_pos) -> None:
        menu = QMenu(self)
        if self._selected_actor():
            menu.addActions([self.rename_action, self.merge_action])
            menu.addSeparator()
        menu.addAction("Fit Graph", self.graph.fit)
        menu.addAction(self.fold_action)
        menu.addSeparator()
        self._export_submenu(menu, "graph")
        menu.popup(global_pos)
        self._context_menu = menu

    def _table_menu(self, global_pos) -> None:
        menu = QMenu(self)
        if self._selected_event():
            menu.addActions([self.type_action, self.time_action, self.event_actors_action,
                             self.delete_action])
            menu.addSeparator()
        menu.addAction(self.find_action)
        menu.addSeparator()
        self._export_submenu(menu, "table")
        menu.popup(global_pos)
        self._context_menu = menu

    def restore_settings(self) -> None:
        """Window layout and theme as the user left them (the interactive app only)."""
        self.persist_settings = True
        geometry, state = self.settings.value("geometry"), self.settings.value("state")
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)
        theme = self.settings.value("theme")
        if theme in THEMES:
            self.set_theme(theme)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if getattr(self, "persist_settings", False):
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("state", self.saveState())
            self.settings.setValue("theme", self.theme.name)
        self._autosave_timer.stop()
        for job in self.jobs:
            job.cancel()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)

