"""Where accounts stand (services/utility/delinquency/standing.py): the one query the notice run
reads (past_due_standings) chooses exactly what the per-account rule chooses from `owing`.

The city is varied on purpose: partial payments at random times (here and at other stations,
through the centre's copy of the ledger), charges that are not bills (opening balances, due 21
days on), reversed charges, credits, closed accounts, notices already sent (late, final at
different dates, collection), a broken and a kept arrangement, on several days of the calendar.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from counterpos.domain.kinds import EntryType
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.utility.delinquency import (
    AccountFacts,
    choose_notice,
    late_fee_cents,
    past_due,
)
from counterpos.services.utility.billing.rates import closed_days, delinquency_policy
from counterpos.services.utility.delinquency.late_fees import apply_late_fees
from counterpos.services.utility.delinquency.run import _facts
from counterpos.services.utility.delinquency.standing import (
    arrangements,
    local_midnight_utc,
    owing,
    past_due_standings,
    sent_by_account,
)
from counterpos.services.utility.notices.record import record_notices, sent_keys
from counterpos.store.models import (
    Bill,
    BillPenalty,
    CentralLedgerEntry,
    LedgerEntry,
    PaymentArrangement,
    UtilityAccount,
)
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import ledger_row


def _at(day, hour) -> datetime:
    return datetime.combine(day, time(hour)).astimezone(UTC).replace(tzinfo=None)


def _vary(station, first, seed: int) -> None:
    """Payments, charges, reversals, credits, closed accounts and sent notices, at random."""
    rng = random.Random(seed)
    start = first.bill_date - timedelta(days=40)
    with station.store.write() as s:
        accounts = list(s.scalars(select(UtilityAccount).order_by(UtilityAccount.account_no)))
        ledger, central, notices = [], [], []
        for acct in accounts:
            charges = list(
                s.scalars(
                    select(LedgerEntry).where(
                        LedgerEntry.account_id == acct.id, LedgerEntry.amount_cents > 0
                    )
                )
            )
            for _ in range(rng.randint(0, 3)):  # payments, here or elsewhere, at any time
                day = start + timedelta(days=rng.randint(0, 150))
                cents = -rng.choice([500, 1234, 2050, 4000, 9999, 25000])
                if rng.random() < 0.3:
                    central.append(
                        CentralLedgerEntry(
                            id=f"c-{rng.random()}",
                            account_id=acct.id,
                            entry_type="payment",
                            amount_cents=cents,
                            station_code="CH9",
                            created_at=_at(day, rng.randint(0, 23)),
                        )
                    )
                else:
                    ledger.append(
                        ledger_row(
                            account_id=acct.id,
                            entry_type=EntryType.PAYMENT,
                            amount_cents=cents,
                            station_code="T1",
                            created_at=_at(day, rng.randint(0, 23)),
                        )
                    )
            if rng.random() < 0.6:  # not a bill: a charge (due 21 days on) or a fee (due at once)
                day = start + timedelta(days=rng.randint(0, 120))
                ledger.append(
                    ledger_row(
                        account_id=acct.id,
                        entry_type=rng.choice([EntryType.CHARGE, EntryType.PENALTY]),
                        amount_cents=rng.randint(100, 8000),
                        station_code="T1",
                        created_at=_at(day, rng.randint(0, 23)),
                    )
                )
            if charges and rng.random() < 0.2:  # a charge reversed
                gone = rng.choice(charges)
                ledger.append(
                    ledger_row(
                        account_id=acct.id,
                        entry_type=EntryType.ADJUSTMENT,
                        amount_cents=-gone.amount_cents,
                        reverses_id=gone.id,
                        station_code="T1",
                    )
                )
            if rng.random() < 0.15:
                acct.status = "closed"
            refs = [c.id for c in charges]
            refs += list(s.scalars(select(Bill.id).where(Bill.account_id == acct.id)))
            for kind in ("late", "final", "collection"):
                if refs and rng.random() < 0.35:
                    notices.append(
                        {
                            "kind": kind,
                            "key": f"{kind}:{rng.choice(refs)}",
                            "account_id": acct.id,
                            "issued_on": first.due_date + timedelta(days=rng.randint(1, 90)),
                        }
                    )
        s.flush()
        if ledger:
            insert_synced(s, [(LedgerEntry, ledger)])
        s.add_all(central)
        seen: set[str] = set()
        batch = [n for n in notices if not (n["key"] in seen or seen.add(n["key"]))]
        record_notices(s, "T1", "test", batch)


def _arrange(station, city, first) -> None:
    """Arrangements on two accounts, started near the first due date (as if then): on the
    days compared they are kept, missed or broken."""
    with station.store.write() as s:
        for i, serial in enumerate(("MV-000001", "MV-000002")):
            acct = s.scalars(
                select(UtilityAccount).where(UtilityAccount.account_no == city.accounts[serial])
            ).one()
            s.add(
                PaymentArrangement(
                    arrangement_no=f"T1-A{i:07d}",
                    account_id=acct.id,
                    kind="amortization",
                    arrears_cents=30000,
                    instalments=[
                        [(first.due_date + timedelta(days=5 + 30 * k)).isoformat(), 10000 - i]
                        for k in range(3 + i)
                    ],
                    starts_on=first.due_date,
                    created_by="test",
                    station_code="T1",
                    created_at=_at(first.due_date, 12),
                )
            )


def _by_rule(s, on, policy, closed, arranged):
    """The per-account rule over `owing`: every unpaid charge, every notice sent."""
    sent = sent_by_account(s)
    out = {}
    accounts = {a.id: a for a in s.scalars(select(UtilityAccount))}
    for account_id, o in owing(s).items():
        acct = accounts[account_id]
        arr = arranged.get(account_id)
        facts = AccountFacts(
            account_id,
            acct.status == "active",
            acct.customer_class in policy.residential_classes,
            o.unpaid(),
            frozenset(sent.get(account_id, ())),
            arr.standing.state if arr and arr.standing.state != "completed" else "",
            arr.arrangement_id if arr else "",
            sent.get(account_id, {}),
        )
        if past_due(facts.unpaid, on) < policy.min_notice_cents:
            continue
        out[account_id] = (
            choose_notice(facts, on, closed, policy),
            o.balance,
            past_due(facts.unpaid, on),
            o.bill_of.get(next(u.charge.ref for u in facts.unpaid if u.charge.due_on < on)),
        )
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_one_query_chooses_as_the_rule_does(station, supervisor, overdue, seed):
    city, first = overdue
    _vary(station, first, seed)
    _arrange(station, city, first)
    compared = 0
    for days in (0, 1, 2, 25, 46, 61, 75, 95, 130):
        on = first.due_date + timedelta(days=days)
        with station.store.read() as s:
            policy = delinquency_policy(s, on)
            closed = closed_days(s)
            arranged = arrangements(
                s, on, policy.arrangement_grace_days, policy.sb998.arrangement_default_days
            )
            expected = _by_rule(s, on, policy, closed, arranged)
            count, standings = past_due_standings(s, on, policy.min_notice_cents)
            assert count == len(owing(s))
            posted = sent_keys(s, [f"posted:{a.arrangement_id}" for a in arranged.values()])
            got = {
                st.account_id: (
                    choose_notice(
                        _facts(st, arranged.get(st.account_id), posted, policy), on, closed, policy
                    ),
                    st.balance,
                    st.past_due,
                    st.bill_id,
                )
                for st in standings
            }
        assert got == expected, on
        compared += sum(1 for c in got.values() if c[0] is not None)
    assert compared > 10  # the city gave the rule something to choose


_DEPOSITS = ", ".join(f"'{t}'" for t in DEPOSIT_TYPES)

# The late fee's past-due balance as it was asked bill by bill (one bill per query here): the
# reference the one query of late_fees.py is held to.
_PER_BILL = f"""
SELECT b.id, b.account_id,
  (SELECT COALESCE(SUM(amount_cents), 0) FROM (
      SELECT l.amount_cents FROM ledger_entry l LEFT JOIN bill x ON x.ledger_entry_id = l.id
      WHERE l.account_id = b.account_id AND l.entry_type NOT IN ({_DEPOSITS})
        AND COALESCE(x.bill_date, l.created_at) < :cut
      UNION ALL
      SELECT c.amount_cents FROM central_ledger_entry c WHERE c.account_id = b.account_id
        AND c.entry_type NOT IN ({_DEPOSITS}) AND c.created_at < :cut
        AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.id = c.id)))
  - (SELECT COALESCE(SUM(n.total_cents), 0) FROM bill n WHERE n.account_id = b.account_id
        AND n.bill_date > b.bill_date AND n.bill_date <= :due AND n.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM bill x WHERE x.reverses_id = n.id))
