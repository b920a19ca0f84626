"""Passport acceptance: checklist, forms not taken here, the State's fee kept out of the drawer."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from counterpos.domain.cart import Cart
from counterpos.domain.tenders import Tender
from counterpos.services.counter import passport
from counterpos.services.errors import InputError, PermissionDenied
from counterpos.services.sale import catalog, sales
from counterpos.store.models import TenderRow
from tests.services.counter_visit import TODAY, applicant, senior_drawer


def price(station, *applicants, photos="0"):
    return catalog.price_lines(
        station,
        "passport_execution",
        details={"applicant_records": list(applicants), "photo_sets": photos},
    )


def test_fee_per_applicant_and_photo_sets(station):
    lines = price(station, applicant(), applicant("Juan Lopez"), photos="2")
    assert [(x.service_code, x.quantity, x.amount.cents) for x in lines] == [
        ("passport_execution", 2, 7000),
        ("passport_photo", 2, 3000),
    ]
    assert lines[0].details["applicants"] == "Ana Lopez, Juan Lopez"


def test_incomplete_checklist_blocks_and_names_what_is_missing(station):
    ticked = {"form_complete": True, "citizenship": True, "identity": True}
    with pytest.raises(InputError, match="Ana Lopez: .*photo meets the rules; oath administered"):
        price(station, applicant(checklist=ticked))


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"form_type": "DS-82"}, "renewal by mail"),
        ({"form_type": "DS-99"}, "must be a DS-11"),
        ({"name": ""}, "enter the name"),
        ({"dos_payment_kind": "cash"}, "check or money order"),
        ({"dos_payment_no": "12a4"}, "digits only"),
        ({"dos_amount": "5000.00"}, "between"),
        ({"dos_amount": "abc"}, "State fee"),
        ({"date_of_birth": (TODAY + timedelta(days=3)).isoformat()}, "future"),
    ],
)
def test_bad_applicant(station, over, message):
    with pytest.raises(InputError, match=message):
        price(station, applicant(**over))


def test_no_applicants(station):
    with pytest.raises(InputError):
        price(station)


def test_visit_logged_state_fee_not_in_the_drawer_and_mailing(station, cashier, drawer):
    lines = price(
        station,
        applicant(),
        applicant(
            "Juan Lopez",
            dos_payment_kind="money_order",
            dos_payment_no="5550001",
            dos_amount="100.00",
        ),
        photos="1",
    )
    cart = Cart(lines=list(lines))
    with pytest.raises(PermissionDenied):  # a cashier does not accept passports
        sales.complete_sale(station, cashier, drawer.session_id, cart, [Tender("cash", cart.total)])
    james, session_id = senior_drawer(station)
    done = sales.complete_sale(station, james, session_id, cart, [Tender("cash", Money_(100_00))])
    with station.store.read() as s:
        tenders = s.query(TenderRow).filter(TenderRow.sale_id == done.sale_id).all()
    assert sum(t.amount_cents for t in tenders) == 7000 + 1500  # only the city's fees
    log = passport.acceptance_log(station)
    assert [(e.applicant_name, e.dos_amount.cents, e.receipt_no) for e in log] == [
        ("Ana Lopez", 13000, done.receipt_no),
        ("Juan Lopez", 10000, done.receipt_no),
    ]
    assert log[1].dos_payment == "money order 5550001"
    with pytest.raises(InputError, match="future"):
        passport.record_mailing(
            station,
            james,
            [log[0].application_id],
            TODAY + timedelta(days=1),
            "9400111899223344556677",
        )
    with pytest.raises(InputError, match="before that"):
        passport.record_mailing(
            station,
            james,
            [log[0].application_id],
            TODAY - timedelta(days=1),
            "9400111899223344556677",
        )
    with pytest.raises(InputError, match="Tracking"):
        passport.record_mailing(station, james, [log[0].application_id], TODAY, "x")
    passport.record_mailing(
        station, james, [e.application_id for e in log], TODAY, "9400 1118 9922 3344 5566 77"
    )
    log = passport.acceptance_log(station)
    assert {(e.mailed_on, e.tracking_no) for e in log} == {(TODAY, "9400111899223344556677")}
    pdf = PdfReader(io.BytesIO(passport.acceptance_log_pdf(station)))
    text = pdf.pages[0].extract_text()
    assert "Ana Lopez" in text and "Juan Lopez" in text and "$230.00" in text


def Money_(cents):
    from counterpos.domain.money import Money

    return Money(cents)


def test_voided_visit_leaves_the_log(station):
    from tests.services.counter_visit import void

    james, session_id = senior_drawer(station)
    cart = Cart(lines=list(price(station, applicant())))
    done = sales.complete_sale(station, james, session_id, cart, [Tender("cash", cart.total)])
    assert len(passport.acceptance_log(station)) == 1
    void(station, james, session_id, done.receipt_no)
    assert passport.acceptance_log(station) == []


def test_receipt_names_the_state_fee_it_did_not_take(station):
    from counterpos.domain.receipt_document import render_text
    from counterpos.services.sale import receipts

    james, session_id = senior_drawer(station)
    cart = Cart(lines=list(price(station, applicant())))
    done = sales.complete_sale(station, james, session_id, cart, [Tender("cash", cart.total)])
    text = " ".join(render_text(receipts.receipt_document(station, done.receipt_no), 42))
    assert "check 1043 $130.00 to U.S. Dept. of State, not paid here" in " ".join(text.split())
    assert "TOTAL $35.00" in " ".join(text.split())


def test_a_name_longer_than_the_log_takes_is_refused_not_cut(station):
    long_name = ("Ana María " * 13 + "López").strip()
    assert len(long_name) == 135 > passport.MAX_NAME
    with pytest.raises(
        InputError, match="the name has 135 characters; the acceptance log takes 120"
    ):
        price(station, applicant(long_name))
    assert price(station, applicant(long_name[:120]))[0].quantity == 1


@pytest.mark.parametrize("said", ["no", "false", "No", " FALSE "])
def test_no_or_false_in_the_checklist_is_not_a_tick(station, said):
    from tests.services.counter_visit import CHECKLIST_OK

    ticked = {**CHECKLIST_OK, "identity": said}
    with pytest.raises(InputError, match="checklist is complete"):
        price(station, applicant(checklist=ticked))


@pytest.mark.parametrize("said", ["Y", "ok", 1, "checked"])
def test_anything_but_a_yes_or_no_in_the_checklist_is_refused_by_name(station, said):
    from tests.services.counter_visit import CHECKLIST_OK

    ticked = {**CHECKLIST_OK, "identity": said}
    with pytest.raises(InputError, match="is not a yes or a no"):
        price(station, applicant(checklist=ticked))


def test_a_sale_written_for_an_earlier_day_is_logged_on_that_day(station):
    """The demo history writes its 30 days of sales with their own time: each application is
    in its own day's log, not today's."""
    from datetime import datetime, time

    from counterpos.services.clock import to_local

    james, session_id = senior_drawer(station)
    lines = price(station, applicant("Elena Ruiz"))
    cart = Cart(lines=list(lines))
    at = datetime.combine(TODAY - timedelta(days=5), time(18))  # naive UTC, as the store keeps
    with station.store.write() as s:
        sales.write_sale(
            s,
            station.code,
            james,
            session_id,
            cart,
            sales.validate(cart, [Tender("cash", cart.total)]),
            at=at,
        )
    day = to_local(at).date()
    assert [e.applicant_name for e in passport.acceptance_log(station, day)] == ["Elena Ruiz"]
    assert passport.acceptance_log(station, TODAY) == []
