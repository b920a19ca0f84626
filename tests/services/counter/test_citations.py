"""Citation payments: lookup, the +$25 after 21 days, unknown and already-paid citations."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from counterpos.domain.cart import Cart, CartError, CartLine
from counterpos.domain.money import Money
from counterpos.services.counter import citations
from counterpos.services.errors import InputError, NotFound, PermissionDenied
from counterpos.services.sale import approved_lines, catalog
from counterpos.store.models import Citation
from tests.conftest import audit_events
from tests.services.counter_visit import TODAY, pay_cash, ring


def test_recent_citation_is_its_amount(station):
    lines = catalog.price_lines(station, "citation", details={"citation_no": "pc 240001"})
    assert [(x.service_code, x.amount.cents) for x in lines] == [("citation", 4500)]
    assert lines[0].details["citation_no"] == "PC240001"


def test_citation_past_21_days_carries_the_penalty(station, cashier, drawer):
    lines = catalog.price_lines(station, "citation", details={"citation_no": "PC240002"})
    assert [(x.service_code, x.amount.cents) for x in lines] == [
        ("citation", 5500),
        ("citation_late_penalty", 2500),
    ]
    cart = Cart()
    cart.add(lines[0])
    with pytest.raises(InputError, match=r"late penalty \(21\+ days\) \(\$25.00\) comes with it"):
        pay_cash(station, cashier, drawer.session_id, cart)
    cart.add(lines[1])
    pay_cash(station, cashier, drawer.session_id, cart)
    assert citations.lookup(station, "PC240002").paid
    with pytest.raises(InputError, match="already paid"):
        catalog.price_lines(station, "citation", details={"citation_no": "PC240002"})


def test_penalty_refused_on_a_recent_citation(station, cashier, drawer):
    # Not offered alone, and refused alone.
    with pytest.raises(InputError, match="rung only with the citation payment"):
        catalog.price_line(station, "citation_late_penalty", details={"citation_no": "PC240001"})
    # Slipped in with its citation by hand: priced again inside the sale, and refused.
    lines = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    penalty = CartLine(
        "citation_late_penalty",
        "Citation late penalty (21+ days)",
        Money(2500),
        "4610",
        details={"citation_no": "PC240001"},
        parent_id=lines[0].line_id,
    )
    with pytest.raises(InputError, match="not late yet: the late penalty is added after 21 days"):
        pay_cash(station, cashier, drawer.session_id, Cart([lines[0], penalty]))


def test_two_penalty_lines_are_refused_and_the_sale_is_80_dollars(station, cashier, drawer):
    """The issue: PC240002 with two penalty lines came to $105.00 instead of $80.00."""
    citation, penalty = catalog.price_lines(
        station, "citation", details={"citation_no": "PC240002"}
    )
    again = dataclasses.replace(penalty, line_id="second-penalty")
    cart = Cart([citation, penalty])
    with pytest.raises(CartError, match="already in the cart with Citation payment"):
        cart.add(again)
    with pytest.raises(InputError, match="2 times with Citation payment: it is charged once"):
        pay_cash(station, cashier, drawer.session_id, Cart([citation, penalty, again]))
    done = pay_cash(station, cashier, drawer.session_id, cart)
    assert done.total == Money(8000)


def test_a_penalty_alone_then_the_citation_is_refused(station, cashier, drawer):
    """The issue: a penalty rung alone, then the citation paid, took $25 + $115."""
    alone = CartLine(
        "citation_late_penalty",
        "Citation late penalty (21+ days)",
        Money(2500),
        "4610",
        details={"citation_no": "PC240002"},
    )
    with pytest.raises(InputError, match="rung only with the citation payment it belongs to"):
        pay_cash(station, cashier, drawer.session_id, Cart([alone]))
    assert not citations.lookup(station, "PC240002").paid


def test_an_edited_price_is_refused_with_both_amounts(station, cashier, drawer):
    """The issue: a cart line edited to $0.01 marked a citation paid."""
    citation, penalty = catalog.price_lines(
        station, "citation", details={"citation_no": "PC240002"}
    )
    cheap = dataclasses.replace(citation, amount=Money(1))
    with pytest.raises(InputError, match=r"Citation payment is now \$55.00, not \$0.01") as err:
        pay_cash(station, cashier, drawer.session_id, Cart([cheap, penalty]))
    assert err.value.field == catalog.PRICES_CHANGED
    assert not citations.lookup(station, "PC240002").paid
    # The till prices the cart again and shows the new total.
    again = catalog.reprice(station, Cart([cheap, penalty]))
    assert again.total == Money(8000)
    assert pay_cash(station, cashier, drawer.session_id, again).total == Money(8000)


def test_a_cart_rung_before_the_21st_day_is_priced_as_on_the_day_it_is_paid(
    station, cashier, drawer
):
    """The issue: a cart priced before midnight kept yesterday's late status."""
    with station.store.write() as s:
        s.get_one(Citation, "PC240001").issued_on = TODAY - timedelta(days=21)
    (line,) = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    with station.store.write() as s:  # midnight passes: now 22 days
        s.get_one(Citation, "PC240001").issued_on = TODAY - timedelta(days=22)
    with pytest.raises(InputError, match="late penalty .* comes with it"):
        pay_cash(station, cashier, drawer.session_id, Cart([line]))
    again = catalog.reprice(station, Cart([line]))
    assert [x.service_code for x in again.lines] == ["citation", "citation_late_penalty"]
    assert again.total == Money(4500 + 2500)


