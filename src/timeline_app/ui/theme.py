"""Light and dark looks: one palette for Qt widgets and the colours the plots draw with."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# Relation types grouped by meaning so that similar acts share a hue family.
TYPE_COLOURS = {
    "alliance": "#2e7d32", "arms_supply": "#558b2f", "veto_support": "#00897b",
    "support": "#43a047", "agreement": "#26a69a", "humanitarian_aid": "#0288d1",
    "evacuation": "#1976d2", "negotiation": "#5c6bc0", "meeting": "#7986cb",
    "statement": "#8d8d8d", "distancing": "#f9a825", "criticism": "#ef6c00",
    "accusation": "#f57c00", "condemnation": "#e64a19", "threat": "#d84315",
    "sanctions": "#c62828", "military_action": "#b71c1c",
}
OTHER_COLOUR = "#9e9e9e"


def type_colour(type_: str) -> QColor:
    return QColor(TYPE_COLOURS.get(type_, OTHER_COLOUR))


@dataclass(frozen=True)
class Theme:
    name: str
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
    highlight_text: str
    time_text: str
    actor_text: str
    banner: str = "#fff4d6"

    def colour(self, attr: str, alpha: int = 255) -> QColor:
        c = QColor(getattr(self, attr))
        c.setAlpha(alpha)
        return c


LIGHT = Theme(
    "light", background="#ffffff", foreground="#202124", muted="#6b6f76", grid="#e3e5e8",
    lane_alt="#f4f6f8", selection="#1a73e8", cooperation="#2e7d32", conflict="#c62828",
    neutral="#8d8d8d", node_fill="#eef2f7", highlight_text="#fff3b0", time_text="#cfe8ff",
    actor_text="#d9f2d9",
)
DARK = Theme(
    "dark", background="#1e1f22", foreground="#e6e6e6", muted="#9aa0a6", grid="#33363b",
    lane_alt="#25272b", selection="#8ab4f8", cooperation="#66bb6a", conflict="#ef5350",
    neutral="#9e9e9e", node_fill="#2b2e33", highlight_text="#5c4d00", time_text="#0d3a66",
    actor_text="#1d4d1d", banner="#4a3f1c",
)
THEMES = {"light": LIGHT, "dark": DARK}


def polarity_colour(theme: Theme, polarity: float, alpha: int = 255) -> QColor:
    """Cooperation green, conflict red, neutral grey, blended by strength."""
    p = max(-1.0, min(1.0, polarity))
    end = QColor(theme.cooperation if p >= 0 else theme.conflict)
    mid = QColor(theme.neutral)
    t = min(1.0, abs(p) * 1.4)
    c = QColor(
        round(mid.red() + (end.red() - mid.red()) * t),
        round(mid.green() + (end.green() - mid.green()) * t),
        round(mid.blue() + (end.blue() - mid.blue()) * t),
    )
    c.setAlpha(alpha)
    return c


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Fusion style with our palette reads the same on every platform and at any DPI."""
    app.setStyle("Fusion")
    pal = QPalette()
    bg, fg = QColor(theme.background), QColor(theme.foreground)
    window = bg if theme.name == "light" else QColor("#2a2c30")
    window = QColor("#f3f4f6") if theme.name == "light" else window
    pal.setColor(QPalette.Window, window)
    pal.setColor(QPalette.WindowText, fg)
    pal.setColor(QPalette.Base, bg)
    pal.setColor(QPalette.AlternateBase, QColor(theme.lane_alt))
    pal.setColor(QPalette.Text, fg)
    pal.setColor(QPalette.Button, window)
    pal.setColor(QPalette.ButtonText, fg)
    pal.setColor(QPalette.ToolTipBase, bg)
    pal.setColor(QPalette.ToolTipText, fg)
    pal.setColor(QPalette.PlaceholderText, QColor(theme.muted))
    pal.setColor(QPalette.Highlight, QColor(theme.selection))
    pal.setColor(QPalette.HighlightedText, QColor("#ffffff" if theme.name == "light"
                                                  else "#111111"))
    pal.setColor(QPalette.Link, QColor(theme.selection))
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        pal.setColor(QPalette.Disabled, role, QColor(theme.muted))
    app.setPalette(pal)
