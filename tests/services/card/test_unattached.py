"""Approved card payments not on a saved sale (services/card/unattached.py): kept, shown before
any new card and at the close, attached to the sale rung again, or voided with a supervisor."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import Tender
from counterpos.services.card import unattached
from counterpos.services.card.requests import charge
from counterpos.services.card.reversals import void_request
from counterpos.services.card.sales import finish_sale
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import PermissionDenied, StateError
from counterpos.services.sale import receipts
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent, CardRequest, TenderRow
from tests.conftest import login
from tests.services.card.card_support import charged, key_in, stored, utility_cart


def crash_and_restart(station: Station) -> Station:
    """The station stops (its dialog's memory is gone) and opens again on the same store."""
    home = station.home
    station.close()
    return Station.open(home)


def test_killed_after_the_approval_the_card_is_attached_to_the_sale_rung_again(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station, "25.00")
    card = charge(station, cashier, drawer.session_id, cart, Money(2500), terminal=card_terminal)
    assert card.is_approved
    station = crash_and_restart(station)  # ... before the sale was saved
    try:
        (found,) = unattached.unattached(station, drawer.session_id)
        assert found.request_id == card.request_id and found.orphaned
        assert "$25.00 on VISA ending 1111" in unattached.notice(station, drawer.session_id)
        # no other card in this drawer session until it is settled: the double charge of
        # issue 13 (ring again, run the card again) is refused before the terminal is asked
        with pytest.raises(StateError, match="approved and not on a saved sale"):
            charge(station, cashier, drawer.session_id, cart, Money(2500), terminal=card_terminal)
        with pytest.raises(StateError, match="approved and not on a saved sale"):
            key_in(station, cashier, drawer, cart, Money(2500), approval_code="A1", brand="visa",
                   last4="4242")  # fmt: skip
        assert card_simulator.sales_received == 1
        # the sale rung again: the card is attached, and the receipt names it
        done = finish_sale(station, cashier, drawer.session_id, cart, [], [found.request_id])
        assert stored(station) == (1, 2500, 0, {"approved": 1})
        assert charged(card_simulator) == 2500 and card_simulator.sales_received == 1
        text = " ".join(
            " ".join(render_text(receipts.receipt_document(station, done.receipt_no))).split()
        )
        assert "Card approved earlier, " in text and " VISA ...1111, ref SIM0000" in text
        assert unattached.unattached(station, drawer.session_id) == []
        assert unattached.notice(station, drawer.session_id) == ""
    finally:
        station.close()


def test_killed_while_taking_the_cash_part_of_a_split_payment(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station, "80.00")
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    station = crash_and_restart(station)  # ... while the $30 cash was being counted
    try:
        (found,) = unattached.unattached(station, drawer.session_id)
        done = finish_sale(
            station,
            cashier,
            drawer.session_id,
            cart,
            [Tender("cash", Money(4000))],
            [found.request_id],
        )
        assert done.change == Money(1000)
        assert stored(station) == (1, 5000, 3000, {"approved": 1})
        assert card_simulator.sales_received == 1 and charged(card_simulator) == 5000
        with station.store.read() as s:
            row = s.get(CardRequest, card.request_id)
            assert row.sale_id == done.sale_id
    finally:
        station.close()


def test_a_partial_approval_may_be_followed_by_another_card_of_the_same_payment(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station, "60.00")
    card_simulator.push("partial:20.00")
    first = charge(station, cashier, drawer.session_id, cart, Money(6000), terminal=card_terminal)
    assert first.is_partial
    with pytest.raises(StateError):  # the payment on screen must say the first card is its own
        charge(station, cashier, drawer.session_id, cart, Money(4000), terminal=card_terminal)
    second = charge(
        station,
        cashier,
        drawer.session_id,
        cart,
        Money(4000),
        terminal=card_terminal,
        held=[first.request_id],
    )
    finish_sale(
        station, cashier, drawer.session_id, cart, [], [first.request_id, second.request_id]
    )
    assert stored(station) == (1, 6000, 0, {"approved": 2})


def test_voiding_it_needs_a_supervisor(
    station, cashier, drawer, card_simulator, card_terminal, approval
):
    cart = utility_cart(station)
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    (found,) = unattached.unattached(station, drawer.session_id)
    with pytest.raises(StateError, match="supervisor"):  # not the Esc of the payment screen
        void_request(station, cashier, found.request_id, terminal=card_terminal)
    with pytest.raises(PermissionDenied, match="supervisor must approve"):
        unattached.void_unattached(station, cashier, found.request_id, terminal=card_terminal)
    result = unattached.void_unattached(
        station,
        cashier,
        found.request_id,
        approval(cashier, "void"),
        terminal=card_terminal,
    )
    assert result.status == "voided" and charged(card_simulator) == 0
    assert card_simulator.records[card.request_id].status == "voided"
    with station.store.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "card_void")).one()
    assert (event.actor, event.approver, event.target) == ("maria", "sofia", card.request_id)
    assert unattached.unattached(station) == []
    # a new card may be run again
    assert charge(
        station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal
    ).is_approved


