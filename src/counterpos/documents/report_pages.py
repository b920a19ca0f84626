"""A small page writer on the reportlab canvas for tabular reports (fast, paginates itself)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from counterpos.documents.fonts import BOLD, FONT, register

MARGIN = 0.6 * inch
LINE = 13


class PageWriter:
    """Writes rows of columns top to bottom; a new page (with the running title) when full."""

    def __init__(self, path: Path | str, title: str, subtitle: str = "") -> None:
        register()
        self.canvas = Canvas(str(path), pagesize=letter, invariant=1, initialFontName=FONT)  # type: ignore[arg-type]  # the stubs say float
        self.canvas.setTitle(title)
        self.width, self.height = letter
        self.title = title
        self.subtitle = subtitle
        self.page = 0
        self._new_page()

    def _new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        c = self.canvas
        self.y = self.height - MARGIN
        c.setFont(BOLD, 14)
        c.drawString(MARGIN, self.y, self.title)
        c.setFont(FONT, 8)
        c.drawRightString(self.width - MARGIN, self.y, f"Page {self.page}")
        self.y -= LINE + 2
        if self.subtitle:
            c.setFont(FONT, 9)
            c.drawString(MARGIN, self.y, self.subtitle)
            self.y -= LINE
        c.setLineWidth(0.5)
        c.line(MARGIN, self.y + 4, self.width - MARGIN, self.y + 4)
        self.y -= 6

    def _room(self, lines: int = 1) -> None:
        if self.y - lines * LINE < MARGIN:
            self._new_page()

    def heading(self, text: str) -> None:
        self._room(3)
        self.y -= 4
        self.canvas.setFont(BOLD, 11)
        self.canvas.drawString(MARGIN, self.y, text)
        self.y -= LINE

    def text(self, text: str, *, bold: bool = False, size: int = 9) -> None:
        self._room()
        self.canvas.setFont(BOLD if bold else FONT, size)
        self.canvas.drawString(MARGIN, self.y, text)
        self.y -= LINE

    def row(
        self,
        cells: list[str],
        widths: list[float],
        *,
        right: set[int] | None = None,
        bold: bool = False,
        rule: bool = False,
    ) -> None:
        """Cells in columns of the given widths (fractions of the text width)."""
        self._room()
        c = self.canvas
        c.setFont(BOLD if bold else FONT, 9)
        usable = self.width - 2 * MARGIN
        x = MARGIN
        right = right or set()
        for i, (cell, w) in enumerate(zip(cells, widths, strict=False)):
            span = w * usable
            cell = cell or ""
            limit = int(span / 4.6)
            if len(cell) > limit:
                cell = cell[: max(limit - 1, 1)] + "…"
            if i in right:
                c.drawRightString(x + span - 4, self.y, cell)
            else:
                c.drawString(x, self.y, cell)
            x += span
        if rule:
            c.setLineWidth(0.3)
            c.line(MARGIN, self.y - 3, self.width - MARGIN, self.y - 3)
        self.y -= LINE

    def gap(self, points: float = 6) -> None:
        self.y -= points

    def save(self) -> None:
        self.canvas.save()
