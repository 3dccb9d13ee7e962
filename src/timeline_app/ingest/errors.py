"""The one exception readers raise: a message a user can act on, never a traceback."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read as articles; `str(error)` is shown to the user as is."""
