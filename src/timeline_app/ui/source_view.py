"""The article an event came from, with its evidence highlighted in place."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from timeline_app.ui.corpus_model import CorpusModel
from timeline_app.ui.selection import EVENT, SelectionModel
from timeline_app.ui.theme import LIGHT, Theme


class SourceView(QWidget):
    """Sentence, time expression and actor mentions highlighted, scrolled into view."""

    def __init__(self, model: CorpusModel, selection: SelectionModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.selection = model, selection
        self.theme: Theme = LIGHT
        self.title = QLabel("Select an event to read its source.")
        self.title.setWordWrap(True)
        self.title.setObjectName("sourceTitle")
        self.text = QTextEdit(readOnly=True)
        self.text.setPlaceholderText("The article text appears here.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.article_id: str | None = None
        self.highlights: list[tuple[str, int, int]] = []  # (kind, start, end)
        selection.changed.connect(self.refresh)
        model.corpus_changed.connect(self.refresh)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.refresh()

    def refresh(self) -> None:
        sel, corpus = self.selection, self.model.corpus
        ev = corpus.event(sel.event_id) if sel.kind == EVENT and sel.event_id else None
        if ev is None:
            return
        article = corpus.article(ev.article)
        if article is None:
            return
        published = article.published.isoformat() if article.published else "date unknown"
        muted = self.theme.muted
        self.title.setText(f"<b>{_esc(article.title or article.path)}</b> — {published}"
                           f"<br><span style='color:{muted}'>{_esc(article.path)}</span>")
        if self.article_id != article.id:
            self.text.setPlainText(article.text)
            self.article_id = article.id
        # Boilerplate and repeated lines extraction skipped: shown, but greyed out.
        self.highlights = [("ignored", a, b) for a, b in article.ignored]
        self.highlights.append(("sentence", *ev.span))
        if ev.time_span:
            self.highlights.append(("time", *ev.time_span))
        s0, s1 = ev.span
        sentence = article.text[s0:s1].lower()
        for actor_id in ev.actors:
            actor = corpus.actor(actor_id)
            if actor is None:
                continue
            for name in sorted({actor.name, *actor.aliases}, key=len, reverse=True):
                at = sentence.find(name.lower())
                if at >= 0 and len(name) > 1:
                    self.highlights.append(("actor", s0 + at, s0 + at + len(name)))
                    break
        self._paint(len(article.text))

    def _paint(self, length: int) -> None:
        colours = {"sentence": self.theme.highlight_text, "time": self.theme.time_text,
                   "actor": self.theme.actor_text}
        first = None
        selections = []
        for kind, start, end in self.highlights:
            start, end = max(0, start), min(length, end)
            if end <= start:
                continue
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.KeepAnchor)
            fmt = QTextCharFormat()
            if kind == "ignored":
                fmt.setForeground(QColor(self.theme.muted))
                fmt.setFontItalic(True)
            else:
                fmt.setBackground(QColor(colours[kind]))
                first = start if first is None else first
            if kind in ("time", "actor"):
                fmt.setFontWeight(700)
            sel = QTextEdit.ExtraSelection()
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        self.text.setExtraSelections(selections)
        if first is not None:
            self._scroll_to(first, length)

    def _scroll_to(self, position: int, length: int) -> None:
        """Bring the evidence into view with some context above it, not at the very bottom."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(length)
        self.text.setTextCursor(cursor)  # from the end, so that the sentence lands near the top
        cursor.setPosition(min(length, position))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        bar = self.text.verticalScrollBar()
        context = 2 * self.text.fontMetrics().lineSpacing()  # two lines of what came before
        bar.setValue(max(0, bar.value() - context))

    def highlighted_text(self, kind: str = "sentence") -> list[str]:
        text = self.text.toPlainText()
        return [text[a:b] for k, a, b in self.highlights if k == kind]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
