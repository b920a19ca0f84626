"""Animal licenses: rabies rules, the term, late renewal, tags, licenses and certificates."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart, CartError
from counterpos.domain.license_term import term_end
from counterpos.domain.money import Money
from counterpos.services.counter import certificates
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.sale import approved_lines, catalog, customers, service_rules
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


def a_dog_license(station, expires_on):
    """A demo dog license, its expiry set to `expires_on`: (license no., holder id, details)."""
    with station.store.write() as s:
        old = s.scalar(
            select(License)
            .where(License.kind == "animal", License.description.like("Dog%"))
            .order_by(License.license_no)
            .limit(1)
        )
        old.expires_on = expires_on
        name = old.description.split("“")[1].rstrip("”")
        return old.license_no, old.customer_id, name


def renew(station, license_no, holder, name, **over):
    details = dog(
        renewal_of=license_no.lower(), animal_name=name, owner_name="", owner_address="", **over
    )
    return catalog.price_lines(station, "animal_license", customer_id=holder, details=details)


def test_late_renewal_adds_the_penalty_line(station, cashier, drawer):
    give_tags(station)
    old_no, holder, name = a_dog_license(station, TODAY - timedelta(days=365))
    lines = renew(station, old_no, holder, name)
    assert [x.service_code for x in lines] == ["animal_license", "animal_late_penalty"]
    assert lines[1].amount.cents == 2500 and lines[1].parent_id == lines[0].line_id
    cart = Cart(customer_id=holder)
    cart.add(lines[0])  # the penalty dropped: the sale refuses
    with pytest.raises(InputError, match="late renewal penalty .* comes with it"):
        pay_cash(station, cashier, drawer.session_id, cart)
    cart.add(lines[1])
    with pytest.raises(CartError, match="already in the cart"):  # and not twice
        cart.add(dataclasses.replace(lines[1], line_id="again"))
    done = pay_cash(station, cashier, drawer.session_id, cart)
    assert done.total == Money(1700 + 2500)
    with station.store.read() as s:
        new = s.scalar(select(License).where(License.license_no == done.documents[0]))
        # Renewed late: the new term starts the day it is paid.
        assert (new.issued_on, new.expires_on) == (TODAY, term_end(TODAY, 1))


def test_an_early_renewal_extends_from_the_current_expiry(station, cashier, drawer):
    """The issue: a 3-year license to 11/29/2029 renewed for a year ended 11/29/2027."""
    give_tags(station)
    current = term_end(TODAY, 3)
    old_no, holder, name = a_dog_license(station, current)
    lines = renew(station, old_no, holder, name, rabies_expires=days(365 * 5))
    assert [x.service_code for x in lines] == ["animal_license"]  # early: no penalty
    done = pay_cash(station, cashier, drawer.session_id, Cart(lines, customer_id=holder))
    with station.store.read() as s:
        new = s.scalar(select(License).where(License.license_no == done.documents[0]))
        assert new.issued_on == current + timedelta(days=1)
        assert new.expires_on == term_end(current + timedelta(days=1), 1)
        assert new.details["renewal_of"] == old_no
    # The rabies vaccination still bounds the term, counted from the new start.
    with pytest.raises(InputError, match="past the rabies expiry"):
        renew(station, old_no, holder, name, rabies_expires=days(365 * 3 + 30))


def test_a_renewal_is_checked_against_the_holder_and_the_animal(station):
    """The issue: a stranger's expired license number added a $25 penalty to a new animal."""
    old_no, holder, name = a_dog_license(station, TODAY - timedelta(days=200))
    with pytest.raises(InputError, match="held by someone else") as err:
        catalog.price_lines(station, "animal_license", details=dog(renewal_of=old_no))
    assert err.value.field == "renewal_of"
    stranger = next(h for h in customers.search(station, "a") if h.customer_id != holder)
    with pytest.raises(InputError, match="held by someone else"):
        renew(station, old_no, stranger.customer_id, name)
    with pytest.raises(InputError, match="a license is renewed for its own animal"):
        renew(station, old_no, holder, "Somebody Else")
    with pytest.raises(InputError, match="own animal"):
        renew(station, old_no, holder, name, species="cat", term="1")


def test_an_edited_license_price_is_refused(station, cashier, drawer):
    """The issue: a cart line edited to $0.01 issued a $300 dog license."""
    give_tags(station)
    (line,) = price(station, altered="no", term="3", rabies_expires=days(1200))
    assert line.amount == Money(30000)
    cheap = dataclasses.replace(line, amount=Money(1))
    with pytest.raises(InputError, match=r"is now \$300.00, not \$0.01") as err:
        pay_cash(station, cashier, drawer.session_id, Cart([cheap]))
    assert err.value.field == catalog.PRICES_CHANGED
    with station.store.read() as s:
        assert s.scalar(select(Sale).limit(1)) is None


