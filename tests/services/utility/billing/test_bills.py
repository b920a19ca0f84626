"""Bills as others read them (services/utility/billing/bills.py) and as the customer gets them
(billing/bill_pdf.py): pypdf reads the PDF back, pdftoppm draws it."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from counterpos.domain.bill_stub import parse_stub
from counterpos.domain.document_language import date_text
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.billing.bill_pdf import bill_document, bill_pdf, run_bills_pdf
from counterpos.services.utility.billing.bills import account_bills, bills_for
from counterpos.services.utility.billing.runs import runs
from tests.conftest import audit_events


def test_bills_for_reads_live_bills_oldest_first(station, billed_year):
    account_no = billed_year.accounts["MV-000001"]
    with station.store.read() as s:
        found = bills_for(s, find_account(s, account_no).id)
    assert len(found) == 12 and [b.bill_date for b in found] == sorted(b.bill_date for b in found)
    assert all(b.live and b.penalty_cents == 0 and b.ledger_entry_id for b in found)


def test_the_bill_pdf_carries_what_the_customer_needs(station, supervisor, billed_year, tmp_path):
    account_no = billed_year.accounts["MV-000001"]
    b = account_bills(station, account_no)[-1]
    doc = bill_document(station, b.bill_no)
    assert doc.total_due_cents == doc.previous_balance_cents + 7270
    assert [units for _c, units in doc.history] == [12] * 12
    stub = parse_stub(doc.stub)
    assert (stub.account_no, stub.amount_due.cents, stub.due_date) == (
        account_no,
        doc.total_due_cents,
        b.due_date,
    )
    pdf = bill_pdf(station, supervisor, b.bill_no)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for expected in (
        "WATER AND SEWER BILL",
        b.bill_no,
        account_no,
        'Base charge, 5/8" meter',
        "Water, tier 2 (11–12 HCF)",
        "Sewer service",
        "$72.70",
        date_text(b.due_date, "en"),
        doc.stub,
        "COPY",
    ):
        assert expected in text, expected
    assert audit_events(station, "bill_printed")[-1].target == b.bill_no
    if shutil.which("pdftoppm"):
        path = tmp_path / "bill.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", str(path), str(tmp_path / "bill")], check=True
        )
        png = (tmp_path / "bill-1.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_a_spanish_speaking_customer_s_bill_is_in_spanish(
    station, supervisor, billed_year, tmp_path
):
    from sqlalchemy import select

    from counterpos.services.sale import customers
    from counterpos.store.models import UtilityAccount

    account_no = billed_year.accounts["MV-000001"]
    with station.store.read() as s:
        customer_id = s.scalar(
            select(UtilityAccount.customer_id).where(UtilityAccount.account_no == account_no)
        )
    customers.set_preferred_language(station, supervisor, customer_id, "es")
    b = account_bills(station, account_no)[-1]
    text = PdfReader(io.BytesIO(bill_pdf(station, supervisor, b.bill_no))).pages[0].extract_text()
    for expected in (
        "FACTURA DE AGUA Y ALCANTARILLADO",
        "Fecha de vencimiento",
        date_text(b.due_date, "es"),
        "Cargos actuales",
        "Total a pagar",
        "Desprenda y devuelva esta parte con su pago",
        "Su consumo de agua, últimas",
        "COPIA",
        "$72.70",
    ):
        assert expected in text, (expected, text)
    for english in ("WATER AND SEWER BILL", "Due date", f"{b.due_date:%m/%d/%Y}"):
        assert english not in text, (english, text)


def test_a_runs_bills_print_off_the_gui_thread_with_progress(
    station, supervisor, billed_year, tmp_path
):
    run_no = runs(station)[-1].run_no
    seen = []
    count = run_bills_pdf(
        station, supervisor, run_no, tmp_path / "run.pdf", lambda d, t: seen.append((d, t))
    )
    assert count == 12 and seen[-1] == (24, 24) and seen == sorted(seen)
    assert len(PdfReader(tmp_path / "run.pdf").pages) == 12


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_a_bill_looks_like_a_bill(station, billed_year, tmp_path):
    """Rendered at 40 dpi, the page is mostly white with ink at the top and the stub."""
    from counterpos.documents.utility_bill_pdf import render_bill

    account_no = billed_year.accounts["MV-000002"]
    doc = bill_document(station, account_bills(station, account_no)[-1].bill_no)
    (tmp_path / "b.pdf").write_bytes(render_bill(doc))
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", str(tmp_path / "b.pdf"), str(tmp_path / "b")], check=True
    )
    pgm = (tmp_path / "b-1.pgm").read_bytes()
    header, pixels = pgm.split(b"\n255\n", 1)
    width, height = (int(x) for x in header.split()[1:3])
    rows_ink = [
        sum(1 for p in pixels[r * width : (r + 1) * width] if p < 128) for r in range(height)
    ]
    top, bottom = sum(rows_ink[: height // 4]), sum(rows_ink[3 * height // 4 :])
    assert top > 200 and bottom > 200  # the heading and charges, and the stub with its barcode
