"""Bank reconciliation (services/office/bank_import.py, bank_matching.py): BAI2 and CSV
statements written, imported and matched to real deposits and card batches."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text

from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied
from counterpos.services.office import bank_import, bank_matching, deposits
from tests.conftest import login
from tests.sale_helpers import card, cash, check, ring
from tests.services.office.bank_files import bai2_statement, csv_statement
from tests.services.office.office_support import close_exactly, open_drawer, push

pytestmark = pytest.mark.pg


@pytest.fixture
def banked(joined, second, clerk, boss):
    """A closed day at T1 (cash, a check, two VISA and one MC payment), deposited and banked."""
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    ring(joined, maria, d.session_id, 2_345, cash(5_000))
    ring(joined, maria, d.session_id, 4_000, check(4_000, "1043"))
    ring(joined, maria, d.session_id, 1_500, card(1_500))
    ring(joined, maria, d.session_id, 2_500, card(2_500))
    ring(joined, maria, d.session_id, 999, replace(card(999), card_brand="mastercard"))
    close_exactly(joined, maria, d.session_id)
    push(joined)
    dep = deposits.prepare(clerk, bag_no="BAG-7731", session_ids=[d.session_id])
    deposits.verify(boss, dep.id)
    return deposits.bank(clerk, dep.id)


def bank_lines(office) -> int:
    with office.read() as conn:
        return conn.execute(text("SELECT count(*) FROM office_bank_line")).scalar_one()


def test_a_bai2_statement_is_imported_and_matched_the_rest_listed_with_age(banked, clerk, tmp_path):
    today = local_today()
    path = tmp_path / "stmt.bai"
    path.write_text(
        bai2_statement(
            today + timedelta(days=1),
            [
                ("301", banked.total.cents, "B1", "BAG-7731"),  # the deposit, by its bag
                ("165", 4_000, "B2", ""),  # VISA settlement: 15.00 + 25.00
                ("165", 12_000, "B3", ""),  # nobody expected this
            ],
        )
    )
    got = bank_import.import_statement(clerk, path)
    assert got.lines == 3 and not got.duplicate
    assert got.credits == Money(banked.total.cents + 4_000 + 12_000)
    assert bank_matching.auto_match(clerk, today + timedelta(days=3)) == 2
    loose = bank_matching.unmatched(clerk, today + timedelta(days=3))
    assert [(u.side, u.kind, u.amount, u.age_days) for u in loose] == [
        ("book", "card_batch", Money(999), 3),  # the MasterCard batch has not settled
        ("bank", "bank_line", Money(12_000), 2),
    ]
    # What was matched, beside the book item it settled (the office's window lists them).
    done = bank_matching.matched(clerk, today + timedelta(days=3))
    assert sorted((m.amount, m.kind, m.age_days, m.by_hand) for m in done) == [
        (Money(4_000), "card_batch", 2, False),
        (banked.total, "deposit", 2, False),
    ]
    dep = next(m for m in done if m.kind == "deposit")
    assert dep.label == f"Deposit {banked.deposit_no}, bag BAG-7731" and dep.booked_on == today
    # The same file again posts nothing.
    again = bank_import.import_statement(clerk, path)
    assert again.duplicate and again.lines == 0 and "imported before" in again.message
    assert bank_lines(clerk) == 3


@pytest.mark.parametrize(
    ("change", "line", "why"),
    [
        (("16,165,4000", "16,165,4001"), 6, "account control total"),
        (("16,165,4000", "16,1X5,4000"), 5, "transaction type code"),
        (("49,", "48,"), 6, "record code"),
    ],
)
def test_a_malformed_bai2_file_is_refused_with_its_line_and_posts_nothing(
    banked, clerk, tmp_path, change, line, why
):
    good = bai2_statement(local_today(), [("301", 100, "B1", ""), ("165", 4_000, "B2", "")])
    path = tmp_path / "bad.bai"
    path.write_text(good.replace(*change))
    with pytest.raises(InputError, match=f"nothing was posted. Line {line}:") as err:
        bank_import.import_statement(clerk, path)
    assert why in str(err.value)
    assert bank_lines(clerk) == 0


def test_a_csv_statement_in_the_documented_layout(banked, clerk, tmp_path):
    today = local_today()
    path = tmp_path / "stmt.csv"
    path.write_text(
        csv_statement(
            [
                (today.isoformat(), "credit", banked.total.plain(), "", "Counter deposit"),
                (today.isoformat(), "165", "9.99", "", "MC settlement"),
                (today.isoformat(), "debit", "12.00", "", "Bank fee"),
            ]
        )
    )
    got = bank_import.import_statement(clerk, path)
    assert got.lines == 3 and got.debits == Money(1_200)
    assert bank_matching.auto_match(clerk, today) == 2
    assert [(u.side, u.amount) for u in bank_matching.unmatched(clerk, today)] == [
        ("bank", Money(-1_200)),  # the fee, in the bank, not in the books
        ("book", Money(4_000)),  # the VISA batch, in the books, not in the bank
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        csv_statement([(today.isoformat(), "credit", "1.00", "", "a")])
        + f"{today},credit,12.345,X,,b\n"
    )
    with pytest.raises(InputError, match="Line 3: the amount: An amount has at most two"):
        bank_import.import_statement(clerk, bad)
    assert bank_lines(clerk) == 3


def test_a_cashier_role_cannot_import(joined, centre):
    from counterpos.services.office.connection import Office

    with pytest.raises(PermissionDenied):
        bank_import.import_statement(Office(None, login(joined, "maria")), "x.bai")  # type: ignore[arg-type]
