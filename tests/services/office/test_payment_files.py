"""Lockbox and online payment files (services/office/payment_files.py) and the suspense list
(suspense.py): a virtual session with its own Z report and deposit."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from counterpos.domain.money import Money
from counterpos.domain.remittance_file import Remittance
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


def test_each_payment_of_a_batch_becomes_a_sale_line_tender_entry_and_remittance(
    joined, clerk, centre
):
    """The batch is posted set-wise in SQL; every row it writes, and every way a payment is
    held back, checked row by row."""
    a, b = first_accounts(joined, 2)
    with centre.admin.begin() as conn:  # b's customer returned checks: cash only for now
        conn.execute(
            text(
                "INSERT INTO office_account_flag (id, customer_id, account_id, flag, until, "
                "reason, created_at) SELECT 'f1', customer_id, NULL, 'cash_only', :u, 'test', "
                "now() FROM utility_account WHERE account_no = :b"
            ),
            {"u": local_today(), "b": b},
        )
    day = local_today()
    items = [
        Remittance(2, "C-1", a, Money(4_510), day, "Ann Lee", "3301"),
        Remittance(3, "C-2", b, Money(1_000), day, "Bo Chan", "7710"),
        Remittance(4, "C-1", a, Money(999), day, "Ann again", "3302"),  # same number: refused
        Remittance(5, "C-3", "55555555", Money(250), day, "P" * 90, ""),
    ]
    with clerk.write() as conn:
        got = payment_files.post_batch(conn, clerk, "lockbox", items, file_name="t.csv")
    assert (got.posted, got.suspense, got.refused, got.total) == (1, 2, ("C-1",), Money(5_760))
    with clerk.read() as conn:
        acct_id, cust_id = conn.execute(
            text("SELECT id, customer_id FROM utility_account WHERE account_no = :a"), {"a": a}
        ).one()
        rows = conn.execute(
            text(
                "SELECT r.line_no, r.confirmation_no, r.suspense_reason, s.sequence, s.receipt_no, "
                "s.station_code, s.session_id, s.customer_id, s.total_cents, s.note, "
                "l.description, l.gl_account, l.account_id, l.details, t.kind, t.reference, "
                "t.payer, e.account_id, e.entry_type, e.amount_cents, e.memo "
                "FROM office_remittance r JOIN sale s ON s.id = r.sale_id "
                "JOIN sale_line l ON l.sale_id = s.id JOIN tender t ON t.sale_id = s.id "
                "LEFT JOIN ledger_entry e ON e.sale_line_id = l.id "
                "WHERE r.batch_id = :b ORDER BY r.line_no"
            ),
            {"b": got.batch_id},
        ).all()
    assert [r[:3] for r in rows] == [
        (2, "C-1", ""),
        (3, "C-2", "account takes cash, money order or card only"),
        (5, "C-3", "unknown account"),
    ]
    first = rows[0].sequence
    assert [r.sequence for r in rows] == [first, first + 1, first + 2]
    assert rows[0].receipt_no == f"OFFICE-{first:06d}"
    assert {(r.station_code, r.session_id) for r in rows} == {("OFFICE", got.session_id)}
    ok, cash_only, unknown = rows
    assert ok[7:] == (
        cust_id, 4_510, "lockbox C-1", "Utility bill payment", "2100", acct_id,
        {"account_no": a, "confirmation_no": "C-1"}, "check", "3301", "Ann Lee",
        acct_id, "payment", -4_510, "Lockbox payment C-1",
    )  # fmt: skip
    assert cash_only[7:] == (
        None, 1_000, "Suspense: account takes cash, money order or card only",
        f"Unapplied payment for {b}", "2090", None, {"account_no": b, "confirmation_no": "C-2"},
        "check", "7710", "Bo Chan", None, None, None, None,
    )  # fmt: skip
    assert unknown.reference == "C-3" and unknown.payer == "P" * 80  # no check number
    # A batch of nothing but numbers seen before posts nothing.
    with pytest.raises(StateError, match="seen before"), clerk.write() as conn:
        payment_files.post_batch(conn, clerk, "online", items[:2])


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
