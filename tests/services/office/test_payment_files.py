"""Lockbox and online payment files (services/office/payment_files.py) and the suspense list
(suspense.py): a virtual session with its own Z report and deposit."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.office import (
    deposits,
    journal,
    payment_files,
    reconciliation,
    session_report,
    suspense,
)
from counterpos.store.balances import account_balance
from counterpos.store.models import UtilityAccount
from tests.services.office.bank_files import payment_file
from tests.services.office.office_support import push
from tests.sync.helpers import first_accounts

pytestmark = pytest.mark.pg


def balance(station, account_no: str) -> Money:
    with station.store.read() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no))
        return account_balance(s, acct.id)


def sales_count(office) -> int:
    with office.read() as conn:
        return conn.execute(text("SELECT count(*) FROM sale")).scalar_one()


def test_a_lockbox_file_posts_into_its_own_session_with_z_report_and_deposit(
    joined, clerk, boss, tmp_path
):
    a, b = first_accounts(joined, 2)
    before = balance(joined, a)
    path = tmp_path / "lockbox-1130.csv"
    path.write_text(
        payment_file(
            [
                ("LB-1001", a, "45.10", "Ann Lee", "3301"),
                ("LB-1002", b, "120.00", "Bo Chan", "7710"),
                ("LB-1003", "99999999", "33.33", "Who Knows", "12"),
            ]
        )
    )
    got = payment_files.import_file(clerk, path, "lockbox")
    assert (got.posted, got.suspense, got.total) == (2, 1, Money(4_510 + 12_000 + 3_333))
    z = session_report.z_report(clerk, got.session_id)
    assert z.sessions[0].station_code == "OFFICE" and z.sessions[0].kind == "lockbox"
    assert z.sales_count == 3 and z.gross_sales == got.total
    assert {t.code: t.amount for t in z.tenders} == {"check": got.total}
    assert {t.code: t.amount for t in z.by_gl} == {"2100": Money(16_510), "2090": Money(3_333)}
    dep = deposits.get(clerk, got.deposit_id)
    assert dep.total == got.total and dep.bank_account == "1020"
    # The station's balance falls once it pulls the payment down.
    push(joined)
    assert balance(joined, a) == before - Money(4_510)
    # The same file again posts nothing.
    n = sales_count(clerk)
    again = payment_files.import_file(clerk, path, "lockbox")
    assert again.duplicate and "nothing was posted" in again.message
    assert sales_count(clerk) == n
    # A new file repeating a confirmation number: that payment is refused, the rest posts.
    other = tmp_path / "lockbox-1201.csv"
    other.write_text(
        payment_file([("LB-1002", b, "120.00", "Bo", "7710"), ("LB-2001", b, "5.00", "Bo", "7711")])
    )
    more = payment_files.import_file(clerk, other, "lockbox")
    assert more.refused == ("LB-1002",) and more.posted == 1
    # The office's session is in the day's reconciliation, never flagged missing.
    day = reconciliation.day(clerk, local_today())
    office = next(st for st in day.stations if st.code == "OFFICE")
    assert not office.missing and len(office.sessions) == 2


@pytest.mark.parametrize(
    ("bad", "line", "why"),
    [
        (("45.10", "45.1x"), 2, "the amount"),
        (("LB-1002", "LB-1001"), 3, "also on line 2"),
        (("TOTAL,2,", "TOTAL,3,"), 4, "TOTAL says 3 payments"),
    ],
)
def test_a_malformed_payment_file_is_refused_with_its_line_and_posts_nothing(
    joined, clerk, tmp_path, bad, line, why
):
    a, b = first_accounts(joined, 2)
    text_ = payment_file([("LB-1001", a, "45.10", "A", "1"), ("LB-1002", b, "1.00", "B", "2")])
    path = tmp_path / "bad.csv"
    path.write_text(text_.replace(*bad))
    n = sales_count(clerk)
    with pytest.raises(InputError, match=f"nothing was posted. Line {line}: .*{why}"):
        payment_files.import_file(clerk, path, "online")
    assert sales_count(clerk) == n


def test_the_suspense_list_is_resolved_by_applying_or_refunding(joined, clerk, boss, tmp_path):
    a = first_accounts(joined, 1)[0]
    path = tmp_path / "online.csv"
    path.write_text(
        payment_file([("W-1", "00000001", "10.00", "X", ""), ("W-2", "00000002", "7.50", "Y", "")])
    )
    payment_files.import_file(clerk, path, "online")
    items = suspense.open_items(clerk)
    assert [(i.confirmation_no, i.amount, i.reason) for i in items] == [
        ("W-1", Money(1_000), "unknown account"),
        ("W-2", Money(750), "unknown account"),
    ]
    with pytest.raises(PermissionDenied):
        suspense.resolve(clerk, items[0].remittance_id, "apply", account_no=a)
    before = balance(joined, a)
    suspense.resolve(boss, items[0].remittance_id, "apply", account_no=a, note="Typo in acct")
    suspense.resolve(boss, items[1].remittance_id, "refund")
    with pytest.raises(StateError, match="resolved already"):
        suspense.resolve(boss, items[1].remittance_id, "refund")
    assert suspense.open_items(clerk) == []
    push(joined)
    assert balance(joined, a) == before - Money(1_000)
    # Suspense nets to zero in the day's journal; the refund is payable.
    j, _ = journal.compute(clerk, local_today())
    net = j.net_by_account()
    assert net.get(("2090", "999"), 0) == 0
    assert net[("2050", "999")] == -750
    assert j.balanced
