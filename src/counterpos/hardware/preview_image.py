"""Draws a decoded print job as a PNG strip of receipt paper (Pillow, monospace if available)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from counterpos.hardware.escpos_decode import DecodedLine

_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/TTF/DejaVuSansMono.ttf",
    "/Library/Fonts/Menlo.ttc",
    "C:/Windows/Fonts/consola.ttf",
)
_BOLD = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSansMono-Bold.ttf",
    "C:/Windows/Fonts/consolab.ttf",
)


def _font(size: int, bold: bool = False):
    for path in (_BOLD if bold else ()) + _FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def render_png(lines: list[DecodedLine], path: Path, width_chars: int, size: int = 16) -> Path:
    """Normal lines at `size`, double-size lines twice as large, centred as the printer would."""
    fonts = {
        (big, bold): _font(size * (2 if big else 1), bool(bold))
        for big in (0, 1)
        for bold in (0, 1)
    }
    margin = 16
    paper_w = int(fonts[0, 0].getlength("M" * width_chars)) + 2 * margin
    heights = [int(size * (2.7 if line.big else 1.35)) for line in lines]
    img = Image.new("L", (paper_w, sum(heights) + 2 * margin), 255)
    draw = ImageDraw.Draw(img)
    y = margin
    for line, h in zip(lines, heights, strict=True):
        font = fonts[int(line.big), int(line.bold)]
        w = font.getlength(line.text)
        if line.align == "center":
            x = (paper_w - w) / 2
        elif line.align == "right":
            x = paper_w - margin - w
        else:
            x = margin
        draw.text((x, y), line.text, font=font, fill=0)
        y += h
    img.save(path)
    return path
