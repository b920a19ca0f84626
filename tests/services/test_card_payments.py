"""Card payments against the simulated terminal over real TCP: the store holds what was paid, once."""

from __future__ import annotations

import socket
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import Tender
from counterpos.hardware.card_simulator import CardSimulator
from counterpos.hardware.card_terminal import TcpTerminal
from counterpos.services import config
from counterpos.services.card.fees import FEE_SERVICE, quote
from counterpos.services.card.requests import (
    begin_request,
    cancel,
    charge,
    open_requests,
    resolve_pending,
)
from counterpos.services.card.reversals import reverse_card_tenders, void_request
from counterpos.services.card.sales import finish_sale, unattached_approvals
from counterpos.services.card.standalone import record_standalone
from counterpos.services.card.totals import card_totals_by_brand, terminal_batch_total
from counterpos.services.errors import DeviceError, InputError, StateError
from counterpos.services.sale import catalog, receipts
from counterpos.services.station import Station
from counterpos.store.models import CardRequest, Sale, SaleLine, TenderRow
from tests.conftest import login

ACCOUNT = "10000000"


@pytest.fixture
def sim():
    s = CardSimulator().start()
    yield s
    s.stop()


@pytest.fixture
def terminal(sim, station):
    config.set_value(station, "card.terminal", sim.url, None)
    t = TcpTerminal(sim.url, sale_timeout=1.0, call_timeout=3.0, connect_timeout=1.0)
    yield t
    t.close()


def utility_cart(station, amount="50.00") -> Cart:
    cart = Cart()
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": ACCOUNT}, amount_text=amount
        )
    )
    return cart


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stored(station):
    """(number of sales, card tender cents, cash tender applied cents, card requests by status)."""
    with station.store.read() as s:
        n_sales = s.scalar(select(func.count()).select_from(Sale))
        card = s.scalar(
            select(func.coalesce(func.sum(TenderRow.amount_cents), 0)).where(
                TenderRow.kind == "card"
            )
        )
        cash = s.scalar(
            select(func.coalesce(func.sum(TenderRow.amount_cents), 0)).where(
                TenderRow.kind == "cash"
            )
        )
        reqs = {}
        for r in s.scalars(select(CardRequest)):
            reqs[r.status] = reqs.get(r.status, 0) + 1
    return n_sales, card, cash, reqs


def charged(sim) -> int:
    """What the simulated terminal holds as charged (approved, not reversed)."""
    return sum(r.approved_cents for r in sim.records.values() if r.status == "approved")


def test_approve_then_sale_holds_the_card_once(station, cashier, drawer, sim, terminal):
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert result.is_approved and not result.is_partial
    assert result.approved == Money(5000) and len(result.last4) == 4 and result.approval_code
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (1, 5000, 0, {"approved": 1})
    assert charged(sim) == 5000 and sim.sales_received == 1
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


@pytest.mark.parametrize(("step", "status"), [("decline", "declined"), ("cancel", "cancelled")])
def test_decline_or_cancel_returns_to_tender_and_cash_pays(
    station, cashier, drawer, sim, terminal, step, status
):
    sim.push(step)
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert result.status == status and result.reason and result.approved == Money(0)
    assert status.capitalize() in result.message()
    assert stored(station) == (0, 0, 0, {status: 1})
    finish_sale(station, cashier, drawer.session_id, cart, [Tender("cash", Money(5000))], [])
    assert stored(station) == (1, 0, 5000, {status: 1})
    assert charged(sim) == 0


def test_partial_approval_leaves_the_rest_to_pay(station, cashier, drawer, sim, terminal):
    sim.push("partial:30.00")
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert result.is_partial and result.approved == Money(3000)
    assert "Partly approved" in result.message()
    with pytest.raises(InputError, match="still due"):
        finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    finish_sale(
        station,
        cashier,
        drawer.session_id,
        cart,
        [Tender("cash", Money(2000))],
        [result.request_id],
    )
    assert stored(station) == (1, 3000, 2000, {"approved": 1})
    assert charged(sim) == 3000


