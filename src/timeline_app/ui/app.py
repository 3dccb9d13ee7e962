"""Entry points: run_gui (the window), self_test (offscreen check of the bundled samples)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def _application():
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Timeline App")
        app.setOrganizationName("TimelineApp")
    return app


def wait_until_idle(window, timeout_s: float = 300.0) -> bool:
    """Process events until loading and layout are done (or the time runs out)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if not window.is_busy():
            for _ in range(5):
                QApplication.processEvents()
                time.sleep(0.02)
            if not window.is_busy():
                return True
        time.sleep(0.02)
    return False


def run_gui(paths: list[str], *, published: date | None = None, screenshot: str | None = None,
            theme: str | None = None) -> int:
    """Open the main window with `paths` loading; with `screenshot`, save one and return 0."""
    app = _application()
    from timeline_app.ui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    window = MainWindow(published=published, theme=theme or "light")
    if screenshot:
        window.ask_unsaved = lambda *_a: "discard"
    else:
        window.restore_settings()
        if theme:
            window.set_theme(theme)
    window.show()
    _open_files_from_the_system(app, window)
    if not screenshot and not paths:
        window.recover_untitled()
    if paths:
        window.load_paths(list(paths))
    if screenshot:
        wait_until_idle(window)
        window.fit_all()
        _select_example(window)
        wait_until_idle(window, 10)
        image = window.grab()
        ok = image.save(screenshot)
        window.close()
        if not ok:
            print(f"timeline-app: could not write {screenshot}", file=sys.stderr)
            return 1
        return 0
    return app.exec()


def _open_files_from_the_system(app, window) -> None:
    """macOS hands files opened from Finder (double-click, "Open With", dock drops) to the
    running app as QFileOpenEvent, not as arguments; route them to the window's loader."""
    from PySide6.QtCore import QEvent, QObject

    class _FileOpenFilter(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.FileOpen:
                path = event.file() or event.url().toLocalFile()
                if path:
                    window.load_paths([path])
                return True
            return False

    window._file_open_filter = _FileOpenFilter(window)
    app.installEventFilter(window._file_open_filter)


def _select_example(window) -> None:
    """For screenshots: pick an event of the busiest actor pair, so every panel shows content.

    Prefers an event with its own time expression (the source view then highlights the
    sentence, the time words and the actors).
    """
    from collections import Counter

    corpus = window.model.corpus
    shown = {e.id for e in window.timeline.rows.events}
    pairs = Counter(frozenset((e.source, e.target)) for e in corpus.events
                    if e.source and e.target and e.id in shown)
    for pair, _n in pairs.most_common():
        candidates = [e for e in corpus.events if e.id in shown and e.time_span
                      and frozenset((e.source, e.target)) == pair]
        if candidates:
            ev = min(candidates, key=lambda e: (e.time.start, e.id))
            window.selection.select_event(ev.id, corpus)
            return


def self_test() -> int:
    """Load the bundled samples offscreen, render the timeline to a PNG and check it has content.

    Run by packaged builds (`timeline-app --self-test`) to prove that Qt, the plugins, the
    lexicons and the samples all made it into the bundle.
    """
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application()
    from PySide6.QtGui import QImage

    from timeline_app.paths import samples_dir
    from timeline_app.ui.main_window import MainWindow

    samples = samples_dir()
    if not samples.is_dir():
        print(f"self-test failed: no samples at {samples}")
        return 1
    window = MainWindow()
    window.show()
    window.load_paths([str(samples)])
    if not wait_until_idle(window, 120):
        window.close()
        print("self-test failed: loading the samples did not finish in 120 s")
        return 1
    events, nodes = len(window.timeline.rows.events), len(window.graph.data.ids)
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "timeline.png")
        window.timeline.render_image(out, 900, 500)
        colours = _distinct_colours(QImage(out))
    window.close()
    ok = events > 0 and nodes > 0 and colours >= 4
    verdict = "ok" if ok else "failed"
    print(f"self-test {verdict}: {events} events on the timeline, {nodes} actors in the graph, "
          f"{colours} colours in the rendered timeline")
    return 0 if ok else 1


def _distinct_colours(image, step: int = 7) -> int:
    """How many different colours a sparse sample of the image holds (1 means blank)."""
    if image.isNull():
        return 0
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) > 50:
                return len(seen)
    return len(seen)