FROM bill b WHERE b.id = :bill AND b.due_date = :due
"""


@pytest.mark.parametrize("seed", [4, 5])
def test_the_late_fees_query_finds_each_bill_s_past_due_as_asked_bill_by_bill(
    station, supervisor, overdue, seed
):
    city, first = overdue
    _vary(station, first, seed)
    charged = 0
    for days in (1, 2, 31, 33, 62, 95):
        on = first.due_date + timedelta(days=days)
        with station.store.write() as s:
            policy = delinquency_policy(s, on)
            expected = {}  # asked bill by bill before anything is charged
            for bill_id, due in s.execute(
                select(Bill.id, Bill.due_date).where(
                    Bill.due_date < on, Bill.due_date >= on - timedelta(days=120)
                )
            ).all():
                if _penalised(s, bill_id, on + timedelta(days=1)):
                    continue
                cut = local_midnight_utc(due + timedelta(days=1))
                row = s.execute(text(_PER_BILL), {"cut": cut, "due": due, "bill": bill_id}).one()
                fee = late_fee_cents(int(row[2]), policy)
                if fee > 0:
                    expected[bill_id] = (row[1], int(row[2]), fee)
            fees = apply_late_fees(s, "T1", on, policy)
            got = {
                p.bill_id: (p.account_id, p.past_due_cents, p.cents)
                for p in s.scalars(select(BillPenalty).where(BillPenalty.applied_on == on))
            }
            assert got == expected, on
            assert fees.charged == len(got) and fees.total_cents == sum(v[2] for v in got.values())
            charged += fees.charged
    assert charged > 10


def _penalised(s, bill_id, on) -> bool:
    return (
        s.scalar(
            select(BillPenalty.id).where(
                BillPenalty.bill_id == bill_id, BillPenalty.applied_on < on
            )
        )
        is not None
    )


@pytest.mark.parametrize("seed", [6, 7])
def test_the_ledger_read_once_and_caught_up_stands_as_read_afresh(
    station, supervisor, overdue, seed
):
    """The run reads the ledger once (LedgerScan) for the late fees, catches up with the fees
    it wrote, and reads the standings from it: the same as reading the ledger again."""
    from counterpos.services.utility.delinquency.standing import LedgerScan

    city, first = overdue
    _vary(station, first, seed)
    charged = 0
    for days in (2, 33, 62, 95):
        on = first.due_date + timedelta(days=days)
        with station.store.write() as s:
            policy = delinquency_policy(s, on)
            scan = LedgerScan(s)
            charged += apply_late_fees(s, "T1", on, policy, scan=scan).charged
            assert past_due_standings(s, on, policy.min_notice_cents, scan) == (
                past_due_standings(s, on, policy.min_notice_cents)
            )
    assert charged > 5
