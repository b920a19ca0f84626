"""The card convenience fee (services/card/fees.py): quoted, charged, posted, printed, shared out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import Tender
from counterpos.services import config
from counterpos.services.card.fees import FEE_SERVICE, quote
from counterpos.services.card.requests import charge
from counterpos.services.card.sales import finish_sale
from counterpos.services.errors import InputError, StateError
from counterpos.services.sale import catalog, receipts
from counterpos.store.models import SaleLine
from tests.services.card.card_support import stored, utility_cart
from tests.services.counter_visit import days


def test_convenience_fee_is_shown_charged_printed_and_posted(
    station, cashier, drawer, card_simulator, card_terminal
):
    config.set_value(station, "card.convenience_fee", "utility=2.5%; *=none", None)
    cart = utility_cart(station, "100.00")
    # $20 cash, the rest by card: the fee is on the card's part only
    q = quote(station, cart, Money(8000))
    assert (q.base, q.fee, q.charge) == (Money(8000), Money(200), Money(8200))
    result = charge(station, cashier, drawer.session_id, cart, Money(8000), terminal=card_terminal)
    assert result.approved == Money(8200) and result.fee == Money(200)
    assert card_simulator.records[result.request_id].requested_cents == 8200
    done = finish_sale(
        station,
        cashier,
        drawer.session_id,
        cart,
        [Tender("cash", Money(2000))],
        [result.request_id],
    )
    assert done.total == Money(10200)
    with station.store.read() as s:
        lines = s.scalars(select(SaleLine).where(SaleLine.sale_id == done.sale_id)).all()
        fee_lines = [li for li in lines if li.service_code == FEE_SERVICE]
        assert [(li.amount_cents, li.gl_account) for li in fee_lines] == [(200, "4990")]
    text = "\n".join(render_text(receipts.receipt_document(station, done.receipt_no), 42))
    assert "Card convenience fee" in text and "2.00" in text
    assert stored(station) == (1, 8200, 2000, {"approved": 1})


def test_no_fee_for_categories_without_one(station, cashier, drawer):
    config.set_value(station, "card.convenience_fee", "permit=1.50", None)
    assert quote(station, utility_cart(station), Money(5000)).fee == Money(0)


def test_partial_approval_carries_only_its_share_of_the_fee(
    station, cashier, drawer, card_simulator, card_terminal
):
    config.set_value(station, "card.convenience_fee", "3%", None)
    card_simulator.push("partial:51.50")
    cart = utility_cart(station, "100.00")
    result = charge(station, cashier, drawer.session_id, cart, Money(10000), terminal=card_terminal)
    assert result.requested == Money(10300) and result.approved == Money(5150)
    assert result.fee == Money(150) and result.base == Money(5000)
    finish_sale(
        station,
        cashier,
        drawer.session_id,
        cart,
        [Tender("cash", Money(5000))],
        [result.request_id],
    )
    assert stored(station) == (1, 5150, 5000, {"approved": 1})


def test_amount_must_fit_the_sale(station, cashier, drawer, card_terminal):
    with pytest.raises(InputError, match="more than the sale"):
        quote(station, utility_cart(station, "10.00"), Money(1001))
    with pytest.raises(InputError, match="more than"):
        quote(station, utility_cart(station, "10.00"), Money(0))


def test_a_flat_fee_is_charged_once_however_many_cards_pay(
    station, cashier, drawer, card_simulator, card_terminal
):
    """The issue: a flat $1.50 on $100 paid by two cards cost $3.00; it is $1.50."""
    config.set_value(station, "card.convenience_fee", "1.50", None)
    cart = utility_cart(station, "100.00")
    first = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert first.fee == Money(150)
    ids = [first.request_id]
    assert quote(station, cart, Money(5000), prior=ids, session_id=drawer.session_id).fee == Money(
        0
    )
    second = charge(
        station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal, prior=ids
    )
    assert (second.approved, second.fee) == (Money(5000), Money(0))
    done = finish_sale(
        station, cashier, drawer.session_id, cart, [], [first.request_id, second.request_id]
    )
    assert done.total == Money(10150)
    assert stored(station) == (1, 10150, 0, {"approved": 2})


def test_a_partial_approval_then_a_second_card_pay_the_one_fee(
    station, cashier, drawer, card_simulator, card_terminal
):
    """The issue: utility=2.5%; permit=1.00, a partial approval and then a second card cost
    $4.00 instead of the $3.50 the rule gives for the sale's card total."""
    config.set_value(station, "card.convenience_fee", "utility=2.5%; permit=1.00", None)
    cart = utility_cart(station, "100.00")
    cart.add(
        catalog.price_line(
            station,
            "yard_sale_permit",
            details={"address": "77 Card Way", "start_date": days(3), "days": "1"},
        )
    )
    assert quote(station, cart, Money(12000)).fee == Money(350)
    card_simulator.push("partial:60.00")
    first = charge(station, cashier, drawer.session_id, cart, Money(12000), terminal=card_terminal)
    assert first.is_partial
    rest = cart.total - first.base
    second = charge(
        station,
        cashier,
        drawer.session_id,
        cart,
        rest,
        terminal=card_terminal,
        prior=[first.request_id],
    )
    assert first.fee + second.fee == Money(350)
    done = finish_sale(
        station, cashier, drawer.session_id, cart, [], [first.request_id, second.request_id]
    )
    assert done.total == Money(12350)


def test_a_card_not_of_this_sale_is_refused_as_an_earlier_card(station, cashier, drawer):
    with pytest.raises(StateError, match="not an approved card"):
        quote(station, utility_cart(station), Money(1000), prior=["nope"])


def test_cards_carrying_more_than_the_rule_are_not_saved_as_the_citys_fee(
    station, cashier, drawer, card_simulator, card_terminal
):
    """A caller that runs the second card without naming the first as an earlier card of the
    sale (only as held, so that the terminal takes it) charges the flat fee twice: the sale is
    refused with what to do, not saved with the double fee."""
    config.set_value(station, "card.convenience_fee", "1.50", None)
    cart = utility_cart(station, "100.00")
    first = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    second = charge(
        station,
        cashier,
        drawer.session_id,
        cart,
        Money(5000),
        terminal=card_terminal,
        held=[first.request_id],
    )
    with pytest.raises(StateError, match="void the card payments and run them again"):
        finish_sale(
            station, cashier, drawer.session_id, cart, [], [first.request_id, second.request_id]
        )