def test_a_penalty_owed_on_a_citation_paid_earlier_is_a_supervisors_action(
    station, cashier, drawer, approval
):
    (line,) = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    pay_cash(station, cashier, drawer.session_id, Cart([line]))
    # As if it had been paid past its 21 days without the penalty (before the rule held).
    with station.store.write() as s:
        s.get_one(Citation, "PC240001").issued_on = TODAY - timedelta(days=40)
    with pytest.raises(PermissionDenied):
        approved_lines.penalty_on_its_own(
            station, cashier, "citation_late_penalty", "PC240001", "Paid late without it"
        )
    with pytest.raises(InputError, match="reason"):
        approved_lines.penalty_on_its_own(
            station,
            cashier,
            "citation_late_penalty",
            "PC240001",
            " ",
            approval(cashier, "approve_line"),
        )
    penalty = approved_lines.penalty_on_its_own(
        station,
        cashier,
        "citation_late_penalty",
        "PC240001",
        "Paid late in October without the penalty",
        approval(cashier, "approve_line"),
    )
    assert penalty.amount == Money(2500) and penalty.parent_id is None
    done = pay_cash(station, cashier, drawer.session_id, Cart([penalty]))
    assert done.total == Money(2500)
    events = audit_events(station, "line_approved")
    assert events[-1].approver == "sofia" and "October" in events[-1].details["reason"]
    # Once: neither the same approval again, nor a second one.
    with pytest.raises(InputError, match="used by another sale|penalty was paid since"):
        pay_cash(station, cashier, drawer.session_id, Cart([penalty]))
    with pytest.raises(InputError, match="No late penalty is owed"):
        approved_lines.penalty_on_its_own(
            station,
            cashier,
            "citation_late_penalty",
            "PC240001",
            "Trying it twice",
            approval(cashier, "approve_line"),
        )


def test_no_penalty_is_owed_on_a_citation_paid_in_time(station, cashier, drawer, approval):
    (line,) = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    pay_cash(station, cashier, drawer.session_id, Cart([line]))
    with pytest.raises(InputError, match="No late penalty is owed on citation PC240001"):
        approved_lines.penalty_on_its_own(
            station,
            cashier,
            "citation_late_penalty",
            "PC240001",
            "Asked to charge it anyway",
            approval(cashier, "approve_line"),
        )


def test_unknown_citation_is_refused(station):
    with pytest.raises(NotFound, match="no citation PC999999"):
        catalog.price_lines(station, "citation", details={"citation_no": "PC999999"})


@pytest.mark.parametrize("number", ["ABCD", "12", "PC24000!", "PCXX240001"])
def test_letters_where_digits_belong(station, number):
    with pytest.raises(InputError, match="not a citation number"):
        catalog.price_lines(station, "citation", details={"citation_no": number})


def test_same_citation_twice_in_a_cart(station, cashier, drawer):
    """Refused when it is added, not only at payment."""
    cart = ring(station, Cart(), "citation", details={"citation_no": "PC240001"})
    with pytest.raises(CartError, match="Citation PC240001 is already in the cart"):
        ring(station, cart, "citation", details={"citation_no": "PC240001"})
    second = catalog.price_line(station, "citation", details={"citation_no": "PC240001"})
    with pytest.raises(InputError, match="in the cart twice"):
        pay_cash(station, cashier, drawer.session_id, Cart([*cart.lines, second]))
