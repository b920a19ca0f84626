"""GUI: the day view lists the sessions; its Z report and deposit slip PDFs are saved through the
audited services."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counterpos.services.clock import local_today
from counterpos.services.errors import StateError
from counterpos.store.models import AuditEvent
from counterpos.ui.back_office.day_view import DayViewDialog
from tests.conftest import login
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui


def events(station, action: str) -> list[AuditEvent]:
    with station.store.read() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        )


def test_day_view_lists_sessions(qtbot, station, cashier, drawer, tmp_path):
    view = DayViewDialog(station, login(station, "sofia"))
    qtbot.addWidget(view)
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text() == "open"
    view.table.selectRow(0)
    assert "session_id" in view.scope()
    assert view.write("z", tmp_path / "z.pdf").exists()


def test_saving_the_z_report_of_a_session_and_of_the_day_is_audited(
    qtbot, station, cashier, drawer, tmp_path
):
    ring(station, cashier, drawer.session_id, 1_500, cash(2_000))
    view = DayViewDialog(station, login(station, "sofia"))
    qtbot.addWidget(view)
    view.table.selectRow(0)
    saved = view.write("z", tmp_path / "session.pdf")
    assert "$15.00" in PdfReader(saved).pages[0].extract_text()
    view.table.clearSelection()
    view.write("z", tmp_path / "day.pdf")
    evs = events(station, "z_report_pdf")
    assert [(e.actor, e.target, e.details["printer"]) for e in evs] == [
        ("sofia", drawer.session_id, f"pdf:{tmp_path / 'session.pdf'}"),
        ("sofia", local_today().isoformat(), f"pdf:{tmp_path / 'day.pdf'}"),
    ]


def test_a_deposit_slip_of_an_open_session_is_refused_plainly(
    qtbot, station, cashier, drawer, tmp_path
):
    view = DayViewDialog(station, login(station, "sofia"))
    qtbot.addWidget(view)
    view.table.selectRow(0)
    with pytest.raises(StateError, match="Close the drawer session"):
        view.write("deposit", tmp_path / "deposit.pdf")
    assert not (tmp_path / "deposit.pdf").exists()
    assert events(station, "deposit_slip_pdf") == []


def test_a_z_report_the_printer_cannot_confirm_is_a_warning_not_a_tick(
    qtbot, station, cashier, drawer, loopback_printer
):
    from tests.printing_support import set_setting

    ring(station, cashier, drawer.session_id, 1_500, cash(2_000))
    view = DayViewDialog(station, login(station, "sofia"))
    qtbot.addWidget(view)
    view.show()
    view.print_report()
    qtbot.waitUntil(lambda: view.print_button.isEnabled(), timeout=10_000)
    assert view.message.text() == "Z report printed." and view.message.property("tone") == "ok"
    set_setting(station, "printer.url", f"{loopback_printer.url}?status=off")
    view.print_report()
    qtbot.waitUntil(lambda: view.print_button.isEnabled(), timeout=10_000)
    assert "not confirmed" in view.message.text() and "check that it printed" in view.message.text()
    assert view.message.property("tone") == "warn"
