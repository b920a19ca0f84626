"""Printer profiles (hardware/printer_profile.py): the ones that ship, and what a code page can print."""

from __future__ import annotations

import pytest

from counterpos.hardware.printer_profile import (
    SPANISH,
    ProfileError,
    load_profile,
    printable,
    profile_names,
)
from tests.printing_support import REQUIRED_PROFILES


def test_every_required_profile_ships():
    assert set(REQUIRED_PROFILES) <= set(profile_names())


def test_unknown_profile_names_the_choices():
    with pytest.raises(ProfileError, match="generic-80mm"):
        load_profile("tm-x999")
    with pytest.raises(ProfileError):
        load_profile("../db/seed/catalog")


def test_printable_keeps_spanish_and_replaces_what_the_page_lacks():
    assert printable(SPANISH, "cp850") == SPANISH
    assert printable("Pe\u0301rez 1–2 “ok” Łódź", "cp858") == 'Pérez 1-2 "ok" Lódz'
    assert printable("5 €", "cp858") == "5 €" and printable("5 €", "cp850") == "5 EUR"
