"""Every screen at 1366x768: it fits the screen with its buttons in view, and is rendered to PNG.

One walk from the login through every screen and dialog of a cashier's and a supervisor's day
(so it mirrors no single ui module). Each screen is drawn as the counter PC shows it: the till
with the dialog over it, on a 1366x768 screen. `COUNTERPOS_SCREENSHOTS=DIR` keeps the PNGs
(the README names this command; `resources/screenshots/` holds the committed set).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QScrollArea,
    QTabWidget,
    QWidget,
)
from sqlalchemy import text

from counterpos.demo.tags import give_demo_block
from counterpos.domain.money import Money
from counterpos.services.access import auth
from counterpos.services.clock import local_today
from counterpos.services.office import connection
from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.billing.runs import billing_run
from counterpos.ui.account.arrangement_dialog import ArrangementDialog
from counterpos.ui.account.leak_adjustment_dialog import LeakAdjustmentDialog
from counterpos.ui.account.notices_dialog import NoticesDialog
from counterpos.ui.account.read_entry_dialog import ReadEntryDialog
from counterpos.ui.account.utility_desk_dialog import UtilityDeskDialog
from counterpos.ui.app import load_style
from counterpos.ui.back_office.office_window import OfficeWindow
from counterpos.ui.widgets.counter_dialog import CounterDialog
from tests.conftest import login
from tests.sale_helpers import cash, check, ring
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.services.office.office_support import FINANCE
from tests.services.utility.desk_support import cycle_of
from tests.ui.account.desk_city import billed_city, leak_on_first
from tests.ui.conftest import SCREEN, open_till

pytestmark = pytest.mark.gui
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def check_fits(dialog: QWidget) -> None:
    """Within the screen's free area, and every button of its own (not in a scrolling body)
    inside the dialog."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    geo = dialog.geometry()
    assert area.contains(geo), (dialog.windowTitle(), geo, area)
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text() or button.window() is not dialog:
            continue
        scroller = button.parentWidget()
        while scroller is not None and scroller is not dialog:
            if isinstance(scroller, QScrollArea):
                break
            scroller = scroller.parentWidget()
        if isinstance(scroller, QScrollArea):
            continue  # inside a form that scrolls: not one of the dialog's own buttons
        top_left = button.mapTo(dialog, QPoint(0, 0))
        inside = QRect(top_left, button.size())
        assert dialog.rect().contains(inside), (dialog.windowTitle(), button.text())


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name: every visible widget that
    takes the keyboard focus, asked through Qt's accessibility interface (which counts a
    button's text and a buddy label)."""
    out = []
    for w in [window, *window.findChildren(QWidget)]:
        if w.window() is not window:
            continue  # inside a dialog: checked with the dialog, as its own window
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w, QScrollArea) or w.inherits("QScrollBar"):
            continue  # scrolling, not a control: its content's controls are checked
        if isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # a spin box's or combo box's own line edit: checked as the box
        face = QAccessible.queryAccessibleInterface(w)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            out.append(f"{type(w).__name__} {w.objectName()!r} in {type(window).__name__}")
    return out


