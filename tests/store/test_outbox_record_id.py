"""Each outbox row names the record it carries by its primary key."""

from __future__ import annotations

import json

from sqlalchemy import select

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.sale import sales
from counterpos.store.models import OutboxRow


def test_outbox_rows_carry_the_records_uuid(station, cashier, drawer):
    cart = Cart()
    cart.add(CartLine("misc_receipt", "Copies", Money(350), "4810"))
    done = sales.complete_sale(
        station, cashier, drawer.session_id, cart, [Tender("cash", Money(500))]
    )
    with station.store.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.table_name == "sale")).all()
    mine = [r for r in rows if json.loads(r.payload)["receipt_no"] == done.receipt_no]
    assert len(mine) == 1
    assert mine[0].record_id == done.sale_id
    assert all(r.record_id == json.loads(r.payload)["id"] for r in rows)
