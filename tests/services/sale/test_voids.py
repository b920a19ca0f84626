"""Voids: a new row keeping the original number, reversed ledger, voided documents, VOID slip."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.document_language import date_text
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.sale import voids
from counterpos.store.models import IssuedDocument, LedgerEntry, Sale, UtilityAccount
from tests.sale_helpers import cash, ring


def test_void_reverses_ledger_documents_and_keeps_the_number(station, cashier, drawer, approval):
    with station.store.read() as s:
        # An account not yet past due: its payment carries no late fee.
        account = s.scalar(
            select(UtilityAccount).where(UtilityAccount.due_date >= date.today()).limit(1)
        )
        balance_before = (
            s.scalar(
                select(func.sum(LedgerEntry.amount_cents)).where(
                    LedgerEntry.account_id == account.id
                )
            )
            or 0
        )
    cart = Cart()
    cart.add(
        CartLine(
            "utility_payment",
            "Utility bill payment",
            Money(4_512),
            "2100",
            account_no=account.account_no,
            details={"account_no": account.account_no},
        )
    )
    cart.add(
        CartLine(
            "yard_sale_permit",
            "Yard sale permit",
            Money(2_000),
            "4320",
            details={"address": "12 Elm St", "start_date": date.today().isoformat(), "days": 1},
        )
    )
    sale = ring(station, cashier, drawer.session_id, cart, cash(7_000))
    assert sale.documents
    result = voids.void_sale(
        station, cashier, sale.receipt_no, "Paid the wrong account", approval(cashier, "void")
    )
    assert result.receipt_no == sale.receipt_no
    assert result.cash_back == Money(6_512)
    assert result.documents_voided == sale.documents
    with station.store.read() as s:
        void = s.scalar(select(Sale).where(Sale.kind == "void"))
        assert void.receipt_no == f"{sale.receipt_no}-V" and void.total_cents == -6_512
        assert void.sequence == int(sale.receipt_no.split("-")[1])
        after = s.scalar(
            select(func.sum(LedgerEntry.amount_cents)).where(LedgerEntry.account_id == account.id)
        )
        assert after == balance_before
        rev = s.scalar(select(LedgerEntry).where(LedgerEntry.entry_type == "reversal"))
        assert rev.reverses_id is not None and rev.amount_cents == 4_512
        docs = s.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == void.id)).all()
        assert [d.details["status"] for d in docs] == ["void"]
        # The original is untouched: still there, same number.
        assert s.scalar(select(Sale).where(Sale.receipt_no == sale.receipt_no)).kind == "sale"
    slip = voids.void_slip(station, sale.receipt_no)
    text = "\n".join(render_text(slip))
    assert "VOID" in text and sale.receipt_no in text
    assert "Paid the wrong account" in text and "Sofia" in text
    assert "Hand back $65.12 in cash" in text
    assert voids.is_voided(station, sale.receipt_no)


def test_void_needs_a_reason_and_happens_once(station, cashier, drawer, approval):
    sale = ring(station, cashier, drawer.session_id, 500, cash(500))
    with pytest.raises(InputError, match="reason"):
        voids.void_sale(station, cashier, sale.receipt_no, "  ", approval(cashier, "void"))
    voids.void_sale(station, cashier, sale.receipt_no, "Twice", approval(cashier, "void"))
    with pytest.raises(StateError, match="already voided"):
        voids.void_sale(station, cashier, sale.receipt_no, "Again", approval(cashier, "void"))


def test_void_of_unknown_receipt(station, cashier, drawer, approval):
    with pytest.raises(NotFound):
        voids.void_sale(station, cashier, "T1-999999", "x", approval(cashier, "void"))
    with pytest.raises(InputError):
        voids.void_sale(station, cashier, "nonsense", "x", approval(cashier, "void"))


def test_void_does_not_use_a_receipt_number(station, cashier, drawer, approval):
    a = ring(station, cashier, drawer.session_id, 500, cash(500))
    voids.void_sale(station, cashier, a.receipt_no, "x", approval(cashier, "void"))
    b = ring(station, cashier, drawer.session_id, 500, cash(500))
    assert int(b.receipt_no.split("-")[1]) == int(a.receipt_no.split("-")[1]) + 1


def test_a_voided_permit_no_longer_counts_toward_the_yearly_limit(
    station, cashier, drawer, approval
):
    def permit():
        cart = Cart()
        details = {"address": "7 Oak Ave", "start_date": date.today().isoformat(), "days": 1}
        cart.add(
            CartLine("yard_sale_permit", "Yard sale permit", Money(2_000), "4320", details=details)
        )
        return cart

    first = ring(station, cashier, drawer.session_id, permit(), cash(2_000))
    ring(station, cashier, drawer.session_id, permit(), cash(2_000))
    with pytest.raises(InputError, match="limit"):
        ring(station, cashier, drawer.session_id, permit(), cash(2_000))
    voids.void_sale(station, cashier, first.receipt_no, "Wrong address", approval(cashier, "void"))
    assert ring(station, cashier, drawer.session_id, permit(), cash(2_000)).documents


def test_show_and_reprint_of_a_voided_sale_say_void_with_the_void_s_number_and_date(
    station, cashier, drawer, approval
):
    from counterpos.services.sale import receipts

    cart = Cart()
    cart.add(
        CartLine(
            "yard_sale_permit",
            "Yard sale permit",
            Money(2_000),
            "4320",
            details={"address": "14 Elm St", "start_date": date.today().isoformat(), "days": 1},
        )
    )
    sale = ring(station, cashier, drawer.session_id, cart, cash(2_000))
    before = receipts.receipt_document(station, sale.receipt_no)
    assert before.voided == "" and "VOID" not in "\n".join(render_text(before))
    voids.void_sale(station, cashier, sale.receipt_no, "Wrong address", approval(cashier, "void"))
    for reprints in (0, 1):
        doc = receipts.receipt_document(station, sale.receipt_no, reprints)
        text = [x.strip() for x in render_text(doc)]
        assert text.count("*** VOID ***") == 2  # under the heading and above the barcode
        on = date_text(date.today(), "en")  # "Nov 30, 2026": no reader takes it the wrong way
        assert f"Voided by {sale.receipt_no}-V on {on}" in " ".join(text)