class Shots:
    """Draws the screen as the counter PC shows it: each visible window at its place, and
    notes every focusable control without an accessible name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.taken: list[Path] = []
        self.unnamed: set[str] = set()

    def take(self, name: str, *windows: QWidget) -> Path:
        QApplication.processEvents()
        image = QImage(SCREEN[0], SCREEN[1], QImage.Format.Format_RGB32)
        image.fill(QColor("black"))
        painter = QPainter(image)
        for w in windows or [w for w in QApplication.topLevelWidgets() if w.isVisible()]:
            if isinstance(w, QDialog):
                check_fits(w)
            self.unnamed.update(unnamed_controls(w))
            painter.drawPixmap(w.geometry().topLeft(), w.grab())
        painter.end()
        path = self.folder / f"{name}.png"
        assert image.save(str(path))
        self.taken.append(path)
        return path


def looks_drawn(path: Path) -> None:
    """A real screen: not one flat colour (an unpainted grab is)."""
    image = QImage(str(path))
    assert (image.width(), image.height()) == SCREEN
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
    }
    assert len(colours) > 20


@pytest.fixture
def shots(station) -> Shots:
    folder = Path(os.environ.get("COUNTERPOS_SCREENSHOTS") or Path(station.home) / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return Shots(folder)


def wait_dialog(qtbot, till, kind=None):
    qtbot.waitUntil(
        lambda: (
            till.dialog is not None
            and till.dialog.isVisible()
            and (kind is None or isinstance(till.dialog, kind))
        )
    )
    return till.dialog


def close_dialog(qtbot, drive, till) -> None:
    dialog = till.dialog
    drive.key(dialog, K.Key_Escape)
    if isinstance(dialog, CounterDialog) and dialog.question is not None:
        drive.key(dialog.question, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)


def a_person(station):
    with station.store.read() as s:
        return s.execute(
            text(
                "SELECT c.id, c.last_name FROM customer c JOIN license x ON x.customer_id = c.id "
                "JOIN utility_account a ON a.customer_id = c.id JOIN ledger_entry l "
                "ON l.account_id = a.id WHERE c.last_name NOT GLOB '*[^A-Za-z]*' "
                "GROUP BY c.id HAVING SUM(l.amount_cents) > 4000 ORDER BY c.customer_no LIMIT 1"
            )
        ).one()


@pytest.fixture
def font_scale(request, qapp):
    """The whole run at a font scale (ui.font_scale), the usual 100% again afterwards."""
    percent = getattr(request, "param", "100")
    load_style(qapp, "", percent)
    yield percent
    load_style(qapp)


@pytest.mark.parametrize(
    ("language", "font_scale"),
    [("en", "100"), ("es", "100"), ("en", "150")],
    indirect=["font_scale"],
)
def test_every_screen_fits_1366x768_and_is_rendered(
    qtbot, drive, counter, station, shots, language, font_scale
):
    """Every screen, in English and in Spanish (longer labels: nothing may be cut off), and
    at 150% text: each dialog still fits the 1366x768 counter screen."""
    login, flow = counter
    if language != "en" or font_scale != "100":
        shots.folder = shots.folder / f"{language}-{font_scale}"
        shots.folder.mkdir(exist_ok=True)
        login.language.setCurrentIndex(login.language.findData(language))
        login.language.activated.emit(login.language.currentIndex())
    screen = QGuiApplication.primaryScreen().geometry()
    assert (screen.width(), screen.height()) == SCREEN
    login.move(screen.center() - login.rect().center())
    drive.type(login.username, "maria")
    shots.take("login", login)

    drive.press(login.username, K.Key_Return)
    drive.type(login.pin, "1111")
    drive.press(login.pin, K.Key_Return)
    drawer = flow.drawer_dialog
    qtbot.waitExposed(drawer)
    for key, n in (("bill_20", 4), ("bill_10", 2), ("bill_5", 4), ("bill_1", 10), ("roll_25", 1)):
        drawer.counts[key].setValue(n)
    shots.take("drawer-open", login, drawer)
    drive.confirm(drawer.counts["bill_1"])
    qtbot.waitUntil(lambda: flow.till is not None)
    till = flow.till
    menus = [a.text() for a in till.menuBar().actions()]
    keys = " ".join(label.text() for label in till.bar.labels.values())
    if language == "es":  # the till really is in Spanish: its menus and key bar
        assert menus[:3] == ["&Venta", "&Cuenta", "C&ontroles"], menus
        assert "Buscar cliente" in keys and "Pagar" in keys, keys
    else:
        assert menus[:3] == ["&Sale", "&Account", "&Controls"], menus
    qtbot.addWidget(till)
    till.show_on_screen()
    qtbot.waitUntil(lambda: till.width() >= 1200)

    person = a_person(station)
    drive.type(till.lookup.box, person.last_name[:5])
    qtbot.waitUntil(lambda: till.lookup.results.rowCount() > 0)
    shots.take("lookup", till)
    drive.pick(till.lookup, person.id)
    form = drive.add_service(till, "1")
    shots.take("utility-payment", till, form)
    drive.press(form.fields["amount"].editor, K.Key_Return)
    form = drive.add_service(till, "4")
    drive.press(form.fields["address"].editor, K.Key_Return)  # the address is required
    shots.take("yard-sale-permit-error", till, form)
    drive.type(form.fields["address"].editor, "1418 Juniper Way")
    drive.press(form.fields["address"].editor, K.Key_Return)
    give_demo_block(station)
    form = drive.add_service(till, "2")
    for name, value in (
        ("animal_name", "Biscuit"),
        ("breed", "Beagle"),
        ("colour", "Tan"),
        ("veterinarian", "Dr. Ames"),
        ("rabies_certificate", "RC-88213"),
        ("rabies_expires", f"03/14/{local_today().year + 3}"),
    ):
        drive.type(form.fields[name].editor, value)
    shots.take("animal-license", till, form)
    drive.press(form.fields["rabies_expires"].editor, K.Key_Return)
    assert len(till.state.cart.lines) == 3, form.errors()
    for key, name in (("3", "passport"), ("5", "business-license"), ("6", "bus-pass")):
        drive.key(till, K.Key_F3)
        drive.type(till.picker, key)
        dialog = wait_dialog(qtbot, till)
        if dialog.windowTitle() == QCoreApplication.translate(
            "OverrideDialog", "Supervisor approval"
        ):  # a cashier: asked on the spot
            shots.take(f"{name}-approval", till, dialog)
            drive.type(dialog.username, "sofia")
            drive.press(dialog.username, K.Key_Return)
            drive.type(dialog.pin, "333333")
            drive.press(dialog.pin, K.Key_Return)
            qtbot.waitUntil(lambda d=dialog: till.dialog is not None and till.dialog is not d)
            dialog = till.dialog
        if name == "business-license":
            drive.press(dialog, K.Key_Return)  # everything missing: listed by its field
        shots.take(name, till, dialog)
        close_dialog(qtbot, drive, till)
    till.lookup.box.setFocus()
    shots.take("till", till)
    till.display_action.trigger()  # the customer display, as on a second screen
    display = till.customer_display
    display.setGeometry(0, 0, *SCREEN)
    shots.take("customer-display", display)

    drive.key(till, K.Key_F5)
    pay = wait_dialog(qtbot, till)
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, str(till.state.cart.total.cents // 100 - 5))
    drive.press(pay.payment_page.amount.editor, K.Key_Return)  # short: explained, no change
    shots.take("tender-short", till, pay)
    drive.key(pay, K.Key_F8)
    shots.take("tender-check", till, pay)
    drive.key(pay, K.Key_F7)
    shots.take("tender", till, pay)
    shots.take("customer-display-paying", display)
    drive.key(pay, K.Key_3, Qt.KeyboardModifier.AltModifier)  # quick cash
    qtbot.waitUntil(lambda: pay.completed is not None)
    shots.take("receipt", till, pay)
    shots.take("customer-display-thanks", display)
    drive.key(pay, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)

    sid = till.state.session.session_id
    ring(station, till.state.actor, sid, 4_000, check(4_000, "2201"))
    ring(station, till.state.actor, sid, 1_250, cash(2_000))
    drive.key(till, K.Key_F11)
    shots.take("drawer-sales", till, wait_dialog(qtbot, till))
    close_dialog(qtbot, drive, till)
    drive.key(till, K.Key_F1)
    shots.take("keys", till, wait_dialog(qtbot, till))
    close_dialog(qtbot, drive, till)
    for key, name in (
        (K.Key_V, "void"),
        (K.Key_R, "refund"),
        (K.Key_P, "paid-in-out"),
        (K.Key_N, "no-sale"),
    ):
        drive.chord(till, key)
        shots.take(name, till, wait_dialog(qtbot, till))
        close_dialog(qtbot, drive, till)
    drive.key(till, K.Key_P, CTRL)
    reprint = wait_dialog(qtbot, till)
    drive.type(reprint.number, till.payment.last_sale.receipt_no)
    drive.press(reprint.number, K.Key_Return)
    shots.take("reprint", till, reprint)
    close_dialog(qtbot, drive, till)

    drive.type(till.lookup.box, person.last_name[:5])
    drive.pick(till.lookup, person.id)
    for key, name in ((K.Key_L, "account-ledger"), (K.Key_J, "account-adjustment")):
        drive.chord(till, key)
        shots.take(name, till, wait_dialog(qtbot, till))
        close_dialog(qtbot, drive, till)

    drive.add_misc(till, "Copies", "2.00")
    drive.key(till, K.Key_Delete, CTRL)
    shots.take("clear-sale-question", till, till.question)
    drive.key(till.question, K.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: till.state.cart.lines == [])

    till.lock_now()
    shots.take("lock", till.idle_lock.screen)
    drive.type(till.idle_lock.screen.pin, "1111")
    drive.press(till.idle_lock.screen.pin, K.Key_Return)
    qtbot.waitUntil(lambda: till.idle_lock.screen is None)

    drive.chord(till, K.Key_C)
    close = wait_dialog(qtbot, till)
    close.spins["bill_100"].setValue(2)
    shots.take("close-count", till, close)
    for step in ("close-checks", "close-card", "close-result"):
        drive.confirm(close.focusWidget() or close)
        shots.take(step, till, close)
    drive.key(close, K.Key_Escape)
    drive.key(close.question, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    till.clear_sale()
    drive.key(till, K.Key_F12)
    qtbot.waitUntil(login.isVisible)

    drive.log_in(login, "sofia", "333333")
    sofia = flow.drawer_dialog
    qtbot.waitExposed(sofia)
    drive.key(sofia, K.Key_F11)
    qtbot.waitUntil(lambda: flow.reports is not None and flow.reports.isVisible())
    flow.reports.table.selectRow(0)
    shots.take("day-view", login, sofia, flow.reports)
    for w in visible_dialogs():
        check_fits(w)
    flow.reports.done(0)
    sofia.done(0)
    login.hide()

    for path in shots.taken:
        looks_drawn(path)
    assert len(shots.taken) >= 30
    assert not shots.unnamed, "\n".join(sorted(shots.unnamed))


def test_the_till_works_from_1280x720_to_1920x1080(qtbot, drive, counter, station):
    """The till's window and key bar at the smallest and largest counter screens."""
    till = open_till(qtbot, drive, counter)
    for width, height in ((1280, 720), (1920, 1080)):
        till.showNormal()
        till.setGeometry(0, 0, width, height - 48)
        qtbot.waitUntil(lambda w=width: till.width() == w)
        QApplication.processEvents()
        assert till.minimumSizeHint().width() <= width
        for key, label in till.bar.labels.items():
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), key
            assert label.geometry().right() <= till.bar.width()
        assert till.bar.geometry().bottom() <= till.centralWidget().height()


