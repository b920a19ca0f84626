"""Finishing a card sale (services/card/sales.py): one approval on one sale, in its transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.card.requests import charge
from counterpos.services.card.sales import finish_sale, unattached_approvals
from counterpos.services.errors import StateError
from counterpos.store.models import CardRequest, TenderRow
from tests.services.card.card_support import charged, stored, utility_cart


def test_approve_then_sale_holds_the_card_once(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert result.is_approved and not result.is_partial
    assert result.approved == Money(5000) and len(result.last4) == 4 and result.approval_code
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (1, 5000, 0, {"approved": 1})
    assert charged(card_simulator) == 5000 and card_simulator.sales_received == 1
    with station.store.read() as s:
        row = s.get(CardRequest, result.request_id)
        assert row.sale_id == done.sale_id and row.sent_at and row.resolved_at
        tender = s.scalar(select(TenderRow).where(TenderRow.sale_id == done.sale_id))
        assert (tender.card_brand, tender.card_last4, tender.reference) == (
            result.brand,
            result.last4,
            result.approval_code,
        )
    # the same request cannot be used for a second sale
    with pytest.raises(StateError):
        finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])


def test_a_crash_between_saving_the_sale_and_linking_the_card_is_repaired(
    station, cashier, drawer, card_simulator, card_terminal
):
    """The sale holds the card tender but the request was not linked: it is not offered again."""
    from counterpos.services.sale import sales

    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    done = sales.complete_sale(station, cashier, drawer.session_id, cart, [result.tender])
    # ... the station stopped here, before finish_sale linked the request
    assert unattached_approvals(station, drawer.session_id) == []
    with station.store.read() as s:
        assert s.get(CardRequest, result.request_id).sale_id == done.sale_id
    with pytest.raises(StateError, match="already on a sale"):
        finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (1, 5000, 0, {"approved": 1})


def test_split_between_check_cash_and_card(station, cashier, drawer, card_simulator, card_terminal):
    cart = utility_cart(station, "100.00")
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    done = finish_sale(
        station,
        cashier,
        drawer.session_id,
        cart,
        [
            Tender("check", Money(3000), reference="1042", payer="Ana Ruiz"),
            Tender("cash", Money(2500)),
        ],
        [card.request_id],
    )
    assert done.change == Money(500) and done.opens_drawer
    assert stored(station) == (1, 5000, 2000, {"approved": 1})


def test_card_alone_does_not_open_the_drawer(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station)
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [card.request_id])
    assert not done.opens_drawer


def test_the_card_link_is_saved_with_the_sale_or_not_at_all(
    station, cashier, drawer, card_simulator, card_terminal, monkeypatch
):
    """finish_sale links its requests inside the sale's transaction: a failure after the link
    (here: the disk full as the sale commits) leaves neither the sale nor the link."""
    from counterpos.services.sale import sales

    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    real = sales.complete_sale

    def failing_commit(*args, in_transaction=None, **kwargs):
        def link_then_fail(s, sale):
            in_transaction(s, sale)
            assert s.get(CardRequest, result.request_id).sale_id == sale.id
            raise OSError("disk full")

        return real(*args, in_transaction=link_then_fail, **kwargs)

    monkeypatch.setattr(sales, "complete_sale", failing_commit)
    with pytest.raises(OSError):
        finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (0, 0, 0, {"approved": 1})
    with station.store.read() as s:
        assert s.get(CardRequest, result.request_id).sale_id is None
    monkeypatch.undo()
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    with station.store.read() as s:
        assert s.get(CardRequest, result.request_id).sale_id == done.sale_id
    assert stored(station) == (1, 5000, 0, {"approved": 1})
