"""One palette and one type scale for every screen; a high-contrast theme swaps the palette.

The style sheet (`resources/styles/till.qss`) names no colour and no pixel font size: it uses
the palette's roles (`palette(highlight)`) and a few named colours written `@error`, `@ok`,
`@warn`, `@focus`, `@accent`, `@bar`, `@keycap`, `@keytext`, `@muted`, which the chosen theme
fills in here. Fonts are in points, so a screen's DPI and a larger base size scale everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

# Body text: 12 pt is 16 px at 96 DPI (a 1366x768 counter PC), the smallest text on screen.
BODY_PT = 12


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alternate: str
    text: str
    button: str
    highlight: str
    highlighted_text: str
    placeholder: str
    # named colours of the style sheet
    accent: str  # headings and totals
    muted: str  # hints
    error: str
    ok: str
    warn: str
    focus: str  # the focus ring: must stand out from everything else
    bar: str  # the key bar
    keycap: str
    keytext: str
    training: str  # the TRAINING banner


CALM = Theme(
    name="calm",
    window="#f3f5f8",
    base="#ffffff",
    alternate="#eef2f7",
    text="#17202b",
    button="#e4e9f0",
    highlight="#1f5fbf",
    highlighted_text="#ffffff",
    placeholder="#5b6573",
    accent="#1b3a66",
    muted="#4a5462",
    error="#a3151b",
    ok="#1b6b30",
    warn="#8a4a00",
    focus="#e8770b",
    bar="#1b3a66",
    keycap="#ffd166",
    keytext="#111111",
    training="#b3261e",
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    window="#000000",
    base="#000000",
    alternate="#1a1a1a",
    text="#ffffff",
    button="#1a1a1a",
    highlight="#ffff00",
    highlighted_text="#000000",
    placeholder="#d0d0d0",
    accent="#ffffff",
    muted="#e6e6e6",
    error="#ff8080",
    ok="#80ff80",
    warn="#ffd700",
    focus="#00ffff",
    bar="#000000",
    keycap="#ffff00",
    keytext="#000000",
    training="#ff5050",
)

THEMES = {t.name: t for t in (CALM, HIGH_CONTRAST)}


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, theme.window),
        (roles.WindowText, theme.text),
        (roles.Base, theme.base),
        (roles.AlternateBase, theme.alternate),
        (roles.Text, theme.text),
        (roles.Button, theme.button),
        (roles.ButtonText, theme.text),
        (roles.Highlight, theme.highlight),
        (roles.HighlightedText, theme.highlighted_text),
        (roles.PlaceholderText, theme.placeholder),
        (roles.ToolTipBase, theme.base),
        (roles.ToolTipText, theme.text),
        (roles.Link, theme.accent),
        (roles.BrightText, theme.error),
    ):
        p.setColor(role, QColor(value))
    # Disabled text stays readable, only quieter.
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor(theme.placeholder))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor(theme.placeholder))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor(theme.placeholder))
    return p


def style_sheet(qss: str, theme: Theme, scale: float = 1.0) -> str:
    """The style sheet with the theme's named colours filled in (`@error` -> its colour) and
    every point size times `scale` (the font scale setting); sizes in em follow by themselves."""
    values = vars(theme)
    qss = re.sub(r"@([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), qss)
    if scale != 1.0:
        qss = re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m.group(1)) * scale:g}pt", qss)
    return qss


def body_font(base: QFont | None = None, scale: float = 1.0) -> QFont:
    """The body font: 12 pt (times the font scale), figures of equal width so amounts line up
    in columns."""
    font = QFont(base) if base is not None else QFont()
    font.setPointSizeF(BODY_PT * scale)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def current() -> Theme:
    app = QApplication.instance()
    name = app.property("counterposTheme") if app is not None else None
    return THEMES.get(str(name), CALM)


def scale_of(percent: str | int | None) -> float:
    """The font scale from the `ui.font_scale` setting (100 to 200 percent); 1.0 otherwise."""
    try:
        value = int(str(percent).strip().rstrip("%"))
    except ValueError:
        return 1.0
    return value / 100 if 100 <= value <= 200 else 1.0


def apply(app: QApplication, qss: str, name: str = "calm", scale: float = 1.0) -> Theme:
    """Give the whole application the theme `name` (unknown names fall back to calm), its
    text `scale` times the 12 pt body size."""
    theme = THEMES.get(name, CALM)
    fusion = QStyleFactory.create("Fusion")  # the same focus rings and metrics everywhere
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(palette(theme))
    app.setFont(body_font(app.font(), scale))
    app.setProperty("counterposTheme", theme.name)
    app.setProperty("counterposScale", scale)
    app.setStyleSheet(style_sheet(qss, theme, scale))
    return theme
