"""The PDFs' font: DejaVu Sans, a Unicode TrueType font shipped in resources/fonts/ (its
licence beside it), embedded in every PDF so any name prints ("Nguyễn Thị Ánh", "Łucja").

The receipt printer does not use it: it prints in its code page and transliterates (Nguyen).
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counterpos.resources_path import data_path

FONT, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"  # the VOID slip: the receipt's own fixed-width layout
_FILES = {
    FONT: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}


@cache
def register() -> None:
    """Register the four faces with reportlab once per process (subset-embedded per PDF)."""
    folder = data_path("resources") / "fonts"
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC)
