"""Where accounts stand: what is unpaid (payments pay the oldest charges first), and how an
arrangement is kept. Read in bulk for the delinquency run, or for one account at the counter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.utility.arrangement import Instalment, Standing, standing
from counterpos.domain.utility.delinquency import Charge, Unpaid, unpaid
from counterpos.services.utility.meters.state import LIVE_BILL
from counterpos.store.models import ArrangementEvent, PaymentArrangement, ShutoffProtection

_DEPOSITS = ", ".join(f"'{t}'" for t in DEPOSIT_TYPES)
DUE_DAYS_OF_OTHER_CHARGES = 21  # a charge that is not a bill (an opening balance) is due as one


def local_midnight_utc(day: date) -> datetime:
    """The stored (naive UTC) time of the station's local midnight that starts `day`."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def _d(v) -> date:
    return (
        date.fromisoformat(v[:10])
        if isinstance(v, str)
        else (v.date() if isinstance(v, datetime) else v)
    )


BALANCES = f"""
SELECT account_id, SUM(amount_cents) FROM (
    SELECT account_id, amount_cents FROM ledger_entry WHERE entry_type NOT IN ({_DEPOSITS})
    UNION ALL
    SELECT c.account_id, c.amount_cents FROM central_ledger_entry c
    WHERE c.entry_type NOT IN ({_DEPOSITS})
      AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.id = c.id)
) {{where}} GROUP BY account_id HAVING SUM(amount_cents) > 0
"""

# The positive, not reversed charges of owing accounts, newest first, while the newer ones
# (themselves included) have not yet covered the balance: the charges still unpaid. A bill's
# charge counts from its bill date (a run may be entered after the date it bills on). In that
# order (upto grows with each), so that charges due the same day keep it when `unpaid` sorts
# them by due date, and the oldest of them is always the same one.
UNPAID = f"""
WITH bal(account_id, balance) AS ({BALANCES}),
pos AS (
    SELECT l.account_id, l.id, l.entry_type, l.amount_cents, l.created_at, b.id AS bill_id,
           b.due_date,
           SUM(l.amount_cents) OVER (PARTITION BY l.account_id
               ORDER BY COALESCE(b.bill_date, l.created_at) DESC, l.created_at DESC, l.id DESC
               ROWS UNBOUNDED PRECEDING) AS upto
    FROM ledger_entry l JOIN bal ON bal.account_id = l.account_id
    LEFT JOIN bill b ON b.ledger_entry_id = l.id
    WHERE l.amount_cents > 0 AND l.entry_type NOT IN ({_DEPOSITS})
      AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = l.id)
)
SELECT pos.account_id, bal.balance, pos.id, pos.entry_type, pos.amount_cents, pos.created_at,
       pos.bill_id, pos.due_date
FROM pos JOIN bal ON bal.account_id = pos.account_id
WHERE pos.upto - pos.amount_cents < bal.balance
ORDER BY pos.account_id, pos.upto
"""


@dataclass
class Owing:
    balance: int
    charges: list[Charge]
    bill_of: dict[str, str]  # charge ref -> bill id

    def unpaid(self) -> list[Unpaid]:
        return unpaid(self.charges, self.balance)


def owing(session: Session, account_id: str | None = None) -> dict[str, Owing]:
    """Every owing account's balance and unpaid charges (or one account's)."""
    where = "WHERE account_id = :a" if account_id else ""
    sql = UNPAID.replace("{where}", where)
    out: dict[str, Owing] = {}
    for acct, balance, entry_id, kind, cents, created, bill_id, due in session.execute(
        text(sql), {"a": account_id} if account_id else {}
    ):
        o = out.get(acct)
        if o is None:
            o = out[acct] = Owing(int(balance), [], {})
        if due is not None:
            due_on = _d(due)
        else:
            posted = _d(created)
            due_on = posted + timedelta(days=DUE_DAYS_OF_OTHER_CHARGES if kind == "charge" else 0)
        ref = bill_id or entry_id
        o.charges.append(Charge(ref, due_on, int(cents)))
        if bill_id:
            o.bill_of[ref] = bill_id
    return out


