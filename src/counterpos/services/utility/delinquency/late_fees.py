"""The late fee, by rule, once per bill, after its due date.

The fee is the policy's percentage (DOMAIN.md: 10%) of the past-due balance at the end of the
bill's due date: the account's balance then (payments made at any station included), less the
bills issued after it that were not yet due. It is charged once per bill (bill_penalty's
unique bill), never on a bill while its account keeps a payment arrangement, and not at all
below the policy's minimum. Bills read through `bills_for`-shaped rows; the ledger gets a
penalty entry per fee.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.domain.utility.delinquency import DelinquencyPolicy, late_fee_cents
from counterpos.domain.utility.low_income import waiver_due
from counterpos.services.utility.delinquency.standing import (
    LedgerScan,
    _d,
    local_midnight_utc,
    low_income_accounts,
)
from counterpos.services.utility.meters.state import LIVE_BILL
from counterpos.store.models import BillPenalty, LedgerEntry
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import bill_penalty_row, ledger_row

LOOK_BACK_DAYS = 120  # bills whose due date passed longer ago than this are left alone
_DEPOSITS = ", ".join(f"'{t}'" for t in DEPOSIT_TYPES)

# Every bill past due and without its fee. Its past-due balance is the balance at the end of
# its due date (a bill's charge counting from its bill date, payments from when they were made,
# at any station), less the bills issued after it that were not yet due: summed in Python over
# the ledger the run reads once (standing.LedgerScan) and the live bills issued in the window,
# instead of two correlated sums per bill. Each due date gets the station's local midnight
# that ends it (as stored: naive UTC text, compared as SQLite compares it).
DUE_DATES = "SELECT DISTINCT due_date FROM bill WHERE due_date < ? AND due_date >= ?"
DUE_BILLS = f"""
SELECT b.id, b.bill_no, b.account_id, b.due_date, b.bill_date
FROM bill b
WHERE b.due_date < ? AND b.due_date >= ? AND {LIVE_BILL} AND b.total_cents > 0
  AND NOT EXISTS (SELECT 1 FROM bill_penalty p WHERE p.bill_id = b.id)
ORDER BY b.due_date, b.bill_no
"""
# The live bills issued after the oldest due bill's date, up to the last due date: those that
# were not yet due when an earlier bill fell due.
LATER_BILLS = f"""
SELECT b.account_id, b.bill_date, b.total_cents FROM bill b
WHERE b.bill_date > ? AND b.bill_date <= ? AND {LIVE_BILL}
"""


def _stored(at: datetime) -> str:
    """A naive UTC time as SQLAlchemy's SQLite DateTime writes and binds it."""
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass(frozen=True)
class LateFees:
    charged: int
    total_cents: int
    below_minimum: int
    waived: int = 0  # SB 998: a low-income household's one late charge in twelve months


# Each qualifying account's newest waiver: a bill's penalty row of no cents, with no ledger
# entry (a fee below the minimum writes no row at all).
LAST_WAIVERS = """
SELECT account_id, MAX(applied_on) FROM bill_penalty
WHERE cents = 0 AND ledger_entry_id IS NULL GROUP BY account_id
"""


def _past_due(
    conn, scan: LedgerScan, due_bills: list, cut_of: dict[str, str]
) -> list[tuple[str, str, str, int]]:
    """(bill, bill no, account, past-due balance) of each due bill, in the order given."""
    if not due_bills:
        return []
    accounts = {b[2] for b in due_bills}
    posted: dict[str, list[tuple[str, int]]] = defaultdict(list)  # account -> (counts from, cents)
    for row in scan.rows:
        if row[0] in accounts:
            posted[row[0]].append((row[1], row[4]))
    for acct, cents, created in scan.central:
        if acct in accounts:
            posted[acct].append((created, cents))
    later: dict[str, list[tuple[str, int]]] = defaultdict(list)  # account -> (bill date, cents)
    since = min(b[4] for b in due_bills)
    until = max(b[3] for b in due_bills)
    for acct, bill_date, cents in conn.exec_driver_sql(LATER_BILLS, (since, until)):
        if acct in accounts:
            later[acct].append((bill_date, cents))
    out = []
    for bill_id, bill_no, account_id, due, bill_date in due_bills:
        cut = cut_of[due]
        balance = sum(c for at, c in posted.get(account_id, ()) if at < cut)
        issued = sum(c for at, c in later.get(account_id, ()) if bill_date < at <= due)
        out.append((bill_id, bill_no, account_id, balance - issued))
    return out


def apply_late_fees(
    s: Session,
    station_code: str,
    on: date,
    policy: DelinquencyPolicy,
    skip_accounts: set[str] | frozenset[str] = frozenset(),
    scan: LedgerScan | None = None,
) -> LateFees:
    """Charge every fee now due (inside the caller's transaction), from the ledger as `scan`
    read it (or as it is now)."""
    conn = s.connection()
    window = (on.isoformat(), (on - timedelta(days=LOOK_BACK_DAYS)).isoformat())
    dues = [d for (d,) in conn.exec_driver_sql(DUE_DATES, window)]
    if not dues:
        return LateFees(0, 0, 0)
    cut_of = {d: _stored(local_midnight_utc(_d(d) + timedelta(days=1))) for d in dues}
    due_bills = list(conn.exec_driver_sql(DUE_BILLS, window))
    penalties, ledger = [], []
    total = below = waived = 0
    percent = str(policy.late_fee_percent)
    qualified = low_income_accounts(s, on)
    last_waived = {a: _d(d) for a, d in conn.exec_driver_sql(LAST_WAIVERS)} if qualified else {}
    for bill_id, bill_no, account_id, past_due in _past_due(
        conn, scan or LedgerScan(s), due_bills, cut_of
    ):
        if account_id in skip_accounts:
            continue
        fee = late_fee_cents(int(past_due or 0), policy)
        if fee <= 0:
            below += 1
            continue
        if account_id in qualified and waiver_due(
            last_waived.get(account_id), on, policy.low_income
        ):
            last_waived[account_id] = on
            penalties.append(
                bill_penalty_row(
                    bill_id=bill_id,
                    account_id=account_id,
                    past_due_cents=int(past_due),
                    percent=percent,
                    cents=0,
                    ledger_entry_id=None,
                    applied_on=on,
                    station_code=station_code,
                )
            )
            waived += 1
            continue
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
    if penalties:
        insert_synced(s, [(LedgerEntry, ledger), (BillPenalty, penalties)])
    return LateFees(len(ledger), total, below, waived)