def _walk_every_tab(qtbot, window: QWidget) -> list[str]:
    """The window's unnamed controls with each page of each of its tab widgets shown in turn
    (a control on a hidden page is not visible, so it is walked with its page)."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    out = set(unnamed_controls(window))
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            out.update(unnamed_controls(window))
    window.close()
    return sorted(out)


def test_the_utility_desks_screens_name_every_control(qtbot, station):
    """The utility desk's screens (merged after the walk above was written): the account's
    desk on each of its pages, the arrangement, the leak adjustment, reads by route and the
    notices, each asked through Qt's accessibility interface like the till."""
    city = billed_city(station)
    wo = leak_on_first(station, city)
    billing_run(station, login(station, "sofia"), cycle_of(local_today()))
    account_no = city.accounts["MV-000001"]
    leak_bill = account_bills(station, account_no)[-1].bill_no
    james, sofia = login(station, "james"), login(station, "sofia")
    unnamed = []
    for window in (
        UtilityDeskDialog(station, james, account_no),
        ArrangementDialog(station, james, account_no),
        LeakAdjustmentDialog(station, james, account_no, [leak_bill], [wo]),
        ReadEntryDialog(station, james),
        NoticesDialog(station, sofia),
    ):
        unnamed += _walk_every_tab(qtbot, window)
    assert not unnamed, "\n".join(unnamed)


