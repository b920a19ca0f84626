"""Business licenses: review checklist, disability-access split, renewal penalty, status."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.document_language import date_text
from counterpos.domain.tenders import Tender
from counterpos.services.counter import business_license
from counterpos.services.errors import InputError, NotFound, PermissionDenied
from counterpos.services.sale import catalog, sales
from counterpos.store.models import License, Sale
from tests.conftest import audit_events
from tests.services.counter_visit import TODAY, business, pay_cash, ring, senior_drawer


def test_missing_business_details_are_listed_together(station):
    with pytest.raises(InputError) as err:
        catalog.price_lines(
            station,
            "business_license_new",
            details=business(owner_name="", business_address="", review={"zoning_ok": True}),
        )
    msg = str(err.value)
    for item in (
        "the owner's name",
        "the business address",
        "photo identification",
        "seller's permit",
        "health permit",
    ):
        assert item in msg
    assert err.value.field == "review"


def test_professional_needs_no_seller_or_health_permit(station):
    lines = catalog.price_lines(
        station,
        "business_license_new",
        details=business(
            category="professional",
            gross_receipts_cents="40,000.00",
            review={"zoning_ok": True, "id_seen": True},
        ),
    )
    assert [(x.service_code, x.amount.cents) for x in lines] == [
        ("business_license_new", 5000),
        ("disability_access_city", 360),
        ("disability_access_state", 40),
    ]
    assert {x.gl_account for x in lines} == {"4110", "4120", "2410"}


def test_cashier_may_not_issue_and_the_split_is_required(station, cashier, drawer):
    lines = catalog.price_lines(station, "business_license_new", details=business())
    cart = Cart(lines=list(lines))
    with pytest.raises(PermissionDenied):
        pay_cash(station, cashier, drawer.session_id, cart)
    james, session_id = senior_drawer(station)
    with pytest.raises(InputError, match="disability-access"):
        pay_cash(station, james, session_id, Cart(lines=lines[:1]))
    done = pay_cash(station, james, session_id, cart)
    no = done.documents[0]
    assert no.startswith("BL-T1-")
    st = business_license.status(station, no)
    assert st.status == "issued" and st.expires_on > TODAY


def test_pending_application_then_issue(station):
    james, session_id = senior_drawer(station)
    pending = business_license.save_application(
        station, james, business(review={"zoning_ok": True}), customer_id=None
    )
    assert pending.status == "pending" and "the owner's photo identification" in pending.missing
    assert business_license.status(station, pending.license_no).status == "pending"
    with pytest.raises(InputError, match="still missing"):
        catalog.price_lines(
            station, "business_license_new", details={"application_no": pending.license_no}
        )
    cart = ring(
        station,
        Cart(),
        "business_license_new",
        details={
            "application_no": pending.license_no,
            "review": {
                "zoning_ok": True,
                "id_seen": True,
                "seller_permit": True,
                "health_permit": True,
            },
        },
    )
    done = pay_cash(station, james, session_id, cart)
    assert done.documents == (pending.license_no,)
    assert business_license.status(station, pending.license_no).status == "issued"


def test_renewal_after_expiry_pays_the_late_penalty(station):
    james, session_id = senior_drawer(station)
    with station.store.write() as s:
        lic = s.scalar(select(License).where(License.kind == "business").limit(1))
        lic.expires_on = TODAY - timedelta(days=45)  # two months started: 20 %
        no = lic.license_no
    assert business_license.status(station, no).status == "expired"
    lines = catalog.price_lines(
        station,
        "business_license_renewal",
        details={"license_no": no, "gross_receipts_cents": "100,000"},
    )
    assert lines[0].amount.cents == 12500 + 2500
    done = pay_cash(station, james, session_id, Cart(lines=list(lines)))
    assert done.documents == (no,)
    st = business_license.status(station, no)
    assert st.status == "issued" and st.expires_on > TODAY


def test_renewal_too_early_and_unknown(station):
    with station.store.write() as s:
        lic = s.scalar(select(License).where(License.kind == "business").limit(1))
        lic.expires_on = TODAY + timedelta(days=200)
        no = lic.license_no
    with pytest.raises(InputError, match="60 days before"):
        catalog.price_lines(
            station,
            "business_license_renewal",
            details={"license_no": no, "gross_receipts_cents": "1"},
        )
    with pytest.raises(NotFound):
        catalog.price_lines(
            station,
            "business_license_renewal",
            details={"license_no": "BL-0000", "gross_receipts_cents": "1"},
        )


@pytest.mark.parametrize("gross", ["lots", "-5.00", "2,000,000,000.00"])
def test_bad_gross_receipts(station, gross):
    with pytest.raises(InputError):
        catalog.price_lines(
            station, "business_license_new", details=business(gross_receipts_cents=gross)
        )


def test_review_ticked_as_plain_text_from_a_simple_form(station):
    lines = catalog.price_lines(
        station,
        "business_license_new",
        details=business(category="other", review="zoning_ok, id_seen"),
    )
    assert lines[0].details["review"]["id_seen"] is True
    with pytest.raises(InputError, match="tick the items"):
        catalog.price_lines(
            station, "business_license_new", details=business(review="zoning_ok, bribe_paid")
        )


def test_void_of_a_renewal_puts_the_old_expiry_back(station):
    from tests.services.counter_visit import void

    james, session_id = senior_drawer(station)
    with station.store.write() as s:
        lic = s.scalar(select(License).where(License.kind == "business").limit(1))
        lic.expires_on = TODAY - timedelta(days=3)
        no, old_expiry = lic.license_no, lic.expires_on
    lines = catalog.price_lines(
        station,
        "business_license_renewal",
        details={"license_no": no, "gross_receipts_cents": "10,000"},
    )
    done = pay_cash(station, james, session_id, Cart(lines=list(lines)))
    assert business_license.status(station, no).expires_on > TODAY
    void(station, james, session_id, done.receipt_no)
    st = business_license.status(station, no)
    assert (st.status, st.expires_on) == ("expired", old_expiry)


def test_after_a_renewal_is_voided_its_certificate_prints_void(station):
    from counterpos.services.counter import certificates
    from tests.services.counter_visit import void

    james, session_id = senior_drawer(station)
    with station.store.write() as s:
        lic = s.scalar(select(License).where(License.kind == "business").limit(1))
        lic.expires_on = TODAY - timedelta(days=3)
        no = lic.license_no
    lines = catalog.price_lines(
        station,
        "business_license_renewal",
        details={"license_no": no, "gross_receipts_cents": "10,000"},
    )
    done = pay_cash(station, james, session_id, Cart(lines=list(lines)))
    renewed_to = business_license.status(station, no).expires_on
    assert not any("VOID" in x for x in certificates.certificate_text(station, no))
    void(station, james, session_id, done.receipt_no)
    text = certificates.certificate_text(station, no)
    assert "*** VOID ***" in [x.strip() for x in text]
    assert any(date_text(renewed_to, "en") in x for x in text)  # the voided period, marked VOID


@pytest.mark.parametrize("said", ["no", "false", False])
def test_no_or_false_in_the_review_is_not_ticked(station, said):
    review = {"zoning_ok": said, "id_seen": "no", "seller_permit": True, "health_permit": True}
    with pytest.raises(InputError) as err:
        catalog.price_lines(station, "business_license_new", details=business(review=review))
    assert "zoning" in str(err.value) and "photo identification" in str(err.value)


def test_anything_but_a_yes_or_no_in_the_review_is_refused_with_the_field_named(station):
    review = {"zoning_ok": "sure", "id_seen": True, "seller_permit": True, "health_permit": True}
    with pytest.raises(InputError, match="is not a yes or a no") as err:
        catalog.price_lines(station, "business_license_new", details=business(review=review))
    assert err.value.field == "review"


def test_a_license_issued_at_the_till_renewed_on_its_anniversary_pays_no_penalty(station):
    from counterpos.domain.license_term import Term

    james, session_id = senior_drawer(station)
    try:
        issued = TODAY.replace(year=TODAY.year - 1)
    except ValueError:  # 02/29: last year had no such day
        pytest.skip("no anniversary of 02/29 in last year")
    with station.store.write() as s:
        lic = s.scalar(select(License).where(License.kind == "business").limit(1))
        lic.issued_on, lic.expires_on = issued, Term(1).end(issued)  # as the till issues it
        no = lic.license_no
    assert Term(1).end(issued) == TODAY - timedelta(days=1)  # renewal due today
    lines = catalog.price_lines(
        station,
        "business_license_renewal",
        details={"license_no": no, "gross_receipts_cents": "100,000"},
    )
    assert lines[0].amount.cents == 12_500  # $125.00, not $137.50
    pay_cash(station, james, session_id, Cart(lines=list(lines)))
    st = business_license.status(station, no)
    assert (st.status, st.expires_on) == ("issued", Term(1).end(TODAY))


def test_a_supervisor_approves_a_cashiers_license_on_the_spot(station, cashier, drawer, approval):
    lines = catalog.price_lines(station, "business_license_new", details=business())
    cart = Cart(lines=list(lines))
    ok = approval(cashier, "business_license")
    wrong = approval(cashier, "passport")
    with pytest.raises(PermissionDenied) as refused:
        sales.complete_sale(
            station,
            cashier,
            drawer.session_id,
            cart,
            [Tender("cash", cart.total)],
            approvals=[wrong],
        )
    assert refused.value.permission == "business_license"
    assert not wrong.used and not ok.used  # a refused sale spends nothing
    done = sales.complete_sale(
        station, cashier, drawer.session_id, cart, [Tender("cash", cart.total)], approvals=[ok]
    )
    assert ok.used and done.approved_by == {"business_license": "sofia"}
    event = audit_events(station, "sale")[-1]
    assert (event.actor, event.approver, event.target) == ("maria", "sofia", done.receipt_no)
    assert event.details["approved"] == {"business_license": "sofia"}
    with station.store.read() as s:
        assert (
            s.scalar(select(Sale.approver_id).where(Sale.id == done.sale_id)) == ok.approver.user_id
        )
    # Spent: the same approval does not license a second business.
    again = Cart(
        lines=list(
            catalog.price_lines(
                station, "business_license_new", details=business(business_name="Vista Bikes")
            )
        )
    )
    with pytest.raises(PermissionDenied, match="already used"):
        sales.complete_sale(
            station,
            cashier,
            drawer.session_id,
            again,
            [Tender("cash", again.total)],
            approvals=[ok],
        )
