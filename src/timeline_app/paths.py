"""Where the app's data files live: in a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder (lexicons, samples, icons).

    TIMELINE_APP_RESOURCES wins so that tests and users can point at their own copy.
    """
    override = os.environ.get("TIMELINE_APP_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parents[1] / "resources"


def lexicons_dir() -> Path:
    return resources_dir() / "lexicons"


def samples_dir() -> Path:
    return resources_dir() / "samples"
