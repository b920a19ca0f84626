"""The leak adjustment calculator (services/utility/calculated/leak.py) through the two-person
adjustment, with its calculation kept and printed."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.billing.runs import billing_run
from counterpos.services.utility.calculated.leak import leak_adjustment, leak_calculation
from counterpos.services.utility.calculated.printout import calculation_pdf, calculations_of
from counterpos.services.utility.meters.read_import import import_reads
from counterpos.services.utility.meters.review import held_reads, review_read
from counterpos.services.utility.usage.work_orders import update_work_order
from tests.conftest import audit_events, login
from tests.services.utility.desk_support import cycle_of, read_file


@pytest.fixture
def leaky(station, supervisor, billed_year):
    """MV-000001's account used 52 HCF this month against 12 a month; billed; the high read
    confirmed, its work order closed with the leak repaired yesterday."""
    import_reads(
        station, supervisor, read_file(billed_year, local_today(), {"MV-000001": 52}), "leak.txt"
    )
    held = held_reads(station)[0]
    result = review_read(station, supervisor, held.read_id, "accept")
    billing_run(station, supervisor, cycle_of(local_today()))
    update_work_order(
        station,
        supervisor,
        result.work_order_no,
        "closed",
        finding="leak_repaired",
        repaired_on=local_today() - timedelta(days=1),
    )
    account_no = billed_year.accounts["MV-000001"]
    return account_no, account_bills(station, account_no)[-1], result.work_order_no


def test_domains_leak_policy_credits_half_the_excess(station, leaky):
    account_no, bill, wo_no = leaky
    calc = leak_calculation(station, account_no, [bill.bill_no], work_order_no=wo_no).calculation
    # 52 HCF against 12: 20 HCF credited, 52 HCF of water (1600+4200+6380) re-priced as 32 (1600+4200+580)
    assert calc.amount_cents == -5800
    steps = dict((s.label, s.value) for s in calc.steps)
    assert steps["12-month average"] == "12.00 HCF"
    assert steps[f"Bill {bill.bill_no}: units credited"].startswith("20 HCF")
    assert calc.basis["work_order_no"] == wo_no


def test_the_credit_goes_through_the_two_person_adjustment_and_is_printed(
    station, supervisor, leaky
):
    account_no, bill, wo_no = leaky
    clerk = login(station, "james")
    before = account_ledger(station, account_no).balance.cents
    with pytest.raises(InputError, match="Another supervisor"):
        leak_adjustment(
            station, supervisor, supervisor, account_no, [bill.bill_no], work_order_no=wo_no
        )
    with pytest.raises(PermissionDenied):
        leak_adjustment(station, supervisor, clerk, account_no, [bill.bill_no], work_order_no=wo_no)
    done = leak_adjustment(
        station, clerk, supervisor, account_no, [bill.bill_no], work_order_no=wo_no
    )
    assert done.balance.cents == before - 5800 and done.calc_no
    event = audit_events(station, "account_adjusted")[-1]
    assert (event.actor, event.approver, event.details["calculation"]) == (
        "james",
        "sofia",
        done.calc_no,
    )
    last = account_ledger(station, account_no).entries[-1]
    assert last.memo.startswith("Leak adjustment") and done.calc_no in last.memo
    kept = calculations_of(station, account_no)[0]
    assert (kept.calc_no, kept.amount_cents, kept.approved_by) == (done.calc_no, -5800, "sofia")
    text = (
        PdfReader(io.BytesIO(calculation_pdf(station, supervisor, done.calc_no)))
        .pages[0]
        .extract_text()
    )
    for expected in (
        "Leak adjustment",
        done.calc_no,
        "12-month average",
        "-$58.00",
        "approved by sofia",
    ):
        assert expected in text, expected
    # once in twelve months
    with pytest.raises(StateError, match="one in 12 months"):
        leak_calculation(station, account_no, [bill.bill_no], work_order_no=wo_no)


def test_the_policy_refuses_what_it_does_not_cover(station, leaky):
    account_no, bill, wo_no = leaky
    older = account_bills(station, account_no)[-4:-1]
    with pytest.raises(InputError, match="at most 2"):
        leak_calculation(
            station, account_no, [b.bill_no for b in [*older, bill][-3:]], work_order_no=wo_no
        )
    with pytest.raises(InputError, match="not above"):
        leak_calculation(
            station,
            account_no,
            [older[-1].bill_no],
            repaired_on=older[-1].bill_date + timedelta(days=1),
        )
    with pytest.raises(StateError, match="more than 30 days"):
        leak_calculation(station, account_no, [older[0].bill_no], repaired_on=local_today())
    with pytest.raises(InputError, match="repair date"):
        leak_calculation(station, account_no, [bill.bill_no])
    with pytest.raises(InputError, match="not a live bill"):
        leak_calculation(station, account_no, ["T1-B9999999"], work_order_no=wo_no)


def test_the_calculation_letter_is_in_the_customers_language(station, supervisor, leaky):
    from sqlalchemy import select

    from counterpos.services.sale import customers
    from counterpos.store.models import UtilityAccount

    account_no, bill, wo_no = leaky
    done = leak_adjustment(
        station,
        login(station, "james"),
        supervisor,
        account_no,
        [bill.bill_no],
        work_order_no=wo_no,
    )
    with station.store.read() as s:
        customer_id = s.scalar(
            select(UtilityAccount.customer_id).where(UtilityAccount.account_no == account_no)
        )
    customers.set_preferred_language(station, supervisor, customer_id, "es")
    text = (
        PdfReader(io.BytesIO(calculation_pdf(station, supervisor, done.calc_no)))
        .pages[0]
        .extract_text()
    )
    for expected in (
        "Ajuste por fuga",
        "Su cuenta ha sido ajustada",
        "Promedio de 12 meses",
        f"Factura {bill.bill_no}: unidades acreditadas",
        "20 HCF (50% del exceso)",
        "Crédito",
        "-$58.00",
        "aprobado por sofia",
    ):
        assert expected in text, expected
    assert "Leak adjustment" not in text and "12-month average" not in text
