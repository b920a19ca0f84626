"""The Z report on the receipt printer (services/devices/report_print.py)."""

from __future__ import annotations

import pytest

from counterpos.hardware.escpos_decode import decode
from counterpos.services.clock import local_today
from counterpos.services.devices import report_print
from counterpos.services.errors import DeviceError, PermissionDenied
from tests.conftest import audit_events
from tests.printing_support import closed_port, set_setting
from tests.sale_helpers import cash, ring


def test_the_days_z_report_prints_and_is_audited(
    station, cashier, supervisor, drawer, loopback_printer
):
    ring(station, cashier, drawer.session_id, 2_345, cash(5_000))
    outcome = report_print.print_z_report(station, supervisor, day=local_today())
    text = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    assert "Z REPORT" in text and "$23.45" in text
    assert outcome.message == "Z report printed." and outcome.confirmed
    [event] = audit_events(station, "z_report_print")
    assert (event.actor, event.target) == ("sofia", str(local_today()))


def test_a_printer_that_reports_no_status_is_sent_to_not_confirmed(
    station, cashier, supervisor, drawer, unconfirmed_printer
):
    ring(station, cashier, drawer.session_id, 2_345, cash(5_000))
    outcome = report_print.print_z_report(station, supervisor, day=local_today())
    assert not outcome.confirmed
    assert outcome.message.startswith(f"Z report {unconfirmed_printer}")
    assert len(audit_events(station, "z_report_print")) == 1  # sent: recorded as before


def test_a_cashier_may_not_print_it(station, cashier, drawer):
    with pytest.raises(PermissionDenied):
        report_print.print_z_report(station, cashier, day=local_today())


def test_a_printer_fault_says_to_save_the_pdf(station, supervisor, drawer):
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{closed_port()}")
    set_setting(station, "printer.timeout", "1")
    with pytest.raises(DeviceError, match="did not print: .*Save it as a PDF"):
        report_print.print_z_report(station, supervisor, session_id=drawer.session_id)
    assert audit_events(station, "z_report_print") == []