@pytest.mark.pg
def test_the_finance_offices_window_names_every_control(qtbot, joined, centre):  # noqa: F811
    """The finance office's window (merged after the walk above was written), connected to a
    real centre, on each of its pages."""
    info = centre.logins["supervisor"]
    connection.connect(joined, "admin", info["url"], info["password"])
    office = OfficeWindow(joined, auth.login(joined, "felix", FINANCE["felix"][2]))
    unnamed = _walk_every_tab(qtbot, office)
    assert not unnamed, "\n".join(unnamed)


@pytest.mark.pg
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_office_pages(qapp, qtbot, joined, centre, shots, tmp_path, language):  # noqa: F811
    """The office window's bank, payments, suspense, returned checks, autopay and reports
    pages with something on each, drawn at 1366x768 (`office-*.png`), in English and in
    Spanish (`es-100/`): the window's least size fits the screen and every control has a
    name."""
    from counterpos.ui import i18n

    if language != "en":
        shots.folder = shots.folder / f"{language}-100"
        shots.folder.mkdir(exist_ok=True)
    assert i18n.install(qapp, language) == language
    try:
        _office_pages(qtbot, joined, centre, shots, tmp_path)
    finally:
        i18n.install(qapp, "en")


def _office_pages(qtbot, joined, centre, shots, tmp_path) -> None:  # noqa: F811
    from counterpos.services.office import autopay, bank_import, payment_files
    from tests.services.office.bank_files import bai2_statement, payment_file
    from tests.services.office.office_support import close_exactly, open_drawer, push
    from tests.sync.helpers import first_accounts

    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    ring(joined, maria, d.session_id, 2_345, cash(5_000))
    ring(joined, maria, d.session_id, 4_000, check(4_000, "1043"))
    close_exactly(joined, maria, d.session_id)
    push(joined)
    a, b = first_accounts(joined, 2)
    info = centre.logins["supervisor"]
    connection.connect(joined, "admin", info["url"], info["password"])
    office = OfficeWindow(joined, auth.login(joined, "felix", FINANCE["felix"][2]))
    qtbot.addWidget(office)
    stmt = tmp_path / "stmt.bai"
    stmt.write_text(bai2_statement(local_today(), [("165", 12_000, "B3", "")]))
    bank_import.import_statement(office.office, stmt)
    lockbox = tmp_path / "lockbox.csv"
    lockbox.write_text(
        payment_file([("LB-1", a, "45.10", "Ann Lee", "3301"), ("LB-2", "999", "3.33", "X", "1")])
    )
    payment_files.import_file(office.office, lockbox)
    autopay.enroll(office.office, b, "Bo Chan", "111000025", "123456789")
    office.refresh()
    office.payments.control.setText("50.00")
    office.payments.tape.add(a, Money(3_000), "101", "Ann Lee")
    office.payments.show_tape()
    office.setGeometry(0, 0, SCREEN[0], SCREEN[1] - 48)
    office.show()
    qtbot.waitExposed(office)
    assert office.minimumSizeHint().width() <= SCREEN[0]
    assert office.minimumSizeHint().height() <= SCREEN[1] - 48
    for name, page in (
        ("office-bank", office.bank),
        ("office-payments", office.payments),
        ("office-suspense", office.suspense),
        ("office-returns", office.returns),
        ("office-autopay", office.autopay),
        ("office-reports", office.reports),
    ):
        office.tabs.setCurrentWidget(page)
        looks_drawn(shots.take(name, office))
    office.log_out()
    # A clerk: what her role may not do is disabled, with the reason on the page.
    clerk = OfficeWindow(joined, auth.login(joined, "fiona", FINANCE["fiona"][2]))
    qtbot.addWidget(clerk)
    clerk.setGeometry(0, 0, SCREEN[0], SCREEN[1] - 48)
    clerk.show()
    qtbot.waitExposed(clerk)
    clerk.tabs.setCurrentWidget(clerk.returns)
    assert clerk.returns.why.isVisible() and not clerk.returns.return_button.isEnabled()
    looks_drawn(shots.take("office-returns-clerk", clerk))
    assert not shots.unnamed, "\n".join(sorted(shots.unnamed))
    clerk.log_out()
