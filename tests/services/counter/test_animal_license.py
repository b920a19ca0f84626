"""Animal licenses: rabies rules, the term, late renewal, tags, licenses and certificates."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.counter import certificates
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.sale import catalog, customers, service_rules
from counterpos.store.models import License, Sale, TagMovement
from tests.services.counter_visit import TODAY, days, dog, give_tags, pay_cash, ring


def price(station, **over):
    return catalog.price_lines(station, "animal_license", details=dog(**over))


def test_expired_rabies_certificate_is_refused(station):
    with pytest.raises(InputError, match="rabies certificate expired") as err:
        price(station, rabies_expires=days(-1))
    assert err.value.field == "rabies_expires"


def test_term_may_not_run_past_the_rabies_expiry(station):
    with pytest.raises(InputError, match="choose 1 year at most") as err:
        price(station, term="3", rabies_expires=days(400))
    assert err.value.field == "term"
    assert price(station, term="1", rabies_expires=days(400))[0].amount.cents == 1700


def test_rabies_running_out_within_a_year_needs_a_new_vaccination(station):
    with pytest.raises(InputError, match="vaccination must be renewed first"):
        price(station, rabies_expires=days(100))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rabies_certificate", "#!", "Rabies certificate no."),
        ("rabies_expires", "13/45/2026", "not a date"),
        ("date_of_birth", days(30), "future"),
        ("species", "horse", "choose one of"),
        ("term", "x", "choose one of"),
        ("animal_name", "", "is required"),
        ("veterinarian", "", "is required"),
    ],
)
def test_bad_animal_details(station, field, value, message):
    with pytest.raises(InputError, match=message):
        price(station, **{field: value})


def test_unknown_owner_needs_name_and_address(station):
    with pytest.raises(InputError, match="new owner's name and address"):
        price(station, owner_name="", owner_address="")


def test_fee_by_species_altered_term_and_senior(station):
    assert price(station, altered="no", term="2")[0].amount.cents == 20000
    assert price(station, senior="yes", term="3", rabies_expires=days(1200))[0].amount.cents == 3600
    assert price(station, species="cat", altered="yes")[0].amount.cents == 1000


def test_sale_issues_tag_license_and_certificate(station, cashier, drawer):
    give_tags(station, first=300, last=310)
    cart = ring(station, Cart(), "animal_license", details=dog())
    done = pay_cash(station, cashier, drawer.session_id, cart)
    assert done.documents == (f"AN-{TODAY.year}-00300",)
    with station.store.read() as s:
        lic = s.scalar(select(License).where(License.license_no == done.documents[0]))
        assert lic.tag_no == f"{TODAY.year}-00300"
        assert lic.sale_line_id is not None and lic.status == "issued"
        assert lic.expires_on > TODAY
    hits = customers.search(station, "Ann Smith")  # the new owner is found by name
    assert any(h.name == "Ann Smith" for h in hits)
    text = certificates.certificate_text(station, done.documents[0])
    assert "DOG LICENSE" in text[2] and any(f"{TODAY.year}-00300" in t for t in text)
    assert any(done.receipt_no in t for t in text)


def test_late_renewal_adds_the_penalty_line(station, cashier, drawer):
    give_tags(station)
    with station.store.write() as s:
        old = s.scalar(select(License).where(License.kind == "animal").limit(1))
        old.expires_on = TODAY.replace(year=TODAY.year - 1)
        old_no = old.license_no
    lines = price(station, renewal_of=old_no.lower())
    assert [x.service_code for x in lines] == ["animal_license", "animal_late_penalty"]
    assert lines[1].amount.cents == 2500
    cart = Cart()
    cart.add(lines[0])  # the penalty dropped: the sale refuses
    with pytest.raises(InputError, match="late renewal penalty"):
        pay_cash(station, cashier, drawer.session_id, cart)
    cart.add(lines[1])
    pay_cash(station, cashier, drawer.session_id, cart)


def test_renewal_of_unknown_license(station):
    with pytest.raises(NotFound, match="no animal license"):
        price(station, renewal_of="AN-1999-99999")


def test_no_tag_block_means_no_sale_and_nothing_written(station, cashier, drawer):
    cart = ring(station, Cart(), "animal_license", details=dog())
    with pytest.raises(StateError, match="assign a block"):
        pay_cash(station, cashier, drawer.session_id, cart)
    with station.store.read() as s:
        assert s.scalar(select(Sale).limit(1)) is None


def test_void_returns_the_tag_to_stock(station, cashier, drawer):
    give_tags(station, first=1, last=2)
    first = pay_cash(
        station, cashier, drawer.session_id, ring(station, Cart(), "animal_license", details=dog())
    )
    with station.store.write() as s:
        sale = s.scalar(select(Sale).where(Sale.receipt_no == first.receipt_no))
        service_rules.void_sale_lines(s, station.code, sale)
        lic = s.scalar(select(License).where(License.license_no == first.documents[0]))
        assert lic.status == "void"
    again = pay_cash(
        station, cashier, drawer.session_id, ring(station, Cart(), "animal_license", details=dog())
    )
    # The returned tag is issued again, under a new license number.
    assert again.documents == (f"{first.documents[0]}-2",)
    with station.store.read() as s:
        kinds = [m.kind for m in s.scalars(select(TagMovement).order_by(TagMovement.created_at))]
    assert kinds == ["issue", "return", "issue"]


def test_replacement_tag_marks_the_old_one_lost(station, cashier, drawer):
    give_tags(station, first=40, last=49)
    done = pay_cash(
        station, cashier, drawer.session_id, ring(station, Cart(), "animal_license", details=dog())
    )
    lines = catalog.price_lines(
        station, "replacement_tag", details={"license_no": done.documents[0]}
    )
    assert lines[0].amount.cents == 500
    cart = Cart()
    cart.add(lines[0])
    rep = pay_cash(station, cashier, drawer.session_id, cart)
    assert rep.documents == (f"TAG-{TODAY.year}-00041",)
    with station.store.read() as s:
        lic = s.scalar(select(License).where(License.license_no == done.documents[0]))
        assert lic.tag_no == f"{TODAY.year}-00041"
        lost = s.scalar(select(TagMovement).where(TagMovement.kind == "lost"))
        assert lost.number == 40


def test_replacement_tag_for_unknown_license(station):
    with pytest.raises(NotFound):
        catalog.price_lines(station, "replacement_tag", details={"license_no": "AN-2020-0"})


def test_one_license_per_animal_per_term(station, cashier, drawer):
    give_tags(station)
    hit = customers.search(station, "a")[0]
    details = dog(owner_name="", owner_address="", animal_name="Biscuit")
    cart = ring(
        station,
        Cart(customer_id=hit.customer_id),
        "animal_license",
        customer_id=hit.customer_id,
        details=details,
    )
    cart.customer_id = hit.customer_id
    done = pay_cash(station, cashier, drawer.session_id, cart)
    with pytest.raises(InputError, match=f"already has license {done.documents[0]}"):
        catalog.price_lines(
            station,
            "animal_license",
            customer_id=hit.customer_id,
            details=dict(details, animal_name="biscuit "),
        )
    # Another animal of the same owner is fine.
    catalog.price_lines(
        station,
        "animal_license",
        customer_id=hit.customer_id,
        details=dict(details, animal_name="Pepper"),
    )


def test_a_tag_issued_today_is_found_by_the_lookup(station, cashier, drawer):
    give_tags(station, first=420, last=430)
    with station.store.read() as s:
        customer_id = s.scalar(select(License.customer_id).limit(1)) or s.scalar(
            select(Sale.customer_id).where(Sale.customer_id.is_not(None)).limit(1)
        )
    cart = ring(
        station, Cart(customer_id=customer_id), "animal_license", customer_id, details=dog()
    )
    done = pay_cash(station, cashier, drawer.session_id, cart)
    with station.store.read() as s:
        lic = s.scalar(select(License).where(License.license_no == done.documents[0]))
    for typed in (lic.tag_no, lic.license_no, "00420"):
        assert [h.customer_id for h in customers.search(station, typed)][:1] == [lic.customer_id]
