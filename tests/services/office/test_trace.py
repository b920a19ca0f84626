"""Every cent of a day traced: receipt -> deposit -> bank -> journal, across two stations, through
the real services (stations ring and close, the centre receives, the office deposits, imports
the bank's BAI2 statement, matches and journals)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text

from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.office import bank_import, bank_matching, deposits, journal
from tests.conftest import login
from tests.sale_helpers import card, cash, check, money_order, ring
from tests.services.office.bank_files import bai2_statement
from tests.services.office.office_support import close_exactly, open_drawer, push

pytestmark = pytest.mark.pg


def test_every_cent_from_the_receipts_reaches_the_deposit_the_bank_and_the_journal(
    joined, second, clerk, boss, tmp_path
):
    today = local_today()
    maria, james = login(joined, "maria"), login(second, "james")
    d1, d2 = open_drawer(joined, maria), open_drawer(second, james)
    ring(joined, maria, d1.session_id, 2_345, cash(5_000))
    ring(joined, maria, d1.session_id, 4_000, check(4_000, "1043", "Ann Lee"))
    ring(joined, maria, d1.session_id, 1_500, card(1_500))
    ring(second, james, d2.session_id, 6_000, cash(6_000))
    ring(second, james, d2.session_id, 2_500, money_order(2_500, "MO-77"))
    ring(second, james, d2.session_id, 999, replace(card(999), card_brand="mastercard"))
    close_exactly(joined, maria, d1.session_id)
    close_exactly(second, james, d2.session_id, off_by=-25)  # 25 cents short
    push(joined)
    push(second)

    # 1. The receipts, as the centre holds them: every tender of the day's sessions.
    with clerk.read() as conn:
        tenders = conn.execute(
            text(
                "SELECT s.receipt_no, t.kind, t.amount_cents, t.reference, t.card_brand "
                "FROM tender t JOIN sale s ON s.id = t.sale_id WHERE s.session_id = ANY(:ids)"
            ),
            {"ids": [d1.session_id, d2.session_id]},
        ).all()
        receipts = conn.execute(
            text(
                "SELECT coalesce(sum(l.amount_cents), 0) FROM sale_line l JOIN sale s "
                "ON s.id = l.sale_id WHERE s.session_id = ANY(:ids)"
            ),
            {"ids": [d1.session_id, d2.session_id]},
        ).scalar_one()
    by_kind: dict[str, int] = {}
    for _, kind, cents, _, _ in tenders:
        by_kind[kind] = by_kind.get(kind, 0) + cents
    assert sum(by_kind.values()) == receipts == 2_345 + 4_000 + 1_500 + 6_000 + 2_500 + 999

    # 2. The deposit: the cash of the receipts less the shortage, each check and money order
    # by its number; the cards stay out of the bag.
    dep = deposits.prepare(clerk, bag_no="BAG-900", day=today)
    assert set(dep.session_ids) == {d1.session_id, d2.session_id}
    assert dep.cash.cents == by_kind["cash"] - 25
    paper = sorted((k, r, c) for _, k, c, r, _ in tenders if k in ("check", "money_order"))
    assert sorted((i.kind, i.number, i.amount.cents) for i in dep.items) == paper
    assert dep.total.cents == receipts - by_kind["card"] - 25
    deposits.verify(boss, dep.id)
    dep = deposits.bank(clerk, dep.id)

    # 3. The bank: the bag as one credit, each card brand's batch as another; all matched.
    path = tmp_path / "statement.bai"
    path.write_text(
        bai2_statement(
            today + timedelta(days=1),
            [
                ("301", dep.total.cents, "B1", "BAG-900"),
                ("165", 1_500, "B2", ""),  # VISA
                ("165", 999, "B3", ""),  # MasterCard
            ],
        )
    )
    got = bank_import.import_statement(clerk, path)
    assert got.credits.cents == dep.total.cents + by_kind["card"]
    assert bank_matching.auto_match(clerk, today + timedelta(days=2)) == 3
    assert bank_matching.unmatched(clerk, today + timedelta(days=2)) == []

    # 4. The journal: the bank account is debited the bag, card clearing the card batches,
    # over and short the shortage; the credits are the receipts' lines, to the cent.
    view = journal.draft(clerk, today)
    j = view.journal
    assert j.balanced
    net = j.net_by_account()
    assert net[("1010", "999")] == dep.total.cents
    assert net[("1050", "999")] == by_kind["card"] == got.credits.cents - dep.total.cents
    assert net[("4950", "100")] == 25
    with clerk.read() as conn:
        ours = set(conn.execute(text("SELECT code FROM office_account")).scalars())
    credited = -sum(v for (acct, _), v in net.items() if acct not in ours)
    assert credited == receipts
    assert j.debits == Money(dep.total.cents + by_kind["card"] + 25 + _pool(j, ours))


def _pool(j, ours: set[str]) -> int:
    """Debits of the pooled-cash lines that move money between funds (not money received)."""
    return sum(
        ln.debit.cents
        for ln in j.lines
        if ln.account in ours and ln.account not in ("1010", "1050", "4950")
    )
