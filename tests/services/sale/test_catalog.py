"""The catalog as the till sees it (services/sale/catalog.py): services, and pricing their lines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from counterpos.domain.money import Money
from counterpos.services.card.fees import FEE_SERVICE
from counterpos.services.counter import fee_schedule
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale import catalog
from tests.services.counter_visit import TODAY

MISC = {"gl_account": "4830", "memo": "Copies, 12 pages"}


def test_active_services_are_listed_in_their_order_with_the_fee_in_effect(station):
    listed = catalog.list_services(station)
    codes = [v.code for v in listed]
    assert codes[:2] == ["utility_payment", "utility_deposit"] and FEE_SERVICE not in codes
    by_code = {v.code: v for v in listed}
    assert by_code["yard_sale_permit"].rule == {"kind": "fixed", "cents": 2000}
    assert by_code["utility_payment"].takes_amount and by_code["misc_receipt"].takes_amount
    assert not by_code["yard_sale_permit"].takes_amount
    assert by_code["passport_photo"].takes_quantity and not by_code["bus_pass"].takes_quantity
    assert [f["name"] for f in by_code["misc_receipt"].fields] == ["gl_account", "memo"]


def test_misc_gl_accounts_are_the_ones_a_misc_receipt_may_post_to(station):
    accounts = catalog.misc_gl_accounts(station)
    assert [code for code, _ in accounts] == ["4810", "4820", "4830", "4840"]
    assert dict(accounts)["4810"] == "Copies and public records"


def test_a_line_takes_its_name_gl_account_details_and_typed_amount(station):
    line = catalog.price_line(station, "misc_receipt", details=MISC, amount_text=" $12.50 ")
    assert (line.service_code, line.amount, line.quantity, line.gl_account) == (
        "misc_receipt",
        Money(1_250),
        1,
        "4830",
    )
    assert line.description.endswith(" – Copies, 12 pages") and line.details == MISC
    permit = catalog.price_line(
        station,
        "yard_sale_permit",
        details={
            "address": " 9 Oak Ln ",
            "start_date": date.today() + timedelta(days=2),
            "days": "1",
        },
    )
    assert (permit.amount, permit.gl_account, permit.account_no) == (Money(2_000), "4320", None)
    assert permit.details["address"] == "9 Oak Ln"  # stored as typed, trimmed


def test_a_quantity_multiplies_a_per_item_fee(station):
    line = catalog.price_line(station, "passport_photo", quantity=3)
    assert (line.quantity, line.amount) == (3, Money(4_500))


@pytest.mark.parametrize("typed", ["", "12.345", "ten", "-1", "1" * 5_000, "9" * 20])
def test_a_typed_amount_that_is_not_one_names_the_amount(station, typed):
    with pytest.raises(InputError) as err:
        catalog.price_line(station, "misc_receipt", details=MISC, amount_text=typed)
    assert err.value.field == "amount"


def test_unknown_and_hidden_services_are_not_in_the_catalog(station):
    with pytest.raises(NotFound, match="no service 'no_such'"):
        catalog.price_line(station, "no_such")
    with pytest.raises(NotFound, match=f"no service '{FEE_SERVICE}'"):
        catalog.price_line(station, FEE_SERVICE, amount_text="1.00")


def test_a_missing_required_detail_is_named(station):
    with pytest.raises(InputError, match="What for is required") as err:
        catalog.price_line(station, "misc_receipt", details={"gl_account": "4830"}, amount_text="1")
    assert err.value.field == "memo"


def test_the_fee_in_effect_is_the_one_of_the_day_priced(station, supervisor):
    fee_schedule.add_schedule(
        station, supervisor, "yard_sale_permit", {"kind": "fixed", "cents": 2500}, TODAY
    )
    later = TODAY + timedelta(days=30)
    fee_schedule.add_schedule(
        station, supervisor, "yard_sale_permit", {"kind": "fixed", "cents": 3000}, later
    )
    details = {"address": "9 Oak Ln", "start_date": later + timedelta(days=1), "days": "1"}
    assert catalog.price_line(station, "yard_sale_permit", details=details).amount == Money(2_500)
    on_the_day = catalog.price_line(station, "yard_sale_permit", details=details, on=later)
    assert on_the_day.amount == Money(3_000)
    with (
        station.store.read() as s,
        pytest.raises(NotFound, match="No fee is in effect for yard_sale_permit on 01/01/1990"),
    ):
        catalog.rule_in_effect(s, "yard_sale_permit", date(1990, 1, 1))


def test_price_lines_adds_the_lines_that_go_with_a_service(station):
    new_card = {"pass_type": "adult_monthly", "card_no": "12345678", "card_action": "new"}
    lines = catalog.price_lines(station, "bus_pass", details=new_card)
    assert [(x.service_code, x.amount) for x in lines] == [
        ("bus_pass", Money(4_000)),
        ("bus_card_new", Money(200)),
    ]
    assert lines[0] == catalog.price_line(station, "bus_pass", details=new_card)
    reload = dict(new_card, card_action="reload")
    assert [x.service_code for x in catalog.price_lines(station, "bus_pass", details=reload)] == [
        "bus_pass"
    ]
    # A service without rules of its own comes alone.
    assert len(catalog.price_lines(station, "misc_receipt", details=MISC, amount_text="1")) == 1


def test_companions_are_priced_on_the_same_day_as_their_line(station, supervisor):
    later = TODAY + timedelta(days=20)
    fee_schedule.add_schedule(
        station, supervisor, "bus_card_new", {"kind": "fixed", "cents": 350}, later
    )
    new_card = {"pass_type": "day_pass", "card_no": "12345678", "card_action": "new"}
    assert catalog.price_lines(station, "bus_pass", details=new_card)[1].amount == Money(200)
    lines = catalog.price_lines(station, "bus_pass", details=new_card, on=later)
    assert [x.amount for x in lines] == [Money(300), Money(350)]


def _permit_cart(station, n: int):
    from counterpos.domain.cart import Cart

    details = {"address": f"{n} Cache Ct", "start_date": TODAY + timedelta(days=3), "days": "1"}
    return Cart(catalog.price_lines(station, "yard_sale_permit", details=details))


def test_a_sale_prices_from_the_catalog_as_the_store_holds_it_then(
    station, supervisor, cashier, drawer
):
    """Sales keep the catalog between them (catalog._catalog) only while the store's catalog
    number stands still: a new fee schedule, or a service changed by another writer, is what
    the next sale prices from."""
    import sqlite3

    from tests.sale_helpers import cash, ring

    first = _permit_cart(station, 1)
    ring(station, cashier, drawer.session_id, first, cash(first.total.cents))  # catalog kept
    rung_before = _permit_cart(station, 2)
    fee_schedule.add_schedule(
        station, supervisor, "yard_sale_permit", {"kind": "fixed", "cents": 2_600}, TODAY
    )
    with pytest.raises(InputError, match=r"is now \$26\.00") as err:
        ring(station, cashier, drawer.session_id, rung_before, cash(rung_before.total.cents))
    assert err.value.field == catalog.PRICES_CHANGED
    again = _permit_cart(station, 3)
    assert again.total == Money(2_600)
    ring(station, cashier, drawer.session_id, again, cash(2_600))
    rung_again = _permit_cart(station, 4)
    other = sqlite3.connect(station.store.path)  # another writer: the store counts it too
    other.execute("UPDATE service SET active = 0 WHERE code = 'yard_sale_permit'")
    other.commit()
    other.close()
    with pytest.raises(NotFound, match="no service 'yard_sale_permit'"):
        ring(station, cashier, drawer.session_id, rung_again, cash(2_600))


def test_without_the_catalog_number_s_triggers_each_sale_reads_the_catalog(
    station, cashier, drawer
):
    """A schema change that lost the triggers (a table rebuilt) leaves nothing to move the
    number: sales then read the catalog each time, and a changed fee is still seen."""
    import sqlite3

    from tests.sale_helpers import cash, ring

    other = sqlite3.connect(station.store.path, isolation_level=None)
    for (name,) in other.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'catalog_version_%'"
    ).fetchall():
        other.execute(f"DROP TRIGGER {name}")
    first = _permit_cart(station, 5)
    ring(station, cashier, drawer.session_id, first, cash(first.total.cents))
    rung_before = _permit_cart(station, 6)
    other.execute(
        "UPDATE fee_schedule SET rule = json_object('kind', 'fixed', 'cents', 2700) "
        "WHERE service_code = 'yard_sale_permit'"
    )
    other.close()
    with pytest.raises(InputError, match=r"is now \$27\.00"):
        ring(station, cashier, drawer.session_id, rung_before, cash(rung_before.total.cents))
