"""Files that could not be read, and articles that still need a publication date."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from timeline_app.ui.corpus_model import CorpusModel, connect_refill


class ErrorsList(QWidget):
    """Per-file messages; an undated article gets a one-click "Set date…" button."""

    set_date_requested = Signal(str)  # article id

    def __init__(self, model: CorpusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.undated_label = QLabel()
        self.undated_label.setWordWrap(True)
        self.undated = QListWidget()
        self.undated.setMaximumHeight(110)
        self.undated.setUniformItemSizes(True)
        self.set_date = QPushButton("Set publication date…")
        self.set_date.clicked.connect(self._set_date_clicked)
        self.undated.itemDoubleClicked.connect(lambda _i: self._set_date_clicked())
        self.errors = QListWidget()
        self.errors.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.undated_label)
        layout.addWidget(self.undated)
        layout.addWidget(self.set_date)
        layout.addWidget(QLabel("Files that could not be read:"))
        layout.addWidget(self.errors, 1)
        connect_refill(model, self.reload)
        self._undated_ids: list[str] = []
        self.reload()

    def reload(self) -> None:
        undated = self.model.undated_articles()
        self._undated_ids = [a.id for a in undated]
        self.undated.clear()
        # One addItems call: a thousand undated articles were a thousand calls into Qt.
        self.undated.addItems([f"{a.title or a.path}  —  {a.path}" for a in undated])
        if undated:
            self.undated.setCurrentRow(0)
            self.undated_label.setText(
                f"{len(undated)} article(s) without a publication date: their relative dates "
                "(\"last month\") cannot be placed. Set the date to place their events.")
        else:
            self.undated_label.setText("Every article has a publication date.")
        self.undated.setVisible(bool(undated))
        self.set_date.setVisible(bool(undated))
        self.errors.clear()
        self.errors.addItems([f"{error.path}\n    {error.message}"
                              for error in self.model.corpus.errors] or ["None."])

    def _set_date_clicked(self) -> None:
        row = self.undated.currentRow()
        if 0 <= row < len(self._undated_ids):
            self.set_date_requested.emit(self._undated_ids[row])

    def error_messages(self) -> list[str]:
        return [e.message for e in self.model.corpus.errors]
