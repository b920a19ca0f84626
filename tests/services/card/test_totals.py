"""Card totals of a session (services/card/totals.py) match the terminal's batch."""

from __future__ import annotations

from counterpos.domain.money import Money
from counterpos.services.card.requests import charge
from counterpos.services.card.sales import finish_sale
from counterpos.services.card.totals import card_totals_by_brand, terminal_batch_total
from tests.services.card.card_support import utility_cart


def test_card_totals_by_brand_match_the_terminal_batch(
    station, cashier, drawer, card_simulator, card_terminal
):
    cart = utility_cart(station, "10.00")
    for _ in range(5):
        r = charge(station, cashier, drawer.session_id, cart, Money(1000), terminal=card_terminal)
        finish_sale(station, cashier, drawer.session_id, cart, [], [r.request_id])
    totals = card_totals_by_brand(station, drawer.session_id)
    batch = terminal_batch_total(station, terminal=card_terminal)
    assert {t.brand: t.total for t in totals} == batch
    assert sum(t.count for t in totals) == 5
    assert sum(t.total.cents for t in totals) == 5000
