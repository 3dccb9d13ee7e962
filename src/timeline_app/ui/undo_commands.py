"""QUndoCommands that wrap domain edits: redo appends the edit, undo removes it."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from timeline_app.domain.edits import (
    ChangeEventActors,
    ChangeEventTime,
    ChangeEventType,
    DeleteEvent,
    Edit,
    MergeActors,
    RenameActor,
    SetPublished,
)
from timeline_app.ui.corpus_model import CorpusModel


def describe(edit: Edit, model: CorpusModel) -> str:
    corpus = model.corpus

    def actor(aid: str) -> str:
        a = corpus.actor(aid)
        return a.name if a else aid

    if isinstance(edit, RenameActor):
        return f"Rename {actor(edit.actor)} to {edit.name}"
    if isinstance(edit, MergeActors):
        return f"Merge {actor(edit.drop)} into {actor(edit.keep)}"
    if isinstance(edit, ChangeEventType):
        return f"Change event type to {edit.type}"
    if isinstance(edit, ChangeEventTime):
        return f"Change event time to {edit.time.value}"
    if isinstance(edit, ChangeEventActors):
        return "Change event actors"
    if isinstance(edit, DeleteEvent):
        return "Delete event"
    if isinstance(edit, SetPublished):
        return f"Set publication date {edit.published.isoformat()}"
    return "Edit"


class EditCommand(QUndoCommand):
    def __init__(self, model: CorpusModel, edit: Edit) -> None:
        super().__init__(describe(edit, model))
        self.model = model
        self.edit = edit

    def redo(self) -> None:
        self.model.push_edit(self.edit)

    def undo(self) -> None:
        self.model.pop_edit(self.edit)
