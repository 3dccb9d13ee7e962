"""Colours and sizes of report images, as plain values (no Qt) shared by timeline and graph.

Kept apart from the app's widget theme so a report looks the same whatever the app's look,
and so layout code can be tested without Qt. Hues follow the app's: cooperation green,
conflict red, neutral grey.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

TYPE_COLOURS = {
    "alliance": "#2e7d32", "arms_supply": "#558b2f", "veto_support": "#00897b",
    "support": "#43a047", "agreement": "#26a69a", "humanitarian_aid": "#0288d1",
    "evacuation": "#1976d2", "negotiation": "#5c6bc0", "meeting": "#7986cb",
    "statement": "#8d8d8d", "distancing": "#f9a825", "criticism": "#ef6c00",
    "accusation": "#f57c00", "condemnation": "#e64a19", "threat": "#d84315",
    "sanctions": "#c62828", "military_action": "#b71c1c",
}
KIND_COLOURS = {
    "state": "#3f51b5", "government": "#5c6bc0", "person": "#8e24aa",
    "organisation": "#00838f", "group": "#6d4c41", "other": "#757575",
}
KIND_LABELS = {
    "state": "state", "government": "government", "person": "person",
    "organisation": "organisation", "group": "armed group / movement", "other": "other",
}
OTHER_COLOUR = "#9e9e9e"


@dataclass(frozen=True)
class ReportStyle:
    background: str
    foreground: str
    muted: str
    grid: str
    lane_alt: str
    selection: str
    cooperation: str
    conflict: str
    neutral: str
    node_fill: str
    font_family: str = "DejaVu Sans"
    font_px: float = 13.0
    title_px: float = 22.0
    small_px: float = 11.0


LIGHT = ReportStyle(
    background="#ffffff", foreground="#202124", muted="#5f6368", grid="#dadce0",
    lane_alt="#f4f6f8", selection="#1a73e8", cooperation="#2e7d32", conflict="#c62828",
    neutral="#8d8d8d", node_fill="#ffffff",
)
DARK = ReportStyle(
    background="#1e1f22", foreground="#e8eaed", muted="#a0a4aa", grid="#3c4043",
    lane_alt="#26282c", selection="#8ab4f8", cooperation="#66bb6a", conflict="#ef5350",
    neutral="#9e9e9e", node_fill="#2b2e33",
)
STYLES = {"light": LIGHT, "dark": DARK}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


@functools.lru_cache(maxsize=1024)
def polarity_hex(style: ReportStyle, polarity: float) -> str:
    """Cooperation green, conflict red, neutral grey, blended by strength (as in the app)."""
    p = max(-1.0, min(1.0, polarity))
    end = _rgb(style.cooperation if p >= 0 else style.conflict)
    mid = _rgb(style.neutral)
    t = min(1.0, abs(p) * 1.4)
    r, g, b = (round(m + (e - m) * t) for m, e in zip(mid, end, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def type_hex(type_: str) -> str:
    return TYPE_COLOURS.get(type_, OTHER_COLOUR)


def kind_hex(kind: str) -> str:
    return KIND_COLOURS.get(kind, KIND_COLOURS["other"])
