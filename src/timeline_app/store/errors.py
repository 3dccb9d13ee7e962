"""Why a project file could not be read or written, in words a user can act on."""

from __future__ import annotations


class ProjectError(Exception):
    """A project file that cannot be opened or must not be overwritten; str() is the message."""


class NotAProjectError(ProjectError):
    """The file is something else (another program's database, a text file ...)."""


class NewerVersionError(ProjectError):
    """Saved by a newer Timeline App; reading it could lose what that version added."""


class DamagedProjectError(ProjectError):
    """Truncated or corrupted; it is left exactly as it is so nothing more is lost."""
