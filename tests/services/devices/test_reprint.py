"""Finding receipts again and reprinting them: REPRINT #n, records, audit, PDF copies."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counterpos.domain.receipt_document import render_text
from counterpos.hardware.escpos_decode import decode
from counterpos.services import audit
from counterpos.services.devices import reprint
from counterpos.services.errors import DeviceError, InputError
from counterpos.services.sale import receipts
from counterpos.store.models import AuditEvent, PrintJob
from tests.printing_support import (
    LONG_NAME_LAST,
    closed_port,
    five_line_sale,
    set_setting,
)


@pytest.fixture
def sale(station, cashier, drawer):
    return five_line_sale(station, cashier, drawer)


def test_find_by_number_digits_customer_dates_and_amount(station, cashier, drawer, sale):
    other = five_line_sale(station, cashier, drawer)
    assert [h.receipt_no for h in reprint.find_receipts(station, number=sale.receipt_no)] == [
        sale.receipt_no
    ]
    seq = int(other.receipt_no.split("-")[1])
    assert [h.receipt_no for h in reprint.find_receipts(station, number=str(seq))] == [
        other.receipt_no
    ]
    by_name = reprint.find_receipts(station, customer="peña-ibáñez")
    assert [h.receipt_no for h in by_name] == [other.receipt_no, sale.receipt_no]
    assert LONG_NAME_LAST in by_name[0].customer
    assert reprint.find_receipts(station, customer="Nobody Atall") == []
    today = date.today()
    assert (
        len(reprint.find_receipts(station, date_from=today - timedelta(days=1), date_to=today)) == 2
    )
    assert reprint.find_receipts(station, date_to=today - timedelta(days=2)) == []
    assert len(reprint.find_receipts(station, amount="$186.25")) == 2
    assert reprint.find_receipts(station, amount="186.26") == []
    with pytest.raises(InputError):
        reprint.find_receipts(station, amount="12.345")
    with pytest.raises(InputError):
        reprint.find_receipts(station, date_from=today, date_to=today - timedelta(days=1))


def test_reprint_is_marked_counted_recorded_and_audited(
    station, supervisor, sale, loopback_printer
):
    first = reprint.reprint(station, supervisor, sale.receipt_no)
    lines1 = decode(loopback_printer.wait_job()).text_lines()
    second = reprint.reprint(station, supervisor, sale.receipt_no)
    lines2 = decode(loopback_printer.wait_job()).text_lines()
    assert (first.copy_no, second.copy_no) == (1, 2)
    assert "REPRINT #1" in lines1 and "REPRINT #2" in lines2
    assert any(line.startswith("Reprinted ") for line in lines2)
    with station.store.read() as s:
        jobs = list(
            s.scalars(select(PrintJob).where(PrintJob.kind == "reprint").order_by(PrintJob.copy_no))
        )
        evs = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "receipt_reprint")))
        assert audit.verify(s).ok
    assert [(j.copy_no, j.status, j.actor, j.printer_url) for j in jobs] == [
        (1, "ok", "sofia", loopback_printer.url),
        (2, "ok", "sofia", loopback_printer.url),
    ]
    assert [(e.actor, e.target, e.details["copy"], e.details["printer"]) for e in evs] == [
        ("sofia", sale.receipt_no, 1, loopback_printer.url),
        ("sofia", sale.receipt_no, 2, loopback_printer.url),
    ]


def test_failed_reprint_does_not_use_up_a_number(station, cashier, sale):
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{closed_port()}")
    with pytest.raises(
        DeviceError, match=f"Receipt {sale.receipt_no} was not reprinted. The printer at"
    ):
        reprint.reprint(station, cashier, sale.receipt_no)
    set_setting(station, "printer.url", "preview:")
    ok = reprint.reprint(station, cashier, sale.receipt_no)
    assert ok.copy_no == 1
    text = (station.home / "preview" / f"{sale.receipt_no}-reprint-1.txt").read_text("utf-8")
    assert "REPRINT #1" in text
    with station.store.read() as s:
        [failed] = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "receipt_reprint_failed")
        )
    assert "refused the connection" in failed.details["error"]


def test_pdf_copy_text_matches_the_receipt(station, cashier, sale, tmp_path):
    out = tmp_path / "copy.pdf"
    outcome = reprint.save_pdf(station, cashier, sale.receipt_no, out)
    assert outcome.copy_no == 1
    text = PdfReader(str(out)).pages[0].extract_text()
    doc = receipts.receipt_document(station, sale.receipt_no)
    for needle in [
        doc.city_name,
        doc.receipt_no,
        "REPRINT #1",
        "Peñita",
        "José Núñez",
        "Villaseñor",
        doc.total.format(),
        doc.change.format(),
        "Gracias. Guarde este recibo para sus registros.",
    ]:
        assert needle in text, needle
    for line in doc.lines:
        assert line.description in text and line.amount.format() in text
    # And it renders: pdftoppm makes a PNG of the page (looked at by hand during development).
    png = tmp_path / "copy"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out), str(png)], check=True)
    assert (tmp_path / "copy-1.png").stat().st_size > 2000


def test_pdf_to_a_folder_that_does_not_exist(station, cashier, sale, tmp_path):
    with pytest.raises(DeviceError, match="The PDF could not be saved"):
        reprint.save_pdf(station, cashier, sale.receipt_no, tmp_path / "nope" / "r.pdf")


def test_preview_lines_show_the_next_copy(station, cashier, sale):
    lines = reprint.preview_lines(station, sale.receipt_no)
    expected = render_text(reprint.reprint_document(station, sale.receipt_no), 48)
    stamp = [i for i, line in enumerate(lines) if "Reprinted " in line]
    assert len(stamp) == 1  # the reprint time may differ by a second between the two calls
    assert (
        lines[: stamp[0]] == expected[: stamp[0]]
        and lines[stamp[0] + 1 :] == expected[stamp[0] + 1 :]
    )
    assert "REPRINT #1".center(48).rstrip() in lines
