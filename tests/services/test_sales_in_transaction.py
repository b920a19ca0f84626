"""complete_sale's in_transaction hook runs inside the sale's own transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counterpos.services.sale import sales
from counterpos.store.models import AuditEvent, Sale
from tests.sale_helpers import cart_of, cash


def counts(station) -> tuple[int, int]:
    with station.store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Sale)),
            s.scalar(select(func.count()).select_from(AuditEvent)),
        )


def test_the_hook_sees_the_saved_sale_and_a_failure_there_saves_nothing(station, cashier, drawer):
    before = counts(station)
    seen = []

    def fail(session, sale):
        seen.append((sale.receipt_no, session.get(Sale, sale.id) is sale))
        raise RuntimeError("refused inside the transaction")

    with pytest.raises(RuntimeError):
        sales.complete_sale(
            station, cashier, drawer.session_id, cart_of(1_000), [cash(1_000)], in_transaction=fail
        )
    assert seen and seen[0][1] is True
    assert counts(station) == before  # neither the sale nor its audit event

    def note(session, sale):
        seen.append(sale.id)

    done = sales.complete_sale(
        station, cashier, drawer.session_id, cart_of(1_000), [cash(1_000)], in_transaction=note
    )
    assert seen[-1] == done.sale_id
    assert done.receipt_no == seen[0][0]  # the failed attempt used no receipt number
    assert counts(station)[0] == before[0] + 1
