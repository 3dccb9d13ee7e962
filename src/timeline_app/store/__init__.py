"""The project file (`.tlproj`): one SQLite database with articles, extraction, edits and view.

`save_project` writes atomically and never overwrites a file it cannot read; `load_project`
opens read-only and says clearly why a file is refused (not a project, newer, damaged). Autosave
and crash recovery live in `store.autosave`. See `store.schema` for the tables and versions.

`Project.corpus`, when present, is the extraction result *before* the user's edits (the input the
edits are replayed over); `edited_corpus` gives what the views show.
"""

from __future__ import annotations

import os

from timeline_app.domain import Corpus
from timeline_app.domain.bulk import collector_paused
from timeline_app.domain.edits import SetPublished, apply_edits
from timeline_app.domain.project import Project
from timeline_app.store.autosave import (
    AUTOSAVE_INTERVAL,
    AutosavePolicy,
    Recovery,
    autosave_path,
    discard_autosave,
    find_recovery,
    find_untitled_recoveries,
    write_autosave,
)
from timeline_app.store.errors import (
    DamagedProjectError,
    NewerVersionError,
    NotAProjectError,
    ProjectError,
)
from timeline_app.store.header import is_project_file
from timeline_app.store.projectfile import read_info, read_project, write_project
from timeline_app.store.schema import SCHEMA_VERSION


def save_project(path: str | os.PathLike, project: Project, *,
                 replace_foreign: bool = False) -> None:
    """Save atomically; a non-project, newer or damaged file at `path` raises ProjectError."""
    write_project(path, project, replace_foreign=replace_foreign)


def load_project(path: str | os.PathLike) -> Project:
    """Read a project (any earlier format is migrated in memory; the file is never changed)."""
    with collector_paused():
        return read_project(path)


def edited_corpus(project: Project) -> Corpus:
    """The corpus as the user sees it: the cached extraction with the edits replayed.

    Without a cache (or when the caller wants better lexicons applied) the articles are
    re-extracted, which keeps every edit because edits are stored apart.
    """
    if project.corpus is None:
        from timeline_app.pipeline import extract_corpus

        return extract_corpus(project.articles, errors=project.errors, edits=project.edits)
    edits = [e for e in project.edits if not isinstance(e, SetPublished)]
    return apply_edits(project.corpus, edits) if edits else project.corpus


__all__ = [
    "AUTOSAVE_INTERVAL", "SCHEMA_VERSION", "AutosavePolicy", "DamagedProjectError",
    "NewerVersionError", "NotAProjectError", "ProjectError", "Recovery", "autosave_path",
    "discard_autosave", "edited_corpus", "find_recovery", "find_untitled_recoveries",
    "is_project_file", "load_project", "read_info", "save_project", "write_autosave",
]
