"""Row builders (store/rows.py) give every column of a financial row, stored as built."""

from __future__ import annotations

import inspect
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.drawer import paid_in_out
from counterpos.services.sale import refunds, sales, voids
from counterpos.services.utility import adjustments
from counterpos.store.models import (
    AuditEvent,
    IssuedDocument,
    LedgerEntry,
    OutboxRow,
    PaidInOut,
    Sale,
    SaleLine,
    TenderRow,
    UtilityAccount,
)
from counterpos.store.outbox import insert_synced, row_payload
from counterpos.store.rows import (
    audit_row,
    document_row,
    ledger_row,
    line_row,
    paid_row,
    sale_row,
    tender_row,
)
from tests.store.full_sale import SYNCED_BY_A_SALE, full_cart

BUILDERS = [
    (Sale, sale_row),
    (SaleLine, line_row),
    (TenderRow, tender_row),
    (LedgerEntry, ledger_row),
    (IssuedDocument, document_row),
    (PaidInOut, paid_row),
    (AuditEvent, audit_row),
]
FINANCIAL = tuple(model for model, _ in BUILDERS)


@pytest.mark.parametrize(("model", "builder"), BUILDERS, ids=lambda x: getattr(x, "__name__", ""))
def test_every_column_is_set_by_its_builder_or_has_a_declared_default(model, builder):
    """A new column without a default fails here until its builder takes a value for it."""
    takes = set(inspect.signature(builder).parameters)
    assert takes <= set(model.__table__.columns.keys()), "a builder names only real columns"
    left_out = [
        col.key
        for col in model.__table__.columns
        if col.key not in takes and col.default is None and col.server_default is None
    ]
    assert left_out == [], f"{model.__tablename__}: give {builder.__name__} a value for {left_out}"


def _minimal(builder) -> dict:
    """The builder's required arguments, each with a value of its annotated type."""
    samples = {
        "str": "x",
        "int": 7,
        "datetime": datetime(2026, 1, 2, 3, 4, 5),
        "dict[str, Any]": {"a": 1},
        "SaleKind": SaleKind.SALE,
        "TenderKind": TenderKind.CASH,
        "EntryType": EntryType.PAYMENT,
    }
    return {
        name: samples[p.annotation]
        for name, p in inspect.signature(builder).parameters.items()
        if p.default is inspect.Parameter.empty
    }


@pytest.mark.parametrize(("model", "builder"), BUILDERS, ids=lambda x: getattr(x, "__name__", ""))
def test_a_builder_gives_every_column_and_a_new_id(model, builder):
    first, second = builder(**_minimal(builder)), builder(**_minimal(builder))
    assert list(first) == [col.key for col in model.__table__.columns]
    assert first["id"] != second["id"]
    for col in model.__table__.columns:
        if not col.nullable:
            assert first[col.key] is not None, col.key


def _account_id(s: Session) -> str:
    return s.scalar(select(UtilityAccount.id).order_by(UtilityAccount.account_no).limit(1))


