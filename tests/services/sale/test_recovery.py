"""A sale arriving for a closed session goes into a flagged recovery session, never dropped."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.services import sessions
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.sale import recovery
from counterpos.store.models import AuditEvent, DrawerSession, Sale
from tests.sale_helpers import cart_of, cash


def test_sale_for_open_session_is_normal(station, cashier, drawer):
    saved = recovery.save_sale(station, cashier, drawer.session_id, cart_of(500), [cash(500)])
    assert not saved.recovered and saved.session_id == drawer.session_id


def test_sale_for_closed_session_lands_in_recovery(station, cashier, drawer):
    close.close_session(station, cashier, drawer.session_id, ClosingCount({"bill_100": 1}))
    saved = recovery.save_sale(station, cashier, drawer.session_id, cart_of(750), [cash(1_000)])
    again = recovery.save_sale(station, cashier, drawer.session_id, cart_of(250), [cash(250)])
    assert saved.recovered and again.session_id == saved.session_id != drawer.session_id
    with station.store.read() as s:
        rec = s.get(DrawerSession, saved.session_id)
        assert rec.kind == "recovery" and rec.opening_float_cents == 0
        assert (
            s.scalar(select(Sale).where(Sale.receipt_no == saved.sale.receipt_no)).session_id
            == rec.id
        )
        flagged = s.scalars(select(AuditEvent).where(AuditEvent.action == "sale_recovered")).all()
        assert [e.details["closed_session"] for e in flagged] == [drawer.session_id] * 2
    # The recovery session does not stand in for the cashier's regular drawer.
    assert sessions.current_session(station, cashier) is None
    new = sessions.open_session(station, cashier, {"bill_20": 5})
    assert new.kind == "regular"
    # It balances like any other: $10.00 of recovered cash.
    result = close.count_drawer(station, cashier, rec.id, ClosingCount({"bill_10": 1}))
    assert result.expected.cents == 1_000 and result.over_short.cents == 0
