"""The tender dialog's pages own their widgets: the form says what was typed, shows what it is given."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counterpos.domain.money import Money
from counterpos.domain.tenders import CARD, CASH, CHECK, MONEY_ORDER, Tender
from counterpos.ui.tender.pages import DonePage, PaymentPage, quick_cash

pytestmark = pytest.mark.gui
K = Qt.Key


def shown(qtbot, widget) -> None:
    """On screen and the active window, so that focus can be asked about."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


@pytest.fixture
def page(qtbot) -> PaymentPage:
    widget = PaymentPage(Money(4500))
    qtbot.addWidget(widget)
    shown(qtbot, widget)
    widget.heard: list[str] = []
    widget.kind_changed.connect(lambda: widget.heard.append("kind"))
    widget.amount_changed.connect(lambda: widget.heard.append("amount"))
    widget.take_clicked.connect(lambda: widget.heard.append("take"))
    widget.back_clicked.connect(lambda: widget.heard.append("back"))
    return widget


def test_the_form_reads_what_the_cashier_typed(qtbot, page):
    assert page.total_label.text() == "$45.00" and page.current_kind() == CASH
    page.choose_kind(CHECK)
    assert page.current_kind() == CHECK and page.heard == ["kind"]
    qtbot.keyClicks(page.amount.editor, "45")
    qtbot.keyClicks(page.number.editor, " 2201 ")
    qtbot.keyClicks(page.payer.editor, "R. Diaz")
    assert page.amount_text() == "45" and page.reference() == "2201"
    assert page.payer_name() == "R. Diaz"
    assert page.heard == ["kind", "amount", "amount"]


def test_the_buttons_say_they_were_clicked(qtbot, page):
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.heard == ["take", "back"]


def test_a_check_or_money_order_needs_its_number_and_cash_clears_it(page):
    page.show_kind(MONEY_ORDER)
    assert page.number.isVisible() and page.number_label.text() == "Money order number *"
    assert page.payer_label.text() == "Payer"  # not required: not starred, not "optional"
    page.number.editor.setText("MO-7781")
    page.show_kind(CHECK)
    assert page.number_label.text() == "Check number *" and page.payer_label.text() == "Payer *"
    assert page.reference() == "MO-7781"
    page.show_kind(CARD)
    assert not page.number.isVisible() and not page.payer.isVisible()
    assert page.reference() == ""


def test_quick_cash_offers_the_exact_amount_and_the_next_round_bills(page):
    heard: list = []
    page.quick.connect(heard.append)
    page.show_kind(CASH)
    page.show_due(Money(4_237), Money(0), False)
    assert [m.cents for m in page.quick_amounts()] == [4_237, 4_500, 5_000, 6_000, 10_000]
    shown = [b for b in page.quick_buttons if b.isVisible()]
    assert [b.text() for b in shown][:2] == ["$42.37  Alt+1", "$45.00  Alt+2"]
    shown[3].click()
    assert heard == [Money(6_000)]
    page.show_kind(CHECK)
    assert not any(b.isVisible() for b in page.quick_buttons)


def test_quick_cash_amounts():
    assert [m.cents for m in quick_cash(Money(4_500))] == [4_500, 5_000, 6_000, 10_000]
    assert [m.cents for m in quick_cash(Money(1))] == [1, 500, 1_000, 2_000, 5_000, 10_000]
    assert [m.cents for m in quick_cash(Money(12_000))] == [
        12_000,
        12_500,
        13_000,
        14_000,
        15_000,
        20_000,
    ]
    # Above $100 the $50 and $100 keys are the next $50 and $100, not a bill too small.
    assert [m.cents for m in quick_cash(Money(11_700))] == [11_700, 12_000, 15_000, 20_000]
    assert quick_cash(Money(0)) == []


def test_what_is_due_is_offered_and_a_card_fee_shows_once_a_card_paid(page):
    page.show_due(Money(2500), Money(0), has_cards=False)
    assert page.remaining_label.text() == "$25.00" and page.amount_text() == "25.00"
    assert page.amount.editor.selectedText() == "25.00"
    assert not page.card_fee.isVisible()
    page.show_due(Money(0), Money(300), has_cards=True)
    assert page.card_fee.isVisible() and page.card_fee.text() == "$3.00"


def test_the_parts_table_lists_each_part_and_hides_when_empty(page):
    page.show_parts([], [])
    assert not page.parts_table.isVisible()
    page.show_parts(
        [Tender(MONEY_ORDER, Money(2000), reference="MO-7781"), Tender(CASH, Money(500))], []
    )
    assert page.parts_table.isVisible() and page.parts_table.rowCount() == 2
    cells = [page.parts_table.item(0, c).text() for c in range(3)]
    assert cells == ["Money order", "MO-7781", "$20.00"]


def test_an_error_goes_by_its_field_and_clears(page):
    field = page.field_for("Enter the check number.")
    assert field is page.number
    page.show_error("Enter the check number.", field)
    assert "check number" in page.number.error_text() and page.number.editor.hasFocus()
    page.show_error("The terminal is offline.", None)
    assert page.message.text() == "The terminal is offline."
    page.clear_errors()
    assert page.number.error_text() == "" and page.message.text() == ""
    assert page.field_for("Too much.") is page.amount


def test_the_done_page_shows_the_sale_and_goes_on_by_enter(qtbot):
    done = DonePage()
    qtbot.addWidget(done)
    shown(qtbot, done)
    went: list[bool] = []
    done.next_clicked.connect(lambda: went.append(True))
    done.show_sale("T1-000042", Money(250), ["CITY OF MISSION VISTA", "Change   $2.50"])
    assert done.receipt_no.text() == "Receipt T1-000042" and done.change_due.text() == "$2.50"
    assert "Change   $2.50" in done.preview.toPlainText()
    assert not done.print_button.isVisible()  # nothing issued with this sale
    done.focus_next()
    assert done.next_button.hasFocus()
    qtbot.keyClick(done.next_button, K.Key_Space)
    assert went == [True]


def test_on_spanish_screens_the_tenders_are_named_in_spanish(qtbot):
    """Signed in in Spanish, the tender chooser read "Card (F10)" and the parts table "Cash":
    the names were English strings the translation tool never saw."""
    from counterpos.ui import i18n

    i18n.install(None, "es")
    widget = PaymentPage(Money(4500))
    qtbot.addWidget(widget)
    names = [widget.kind.itemText(n) for n in range(widget.kind.count())]
    assert names == ["Efectivo (F7)", "Cheque (F8)", "Giro postal (F9)", "Tarjeta (F10)"]
    widget.show_parts([Tender(CASH, Money(500))], [])
    assert widget.parts_table.item(0, 0).text() == "Efectivo"