def test_the_late_penalty_owed_on_a_renewal_paid_earlier(station, cashier, drawer, approval):
    give_tags(station)
    old_no, holder, name = a_dog_license(station, TODAY - timedelta(days=10))
    lines = renew(station, old_no, holder, name)  # 10 days: within the 30 days of grace
    assert len(lines) == 1
    pay_cash(station, cashier, drawer.session_id, Cart(lines, customer_id=holder))
    with pytest.raises(InputError, match="No late renewal penalty is owed"):
        approved_lines.penalty_on_its_own(
            station,
            cashier,
            "animal_late_penalty",
            old_no,
            "Asked to",
            approval(cashier, "approve_line"),
        )
    # As if the old license had expired 60 days before that renewal.
    with station.store.write() as s:
        s.scalar(select(License).where(License.license_no == old_no)).expires_on = (
            TODAY - timedelta(days=60)
        )
    penalty = approved_lines.penalty_on_its_own(
        station,
        cashier,
        "animal_late_penalty",
        old_no,
        "Renewed 60 days late without the penalty",
        approval(cashier, "approve_line"),
    )
    assert pay_cash(station, cashier, drawer.session_id, Cart([penalty])).total == Money(2500)


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
        sold = select(TagMovement).where(TagMovement.sale_line_id.is_not(None))  # not the demo's
        kinds = [m.kind for m in s.scalars(sold.order_by(TagMovement.created_at))]
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


@pytest.mark.parametrize(
    ("stored", "description", "typed", "refused"),
    [
        ("REX", "Dog “REX”", "rex", True),  # ASCII case, through SQLite's lower()
        ("\tRex", "Dog", "rex", True),  # a tab Python strips and SQLite's trim() does not
        ("\u212aato", "Dog", "kato", True),  # the Kelvin sign, which Python lowers to "k"
        ("ÑOÑO", "Dog", "ñoño", True),  # a name SQLite cannot fold: every license read
        (None, "Dog “Biscuit”", "biscuit", True),  # an old license: the name in its description
        ("Rexy", "Dog “Rexy”", "rex", False),
        ("Max", "Cat “Max”", "max", False),  # another species
    ],
)
def test_the_one_license_per_term_check_reads_only_what_may_match(
    station, stored, description, typed, refused
):
    """The check asks SQLite only for licenses whose animal may be this one; what it refuses
    is what comparing every license in force in Python refuses (its rule: same name, same
    species, in force)."""
    from counterpos.services.counter.animal_license import _one_tag_per_term

    species = "cat" if description.startswith("Cat") else "dog"
    with station.store.write() as s:
        customer_id = s.scalar(select(License.customer_id).limit(1))
        details = {"species": species} | ({"animal_name": stored} if stored is not None else {})
        s.add(
            License(
                customer_id=customer_id,
                kind="animal",
                license_no="AN-TEST-1",
                tag_no="",
                description=description,
                issued_on=TODAY,
                expires_on=TODAY + timedelta(days=300),
                details=details,
                status="issued",
            )
        )
        s.flush()
        wanted = {"animal_name": typed, "species": "dog"}
        if refused:
            with pytest.raises(InputError, match="already has license AN-TEST-1"):
                _one_tag_per_term(s, customer_id, wanted, TODAY)
        else:
            _one_tag_per_term(s, customer_id, wanted, TODAY)
        s.rollback()


def test_the_one_license_per_term_check_reads_through_its_indexes(station):
    """Migration 0017_s4_14b indexes the check's own expressions: SQLite finds the owner's
    licenses that may be this animal through them, never by reading every license held."""
    from counterpos.services.counter.animal_license import _SAME_ANIMAL

    with station.store.read() as s:
        sql = str(_SAME_ANIMAL.compile(s.connection()))
        params = ("c", TODAY, "rex", "c", TODAY, "c", TODAY, "“rex”", "c", TODAY)
        plan = [
            row[-1]
            for row in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            if "license" in row[-1]
        ]
    assert len(plan) == 4, plan
    for name in (
        "ix_license_animal_name ",
        "ix_license_animal_name_odd",
        "ix_license_quoted_name",
        "ix_license_description_odd",
    ):
        assert any(f"USING INDEX {name.strip()} (customer_id=? AND <expr>=?)" in p for p in plan), (
            name,
            plan,
        )


def test_a_tag_sold_to_a_customer_not_yet_in_the_lookup_indexes_them_whole(
    station, cashier, drawer
):
    """The new tag's document is added to the owner's row in the lookup; an owner with no row
    yet (a customer written without indexing) is indexed whole, the new license with them."""
    from counterpos.store.models import Customer

    give_tags(station, first=440, last=450)
    with station.store.write() as s:
        owner = Customer(
            customer_no="C-NOT-INDEXED",
            first_name="Quincy",
            last_name="Unindexed",
            mailing_address="9 Elm St",
        )
        s.add(owner)
        s.flush()
        customer_id = owner.id
    assert customers.search(station, "Unindexed") == []
    cart = ring(
        station, Cart(customer_id=customer_id), "animal_license", customer_id, details=dog()
    )
    done = pay_cash(station, cashier, drawer.session_id, cart)
    with station.store.read() as s:
        lic = s.scalar(select(License).where(License.license_no == done.documents[0]))
    for typed in ("Unindexed", lic.tag_no, lic.license_no):
        assert [h.customer_id for h in customers.search(station, typed)] == [customer_id], typed


def test_a_six_digit_tag_does_not_make_a_five_digit_one_look_reissued(station, cashier, drawer):
    """License AN-YYYY-100000 starts with AN-YYYY-10000; only the number itself and its
    reissues (-2, -3 …) count as taken."""
    give_tags(station, first=100_000, last=100_000)
    big = pay_cash(
        station, cashier, drawer.session_id, ring(station, Cart(), "animal_license", details=dog())
    )
    assert big.documents == (f"AN-{TODAY.year}-100000",)
    give_tags(station, first=10_000, last=10_000)
    small = pay_cash(
        station,
        cashier,
        drawer.session_id,
        ring(station, Cart(), "animal_license", details=dog(animal_name="Tiny")),
    )
    assert small.documents == (f"AN-{TODAY.year}-10000",)
