"""The outbox (store/outbox.py): every synced record of a sale queued once, as stored."""

from __future__ import annotations

import json

from sqlalchemy import select

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.sale import sales
from counterpos.store.models import (
    AuditEvent,
    IssuedDocument,
    LedgerEntry,
    OutboxRow,
    Sale,
)
from counterpos.store.outbox import row_payload
from tests.store.full_sale import SYNCED_BY_A_SALE, sell


def test_the_outbox_holds_every_synced_record_of_a_sale(station, cashier, drawer):
    done = sell(station, cashier, drawer)
    with station.store.read() as s:
        sale = s.get(Sale, done.sale_id)
        records = [sale, *sale.lines, *sale.tenders]
        records += s.scalars(
            select(LedgerEntry).where(LedgerEntry.sale_line_id.in_([x.id for x in sale.lines]))
        ).all()
        records += s.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == sale.id)).all()
        records += s.scalars(select(AuditEvent).where(AuditEvent.target == done.receipt_no)).all()
        assert {type(r).__tablename__ for r in records} == SYNCED_BY_A_SALE
        for record in records:
            rows = s.scalars(select(OutboxRow).where(OutboxRow.record_id == record.id)).all()
            assert len(rows) == 1, type(record).__tablename__
            payload = json.loads(rows[0].payload)
            assert rows[0].table_name == type(record).__tablename__
            assert payload["id"] == record.id
            # the payload is the stored row, column for column, as the central insert needs it
            assert payload == json.loads(json.dumps(row_payload(record), sort_keys=True))
            assert rows[0].sent_at is None


def test_outbox_rows_carry_the_records_uuid(station, cashier, drawer):
    cart = Cart()
    cart.add(
        CartLine(
            "misc_receipt",
            "Copies",
            Money(350),
            "4810",
            details={"gl_account": "4810", "memo": "Copies"},
        )
    )
    done = sales.complete_sale(
        station, cashier, drawer.session_id, cart, [Tender("cash", Money(500))]
    )
    with station.store.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.table_name == "sale")).all()
    mine = [r for r in rows if json.loads(r.payload)["receipt_no"] == done.receipt_no]
    assert len(mine) == 1
    assert mine[0].record_id == done.sale_id
    assert all(r.record_id == json.loads(r.payload)["id"] for r in rows)


def test_many_rows_queue_the_same_payloads_sqlite_writes_them(station):
    """From BULK_ROWS rows on, SQLite builds the outbox rows (json_object over the columns
    just written); the payloads say exactly what the row-by-row path says."""
    from datetime import date, datetime

    from sqlalchemy import text

    from counterpos.store.models import Bill, BillingRun, UtilityAccount
    from counterpos.store.outbox import BULK_ROWS, Serialized, insert_synced
    from counterpos.store.rows import bill_row

    with station.store.write() as s:
        accounts = s.scalars(select(UtilityAccount.id).limit(3)).all()
        s.add(
            BillingRun(
                id="run-1",
                run_no="T1-R9999",
                cycle="2026-10",
                bill_date=date(2026, 10, 25),
                due_date=date(2026, 11, 15),
            )
        )
        s.flush()

        def bills(n, start):
            return [
                bill_row(
                    bill_no=f"T1-B{start + i:07d}",
                    run_id="run-1",
                    account_id=accounts[i % 3],
                    cycle="2026-10",
                    route="R01",
                    bill_date=date(2026, 10, 25),
                    due_date=date(2026, 11, 15),
                    period_from=None if i % 2 else date(2026, 9, 20),
                    period_to=date(2026, 10, 20),
                    meter_size="5/8",
                    customer_class="residential_owner",
                    consumption=i,
                    estimated=bool(i % 3),
                    read_ids=[f"r{i}", "ñ"],
                    lines=(Serialized if i % 2 else list)(
                        [["base", 'Base "5/8"', 0, "", 2050, "4401"]]
                    ),
                    total_cents=2050,
                    ledger_entry_id=None,
                    station_code="T1",
                    reason="Núñez" if i == 1 else "",
                )
                for i in range(n)
            ]

        small, big = bills(3, 1), bills(BULK_ROWS, 10)
        insert_synced(s, [(Bill, small)])
        insert_synced(s, [(Bill, big)])
    with station.store.read() as s:
        stored = s.scalars(select(Bill.lines)).all()
        assert stored and all(x == [["base", 'Base "5/8"', 0, "", 2050, "4401"]] for x in stored)
        got = {
            rid: json.loads(p)
            for rid, p in s.execute(
                text("SELECT record_id, payload FROM outbox WHERE table_name = 'bill'")
            )
        }
    for row in [*small, *big]:
        payload = got[row["id"]]
        plain = {k: getattr(v, "value", v) for k, v in row.items()}
        expect = json.loads(json.dumps(plain, default=lambda v: v.isoformat()))
        assert expect["lines"] == [["base", 'Base "5/8"', 0, "", 2050, "4401"]]
        assert datetime.fromisoformat(payload.pop("created_at")) == row["created_at"]
        expect.pop("created_at")
        assert payload == expect
        assert list(got[row["id"]]) == sorted(got[row["id"]])


def test_every_column_s_quick_conversion_writes_what_sqlalchemy_writes(station):
    """insert_synced converts dates and naive times itself (store/outbox._quicker): for every
    column of every table, the same stored text as the column type's own bind conversion,
    and anything else (an aware time, a time in a date column) through that conversion."""
    from datetime import UTC, date, datetime, timedelta, timezone

    from counterpos.store.models import Base
    from counterpos.store.outbox import _insert_plan

    dialect = station.store.engine.dialect
    values = [
        datetime(2026, 12, 1, 2, 3, 4),
        datetime(2026, 12, 1, 2, 3, 4, 123),
        datetime(999, 1, 2, 3, 4, 5, 999999),
        datetime(2026, 12, 1, tzinfo=UTC),
        datetime(2026, 12, 1, 23, 30, tzinfo=timezone(timedelta(hours=-8))),
        date(2026, 2, 28),
        date(987, 12, 31),
        True,
        {"a": [1, "b"]},
    ]
    checked = 0
    for table in Base.metadata.sorted_tables:
        _, keys, converters = _insert_plan(table, dialect)
        for at, quick in converters:
            own = table.columns[keys[at]].type._cached_bind_processor(dialect)
            for value in values:
                try:
                    expected = own(value)
                except (TypeError, ValueError, AttributeError):
                    continue
                assert quick(value) == expected, (table.name, keys[at], value)
                checked += 1
    assert checked > 100
