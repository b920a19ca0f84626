"""The customer display follows the till live: lines and total, due/tendered/change while paying,
a card's charge and fee before the card is run, a thank-you; the lock leaves nothing on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services import config
from counterpos.ui.till.customer_display import CustomerDisplay
from tests.ui.conftest import open_till

pytestmark = pytest.mark.gui
K = Qt.Key


def shown(display: CustomerDisplay) -> str:
    cells = [
        display.lines.item(r, c).text()
        for r in range(display.lines.rowCount())
        for c in range(display.lines.columnCount())
    ]
    return "\n".join([display.heading.text(), *cells, display.total.text(), display.payment.text()])


def test_the_display_follows_a_sale_from_lines_to_thanks(qtbot, drive, till):
    till.display_action.trigger()  # the Sale menu's "Customer display"
    display = till.customer_display
    assert display is not None and display.isVisible()
    assert "Welcome" in display.heading.text()
    drive.add_misc(till, "Copies of minutes", "12.50")
    assert "Copies" in shown(display) or "Miscellaneous" in shown(display)
    assert "$12.50" in display.lines.item(0, 1).text()
    assert display.total.text() == "Total $12.50"

    drive.key(till, K.Key_F5)
    pay = till.dialog
    assert "Due $12.50" in display.payment.text()
    pay.payment_page.amount.editor.selectAll()
    drive.type(pay.payment_page.amount.editor, "20")
    assert "Tendered $20.00" in display.payment.text()
    assert "Change $7.50" in display.payment.text()
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None
    assert display.heading.text() == "Thank you!"
    assert "Your change $7.50" in display.payment.text()
    drive.key(pay, K.Key_Return)  # next customer: the thank-you stays until a line is rung
    qtbot.waitUntil(lambda: till.dialog is None)
    assert display.heading.text() == "Thank you!"
    drive.add_misc(till, "Notary", "5.00")
    assert display.total.text() == "Total $5.00"


def test_a_card_shows_its_charge_and_fee_before_it_is_run(qtbot, drive, till):
    till.display_action.trigger()
    display = till.customer_display
    drive.add_misc(till, "Copies", "40.00")
    drive.key(till, K.Key_F10)  # pay by card: the amount offers what is due
    qtbot.waitUntil(lambda: till.dialog is not None)
    preview = till.dialog.payment_page
    assert "Card $" in display.payment.text(), (display.payment.text(), preview)
    assert "card fee" in display.payment.text()
    drive.key(till.dialog, K.Key_Escape)  # back to the sale: the lines and total again
    qtbot.waitUntil(lambda: till.dialog is None)
    assert display.payment.text() == "" and display.total.text() == "Total $40.00"


def test_the_lock_leaves_nothing_on_the_display(qtbot, drive, till):
    till.display_action.trigger()
    display = till.customer_display
    drive.add_misc(till, "Copies", "3.00")
    till.lock_now()
    assert "closed" in display.heading.text()
    assert display.lines.rowCount() == 0 and display.total.text() == ""
    drive.type(till.idle_lock.screen.pin, "1111")
    drive.press(till.idle_lock.screen.pin, K.Key_Return)
    qtbot.waitUntil(lambda: till.idle_lock.screen is None)
    assert display.total.text() == "Total $3.00"


def test_the_setting_opens_it_at_sign_in_and_log_out_closes_it(
    qtbot, drive, counter, station, supervisor
):
    config.set_value(station, "ui.customer_display", "on", supervisor)
    till = open_till(qtbot, drive, counter)
    display = till.customer_display
    assert display is not None and display.isVisible()
    assert till.display_action.isChecked()
    drive.key(till, K.Key_F12)
    qtbot.waitUntil(lambda: not display.isVisible())
    assert till.customer_display is None


def test_it_speaks_the_customer_s_language_not_the_cashier_s(qtbot, drive, till, station):
    from sqlalchemy import select

    from counterpos.services.sale import catalog
    from counterpos.store.models import Customer

    with station.store.read() as s:
        customer_id = s.scalars(select(Customer.id).order_by(Customer.customer_no)).first()
    till.display_action.trigger()
    display = till.customer_display
    till.state.choose_customer(customer_id)
    assert display.heading.text().startswith("Welcome to")
    till.set_customer_language(customer_id, "es")  # "Receipts in: Español" on the panel
    assert display.heading.text().startswith("Bienvenido a")
    till.state.add_lines([catalog.price_line(station, "passport_photo", quantity=2)])
    assert display.heading.text() == "Sus artículos"
    assert display.lines.item(0, 0).text() == "2 × Foto de pasaporte (por juego)"
    assert display.total.text() == "Total $30.00"
    drive.key(till, K.Key_F5)
    pay = till.dialog
    assert "A pagar $30.00" in display.payment.text()
    pay.payment_page.amount.editor.selectAll()
    drive.type(pay.payment_page.amount.editor, "40")
    assert "Entregado $40.00" in display.payment.text()
    assert "Cambio $10.00" in display.payment.text()
    assert till.windowTitle() and "Due" not in display.payment.text()  # the cashier's stays
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert display.heading.text() == "¡Gracias!"
    assert display.payment.text() == "Su cambio $10.00"


def test_both_languages_when_the_city_prints_both(qtbot, drive, counter, station, supervisor):
    from sqlalchemy import select

    from counterpos.store.models import Customer

    config.set_value(station, "receipt.language", "both", supervisor)
    till = open_till(qtbot, drive, counter)
    with station.store.read() as s:
        customer_id = s.scalars(select(Customer.id).order_by(Customer.customer_no)).first()
    till.display_action.trigger()
    till.state.choose_customer(customer_id)
    display = till.customer_display
    assert "Welcome to" in display.heading.text() and "Bienvenido a" in display.heading.text()
    drive.add_misc(till, "Copies", "3.00")
    assert display.heading.text() == "Your items / Sus artículos"
    assert display.total.text() == "Total $3.00"  # the same word, said once


def test_the_display_never_takes_the_keyboard_from_the_till(qtbot, till):
    till.display_action.trigger()
    display = till.customer_display
    assert display is not None
    assert display.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert display.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert not display.isActiveWindow()