def test_rows_written_through_the_builders_read_back_column_for_column(station, cashier, drawer):
    at = datetime(2026, 3, 4, 15, 16, 17, 123456)
    with station.store.write() as s:
        sale = sale_row(
            kind=SaleKind.SALE,
            receipt_no="T1-990001",
            station_code="T1",
            sequence=990001,
            session_id=drawer.session_id,
            user_id=cashier.user_id,
            total_cents=4_510,
            change_cents=490,
            created_at=at,
        )
        line = line_row(
            sale_id=sale["id"],
            line_no=1,
            service_code="utility_payment",
            description="Utility bill payment",
            amount_cents=4_510,
            gl_account="2100",
            account_id=_account_id(s),
            details={"account_no": "x", "nested": {"n": [1, 2]}},
        )
        tender = tender_row(
            sale_id=sale["id"],
            position=1,
            kind=TenderKind.CASH,
            amount_cents=4_510,
            tendered_cents=5_000,
            change_cents=490,
        )
        entry = ledger_row(
            account_id=line["account_id"],
            entry_type=EntryType.PAYMENT,
            amount_cents=-4_510,
            memo="Payment, receipt T1-990001",
            sale_line_id=line["id"],
            station_code="T1",
            created_at=at,
        )
        doc = document_row(
            sale_id=sale["id"],
            sale_line_id=line["id"],
            doc_type="yard_sale_permit",
            doc_no="YS-1",
            holder="Ana Reyes",
            valid_from=date(2026, 3, 7),
            valid_to=date(2026, 3, 8),
            created_at=at,
        )
        paid = paid_row(
            receipt_no="T1-990002",
            station_code="T1",
            sequence=990002,
            session_id=drawer.session_id,
            direction="out",
            amount_cents=2_000,
            reason="Postage",
            user_id=cashier.user_id,
            created_at=at + timedelta(seconds=1),
        )
        written = [
            (Sale, [sale]),
            (SaleLine, [line]),
            (TenderRow, [tender]),
            (LedgerEntry, [entry]),
            (IssuedDocument, [doc]),
            (PaidInOut, [paid]),
        ]
        insert_synced(s, written)
    with station.store.read() as s:
        for model, (row,) in written:
            stored = s.get(model, row["id"])
            assert {col: getattr(stored, col) for col in row} == row, model.__tablename__
            queued = s.scalars(select(OutboxRow).where(OutboxRow.record_id == row["id"])).one()
            assert queued.table_name == model.__tablename__
            assert json.loads(queued.payload) == json.loads(
                json.dumps(row_payload(stored), sort_keys=True)
            )
        assert s.get(Sale, sale["id"]).kind == "sale"
        assert s.get(TenderRow, tender["id"]).kind == "cash"
        assert s.get(LedgerEntry, entry["id"]).entry_type == "payment"


class _OrmInserts:
    """Which models a session's flushes insert (a real listener on every session)."""

    def __init__(self) -> None:
        self.models: list[str] = []

    def __call__(self, session: Session, _context, _instances) -> None:
        self.models += [type(obj).__tablename__ for obj in session.new]

    def __enter__(self) -> _OrmInserts:
        event.listen(Session, "before_flush", self)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(Session, "before_flush", self)


def _queued_as_stored(s: Session, records: list) -> None:
    """Each record has one outbox row, whose payload is the stored row column for column."""
    for record in records:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.record_id == record.id)).all()
        assert len(rows) == 1, type(record).__tablename__
        assert rows[0].table_name == type(record).__tablename__
        assert json.loads(rows[0].payload) == json.loads(
            json.dumps(row_payload(record), sort_keys=True)
        )


def _records_of(s: Session, sale: Sale) -> list:
    """A sale's row with its lines, tenders, ledger entries, documents and audit event."""
    line_ids = [line.id for line in sale.lines]
    records = [sale, *sale.lines, *sale.tenders]
    records += s.scalars(select(LedgerEntry).where(LedgerEntry.sale_line_id.in_(line_ids))).all()
    records += s.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == sale.id)).all()
    records += s.scalars(
        select(AuditEvent).where(
            AuditEvent.target == sale.receipt_no.removesuffix("-V"), AuditEvent.action == sale.kind
        )
    ).all()
    return records


