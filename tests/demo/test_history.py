"""The demo history (demo/history.py): closed sessions of past days, written as the till writes."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import func, select

from counterpos.demo.history import add_demo_history
from counterpos.domain.cart import Cart
from counterpos.domain.denominations import count_total
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services import audit
from counterpos.services.clock import local_today, to_local
from counterpos.services.sale import catalog, sales
from counterpos.store.models import (
    AuditEvent,
    DrawerClose,
    DrawerSession,
    IssuedDocument,
    LedgerEntry,
    OutboxRow,
    Sale,
    SaleLine,
    TenderRow,
)

DAYS = 4


def test_history_sessions_are_closed_and_balance(station):
    summary = add_demo_history(station, DAYS)
    assert "sales" in summary
    with station.store.read() as s:
        sessions = s.scalars(select(DrawerSession).order_by(DrawerSession.opened_at)).all()
        assert sessions, "at least one weekday in the last four days"
        for ds in sessions:
            close = s.scalar(select(DrawerClose).where(DrawerClose.session_id == ds.id))
            assert close is not None and close.closed_at > ds.opened_at
            cash = s.scalar(
                select(func.coalesce(func.sum(TenderRow.amount_cents), 0))
                .join(Sale, Sale.id == TenderRow.sale_id)
                .where(Sale.session_id == ds.id, TenderRow.kind == "cash")
            )
            assert close.expected_cash_cents == ds.opening_float_cents + cash
            assert close.over_short_cents == close.counted_cash_cents - close.expected_cash_cents
            assert count_total(close.closing_count) == Money(close.counted_cash_cents)
            assert (close.approver_id is not None) == (abs(close.over_short_cents) > 500)
            assert to_local(ds.opened_at).date() < local_today()
            assert to_local(ds.opened_at).weekday() < 5


def test_history_sales_are_whole_and_numbered_without_gaps(station):
    add_demo_history(station, DAYS)
    with station.store.read() as s:
        sale_rows = s.scalars(select(Sale).order_by(Sale.sequence)).all()
        days = {to_local(x.created_at).date() for x in sale_rows}
        assert 80 * len(days) <= len(sale_rows) <= 120 * len(days)
        assert [x.sequence for x in sale_rows] == list(range(1, len(sale_rows) + 1))
        assert all(x.receipt_no == f"T1-{x.sequence:06d}" for x in sale_rows)
        times = [x.created_at for x in sale_rows]
        assert times == sorted(times), "receipt numbers follow time"
        services, kinds = Counter(), Counter()
        for sale in sale_rows:
            local = to_local(sale.created_at)
            assert 8 <= local.hour < 17
            lines = sale.lines
            assert sale.total_cents == sum(x.amount_cents for x in lines)
            assert sale.total_cents == sum(t.amount_cents for t in sale.tenders)
            assert sale.change_cents == sum(t.change_cents for t in sale.tenders)
            assert all(t.change_cents == 0 for t in sale.tenders if t.kind != "cash")
            for t in sale.tenders:
                kinds[t.kind] += 1
                if t.kind == "check":
                    assert t.reference and t.payer
                if t.kind == "card":
                    assert len(t.card_last4) == 4 and t.reference and t.card_brand
            for line in lines:
                services[line.service_code] += 1
                if line.service_code == "utility_payment":
                    entry = s.scalar(select(LedgerEntry).where(LedgerEntry.sale_line_id == line.id))
                    assert entry.amount_cents == -line.amount_cents
                    assert entry.entry_type == "payment" and entry.created_at == sale.created_at
                if line.service_code == "yard_sale_permit":
                    doc = s.scalar(
                        select(IssuedDocument).where(IssuedDocument.sale_line_id == line.id)
                    )
                    assert doc.doc_no.startswith(f"YS-{sale.receipt_no}")
        assert {"cash", "check", "money_order"} <= set(kinds)
        assert len(services) >= 8
        assert services["utility_payment"] == max(services.values())


def test_history_audit_chain_and_outbox(station):
    add_demo_history(station, DAYS)
    with station.store.read() as s:
        assert audit.verify(s).ok
        n_sales = s.scalar(select(func.count()).select_from(Sale))
        assert s.scalar(select(func.count()).where(AuditEvent.action == "sale")) == n_sales
        queued = set(s.execute(select(OutboxRow.table_name, OutboxRow.record_id)).all())
        for model in (Sale, SaleLine, TenderRow, LedgerEntry, IssuedDocument, DrawerClose):
            for (rid,) in s.execute(select(model.id)):
                if model is LedgerEntry and rid is not None:
                    entry = s.get(LedgerEntry, rid)
                    if entry.entry_type != "payment":  # billing-system charges came in bulk
                        continue
                assert (model.__tablename__, rid) in queued


def test_the_till_continues_the_history_sequence(station, cashier, drawer):
    add_demo_history(station, DAYS)
    with station.store.read() as s:
        last = s.scalar(select(func.max(Sale.sequence)))
    line = catalog.price_line(
        station, "misc_receipt", details={"gl_account": "4810", "memo": "Copies"}, amount_text="2"
    )
    done = sales.complete_sale(
        station, cashier, drawer.session_id, Cart([line]), [Tender("cash", Money(500))]
    )
    assert done.receipt_no == f"T1-{last + 1:06d}"
    with station.store.read() as s:
        sale = s.scalar(select(Sale).where(Sale.receipt_no == done.receipt_no))
        assert abs((datetime.now() - to_local(sale.created_at)).total_seconds()) < 60
