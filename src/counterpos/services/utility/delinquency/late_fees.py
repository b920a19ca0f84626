"""The late fee, by rule, once per bill, after its due date.

The fee is the policy's percentage (DOMAIN.md: 10%) of the past-due balance at the end of the
bill's due date: the account's balance then (payments made at any station included), less the
bills issued after it that were not yet due. It is charged once per bill (bill_penalty's
unique bill), never on a bill while its account keeps a payment arrangement, and not at all
below the policy's minimum. Bills read through `bills_for`-shaped rows; the ledger gets a
penalty entry per fee.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.domain.utility.delinquency import DelinquencyPolicy, late_fee_cents
from counterpos.services.utility.delinquency.standing import local_midnight_utc
from counterpos.services.utility.meters.state import LIVE_BILL
from counterpos.store.models import BillPenalty, LedgerEntry
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import bill_penalty_row, ledger_row

LOOK_BACK_DAYS = 120  # bills whose due date passed longer ago than this are left alone
_DEPOSITS = ", ".join(f"'{t}'" for t in DEPOSIT_TYPES)

CANDIDATES = f"""
SELECT b.id, b.bill_no, b.account_id, b.due_date, b.bill_date, b.created_at
FROM bill b
WHERE {LIVE_BILL} AND b.total_cents > 0 AND b.due_date < :on AND b.due_date >= :since
  AND NOT EXISTS (SELECT 1 FROM bill_penalty p WHERE p.bill_id = b.id)
"""

# The balance at the end of the due date (a bill's charge counting from its bill date,
# payments from when they were made, at any station), less the bills issued after this one.
PAST_DUE = f"""
SELECT b.id,
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
FROM bill b WHERE b.due_date = :due AND b.id IN ({{ids}})
"""


@dataclass(frozen=True)
class LateFees:
    charged: int
    total_cents: int
    below_minimum: int


def apply_late_fees(
    s: Session,
    station_code: str,
    on: date,
    policy: DelinquencyPolicy,
    skip_accounts: set[str] | frozenset[str] = frozenset(),
) -> LateFees:
    """Charge every fee now due (inside the caller's transaction)."""
    rows = s.execute(
        text(CANDIDATES), {"on": on, "since": on - timedelta(days=LOOK_BACK_DAYS)}
    ).all()
    by_due: dict[str, list] = {}
    for r in rows:
        if r[2] in skip_accounts:
            continue
        by_due.setdefault(str(r[3]), []).append(r)
    penalties, ledger = [], []
    total = below = 0
    percent = str(policy.late_fee_percent)
    for due_text, bills in by_due.items():
        due = date.fromisoformat(due_text[:10])
        cut = local_midnight_utc(due + timedelta(days=1))
        info = {r[0]: r for r in bills}
        for start in range(0, len(bills), 500):
            chunk = bills[start : start + 500]
            names = ", ".join(f":b{i}" for i in range(len(chunk)))
            params = {"cut": cut, "due": due, **{f"b{i}": r[0] for i, r in enumerate(chunk)}}
            for bill_id, past_due in s.execute(text(PAST_DUE.replace("{ids}", names)), params):
                fee = late_fee_cents(int(past_due or 0), policy)
                if fee <= 0:
                    below += 1
                    continue
                _id, bill_no, account_id, *_ = info[bill_id]
                entry = ledger_row(
                    account_id=account_id,
                    entry_type=EntryType.PENALTY,
                    amount_cents=fee,
                    memo=f"Late fee on bill {bill_no}: {percent}% of {Money(int(past_due))} past due",
                    station_code=station_code,
                )
                ledger.append(entry)
                penalties.append(
                    bill_penalty_row(
                        bill_id=bill_id,
                        account_id=account_id,
                        past_due_cents=int(past_due),
                        percent=percent,
                        cents=fee,
                        ledger_entry_id=entry["id"],
                        applied_on=on,
                        station_code=station_code,
                    )
                )
                total += fee
    if ledger:
        insert_synced(s, [(LedgerEntry, ledger), (BillPenalty, penalties)])
    return LateFees(len(ledger), total, below)
