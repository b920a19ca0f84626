"""Bus passes: card numbers, new card or reload, and the validity printed on the receipt."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.cart import Cart
from counterpos.domain.document_language import date_text
from counterpos.domain.receipt_document import render_text
from counterpos.services.counter import bus_pass
from counterpos.services.errors import InputError
from counterpos.services.sale import catalog, receipts
from tests.services.counter_visit import pay_cash, ring


def test_validity_periods():
    on = date(2026, 2, 10)
    assert bus_pass.validity("adult_monthly", on) == (on, date(2026, 2, 28))
    assert bus_pass.validity("student_monthly", on, "next") == (date(2026, 3, 1), date(2026, 3, 31))
    assert bus_pass.validity("day_pass", on) == (on, on)
    assert bus_pass.validity("ride_10", on) == (on, date(2027, 2, 9))


def test_new_card_adds_the_card_fee_and_receipt_shows_validity(station, cashier, drawer):
    cart = ring(
        station,
        Cart(),
        "bus_pass",
        details={
            "pass_type": "senior_monthly",
            "card_no": "6001 2345 6789",
            "card_action": "new",
            "month": "next",
        },
    )
    assert [(x.service_code, x.amount.cents) for x in cart.lines] == [
        ("bus_pass", 2000),
        ("bus_card_new", 200),
    ]
    done = pay_cash(station, cashier, drawer.session_id, cart)
    text = "\n".join(render_text(receipts.receipt_document(station, done.receipt_no)))
    first, last = cart.lines[0].details["valid_from"], cart.lines[0].details["valid_to"]
    # The period with the month spelled (the line may wrap between the two dates).
    words = " ".join(text.split())
    assert date_text(date.fromisoformat(first), "en") in words
    assert date_text(date.fromisoformat(last), "en") in words
    assert "Card: 600123456789" in text


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"card_no": "12ab5678"}, "8 to 16 digits"),
        ({"card_no": "123"}, "8 to 16 digits"),
        ({"pass_type": "day_pass", "month": "next"}, "Only a monthly"),
        ({"pass_type": "gold"}, "choose one of"),
    ],
)
def test_bad_bus_pass(station, over, message):
    details = {"pass_type": "adult_monthly", "card_no": "12345678", "card_action": "reload"}
    details.update(over)
    with pytest.raises(InputError, match=message):
        catalog.price_lines(station, "bus_pass", details=details)


def test_from_the_set_day_next_month_is_offered_first_and_why(station):
    from counterpos.services import settings

    def month_choices(on):
        svc = next(s for s in catalog.list_services(station, on) if s.code == "bus_pass")
        return next(f for f in svc.fields if f["name"] == "month")["choices"]

    assert [c[0] for c in month_choices(date(2026, 11, 24))] == ["this", "next"]
    first, second = month_choices(date(2026, 11, 30))
    assert (first[0], second[0]) == ("next", "this")
    assert "from the 25th" in first[1] and "good for 1 more day" in first[1]
    with station.store.read() as s:
        assert bus_pass.next_month_first(s, date(2026, 11, 24)) == ""
    with station.store.write() as s:
        settings.put(s, "bus_pass.next_month_from_day", "20")
        assert "from the 20th" in bus_pass.next_month_first(s, date(2026, 11, 24))


def _luhn_complete(body: str) -> str:
    from counterpos.domain.pan_guard import luhn_ok

    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def test_sixteen_digit_transit_cards_are_sold_and_a_card_number_is_not(station, cashier, drawer):
    """Issue 13: about 1 in 10 real 16-digit transit cards was refused as "looks like a card
    number" (those that pass Luhn). The field is declared to hold a transit card number and is
    checked against that format: numbered by the agency under ISO/IEC 7812, outside the card
    networks' issuer numbers, every one is taken, Luhn-valid or not."""
    import random

    rng = random.Random(13)
    cards = []
    for i in range(200):
        body = rng.choice(("7", "90", "91", "96")) + "".join(
            rng.choice("0123456789") for _ in range(14)
        )
        cards.append(_luhn_complete(body[:15]) if i % 2 else body[:16])
    refused = []
    for card in cards:
        try:
            catalog.price_line(
                station,
                "bus_pass",
                details={"pass_type": "day_pass", "card_no": card, "card_action": "reload"},
            )
        except InputError:
            refused.append(card)
    assert refused == []
    cart = ring(
        station,
        Cart(),
        "bus_pass",
        details={"pass_type": "day_pass", "card_no": cards[1], "card_action": "reload"},
    )
    done = pay_cash(station, cashier, drawer.session_id, cart)  # the store takes it too
    text = "\n".join(render_text(receipts.receipt_document(station, done.receipt_no)))
    assert f"Card: {cards[1]}" in text
    for pan in ("4111111111111111", "5555 5555 5555 4444", "6011-1111-1111-1117"):
        with pytest.raises(InputError, match="looks like a card number"):
            catalog.price_line(
                station,
                "bus_pass",
                details={"pass_type": "day_pass", "card_no": pan, "card_action": "reload"},
            )
