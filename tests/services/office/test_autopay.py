"""Autopay (services/office/autopay.py): enrolment, the NACHA file with prenotes, and a returns
file applied through the returned-payment workflow."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counterpos.domain.business_days import add_business_days
from counterpos.domain.money import Money
from counterpos.domain.nacha import ENTRY, Entry, Originator, fields
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, StateError
from counterpos.services.office import audit, autopay
from counterpos.store.models.base import new_id, utcnow
from tests.services.office.bank_files import nacha_returns
from tests.sync.helpers import first_accounts

pytestmark = pytest.mark.pg

ORIG = Originator(
    "CITY MISSION VST",
    "1953000123",
    "121000248",
    "011000015",
    "FEDERAL RESERVE",
    "CITY OF MISSION VISTA",
)


def bill(centre, account_no: str, cents: int, due) -> None:
    """What the billing system writes at the centre: a charge and the bill's due date."""
    with centre.admin.begin() as conn:
        aid = conn.execute(
            text("SELECT id FROM utility_account WHERE account_no = :n"), {"n": account_no}
        ).scalar_one()
        conn.execute(
            text("UPDATE utility_account SET due_date = :d WHERE id = :a"), {"d": due, "a": aid}
        )
        conn.execute(
            text(
                "INSERT INTO ledger_entry (id, account_id, entry_type, amount_cents, memo, "
                "station_code, created_at) VALUES (:i, :a, 'charge', :c, 'Bill', 'BILLING', :t)"
            ),
            {"i": new_id(), "a": aid, "c": cents, "t": utcnow()},
        )


def entries_of(path) -> list[dict[str, str]]:
    return [fields(ENTRY, ln) for ln in path.read_text().splitlines() if ln.startswith("6")]


def test_enrol_prenote_debit_and_a_return_through_the_nsf_workflow(
    joined, centre, clerk, boss, tmp_path
):
    a, b = first_accounts(joined, 2)
    with pytest.raises(InputError, match="not a valid bank routing number"):
        autopay.enroll(clerk, a, "Ann Lee", "111000026", "123456789")
    e = autopay.enroll(clerk, a, "Ann Lee", "111000025", "12-3456-789")
    assert e.bank_account == "****6789" and e.prenoted_on is None
    with pytest.raises(StateError, match="already enrolled"):
        autopay.enroll(clerk, a, "Ann Lee", "111000025", "123456789")
    # Nothing of the full number shows in what the office lists or audits.
    assert "123456789" not in repr(autopay.enrolments(clerk))
    assert "123456789" not in repr(audit.events(clerk))

    today = local_today()
    first = autopay.run(boss, ORIG, today, tmp_path / "ach1.txt")
    assert (first.prenotes, first.debits) == (1, 0)
    (pre,) = entries_of(first.path)
    assert pre["transaction_code"] == "28" and pre["amount"] == "0000000000"
    assert pre["dfi_account_number"] == "123456789" and pre["individual_id"] == a

    due = add_business_days(today, 3)
    bill(centre, a, 8_650, due)
    with pytest.raises(StateError, match="No autopay debit"):
        autopay.run(boss, ORIG, add_business_days(today, 2), tmp_path / "early.txt")
    second = autopay.run(boss, ORIG, due, tmp_path / "ach2.txt")
    assert (second.prenotes, second.debits, second.total) == (0, 1, Money(8_650))
    (debit,) = entries_of(second.path)
    assert debit["transaction_code"] == "27" and int(debit["amount"]) == 8_650
    with pytest.raises(StateError):  # the same run date twice debits nobody twice
        autopay.run(boss, ORIG, due, tmp_path / "again.txt")

    # The bank returns the debit: R01, insufficient funds.
    entry = Entry("27", "111000025", "123456789", 8_650, a, "Ann Lee", debit["trace_number"])
    ret = tmp_path / "returns.txt"
    ret.write_text(nacha_returns((entry, "R01")))
    got = autopay.apply_returns(boss, ret)
    assert got.returned == 1
    with boss.read() as conn:
        rp = conn.execute(
            text("SELECT amount_cents, fee_cents, reason, source FROM office_returned_payment")
        ).one()
    assert rp == (8_650, 2_500, "ACH return R01", "ach_return")
    assert autopay.apply_returns(boss, ret).duplicate


def test_a_malformed_returns_file_is_refused_with_its_line_and_posts_nothing(
    joined, boss, tmp_path
):
    path = tmp_path / "bad.txt"
    entry = Entry("27", "111000025", "123456789", 100, "x", "X", "121000249999999")
    lines = nacha_returns((entry, "R01")).splitlines()
    path.write_text("\n".join([lines[0], lines[1], lines[3]]) + "\n")
    with pytest.raises(InputError, match="nothing was posted. Line 2:"):
        autopay.apply_returns(boss, path)
    path.write_text(nacha_returns((entry, "R01")))
    with pytest.raises(
        InputError, match="Line 2: trace 121000249999999 is not one of our autopay entries"
    ):
        autopay.apply_returns(boss, path)
    with boss.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM office_ach_return")).scalar_one() == 0


def test_the_originator_comes_from_the_stations_settings(station):
    from tests.printing_support import set_setting

    with pytest.raises(InputError, match="Set office.ach_company_id"):
        autopay.originator(station)
    for key, value in (
        ("office.ach_company_id", ORIG.company_id),
        ("office.ach_odfi", ORIG.odfi),
        ("office.ach_destination", ORIG.destination),
    ):
        set_setting(station, key, value)
    orig = autopay.originator(station)
    assert (orig.company_id, orig.odfi, orig.destination) == (
        ORIG.company_id,
        ORIG.odfi,
        ORIG.destination,
    )
    assert orig.company_name == station.setting("city.name")[:16]
