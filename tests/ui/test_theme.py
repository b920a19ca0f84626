"""One palette and type scale: the style sheet names no colour and no pixel font size, body text
is at least 16 px at 96 DPI, and the high-contrast theme swaps the palette."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFontInfo, QPalette
from PySide6.QtWidgets import QLabel

from counterpos.resources_path import data_path
from counterpos.ui import theme
from counterpos.ui.app import load_style

pytestmark = pytest.mark.gui


def qss() -> str:
    return (data_path("resources") / "styles" / "till.qss").read_text(encoding="utf-8")


def test_the_style_sheet_uses_palette_roles_and_points_only():
    sheet = re.sub(r"/\*.*?\*/", "", qss(), flags=re.S)
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b", sheet), "a hex colour in the style sheet"
    assert not re.search(r"font-size:\s*\d+px", sheet), "a font size in pixels"
    assert "palette(highlight)" in sheet and "@focus" in sheet
    names = set(re.findall(r"@([a-z_]+)", sheet))
    assert names <= set(vars(theme.CALM)), names - set(vars(theme.CALM))


def test_body_text_is_at_least_16_px_and_amounts_use_tabular_figures(qapp):
    load_style(qapp)
    label = QLabel("$1,234.50")
    label.ensurePolished()
    assert QFontInfo(label.font()).pixelSize() >= 16
    assert qapp.font().featureValue(qapp.font().Tag("tnum")) == 1


def test_the_high_contrast_theme_applies_to_every_role(qapp):
    try:
        load_style(qapp, "high_contrast")
        assert theme.current() is theme.HIGH_CONTRAST
        palette = qapp.palette()
        assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
        assert palette.color(QPalette.ColorRole.Text).name() == "#ffffff"
        assert "#00ffff" in qapp.styleSheet()  # its focus ring colour filled in
    finally:
        load_style(qapp)
    assert theme.current() is theme.CALM
