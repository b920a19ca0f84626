"""Printer profiles: the data files in printers/ (width, code page, cut, images)."""

from __future__ import annotations

import codecs
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from counterpos.resources_path import data_path

SPANISH = "áéíóúñüÁÉÍÓÚÑÜ¿¡"
# Stand-ins for typographic characters a code page may lack.
_FALLBACK = {
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "•": "*",
    "\u00a0": " ",
    "€": "EUR",
    "™": "TM",
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
}


def printable(text: str, codec: str) -> str:
    """Text the code page can hold: NFC-composed accents, and for a missing character a
    stand-in (– as -, ő as o) rather than a '?'."""
    text = unicodedata.normalize("NFC", text)
    try:
        text.encode(codec)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode(codec)
            out.append(ch)
        except UnicodeEncodeError:
            sub = _FALLBACK.get(ch)
            if sub is None:
                sub = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?"
            out.append(sub)
    return "".join(out)


class ProfileError(ValueError):
    """A printer profile that does not exist or cannot print Spanish; message for the admin."""


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    name: str
    label: str
    paper_mm: int
    chars: int  # characters per line, font A
    dots: int  # printable width in dots
    codepage: str  # Python codec name of the character table the printer is switched to
    codepage_n: int  # the n of ESC t n that selects that table on this printer
    cut: str  # "full", "partial" or "none"
    images: bool
    barcode: bool
    qr: bool
    status: bool  # answers DLE EOT status queries
    escpos_profile: str

    def encode(self, text: str) -> bytes:
        """Text in the printer's code page; a character it lacks becomes '?', never UTF-8."""
        return printable(text, self.codepage).encode(self.codepage, errors="replace")


def _check(profile: PrinterProfile) -> PrinterProfile:
    try:
        codecs.lookup(profile.codepage)
        SPANISH.encode(profile.codepage)
    except (LookupError, UnicodeEncodeError) as exc:
        raise ProfileError(
            f"Printer profile {profile.name}: code page {profile.codepage} cannot print Spanish."
        ) from exc
    if profile.cut not in ("full", "partial", "none"):
        raise ProfileError(f"Printer profile {profile.name}: cut must be full, partial or none.")
    if not 0 <= profile.codepage_n <= 255 or profile.chars < 16:
        raise ProfileError(f"Printer profile {profile.name}: codepage_n or chars is out of range.")
    return profile


@lru_cache(maxsize=32)
def load_profile(name: str) -> PrinterProfile:
    """The profile named `name` (a file printers/<name>.json)."""
    name = (name or "generic-80mm").strip()
    path = data_path("printers") / f"{name}.json"
    if "/" in name or "\\" in name or not path.is_file():
        raise ProfileError(
            f"There is no printer profile {name!r}; choose one of: {', '.join(profile_names())}."
        )
    raw = json.loads(path.read_text(encoding="utf-8"))
    try:
        return _check(
            PrinterProfile(
                name=name,
                label=str(raw["label"]),
                paper_mm=int(raw["paper_mm"]),
                chars=int(raw["chars"]),
                dots=int(raw["dots"]),
                codepage=str(raw["codepage"]),
                codepage_n=int(raw["codepage_n"]),
                cut=str(raw.get("cut", "partial")),
                images=bool(raw.get("images", False)),
                barcode=bool(raw.get("barcode", True)),
                qr=bool(raw.get("qr", False)),
                status=bool(raw.get("status", True)),
                escpos_profile=str(raw.get("escpos_profile", "default")),
            )
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ProfileError):
            raise
        raise ProfileError(f"Printer profile {name} is incomplete: {exc}") from exc


def profile_names() -> list[str]:
    return sorted(p.stem for p in data_path("printers").glob("*.json"))