def test_a_sale_its_void_refunds_and_a_paid_out_are_written_by_the_builders(
    station, cashier, drawer, approval
):
    """None of them hands a financial row to the ORM; every row round-trips through the outbox."""
    sid = drawer.session_id
    tenders = [
        Tender(TenderKind.CHECK, Money(4_000), reference="2231", payer="Ana Reyes"),
        Tender(TenderKind.CASH, Money(3_000)),
    ]
    with _OrmInserts() as orm:
        sold = sales.complete_sale(
            station, cashier, sid, full_cart(station, address="9 Builder Row", days="1"), tenders
        )
        voided = voids.void_sale(
            station,
            cashier,
            sold.receipt_no,
            "Rang the wrong account",
            approval(cashier, "void"),
        )
        again = sales.complete_sale(
            station, cashier, sid, full_cart(station, address="9 Builder Row", days="1"), tenders
        )
        in_cash, by_finance = (
            refunds.refund_sale(
                station,
                cashier,
                sid,
                again.receipt_no,
                Money(cents),
                method,
                "Overpaid",
                approval(cashier, "refund"),
            )
            for cents, method in ((4_600, "cash"), (500, "finance"))
        )
        paid = paid_in_out.record(
            station,
            cashier,
            sid,
            "out",
            Money(300),
            "Parking refund",
            approval(cashier, "paid_in_out"),
        )
    assert not {m.__tablename__ for m in FINANCIAL} & set(orm.models), orm.models

    with station.store.read() as s:
        original = s.get(Sale, sold.sale_id)
        void = s.get(Sale, voided.void_id)
        assert (void.kind, void.original_sale_id, void.receipt_no) == (
            SaleKind.VOID,
            original.id,
            f"{original.receipt_no}-V",
        )
        assert [(t.kind, t.amount_cents) for t in void.tenders] == [
            (t.kind, -t.amount_cents) for t in original.tenders
        ]
        assert [(x.line_no, x.amount_cents, x.details) for x in void.lines] == [
            (x.line_no, -x.amount_cents, {"voids_line_id": x.id}) for x in original.lines
        ]
        records = _records_of(s, void)
        kinds = {type(r).__tablename__ for r in records}
        assert kinds == SYNCED_BY_A_SALE
        assert [r.entry_type for r in records if isinstance(r, LedgerEntry)] == [EntryType.REVERSAL]
        assert [r.details["status"] for r in records if isinstance(r, IssuedDocument)] == ["void"]
        _queued_as_stored(s, _records_of(s, original) + records)

        cash_back, request = s.get(Sale, in_cash.refund_id), s.get(Sale, by_finance.refund_id)
        for refund, cents, tender in (
            (cash_back, 4_600, TenderKind.CASH),
            (request, 500, TenderKind.REFUND_REQUEST),
        ):
            assert (refund.kind, refund.original_sale_id, refund.total_cents) == (
                SaleKind.REFUND,
                again.sale_id,
                -cents,
            )
            assert [(t.kind, t.amount_cents) for t in refund.tenders] == [(tender, -cents)]
            _queued_as_stored(s, _records_of(s, refund))
        # $45.10 of the bill payment, then $0.90 of it and $4.10 of the permit
        assert [x.amount_cents for x in cash_back.lines] == [-4_510, -90]
        assert [x.amount_cents for x in request.lines] == [-500]
        refund_entries = s.scalars(
            select(LedgerEntry).where(LedgerEntry.entry_type == EntryType.REFUND)
        ).all()
        assert sorted(e.amount_cents for e in refund_entries) == [4_510]

        slip = s.get(PaidInOut, paid.record_id)
        assert (slip.direction, slip.amount_cents, slip.receipt_no) == ("out", 300, paid.receipt_no)
        event = s.scalars(select(AuditEvent).where(AuditEvent.target == paid.receipt_no)).one()
        assert event.action == "paid_out"
        _queued_as_stored(s, [slip, event])


def test_an_account_adjustment_writes_its_entry_through_the_builder(station, cashier, supervisor):
    with station.store.read() as s:
        account = s.scalar(select(UtilityAccount).order_by(UtilityAccount.account_no))
    with _OrmInserts() as orm:
        adjustments.adjust_account(
            station, cashier, supervisor, account.account_no, "-5.00", "leak"
        )
    assert "ledger_entry" not in orm.models
    with station.store.read() as s:
        entry = s.scalars(
            select(LedgerEntry).where(
                LedgerEntry.account_id == account.id,
                LedgerEntry.entry_type == EntryType.ADJUSTMENT,
            )
        ).one()
        assert (entry.amount_cents, entry.memo, entry.station_code) == (
            -500,
            "Leak adjustment",
            "T1",
        )
        _queued_as_stored(s, [entry])