@dataclass(frozen=True)
class ArrangementState:
    arrangement_id: str
    arrangement_no: str
    kind: str
    instalments: tuple[Instalment, ...]
    starts_on: date
    standing: Standing


def _payments_since(session: Session, account_id: str, since: date) -> int:
    cut = local_midnight_utc(since)
    paid = session.execute(
        text(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM (SELECT amount_cents FROM ledger_entry "
            "WHERE account_id = :a AND entry_type = 'payment' AND created_at >= :c UNION ALL "
            "SELECT c.amount_cents FROM central_ledger_entry c WHERE c.account_id = :a AND "
            "c.entry_type = 'payment' AND c.created_at >= :c AND NOT EXISTS "
            "(SELECT 1 FROM ledger_entry l WHERE l.id = c.id))"
        ),
        {"a": account_id, "c": cut},
    ).scalar()
    return -int(paid or 0)


def arrangements(
    session: Session, on: date, grace_days: int, default_days: int, account_id: str | None = None
) -> dict[str, ArrangementState]:
    """Each account's running arrangement (none ended by an event) and how it stands."""
    q = select(PaymentArrangement).where(
        ~select(ArrangementEvent.id)
        .where(ArrangementEvent.arrangement_id == PaymentArrangement.id)
        .exists()
    )
    if account_id:
        q = q.where(PaymentArrangement.account_id == account_id)
    out: dict[str, ArrangementState] = {}
    for a in session.scalars(q.order_by(PaymentArrangement.created_at)):
        plan = tuple(Instalment(date.fromisoformat(d), int(c)) for d, c in a.instalments)
        new_bills = [
            Instalment(_d(due), int(cents))
            for due, cents in session.execute(
                text(
                    f"SELECT b.due_date, b.total_cents FROM bill b WHERE b.account_id = :a AND {LIVE_BILL} "
                    "AND b.created_at >= :c"
                ),
                {"a": a.account_id, "c": a.created_at},
            )
        ]
        paid = _payments_since(session, a.account_id, a.starts_on)
        out[a.account_id] = ArrangementState(
            a.id,
            a.arrangement_no,
            a.kind,
            plan,
            a.starts_on,
            standing(plan, new_bills, paid, on, grace_days, default_days),
        )
    return out


def sent_by_account(session: Session) -> dict[str, dict[str, date]]:
    """The notices each account has been sent: key -> the day it was issued."""
    out: dict[str, dict[str, date]] = defaultdict(dict)
    for acct, key, issued in session.execute(
        text("SELECT account_id, key, issued_on FROM notice WHERE account_id IS NOT NULL")
    ):
        out[acct][key] = _d(issued)
    return out


# Every owing account's past-due standing, as `owing` + Unpaid would find it: the unpaid
# charges (newest first by bill date while they do not yet cover the balance), taken again
# newest first by due date up to the balance (ties kept in the first order, as a stable sort
# keeps them), the part of each still unpaid; of those past due, their sum and the oldest (its
# ref, due date and bill). The ledger is read in two plain scans and the charges are ordered
# per account in Python: three window passes (each a sort of every charge of the city) cost
# SQLite several times what a dictionary of short lists does.
_LEDGER_SCAN = f"""
SELECT l.account_id, COALESCE(b.bill_date, l.created_at), l.created_at, l.id, l.amount_cents,
       b.id, COALESCE(b.due_date, date(substr(l.created_at, 1, 10),
           CASE WHEN l.entry_type = 'charge' THEN '+{DUE_DAYS_OF_OTHER_CHARGES} days'
                ELSE '+0 days' END))
FROM ledger_entry l LEFT JOIN bill b ON b.ledger_entry_id = l.id
WHERE l.entry_type NOT IN ({_DEPOSITS})
"""
_REVERSED = "SELECT reverses_id FROM ledger_entry WHERE reverses_id IS NOT NULL"
_CENTRAL = f"""
SELECT c.account_id, c.amount_cents, c.created_at FROM central_ledger_entry c
WHERE c.entry_type NOT IN ({_DEPOSITS})
  AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.id = c.id)
"""
_LAST_ROWID = "SELECT COALESCE(MAX(rowid), 0) FROM ledger_entry"


class LedgerScan:
    """The ledger as the delinquency run reads it, once: every entry that is not a deposit
    (rows of _LEDGER_SCAN: account, bill date or time posted, time posted, id, cents, bill,
    due date), the ids reversed, and the centre's entries not also here (account, cents, time
    posted). The run's late fees read it, then `catch_up` adds the entries written since in
    the same transaction (the fees), and the standings read it again."""

    def __init__(self, session: Session) -> None:
        self.rows: list[tuple] = []
        self.reversed_ids: set[str] = set()
        self.central: list[tuple] = []
        self._last = 0
        self._session = session
        cursor = self._cursor()
        try:
            self.central = cursor.execute(_CENTRAL).fetchall()
        finally:
            cursor.close()
        self.catch_up()

    def _cursor(self):
        driver = self._session.connection().connection.driver_connection
        assert driver is not None  # a live connection inside the session's transaction
        return driver.cursor()

    def catch_up(self) -> None:
        """Add the ledger entries written since the last read (rowid past it)."""
        cursor = self._cursor()
        try:
            last = cursor.execute(_LAST_ROWID).fetchone()[0]
            if last <= self._last:
                return
            since = (self._last, last)
            self.reversed_ids.update(
                r for (r,) in cursor.execute(_REVERSED + " AND rowid > ? AND rowid <= ?", since)
            )
            self.rows += cursor.execute(
                _LEDGER_SCAN + " AND l.rowid > ? AND l.rowid <= ?", since
            ).fetchall()
            self._last = last
        finally:
            cursor.close()


# What the notice run reads beside the standing, for the accounts with something past due
# (listed in a temporary table): the account, its customer, the oldest bill's number and the
# notices already recorded about the oldest charge.
_PAST_DUE_REFS = "past_due_ref"
_ABOUT = f"""
SELECT t.account_id, a.account_no, a.customer_id, a.service_address, a.customer_class,
       a.status, bn.bill_no, c.id, c.first_name, c.last_name, c.business_name,
       c.mailing_address, c.preferred_language, nl.issued_on, nf.issued_on, nc.issued_on
FROM temp.{_PAST_DUE_REFS} t JOIN utility_account a ON a.id = t.account_id
LEFT JOIN customer c ON c.id = a.customer_id
LEFT JOIN bill bn ON bn.id = t.bill_id
LEFT JOIN notice nl ON nl.key = 'late:' || t.ref
LEFT JOIN notice nf ON nf.key = 'final:' || t.ref
LEFT JOIN notice nc ON nc.key = 'collection:' || t.ref
"""


@dataclass(frozen=True, slots=True)
class PastDue:
    """One owing account with something past due, as the notice run needs it."""

    account_id: str
    balance: int
    past_due: int
    oldest: Charge  # the oldest unpaid charge past due
    bill_id: str | None  # ... when it is a bill
    bill_no: str
    account_no: str
    customer_id: str
    service_address: str
    customer_class: str
    active: bool
    addressee: str
    mailing_address: str
    sent_on: dict[str, date]  # the notices about the oldest charge: key -> issued
    language: str = "en"  # the customer's preferred language, kept with a notice


def _oldest_past_due(
    charges: list[tuple[str, str, str, str, int, str | None, str]], balance: int, on: str
) -> tuple[int, str, str, str | None] | None:
    """(past due, oldest past-due ref, its due date, its bill) of one account's positive, not
    reversed charges (rows of _LEDGER_SCAN: account, order key, created, id, cents, bill id,
    due date), or None."""
    charges.sort(reverse=True)  # newest first by bill date, then time, then id
    unpaid = []
    upto = 0
    for charge in charges:
        if upto >= balance:
            break  # the newer charges cover the balance: this and the older ones are paid
        upto += charge[4]
        unpaid.append(charge)
    unpaid.sort(key=_due, reverse=True)  # by due date, newest first, ties kept in that order
    left = balance
    past = 0
    oldest = None
    for charge in unpaid:
        if left <= 0:
            break
        part = min(charge[4], left)
        left -= part
        if charge[6] < on:
            past += part
            oldest = charge
    if oldest is None:
        return None
    return past, oldest[5] or oldest[3], oldest[6], oldest[5]


def _due(charge: tuple) -> str:
    return charge[6]


def _day(days: dict[str, date], text: str) -> date:
    day = days.get(text)
    if day is None:
        day = days[text] = _d(text)
    return day


def past_due_standings(
    session: Session, on: date, least_cents: int, scan: LedgerScan | None = None
) -> tuple[int, list[PastDue]]:
    """(how many accounts owe, those with at least `least_cents` past due on `on`), from the
    ledger as `scan` read it (caught up), or as it is now."""
    from counterpos.store.models.customer import display_name  # noqa: PLC0415

    if scan is None:
        scan = LedgerScan(session)
    else:
        scan.catch_up()
    reversed_ids = scan.reversed_ids
    balance: dict[str, int] = defaultdict(int)
    charges: dict[str, list] = defaultdict(list)
    for row in scan.rows:
        cents = row[4]
        balance[row[0]] += cents
        if cents > 0 and row[3] not in reversed_ids:
            charges[row[0]].append(row)
    for acct, cents, _ in scan.central:
        balance[acct] += cents
    day = on.isoformat()
    owing_count = 0
    late: dict[str, tuple[int, int, str, str, str | None]] = {}
    for acct, owed in balance.items():
        if owed <= 0:
            continue
        owing_count += 1
        found = _oldest_past_due(charges.get(acct, []), owed, day)
        if found is not None and found[0] >= least_cents:
            late[acct] = (owed, *found)
    if not late:
        return owing_count, []
    driver = session.connection().connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    try:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_PAST_DUE_REFS} "
            "(account_id TEXT PRIMARY KEY, ref TEXT NOT NULL, bill_id TEXT)"
        )
        cursor.execute(f"DELETE FROM temp.{_PAST_DUE_REFS}")
        cursor.executemany(
            f"INSERT INTO temp.{_PAST_DUE_REFS} VALUES (?, ?, ?)",
            [(acct, v[2], v[4]) for acct, v in late.items()],
        )
        about = cursor.execute(_ABOUT).fetchall()
        cursor.execute(f"DELETE FROM temp.{_PAST_DUE_REFS}")
    finally:
        cursor.close()
    out: list[PastDue] = []
    days: dict[str, date] = {}  # the few dates, each parsed once
    for r in about:
        (acct, account_no, customer_id, address, klass, status, bill_no, cust, first, last,
         business, mailing, language, late_on, final_on, coll_on) = r  # fmt: skip
        owed, past, ref, due, bill_id = late[acct]
        sent = {}
        if late_on is not None:
            sent[f"late:{ref}"] = _day(days, late_on)
        if final_on is not None:
            sent[f"final:{ref}"] = _day(days, final_on)
        if coll_on is not None:
            sent[f"collection:{ref}"] = _day(days, coll_on)
        out.append(
            PastDue(
                acct,
                owed,
                past,
                Charge(ref, _day(days, due), past),
                bill_id,
                bill_no or "",
                account_no,
                customer_id,
                address,
                klass,
                status == "active",
                display_name(first, last, business) if cust else "Occupant",
                (mailing if cust else "") or address,
                sent,
                language if cust else "en",
            )
        )
    out.sort(key=lambda p: p.account_no)
    return owing_count, out


def low_income_accounts(s: Session, on: date, account_id: str | None = None) -> set[str]:
    """Accounts whose household qualifies as low-income on `on` (a qualification on file)."""
    q = select(ShutoffProtection.account_id).where(
        ShutoffProtection.condition == "low_income",
        ShutoffProtection.valid_from <= on,
        ShutoffProtection.valid_to >= on,
    )
    if account_id is not None:
        q = q.where(ShutoffProtection.account_id == account_id)
    return set(s.scalars(q))
