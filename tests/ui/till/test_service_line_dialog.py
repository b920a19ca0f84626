"""Bad input in a service form is explained next to its field, and nothing reaches the cart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.money import Money
from counterpos.services.sale import catalog, customers
from counterpos.ui.till.service_line_dialog import ServiceLineDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def open_form(qtbot, styled, station):
    """Shows the form of the service with this code, for a customer's account if one is given."""

    def open_form(code: str, panel=None, account=None) -> ServiceLineDialog:
        service = next(s for s in catalog.list_services(station) if s.code == code)
        dialog = ServiceLineDialog(station, service, panel, account)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_form


@pytest.fixture
def utility_form(open_form, station, owing):
    panel = customers.panel(station, owing["id"])
    return open_form("utility_payment", panel, panel.accounts[0])


@pytest.mark.parametrize(
    "typed, says",
    [
        ("12abc", "is not an amount"),
        ("10.005", "at most two decimals"),
        ("-5.00", "cannot be negative"),
        ("2000000", "more than $1,000,000.00"),
        ("", "Enter an amount"),
    ],
)
def test_a_bad_amount_is_shown_by_the_amount_field(qtbot, drive, utility_form, typed, says):
    amount = utility_form.fields["amount"].editor
    amount.clear()
    drive.type(amount, typed)
    drive.press(amount, Qt.Key.Key_Return)
    assert utility_form.line is None and utility_form.isVisible()
    message = utility_form.field_error("amount")
    assert message and says in message
    assert amount.hasFocus()
    # The other fields carry no error; the form is still there to fix.
    assert utility_form.field_error("account_no") == ""


def test_the_amount_follows_the_chosen_account_until_the_cashier_types_one(
    qtbot, drive, utility_form, owing
):
    assert utility_form.value("amount") == f"{owing['due'] // 100}.{owing['due'] % 100:02d}"
    assert "balance due" in utility_form.account_hint.text()
    amount = utility_form.fields["amount"].editor
    amount.clear()
    drive.type(amount, "5")
    utility_form.fields["account_no"].editor.setCurrentText(owing["account_no"])
    assert utility_form.value("amount") == "5"


def test_a_prefilled_amount_is_selected_and_stays_when_the_account_changes(
    qtbot, drive, utility_form, owing
):
    utility_form.prefill_amount(Money(4_321))
    amount = utility_form.fields["amount"].editor
    assert utility_form.value("amount") == "43.21" and amount.selectedText() == "43.21"
    box = utility_form.fields["account_no"].editor
    box.setCurrentText("")  # no account, then the account again: its balance is not put back
    box.setCurrentText(owing["account_no"])
    assert utility_form.value("amount") == "43.21"


def test_an_unknown_account_is_shown_by_the_account_field(qtbot, drive, utility_form):
    box = utility_form.fields["account_no"].editor
    box.setCurrentText("99999999")
    drive.press(utility_form.fields["amount"].editor, Qt.Key.Key_Return)
    assert utility_form.line is None
    assert "99999999" in utility_form.field_error("account_no")


def test_a_yard_sale_needs_an_address_and_a_real_date(qtbot, drive, open_form):
    dialog = open_form("yard_sale_permit")
    drive.press(dialog.fields["start_date"].editor, Qt.Key.Key_Return)
    assert "Sale address is required" in dialog.field_error("address")
    drive.type(dialog.fields["address"].editor, "9 Oak Ct")
    dialog.fields["start_date"].editor.clear()
    drive.type(dialog.fields["start_date"].editor, "13/45/2026")
    drive.press(dialog.fields["start_date"].editor, Qt.Key.Key_Return)
    assert dialog.field_error("address") == ""
    assert "not a date" in dialog.field_error("start_date")
    assert dialog.line is None
    dialog.fields["start_date"].editor.clear()
    drive.type(dialog.fields["start_date"].editor, "12/05/2026")
    drive.press(dialog.fields["start_date"].editor, Qt.Key.Key_Return)
    assert dialog.line is not None and dialog.line.details["start_date"] == "2026-12-05"


def test_esc_backs_out_without_a_line(qtbot, drive, utility_form):
    drive.press(utility_form.fields["amount"].editor, Qt.Key.Key_Escape)
    assert not utility_form.isVisible() and utility_form.line is None


