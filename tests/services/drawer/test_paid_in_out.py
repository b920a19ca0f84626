"""Paid-in and paid-out (services/drawer/paid_in_out.py): a reason, a number from the sequence."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services.drawer import paid_in_out
from counterpos.services.errors import InputError, StateError
from tests.sale_helpers import cash, ring


def test_paid_in_and_out_take_numbers_from_the_sequence(station, supervisor, supervisor_drawer):
    sid = supervisor_drawer.session_id
    sale = ring(station, supervisor, sid, 500, cash(500))
    pin = paid_in_out.record(station, supervisor, sid, "in", Money(2_000), "Change fund top-up")
    pout = paid_in_out.record(station, supervisor, sid, "out", Money(300), "Parking refund")
    n = int(sale.receipt_no[-6:])
    assert [pin.receipt_no[-6:], pout.receipt_no[-6:]] == [f"{n + 1:06d}", f"{n + 2:06d}"]
    nxt = ring(station, supervisor, sid, 500, cash(500))
    assert int(nxt.receipt_no[-6:]) == n + 3


def test_paid_errors(station, supervisor, supervisor_drawer):
    sid = supervisor_drawer.session_id
    with pytest.raises(InputError, match="reason"):
        paid_in_out.record(station, supervisor, sid, "out", Money(100), "")
    with pytest.raises(InputError, match="more than"):
        paid_in_out.record(station, supervisor, sid, "out", Money(0), "x")
    with pytest.raises(InputError, match="paid-in or paid-out"):
        paid_in_out.record(station, supervisor, sid, "sideways", Money(100), "x")
    with pytest.raises(StateError):
        paid_in_out.record(station, supervisor, "no-such-session", "in", Money(100), "x")
