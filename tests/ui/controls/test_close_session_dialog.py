"""GUI: a cashier closes a session $7 short; the supervisor override is demanded and recorded."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.documents import deposit_slip as deposit_pdf
from counterpos.documents import z_report as z_pdf
from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.drawer import eod
from counterpos.store.models import AuditEvent, DrawerClose
from counterpos.ui.controls.close_session_dialog import CloseSessionDialog
from tests.sale_helpers import card, cash, check, ring

pytestmark = pytest.mark.gui


def test_cashier_closes_seven_dollars_short(qtbot, station, cashier, drawer, tmp_path):
    sid = drawer.session_id
    ring(station, cashier, sid, 2_000, cash(5_000))  # cash +20.00 -> expected 120.00
    ring(station, cashier, sid, 3_000, check(3_000, "2211", "Lee Park"))
    ring(station, cashier, sid, 1_500, card(1_500))
    dlg = CloseSessionDialog(station, cashier, sid)
    qtbot.addWidget(dlg)
    dlg.show()
    # Blind count: nothing on screen says what to expect.
    assert "120" not in dlg.counted_label.text()
    dlg.spins["bill_100"].setValue(1)
    dlg.spins["bill_10"].setValue(1)
    dlg.spins["bill_1"].setValue(3)  # 113.00
    assert "$113.00" in dlg.counted_label.text()
    qtbot.mouseClick(dlg.next, Qt.MouseButton.LeftButton)
    assert dlg.checks.count() == 1
    dlg.checks.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dlg.next, Qt.MouseButton.LeftButton)
    dlg.card_total.setText("15.00")
    qtbot.mouseClick(dlg.next, Qt.MouseButton.LeftButton)
    summary = dlg.summary.toPlainText()
    assert "Expected cash: $120.00" in summary and "short $7.00" in summary
    assert "supervisor" in summary
    # Closing without a note is refused plainly, nothing lost.
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert "note" in dlg.error.text().lower() and dlg.override_dialog is None
    dlg.note.setText("Counted twice with the supervisor")
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    over = dlg.override_dialog
    assert over is not None and over.isVisible()  # the override is demanded
    # A wrong PIN is refused inside the dialog.
    over.username.setText("sofia")
    over.pin.setText("0000")
    over.try_approve()
    assert "PIN" in over.error.text() and over.isVisible()
    over.pin.setText("333333")
    with qtbot.waitSignal(dlg.closed, timeout=5_000) as sig:
        over.try_approve()
    result = sig.args[0]
    assert result.over_short == Money(-700) and result.approver == "sofia"
    assert sessions.current_session(station, cashier) is None
    with station.store.read() as s:
        row = s.scalar(select(DrawerClose).where(DrawerClose.session_id == sid))
        assert row.over_short_cents == -700 and row.approver_id is not None
        ev = s.scalar(select(AuditEvent).where(AuditEvent.action == "over_short_accepted"))
        assert (ev.actor, ev.approver) == ("maria", "sofia")
        assert ev.details["note"] == "Counted twice with the supervisor"
    # The end-of-day PDFs carry the figures.
    z = z_pdf.write_pdf(eod.z_report(station, cashier, session_id=sid), tmp_path / "z.pdf")
    d = deposit_pdf.write_pdf(
        eod.deposit_slip(station, cashier, session_id=sid), tmp_path / "d.pdf"
    )
    ztext = PdfReader(z).pages[0].extract_text()
    assert "$120.00" in ztext and "$113.00" in ztext and "short $7.00" in ztext and "Sofia" in ztext
    dtext = PdfReader(d).pages[0].extract_text()
    assert "2211" in dtext and "Lee Park" in dtext and "$30.00" in dtext
    assert "$13.00" in dtext and "$100.00" in dtext  # deposited cash; float kept back


def test_the_close_says_a_card_payment_is_not_on_a_sale_and_refuses(
    qtbot, station, cashier, drawer, card_simulator
):
    from counterpos.services.card.requests import charge
    from counterpos.services.card.settings import terminal_for
    from counterpos.services.config import set_value
    from tests.services.card.card_support import utility_cart

    set_value(station, "card.terminal", card_simulator.url, None)
    sid = drawer.session_id
    charge(
        station, cashier, sid, utility_cart(station), Money(5000), terminal=terminal_for(station)
    )
    dlg = CloseSessionDialog(station, cashier, sid)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "not on a saved sale" in dlg.sync_warning.text()
    assert "cannot close" in dlg.sync_warning.text()
    for _ in range(3):
        qtbot.mouseClick(dlg.next, Qt.MouseButton.LeftButton)
    assert "cannot close" in dlg.error.text()  # refused plainly, nothing counted
    with station.store.read() as s:
        assert s.scalars(select(DrawerClose)).all() == []