def test_quantity_multiplies_a_per_set_fee(qtbot, drive, open_form):
    # Passport execution now counts its applicants in its own dialog; photos still take a count.
    dialog = open_form("passport_photo")
    dialog.fields["quantity"].editor.setValue(2)
    drive.press(dialog.fields["quantity"].editor, Qt.Key.Key_Return)
    assert dialog.line.quantity == 2 and dialog.line.amount.format() == "$30.00"


def test_a_bad_money_field_is_marked_and_a_good_one_prices_the_bracket(qtbot, drive, open_form):
    dialog = open_form("business_license_new")
    drive.type(dialog.fields["business_name"].editor, "Vista Tacos")
    # A new license now needs the owner, the address and the clerk's review ticked.
    drive.type(dialog.fields["owner_name"].editor, "Rosa Vista")
    drive.type(dialog.fields["business_address"].editor, "12 Main St")
    for key in ("zoning_ok", "id_seen", "seller_permit", "health_permit"):
        dialog.checks("review")[key].setChecked(True)
    drive.type(dialog.fields["gross_receipts_cents"].editor, "lots")
    drive.press(dialog.fields["gross_receipts_cents"].editor, Qt.Key.Key_Return)
    assert "Gross receipts" in dialog.field_error("gross_receipts_cents")
    assert dialog.line is None
    dialog.fields["gross_receipts_cents"].editor.clear()
    drive.type(dialog.fields["gross_receipts_cents"].editor, "120,000")
    drive.press(dialog.fields["gross_receipts_cents"].editor, Qt.Key.Key_Return)
    assert dialog.line.amount.format() == "$125.00"  # $50 base + $75 for $50k–250k
    # The disability-access fee rides along as its own line.
    assert [ln.service_code for ln in dialog.lines][1:] == [
        "disability_access_city",
        "disability_access_state",
    ]


def test_a_miscellaneous_receipt_takes_its_gl_account_from_the_list(
    qtbot, drive, open_form, station
):
    dialog = open_form("misc_receipt")
    box = dialog.fields["gl_account"].editor
    assert box.count() == len(catalog.misc_gl_accounts(station)) > 0
    box.setCurrentIndex(box.count() - 1)
    drive.type(dialog.fields["memo"].editor, "Copies")
    drive.press(dialog.fields["memo"].editor, Qt.Key.Key_Return)
    assert "Enter an amount" in dialog.field_error("amount")
    drive.type(dialog.fields["amount"].editor, "3.50")
    drive.press(dialog.fields["amount"].editor, Qt.Key.Key_Return)
    assert dialog.line.gl_account == box.currentData()
    assert dialog.line.amount.format() == "$3.50"


def test_a_spanish_cashier_reads_the_form_in_spanish(qtbot, qapp, open_form):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

    from counterpos.ui import i18n
    from counterpos.ui.till.passport_dialog import PassportDialog

    i18n.install(qapp, "es")
    animal = open_form("animal_license")
    assert animal.windowTitle() == "Licencia de animal"
    species = animal.fields["species"].editor
    assert isinstance(species, QComboBox)
    assert [species.itemText(i) for i in range(species.count())] == ["Perro", "Gato"]
    labels = {label.text().rstrip(" *:") for label in animal.findChildren(QLabel)}
    assert {"Especie", "Plazo (años)", "Nombre del animal"} <= {
        text.replace("&", "") for text in labels
    }, labels
    business = open_form("business_license_new")
    assert business.checks("review")["zoning_ok"].text() == "Aprobación de zonificación"
    passport = PassportDialog(business.station)
    qtbot.addWidget(passport)
    checks = passport.pages()[0].checks
    assert checks["photo"].text() == "La foto cumple los requisitos"
    assert all(isinstance(box, QCheckBox) for box in checks.values())


def test_a_spanish_cashier_picks_services_by_their_spanish_names(qtbot, qapp, station):
    from counterpos.ui import i18n
    from counterpos.ui.till.service_picker import ServicePicker

    i18n.install(qapp, "es")
    table = ServicePicker(catalog.list_services(station))
    qtbot.addWidget(table)
    names = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert "Pago de factura de servicios" in names and "Licencia de animal" in names
    assert "Utility bill payment" not in names
