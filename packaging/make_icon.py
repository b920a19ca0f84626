"""Draws the application icon (resources/icons/counterpos.png and .ico) with Pillow.

The icon is made by this script rather than kept only as a binary, so it can be changed and
drawn again:  python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SIZE = 256
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    """A blue tile with a white receipt on it: three printed lines and a torn bottom edge."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=(31, 95, 139, 255))
    left, right, top, bottom = 64 * s, 192 * s, 40 * s, 206 * s
    teeth = 8
    step = (right - left) / teeth
    outline = [(left, top), (right, top), (right, bottom)]
    for i in range(teeth):
        x = right - (i + 0.5) * step
        outline += [(x, bottom - 14 * s), (right - (i + 1) * step, bottom)]
    d.polygon(outline, fill=(255, 255, 255, 255))
    for y, width in ((70, 96), (98, 72), (126, 96)):
        d.rounded_rectangle(
            (80 * s, y * s, (80 + width) * s, (y + 12) * s), radius=6 * s, fill=(120, 136, 150, 255)
        )
    d.rounded_rectangle((80 * s, 156 * s, 176 * s, 172 * s), radius=6 * s, fill=(46, 160, 67, 255))
    return img


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "counterpos.png", optimize=True)
    icon.save(OUT / "counterpos.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'counterpos.png'} and {OUT / 'counterpos.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
