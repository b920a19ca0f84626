"""After a sale: the receipt read back once is the one printed; the settings are read once."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from sqlalchemy import event

from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import after_sale
from counterpos.services.sale import receipts
from tests.printing_support import KICK, five_line_sale, set_setting


class Statements:
    """Every SQL statement the station's store runs while it is in use (a real listener)."""

    def __init__(self, station) -> None:
        self.engine = station.store.engine
        self.seen: list[str] = []

    def _log(self, _conn, _cursor, statement, *_args) -> None:
        self.seen.append(statement)

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._log)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._log)

    def reading(self, table: str) -> list[str]:
        return [s for s in self.seen if s.lstrip().upper().startswith("SELECT") and table in s]


def test_the_printer_gets_the_document_read_back_for_the_screen(
    station, cashier, drawer, drawer_pty, preview_printer
):
    done = receipts.with_receipt(station, five_line_sale(station, cashier, drawer))
    marked = dataclasses.replace(
        done, receipt=dataclasses.replace(done.receipt, notes=("Read back once, printed as is",))
    )
    result = after_sale.after_sale(station, cashier, marked)
    assert result.ok and result.printed and result.drawer_opened, result.message
    assert drawer_pty.read_available(len(KICK)) == KICK
    printed = Path(result.preview).read_text("utf-8")
    assert "Read back once, printed as is" in printed
    assert done.receipt_no in printed


def test_after_sale_reads_settings_once_and_not_the_sale(
    station, cashier, drawer, drawer_pty, preview_printer
):
    done = receipts.with_receipt(station, five_line_sale(station, cashier, drawer))
    with Statements(station) as sql:
        result = after_sale.after_sale(station, cashier, done)
    assert result.ok and result.printed and result.drawer_opened, result.message
    assert len(sql.reading("FROM setting")) == 1, sql.reading("FROM setting")
    assert sql.reading("sale_line") == [] and sql.reading("FROM tender") == []


def test_a_drawer_on_the_printer_is_kicked_without_reading_the_settings_again(
    station, cashier, drawer, loopback_printer
):
    set_setting(station, "drawer.port", "printer")
    done = receipts.with_receipt(station, five_line_sale(station, cashier, drawer))
    with Statements(station) as sql:
        result = after_sale.after_sale(station, cashier, done)
    deadline = time.monotonic() + 5
    while len(loopback_printer.jobs) < 2 and time.monotonic() < deadline:  # the kick, the receipt
        time.sleep(0.02)
    assert result.ok and result.printed and result.drawer_opened, result.message
    assert len(sql.reading("FROM setting")) == 1
    kick, receipt = (decode(job) for job in loopback_printer.jobs)
    assert kick.kicks == [KICK] and done.receipt_no in receipt.barcodes


def test_a_sale_handed_without_its_receipt_is_read_back_once(
    station, cashier, drawer, drawer_pty, preview_printer
):
    sale = five_line_sale(station, cashier, drawer)
    assert sale.receipt is None
    with Statements(station) as sql:
        result = after_sale.after_sale(station, cashier, sale)
    assert result.ok and result.printed, result.message
    assert len(sql.reading("FROM setting")) == 1
    assert len(sql.reading("FROM sale_line")) == 1
    assert sale.receipt_no in Path(result.preview).read_text("utf-8")
