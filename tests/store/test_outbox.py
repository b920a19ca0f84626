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
