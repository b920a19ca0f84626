"""The service list rings a service by Enter on its row or by its number key, and by nothing else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services.sale import catalog
from counterpos.ui.till.service_picker import ServicePicker

pytestmark = pytest.mark.gui
K = Qt.Key


@pytest.fixture
def picker(qtbot, station):
    services = catalog.list_services(station)
    widget = ServicePicker(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    widget.rang: list[str] = []
    widget.rung.connect(widget.rang.append)
    # The numbered services come first, in number order; then the rest. No companion alone.
    widget.services = sorted(
        (s for s in services if s.offered_alone), key=lambda s: (not s.hotkey, s.hotkey or "")
    )
    return widget


def test_each_row_shows_its_hotkey_name_and_price_and_the_first_is_current(picker):
    assert picker.rowCount() == len(picker.services)
    first = picker.services[0]
    assert (picker.item(0, 0).text(), picker.item(0, 1).text()) == (first.hotkey, first.name)
    assert [picker.item(n, 0).text() for n in range(8)] == [str(n) for n in range(1, 9)]
    assert picker.current_code() == first.code
    assert picker.price("yard_sale_permit") == "$20.00"
    assert picker.price("passport_execution") == "$35.00 each"
    assert picker.price("utility_payment") == "balance due"
    assert picker.price("bus_pass") == "$3.00–$40.00"
    assert picker.price("business_license_new") == "from $50.00"


def test_a_hotkey_rings_its_service_and_moves_to_it(qtbot, picker):
    svc = next(s for s in picker.services if s.hotkey == "8")
    qtbot.keyClicks(picker, "8")
    assert picker.rang == [svc.code] and picker.current_code() == svc.code


def test_enter_rings_the_current_row_and_arrows_only_move(qtbot, picker):
    qtbot.keyClick(picker, K.Key_Down)
    assert picker.rang == []
    assert picker.current_code() == picker.services[1].code
    qtbot.keyClick(picker, K.Key_Return)
    assert picker.rang == [picker.services[1].code]


def test_a_key_that_is_no_hotkey_rings_nothing(qtbot, picker):
    hotkeys = {s.hotkey for s in picker.services}
    assert "z" not in hotkeys
    qtbot.keyClicks(picker, "z")
    assert picker.rang == []


def test_companions_are_not_offered_alone(picker, station):
    listed = set()
    for row in range(picker.rowCount()):
        picker.selectRow(row)
        listed.add(picker.current_code())
    companions = {s.code for s in catalog.list_services(station) if not s.offered_alone}
    assert {"citation_late_penalty", "animal_late_penalty", "disability_access_city"} <= companions
    assert not listed & companions and "citation" in listed


def test_on_spanish_screens_the_services_are_named_in_spanish(qtbot, station):
    """A Spanish sign-in showed every heading in Spanish and every service in English; the
    catalog has each one's Spanish name (name_es), the one the customer's receipt prints."""
    from counterpos.services.sale.catalog import names_by_code
    from counterpos.ui import i18n

    i18n.install(None, "es")
    widget = ServicePicker(catalog.list_services(station))
    qtbot.addWidget(widget)
    shown = {
        widget.item(r, 1).data(Qt.ItemDataRole.UserRole): widget.item(r, 1).text()
        for r in range(widget.rowCount())
    }
    spanish = {code: es for code, (_en, es) in names_by_code().items() if es}
    assert shown["yard_sale_permit"] == spanish["yard_sale_permit"] != "Yard sale permit"
    assert all(shown[code] == spanish[code] for code in shown if code in spanish)


@pytest.mark.parametrize("width", [380, 300])
def test_no_service_name_is_cut_when_the_list_narrows(qtbot, styled, station, width):
    """At 1366x768 the till showed "Citation …" and "Passport execution (acceptance) …": the
    rows kept the height they had for a wider name column."""
    widget = ServicePicker(catalog.list_services(station))
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.resize(width, 700)
    qtbot.wait(20)
    short = [
        widget.item(r, 1).text()
        for r in range(widget.rowCount())
        if widget.rowHeight(r) < widget.sizeHintForRow(r)
    ]
    assert short == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_row_is_as_tall_as_its_name_wrapped_where_it_is_painted(
    qtbot, styled, station, language
):
    """The name is painted inside the item's padding, narrower than the column Qt's height
    hint wraps it in: on the counter PC "Citation payment" and "Recibo varios" needed one line
    more than their rows had and were cut to "Citation …" and "Recibo …"."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from counterpos.ui import i18n
    from counterpos.ui.till.service_picker import text_room

    i18n.install(None, language)
    widget = ServicePicker(catalog.list_services(station))
    qtbot.addWidget(widget)
    for width in (380, 330, 300):
        widget.resize(width, 700)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.wait(20)
        for row in range(widget.rowCount()):
            item = widget.item(row, 1)
            metrics = QFontMetrics(item.font())
            room = text_room(item.font(), widget.columnWidth(1))
            box = metrics.boundingRect(
                QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            assert widget.rowHeight(row) >= box.height(), (item.text(), width)
