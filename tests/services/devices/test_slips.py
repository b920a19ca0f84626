"""Slips of refunds and paid-in/outs (services/devices/slips.py): printed, or a plain fault."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import slips
from counterpos.services.drawer import paid_in_out
from counterpos.services.errors import DeviceError, NotFound
from counterpos.services.sale import refunds
from counterpos.store.models import PrintJob
from tests.printing_support import closed_port, set_setting
from tests.sale_helpers import cash, ring


def jobs(station, number):
    with station.store.read() as s:
        return list(s.scalars(select(PrintJob).where(PrintJob.receipt_no == number)))


def test_a_paid_out_prints_its_slip(station, cashier, drawer, approval, loopback_printer):
    paid = paid_in_out.record(
        station,
        cashier,
        drawer.session_id,
        "out",
        Money(1_250),
        "Postage stamps",
        approval(cashier, "paid_in_out"),
    )
    doc = slips.paid_slip(station, paid.receipt_no.lower())
    text = "\n".join(render_text(doc))
    assert "PAID-OUT" in text and paid.receipt_no in text and "Postage stamps" in text
    assert "-$12.50" in text and "Approved by Sofia" in text
    outcome = slips.print_paid_slip(station, cashier, paid.receipt_no)
    printed = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    assert "PAID-OUT" in printed and "Postage stamps" in printed and paid.receipt_no in printed
    assert outcome.message == f"PAID-OUT slip {paid.receipt_no} printed." and outcome.confirmed
    [job] = jobs(station, paid.receipt_no)
    assert (job.kind, job.status, job.actor) == ("paid_slip", "ok", "maria")


def test_a_paid_slip_that_cannot_print_says_the_record_is_saved(station, cashier, drawer, approval):
    paid = paid_in_out.record(
        station,
        cashier,
        drawer.session_id,
        "in",
        Money(2_000),
        "Change fund",
        approval(cashier, "paid_in_out"),
    )
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{closed_port()}")
    set_setting(station, "printer.timeout", "1")
    with pytest.raises(DeviceError, match=f"Paid-in {paid.receipt_no} is saved. The slip did not"):
        slips.print_paid_slip(station, cashier, paid.receipt_no)
    [job] = jobs(station, paid.receipt_no)
    assert job.status == "failed" and job.error


def test_a_refund_prints_its_slip(station, cashier, drawer, approval, loopback_printer):
    sale = ring(station, cashier, drawer.session_id, 3_000, cash(3_000))
    refund = refunds.refund_sale(
        station,
        cashier,
        drawer.session_id,
        sale.receipt_no,
        Money(1_000),
        refunds.CASH,
        "fee waived",
        approval(cashier, "refund"),
    )
    outcome = slips.print_refund_slip(station, cashier, refund.receipt_no)
    printed = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    assert "REFUND" in printed and refund.receipt_no in printed
    assert outcome.message == f"Refund slip {refund.receipt_no} printed." and outcome.confirmed


def test_slips_through_a_printer_that_reports_no_status_are_sent_not_confirmed(
    station, cashier, drawer, approval, unconfirmed_printer
):
    paid = paid_in_out.record(
        station,
        cashier,
        drawer.session_id,
        "out",
        Money(1_250),
        "Postage stamps",
        approval(cashier, "paid_in_out"),
    )
    sale = ring(station, cashier, drawer.session_id, 3_000, cash(3_000))
    refund = refunds.refund_sale(
        station,
        cashier,
        drawer.session_id,
        sale.receipt_no,
        Money(1_000),
        refunds.CASH,
        "fee waived",
        approval(cashier, "refund"),
    )
    paid_out = slips.print_paid_slip(station, cashier, paid.receipt_no)
    refunded = slips.print_refund_slip(station, cashier, refund.receipt_no)
    assert not paid_out.confirmed and not refunded.confirmed
    assert paid_out.message.startswith(f"PAID-OUT slip {paid.receipt_no} {unconfirmed_printer}")
    assert refunded.message.startswith(f"Refund slip {refund.receipt_no} {unconfirmed_printer}")
    [job] = jobs(station, paid.receipt_no)
    assert job.status == "ok"  # it went to the printer; only the paper can say it printed


def test_no_slip_for_a_number_that_is_not_a_paid_in_or_out(station):
    with pytest.raises(NotFound):
        slips.paid_slip(station, "T1-999999")
