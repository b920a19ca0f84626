"""Reversing card payments (services/card/reversals.py): void the same day, refund later, once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.domain.money import Money
from counterpos.hardware.card_terminal import TcpTerminal
from counterpos.services.card.requests import charge
from counterpos.services.card.reversals import reverse_card_tenders, void_request
from counterpos.services.card.sales import finish_sale, unattached_approvals
from counterpos.services.card.totals import card_totals_by_brand
from counterpos.services.errors import DeviceError
from counterpos.store.models import CardRequest
from tests.conftest import free_port
from tests.services.card.card_support import charged, stored, utility_cart


def test_reverse_card_tenders_voids_same_day_and_refunds_later(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station)
    first = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    sale1 = finish_sale(station, cashier, drawer.session_id, cart, [], [first.request_id])
    second = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    sale2 = finish_sale(station, cashier, drawer.session_id, cart, [], [second.request_id])
    # the second sale was approved yesterday
    with station.store.write() as s:
        row = s.get(CardRequest, second.request_id)
        row.resolved_at = row.resolved_at - timedelta(days=1)

    (void,) = reverse_card_tenders(station, sale1.sale_id, terminal=card_terminal)
    assert void.kind == "void" and card_simulator.records[first.request_id].status == "voided"
    (refund,) = reverse_card_tenders(station, sale2.sale_id, terminal=card_terminal)
    assert (
        refund.kind == "refund" and card_simulator.records[second.request_id].status == "refunded"
    )
    assert reverse_card_tenders(station, sale1.sale_id, terminal=card_terminal) == []  # once only
    assert stored(station)[3] == {"voided": 1, "refunded": 1}
    assert card_totals_by_brand(station, drawer.session_id) == []


def test_reverse_fails_plainly_and_changes_nothing_when_the_terminal_is_down(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    sale = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    down = TcpTerminal(f"tcp://127.0.0.1:{free_port()}", connect_timeout=0.5, call_timeout=0.5)
    try:
        with pytest.raises(DeviceError, match="Nothing was changed"):
            reverse_card_tenders(station, sale.sale_id, terminal=down)
    finally:
        down.close()
    assert stored(station)[3] == {"approved": 1}
    assert card_simulator.records[result.request_id].status == "approved"


def test_void_an_approval_the_customer_walked_away_from(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    voided = void_request(station, cashier, result.request_id, terminal=card_terminal)
    assert voided.status == "voided" and charged(card_simulator) == 0
    assert unattached_approvals(station, drawer.session_id) == []