def test_timeout_then_status_approved_completes_without_a_second_charge(
    station, cashier, drawer, sim, terminal
):
    sim.push("timeout")
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert result.is_approved  # learned from the status query, not from the sale's answer
    finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (1, 5000, 0, {"approved": 1})
    assert sim.sales_received == 1 and charged(sim) == 5000


@pytest.mark.parametrize(
    ("step", "status"), [("timeout-decline", "declined"), ("lost", "cancelled")]
)
def test_timeout_then_status_not_approved_abandons_it(
    station, cashier, drawer, sim, terminal, step, status
):
    sim.push(step)
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert result.status == status
    assert stored(station) == (0, 0, 0, {status: 1})
    # the cashier may run the card again: a new request, charged once
    again = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert again.is_approved and again.request_id != result.request_id
    finish_sale(station, cashier, drawer.session_id, cart, [], [again.request_id])
    assert stored(station) == (1, 5000, 0, {status: 1, "approved": 1})
    assert charged(sim) == 5000


def test_terminal_unreachable_charges_nothing(station, cashier, drawer):
    url = f"tcp://127.0.0.1:{free_port()}"
    config.set_value(station, "card.terminal", url, None)
    t = TcpTerminal(url, sale_timeout=1.0, call_timeout=1.0, connect_timeout=1.0)
    try:
        cart = utility_cart(station)
        result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=t)
    finally:
        t.close()
    assert result.status == "cancelled" and "does not answer" in result.reason
    assert "Nothing was charged" in result.reason
    assert stored(station) == (0, 0, 0, {"cancelled": 1})


def test_unknown_outcome_survives_a_restart_and_is_resolved_once(
    home, station, cashier, drawer, sim, terminal
):
    """No answer and no status (terminal gone) -> unknown; after a restart the status query
    resolves it, and the sale completes with that one charge."""
    sim.push("timeout")
    cart = utility_cart(station)
    dead = f"tcp://127.0.0.1:{free_port()}"
    recorded: list[str] = []

    class GoneAfterSale(TcpTerminal):
        def status(self, request_id):  # the terminal drops off the network after the sale
            return TcpTerminal(dead, connect_timeout=0.5).status(request_id)

    t = GoneAfterSale(sim.url, sale_timeout=1.0, call_timeout=1.0, connect_timeout=1.0)
    try:
        result = charge(
            station,
            cashier,
            drawer.session_id,
            cart,
            Money(5000),
            terminal=t,
            on_recorded=recorded.append,
        )
    finally:
        t.close()
    assert result.is_unknown and recorded == [result.request_id]
    assert "Do not run the card again" in result.message()
    with pytest.raises(StateError, match="no answer from the terminal"):
        charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    assert stored(station) == (0, 0, 0, {"unknown": 1})
    station.close()

    reopened = Station.open(home)  # the station restarts
    try:
        maria = login(reopened, "maria")
        resolved = resolve_pending(reopened)
        assert [r.status for r in resolved] == ["approved"]
        assert open_requests(reopened) == []
        carried = unattached_approvals(reopened, drawer.session_id)
        assert [r.request_id for r in carried] == [result.request_id]
        finish_sale(reopened, maria, drawer.session_id, cart, [], [result.request_id])
        assert stored(reopened) == (1, 5000, 0, {"approved": 1})
        assert sim.sales_received == 1 and charged(sim) == 5000
    finally:
        reopened.close()


def test_convenience_fee_is_shown_charged_printed_and_posted(
    station, cashier, drawer, sim, terminal
):
    config.set_value(station, "card.convenience_fee", "utility=2.5%; *=none", None)
    cart = utility_cart(station, "100.00")
    # $20 cash, the rest by card: the fee is on the card's part only
    q = quote(station, cart, Money(8000))
    assert (q.base, q.fee, q.charge) == (Money(8000), Money(200), Money(8200))
    result = charge(station, cashier, drawer.session_id, cart, Money(8000), terminal=terminal)
    assert result.approved == Money(8200) and result.fee == Money(200)
    assert sim.records[result.request_id].requested_cents == 8200
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


