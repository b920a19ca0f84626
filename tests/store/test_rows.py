"""The row builders give every column of a financial row; what they build is what is stored."""

from __future__ import annotations

import inspect
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind
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
