"""Printer profile names reach the command line through services/devices/printing.py."""

from __future__ import annotations

from counterpos.services.devices import printing


def test_printer_profiles_lists_every_profile_sorted_by_name():
    profiles = printing.printer_profiles()
    names = [p.name for p in profiles]
    assert names == sorted(names)
    assert {"generic-58mm", "generic-80mm", "epson-tm-t88", "star-tsp100-escpos"} <= set(names)
    by_name = {p.name: p for p in profiles}
    assert by_name["generic-80mm"].chars == 48 and by_name["generic-58mm"].chars < 48
