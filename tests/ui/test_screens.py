"""Renders the login, drawer, till and tender screens to PNG (set COUNTERPOS_SCREENSHOTS to keep them).

One walk through every screen from the login on, so it mirrors no single ui module; the README
names this path for rendering the screenshots again.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import text

from counterpos.demo.tags import give_demo_block

pytestmark = pytest.mark.gui
K = Qt.Key


def save(widget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def looks_drawn(path: Path) -> None:
    """A real screen: big enough, and not one flat colour (an unpainted grab is)."""
    image = QImage(str(path))
    assert image.width() >= 300 and image.height() >= 200
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20


def test_render_the_main_screens(qtbot, drive, counter, station):
    folder = Path(os.environ.get("COUNTERPOS_SCREENSHOTS") or qtbot_tmp(station))
    folder.mkdir(parents=True, exist_ok=True)
    login, flow = counter
    login.resize(460, 300)
    drive.type(login.username, "maria")
    shots = [save(login, folder, "login")]

    drive.press(login.username, K.Key_Return)
    drive.type(login.pin, "1111")
    drive.press(login.pin, K.Key_Return)
    drawer = flow.drawer_dialog
    for key, n in (("bill_20", 4), ("bill_10", 2), ("bill_5", 4), ("bill_1", 10), ("roll_25", 1)):
        drawer.counts[key].setValue(n)
    shots.append(save(drawer, folder, "drawer-open"))
    drive.press(drawer.counts["bill_1"], K.Key_Return)
    qtbot.waitUntil(lambda: flow.till is not None)
    till = flow.till
    qtbot.addWidget(till)

    with station.store.read() as s:
        person = s.execute(
            text(
                "SELECT c.id, c.last_name FROM customer c JOIN license x ON x.customer_id = c.id "
                "JOIN utility_account a ON a.customer_id = c.id JOIN ledger_entry l "
                "ON l.account_id = a.id WHERE c.last_name NOT GLOB '*[^A-Za-z]*' "
                "GROUP BY c.id HAVING SUM(l.amount_cents) > 4000 ORDER BY c.customer_no LIMIT 1"
            )
        ).one()
    drive.type(till.lookup.box, person.last_name[:5])
    drive.pick(till.lookup, person.id)
    drive.type(till.picker, "1")
    drive.press(till.dialog.fields["amount"].editor, K.Key_Return)
    drive.type(till.picker, "4")
    drive.type(till.dialog.fields["address"].editor, "1418 Juniper Way")
    drive.press(till.dialog.fields["address"].editor, K.Key_Return)
    give_demo_block(station)  # an animal license now takes a tag from the block
    drive.type(till.picker, "2")
    form = till.dialog
    drive.type(form.fields["animal_name"].editor, "Biscuit")
    # Breed, colour and veterinarian became required with the animal license rules.
    drive.type(form.fields["breed"].editor, "Beagle")
    drive.type(form.fields["colour"].editor, "Tan")
    drive.type(form.fields["veterinarian"].editor, "Dr. Ames")
    drive.type(form.fields["rabies_certificate"].editor, "RC-88213")
    drive.type(form.fields["rabies_expires"].editor, "03/14/2029")
    drive.press(form.fields["rabies_expires"].editor, K.Key_Return)
    assert len(till.state.cart.lines) == 3, till.dialog and till.dialog.error.text()
    till.lookup.box.setFocus()
    shots.append(save(till, folder, "till"))

    drive.key(till, K.Key_F5)
    pay = till.dialog
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, str(till.state.cart.total.cents // 100 + 20))
    shots.append(save(pay, folder, "tender"))
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None
    qtbot.wait(50)
    shots.append(save(pay, folder, "receipt"))
    for path in shots:
        looks_drawn(path)


def qtbot_tmp(station) -> Path:
    return Path(station.home) / "screens"
