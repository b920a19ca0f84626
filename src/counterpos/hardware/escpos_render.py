"""ESC/POS bytes from the receipt's styled rows, through python-escpos, in the profile's code page."""

from __future__ import annotations

import contextlib
import copy
import io
import threading
from functools import lru_cache
from pathlib import Path

from escpos.capabilities import Profile, get_profile_class
from escpos.magicencode import Encoder
from escpos.printer import Dummy

from counterpos.domain.receipt_document import Row, wrap_text
from counterpos.hardware.printer_profile import SPANISH, PrinterProfile, printable

ESC_INIT = b"\x1b@"
# Escpos.barcode() prints which renderer it chose to stdout; that line is caught, not shown.
# The lock keeps two renderings from swapping sys.stdout under each other.
_QUIET = threading.Lock()


def _codepage_name(profile: PrinterProfile) -> str:
    return profile.codepage.upper().replace("-", "")


@lru_cache(maxsize=32)
def _escpos_profile_class(base_name: str, dots: int) -> type:
    """python-escpos's capabilities profile with our paper width in dots filled in."""
    base = get_profile_class(base_name)
    data = copy.deepcopy(base.profile_data)
    data.setdefault("media", {}).setdefault("width", {})["pixels"] = dots
    # A subclass of escpos's user Profile, so python-escpos takes the instance as it is.
    return type(f"{base.__name__}{dots}", (Profile,), {"profile_data": data})


def new_printer(profile: PrinterProfile) -> Dummy:
    """A python-escpos Dummy bound to the profile's single code page (ESC t n, then encode)."""
    cp = _codepage_name(profile)
    cls = _escpos_profile_class(profile.escpos_profile, profile.dots)
    # Profile() would start with no features (no cutter!): hand it the model's own.
    data: dict = getattr(cls, "profile_data", {})  # set by _escpos_profile_class
    escpos_profile: Profile = cls(features=dict(data.get("features", {})))
    printer = Dummy(
        profile=escpos_profile,
        magic_encode_args={"encoder": Encoder({cp: profile.codepage_n}), "defaultsymbol": "?"},
    )
    printer.hw("INIT")
    # Emits ESC t n once and pins the encoding: the printer never receives UTF-8.
    printer.charcode(cp)
    return printer


def _barcode(printer: Dummy, profile: PrinterProfile, value: str) -> None:
    if profile.qr:
        printer.set(align="center")
        printer.qr(value, size=6, native=True)
        printer.textln(value)
    elif profile.barcode:
        # CODE128 subset B ("{B") holds the receipt number's letters, digits and '-'; the
        # profiles with a barcode support the printer's own (hardware) renderer.
        with _QUIET, contextlib.redirect_stdout(io.StringIO()):
            printer.barcode(
                "{B" + value, "CODE128", height=64, width=2, pos="BELOW", function_type="B"
            )
        printer.ln()
    else:
        printer.set(align="center")
        printer.textln(f"*{value}*")
    printer.set(align="left")


def _logo(printer: Dummy, profile: PrinterProfile, path: Path) -> None:
    """The logo scaled to at most 60% of the paper's width and centred (GS v 0 raster)."""
    from PIL import Image

    with Image.open(path) as opened:
        img = opened.convert("RGB")
        img.thumbnail((int(profile.dots * 0.6), 160))
        printer.image(img, center=True)


def _cut(printer: Dummy, profile: PrinterProfile) -> None:
    if profile.cut == "none":
        printer.print_and_feed(4)
    else:
        printer.cut(mode="PART" if profile.cut == "partial" else "FULL")


def render_rows(
    rows: list[Row],
    profile: PrinterProfile,
    *,
    cut: bool = True,
    kick: bytes | None = None,
    logo: Path | None = None,
) -> bytes:
    """The whole print job: init, code page, rows, barcode, cut and (optionally) a drawer kick."""
    p = new_printer(profile)
    if logo is not None and profile.images and logo.is_file():
        _logo(p, profile, logo)
    style = "text"
    for row in rows:
        kind = row.style if row.style in ("big", "bold", "center", "barcode") else "text"
        if kind != style:
            if row.style == "big":
                p.set(align="center", bold=True, double_width=True, double_height=True)
            elif row.style == "bold":
                p.set(align="left", bold=True, normal_textsize=True)
            elif row.style == "center":
                p.set(align="center", bold=False, normal_textsize=True)
            elif row.style != "barcode":
                p.set(align="left", bold=False, normal_textsize=True)
            style = kind
        if row.style == "barcode":
            p.set(align="left", bold=False, normal_textsize=True)
            _barcode(p, profile, row.text)
            style = "text"
        else:
            p.textln(printable(row.text, profile.codepage))
    if style != "text":
        p.set(align="left", bold=False, normal_textsize=True)
    if cut:
        _cut(p, profile)
    # The kick is the configured bytes as they are (drawer.kick), after everything else.
    return p.output + (kick or b"")


def printer_test_rows(profile: PrinterProfile, printer_url: str) -> list[Row]:
    width = profile.chars
    about = [
        f"Profile: {profile.name}",
        profile.label,
        f"Printer: {printer_url}",
        f"{width} characters per line, code page {profile.codepage.upper()}",
    ]
    return [
        Row("CounterPOS", "big"),
        Row("Printer test", "big"),
        Row("", "blank"),
        *(Row(t) for text in about for t in wrap_text(text, width)),
        Row("-" * width, "rule"),
        Row("1234567890" * (width // 10) + "1234567890"[: width % 10]),
        Row("Normal text: the quick brown fox"),
        Row("Double size", "big"),
        Row("Bold line", "bold"),
        Row(f"Español: {SPANISH}"),
        Row("¿Dónde está el niño? ¡Pingüino!"),
        Row("Año, información, número"),
        Row("-" * width, "rule"),
        Row("TEST-0001", "barcode"),
        *(
            Row(t, "center")
            for t in wrap_text("If the paper is cut below, the cutter works.", width)
        ),
    ]


def printer_test_page(profile: PrinterProfile, printer_url: str) -> bytes:
    return render_rows(printer_test_rows(profile, printer_url), profile)
