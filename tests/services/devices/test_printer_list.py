"""`printer list` against a real CUPS (services/devices/printer_list.py): each queue is listed
as a cups:// value, and the value it gives prints to that queue."""

from __future__ import annotations

import sys
import time

import pytest

from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import printer_list, printing
from tests.printing_support import add_queue, lpstat, set_setting

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="CUPS queues: Linux and macOS")


def test_a_cups_with_no_queues_says_so(cups):
    found = printer_list.find_printers()
    assert not [p for p in found.found if p.kind == "CUPS queue"]
    assert "CUPS has no printer queues." in found.notes


def test_each_cups_queue_is_listed_and_the_url_given_prints_there(cups, station):
    add_queue("Receipts", f"capture:{cups / 'lp0'}")
    add_queue("Front_Desk", f"capture:{cups / 'lp1'}")
    found = printer_list.find_printers()
    queues = {p.url: p.detail for p in found.found if p.kind == "CUPS queue"}
    assert queues == {
        "cups://Front_Desk": f"capture:{cups / 'lp1'}",
        "cups://Receipts": f"capture:{cups / 'lp0'}",
    }
    assert not [n for n in found.notes if "CUPS" in n]
    # IT pastes the value in; the test page reaches that queue's printer
    set_setting(station, "printer.url", "cups://Front_Desk")
    printing.print_test_page(station)  # a fault would raise
    device = cups / "lp1"
    deadline = time.monotonic() + 20
    while lpstat("-o").strip() or not device.exists():
        assert time.monotonic() < deadline, "CUPS did not deliver the job"
        time.sleep(0.1)
    assert "Printer test" in "\n".join(decode(device.read_bytes()).text_lines())
    assert not (cups / "lp0").exists()
