"""GUI: the void dialog demands a supervisor's override, then saves its VOID slip PDF through the
audited service."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.services.access import overrides
from counterpos.services.sale import voids
from counterpos.store.models import AuditEvent
from counterpos.ui.controls.void_dialog import VoidDialog
from tests.conftest import PINS
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui


def test_void_dialog_demands_an_override(qtbot, station, cashier, drawer, tmp_path):
    sale = ring(station, cashier, drawer.session_id, 1_234, cash(2_000))
    dlg = VoidDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    assert sale.receipt_no in dlg.text.toPlainText()
    qtbot.mouseClick(dlg.void_button, Qt.MouseButton.LeftButton)
    assert "reason" in dlg.fields["reason"].error_text().lower() and dlg.override_dialog is None
    dlg.reason.setText("Customer changed mind")
    qtbot.mouseClick(dlg.void_button, Qt.MouseButton.LeftButton)
    over = dlg.override_dialog
    assert over is not None
    over.username.setText("sofia")
    over.pin.setText("333333")
    with qtbot.waitSignal(dlg.voided, timeout=5_000):
        over.try_approve()
    assert "VOID" in dlg.text.toPlainText() and "$12.34" in dlg.said()
    assert voids.is_voided(station, sale.receipt_no)
    assert dlg.save_slip_pdf(tmp_path / "void.pdf").exists()


def test_the_void_slip_pdf_is_saved_and_audited(qtbot, station, cashier, drawer, tmp_path):
    sale = ring(station, cashier, drawer.session_id, 1_234, cash(2_000))
    dlg = VoidDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    assert dlg.save_slip_pdf(tmp_path / "early.pdf") is None  # nothing voided yet
    dlg.reason.setText("Customer changed mind")
    with qtbot.waitSignal(dlg.voided, timeout=5_000):
        dlg.try_void(overrides.approve(station, cashier, "sofia", PINS["sofia"], "void"))
    path = dlg.save_slip_pdf(tmp_path / "void.pdf")
    text = PdfReader(path).pages[0].extract_text()
    assert "VOID" in text and sale.receipt_no in text and "Customer changed mind" in text
    with station.store.read() as s:
        [ev] = s.scalars(select(AuditEvent).where(AuditEvent.action == "void_slip_pdf"))
    assert (ev.actor, ev.target, ev.details["copy"]) == ("maria", sale.receipt_no, 1)
    assert not (tmp_path / "early.pdf").exists()