def test_fee_setting_is_checked(station):
    with pytest.raises(InputError, match="percentage"):
        config.set_value(station, "card.convenience_fee", "25%", None)
    with pytest.raises(InputError, match="standalone"):
        config.set_value(station, "card.terminal", "http://x", None)


def test_partial_approval_carries_only_its_share_of_the_fee(
    station, cashier, drawer, sim, terminal
):
    config.set_value(station, "card.convenience_fee", "3%", None)
    sim.push("partial:51.50")
    cart = utility_cart(station, "100.00")
    result = charge(station, cashier, drawer.session_id, cart, Money(10000), terminal=terminal)
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


def test_standalone_records_what_the_cashier_keys(station, cashier, drawer):
    cart = utility_cart(station)
    with pytest.raises(StateError, match="standalone"):
        charge(station, cashier, drawer.session_id, cart, Money(5000))
    with pytest.raises(InputError, match="last four"):
        record_standalone(
            station,
            cashier,
            drawer.session_id,
            cart,
            Money(5000),
            approval_code="123456",
            brand="visa",
            last4="12345",
        )
    with pytest.raises(InputError, match="card number"):
        record_standalone(
            station,
            cashier,
            drawer.session_id,
            cart,
            Money(5000),
            approval_code="123456",
            brand="visa",
            last4="4111111111111111",
        )
    result = record_standalone(
        station,
        cashier,
        drawer.session_id,
        cart,
        Money(5000),
        approval_code="ab12cd",
        brand="Visa",
        last4="4242",
    )
    assert (result.status, result.approval_code, result.brand) == ("approved", "AB12CD", "visa")
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    reversals = reverse_card_tenders(station, done.sale_id)
    assert [r.kind for r in reversals] == ["manual"] and "standalone" in reversals[0].message


def test_reverse_card_tenders_voids_same_day_and_refunds_later(
    station, cashier, drawer, sim, terminal
):
    cart = utility_cart(station)
    first = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    sale1 = finish_sale(station, cashier, drawer.session_id, cart, [], [first.request_id])
    second = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    sale2 = finish_sale(station, cashier, drawer.session_id, cart, [], [second.request_id])
    # the second sale was approved yesterday
    with station.store.write() as s:
        row = s.get(CardRequest, second.request_id)
        row.resolved_at = row.resolved_at - timedelta(days=1)

    (void,) = reverse_card_tenders(station, sale1.sale_id, terminal=terminal)
    assert void.kind == "void" and sim.records[first.request_id].status == "voided"
    (refund,) = reverse_card_tenders(station, sale2.sale_id, terminal=terminal)
    assert refund.kind == "refund" and sim.records[second.request_id].status == "refunded"
    assert reverse_card_tenders(station, sale1.sale_id, terminal=terminal) == []  # once only
    assert stored(station)[3] == {"voided": 1, "refunded": 1}
    assert card_totals_by_brand(station, drawer.session_id) == []


def test_reverse_fails_plainly_and_changes_nothing_when_the_terminal_is_down(
    station, cashier, drawer, sim, terminal
):
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    sale = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    down = TcpTerminal(f"tcp://127.0.0.1:{free_port()}", connect_timeout=0.5, call_timeout=0.5)
    try:
        with pytest.raises(DeviceError, match="Nothing was changed"):
            reverse_card_tenders(station, sale.sale_id, terminal=down)
    finally:
        down.close()
    assert stored(station)[3] == {"approved": 1}
    assert sim.records[result.request_id].status == "approved"


def test_void_an_approval_the_customer_walked_away_from(station, cashier, drawer, sim, terminal):
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    voided = void_request(station, cashier, result.request_id, terminal=terminal)
    assert voided.status == "voided" and charged(sim) == 0
    assert unattached_approvals(station, drawer.session_id) == []