def test_the_supervisor_who_took_the_card_cannot_void_it_alone(
    station, card_simulator, card_terminal
):
    from counterpos.services import sessions
    from counterpos.services.access import overrides, users

    users.add_user(station, "rosa", "Rosa Diaz", "supervisor", "444444")
    sofia = login(station, "sofia")
    sid = sessions.open_session(station, sofia, {"bill_20": 5}).session_id
    cart = utility_cart(station)
    card = charge(station, sofia, sid, cart, Money(5000), terminal=card_terminal)
    unattached.unattached(station, sid)
    with pytest.raises(PermissionDenied, match="another supervisor"):
        unattached.void_unattached(station, sofia, card.request_id, terminal=card_terminal)
    result = unattached.void_unattached(
        station,
        sofia,
        card.request_id,
        overrides.approve(station, sofia, "rosa", "444444", "void"),
        terminal=card_terminal,
    )
    assert result.status == "voided"


def test_the_drawer_cannot_close_while_one_is_unattached(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station)
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    sheet = close.closing_sheet(station, cashier, drawer.session_id)
    assert len(sheet.card_problems) == 1 and "not on a saved sale" in sheet.card_problems[0]
    count = ClosingCount(
        {"bill_20": 4, "bill_10": 1, "bill_1": 5, "coin_25": 20}, frozenset(), Money(5000)
    )
    with pytest.raises(StateError, match="cannot close"):
        close.count_drawer(station, cashier, drawer.session_id, count)
    with pytest.raises(StateError, match="cannot close"):
        close.close_session(station, cashier, drawer.session_id, count)
    finish_sale(station, cashier, drawer.session_id, cart, [], [card.request_id])
    assert close.closing_sheet(station, cashier, drawer.session_id).card_problems == ()
    result = close.close_session(station, cashier, drawer.session_id, count)
    assert result.closed and not result.needs_approval


def test_a_card_with_no_answer_also_blocks_the_close(station, cashier, drawer, card_simulator):
    from counterpos.hardware.card_terminal import TcpTerminal

    card_simulator.push("timeout")

    class Mute(TcpTerminal):
        def status(self, request_id):
            from counterpos.hardware.card_terminal import TerminalTimeout

            raise TerminalTimeout("no answer")

    mute = Mute(card_simulator.url, sale_timeout=0.3, call_timeout=0.5)
    try:
        r = charge(
            station, cashier, drawer.session_id, utility_cart(station), Money(100), terminal=mute
        )
    finally:
        mute.close()
    assert r.is_unknown
    (problem,) = close.closing_sheet(station, cashier, drawer.session_id).card_problems
    assert "no answer from the terminal" in problem
    assert "no answer from the terminal" in unattached.notice(station, drawer.session_id)


def test_a_card_sale_saved_before_the_crash_is_not_offered_again(
    station, cashier, drawer, card_simulator, card_terminal
):
    """Killed after the sale was saved: the request is on it (linked in the sale's own
    transaction); nothing is unattached, nothing is rung twice."""
    cart = utility_cart(station)
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [card.request_id])
    station = crash_and_restart(station)
    try:
        assert unattached.unattached(station) == []
        with station.store.read() as s:
            tender = s.scalar(select(TenderRow).where(TenderRow.sale_id == done.sale_id))
            assert tender.payer == ""  # an ordinary card tender: not "approved earlier"
    finally:
        station.close()


def test_find_takes_the_last_eight_characters(
    station, cashier, drawer, card_simulator, card_terminal
):
    from counterpos.services.errors import NotFound

    cart = utility_cart(station)
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert unattached.find(station, card.request_id[-8:]) == card.request_id
    assert unattached.find(station, card.request_id.upper()) == card.request_id
    with pytest.raises(NotFound):
        unattached.find(station, "0000000000")