def test_card_totals_by_brand_match_the_terminal_batch(station, cashier, drawer, sim, terminal):
    cart = utility_cart(station, "10.00")
    for _ in range(5):
        r = charge(station, cashier, drawer.session_id, cart, Money(1000), terminal=terminal)
        finish_sale(station, cashier, drawer.session_id, cart, [], [r.request_id])
    totals = card_totals_by_brand(station, drawer.session_id)
    batch = terminal_batch_total(station, terminal=terminal)
    assert {t.brand: t.total for t in totals} == batch
    assert sum(t.count for t in totals) == 5
    assert sum(t.total.cents for t in totals) == 5000


def test_a_closed_or_foreign_session_cannot_run_a_card(station, drawer, sim, terminal):
    james = login(station, "james")
    with pytest.raises(StateError, match="drawer session"):
        charge(
            station, james, drawer.session_id, utility_cart(station), Money(100), terminal=terminal
        )
    assert stored(station)[3] == {}


def test_amount_must_fit_the_sale(station, cashier, drawer, terminal):
    with pytest.raises(InputError, match="more than the sale"):
        quote(station, utility_cart(station, "10.00"), Money(1001))
    with pytest.raises(InputError, match="more than"):
        quote(station, utility_cart(station, "10.00"), Money(0))


def test_cancel_pressed_the_moment_the_card_is_sent(station, cashier, drawer, sim):
    """The Cancel may reach the terminal before the sale: it is retried, and wins."""
    sim.push("wait:20")
    t = TcpTerminal(sim.url, sale_timeout=30.0, call_timeout=3.0)
    ids: list[str] = []
    box: dict = {}
    cart = utility_cart(station)
    worker = threading.Thread(
        target=lambda: box.setdefault(
            "r",
            charge(
                station,
                cashier,
                drawer.session_id,
                cart,
                Money(5000),
                terminal=t,
                on_recorded=ids.append,
            ),
        )
    )
    worker.start()
    try:
        deadline = time.monotonic() + 5
        while not ids and time.monotonic() < deadline:
            time.sleep(0.01)
        assert cancel(station, ids[0], terminal=t) == "cancelled"
        worker.join(10)
    finally:
        t.close()
    assert box["r"].status == "cancelled"
    assert stored(station) == (0, 0, 0, {"cancelled": 1}) and charged(sim) == 0


def test_a_crash_between_saving_the_sale_and_linking_the_card_is_repaired(
    station, cashier, drawer, sim, terminal
):
    """The sale holds the card tender but the request was not linked: it is not offered again."""
    from counterpos.services.sale import sales

    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    done = sales.complete_sale(station, cashier, drawer.session_id, cart, [result.tender])
    # ... the station stopped here, before finish_sale linked the request
    assert unattached_approvals(station, drawer.session_id) == []
    with station.store.read() as s:
        assert s.get(CardRequest, result.request_id).sale_id == done.sale_id
    with pytest.raises(StateError, match="already on a sale"):
        finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (1, 5000, 0, {"approved": 1})


def test_a_keyed_card_left_pending_by_a_crash_is_closed_not_blocking(station, cashier, drawer):
    cart = utility_cart(station)
    q = quote(station, cart, Money(5000))
    request_id = begin_request(station, cashier, drawer.session_id, cart, q, "standalone")
    # ... the station stopped before the keyed approval was saved
    (result,) = resolve_pending(station)
    assert result.request_id == request_id and result.status == "cancelled"
    assert "key it in again" in result.reason
    again = record_standalone(
        station,
        cashier,
        drawer.session_id,
        cart,
        Money(5000),
        approval_code="77AB",
        brand="mastercard",
        last4="5454",
    )
    assert again.is_approved


def test_split_between_check_cash_and_card(station, cashier, drawer, sim, terminal):
    cart = utility_cart(station, "100.00")
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
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


def test_card_alone_does_not_open_the_drawer(station, cashier, drawer, sim, terminal):
    cart = utility_cart(station)
    card = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [card.request_id])
    assert not done.opens_drawer


def test_the_card_link_is_saved_with_the_sale_or_not_at_all(
    station, cashier, drawer, sim, terminal, monkeypatch
):
    """finish_sale links its requests inside the sale's transaction: a failure after the link
    (here: the disk full as the sale commits) leaves neither the sale nor the link."""
    from counterpos.services.sale import sales

    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=terminal)
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
