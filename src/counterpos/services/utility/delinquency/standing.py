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


# Every owing account's past-due standing in one pass, as `owing` + Unpaid would find it: the
# unpaid charges (newest first by bill date while they do not yet cover the balance), taken
# again newest first by due date up to the balance (ties kept in the first order, as a stable
# sort keeps them), the part of each still unpaid; of those past due, their sum and the oldest
# (its ref, due date and bill), with what the notice run reads beside it: the account, its
# customer, the bill's number and the notices already recorded about that oldest charge.
STANDINGS = f"""
WITH bal(account_id, balance) AS ({BALANCES.replace("{where}", "")}),
pos AS (
    SELECT l.account_id, bal.balance, l.id, l.amount_cents, b.id AS bill_id,
           COALESCE(b.due_date, date(substr(l.created_at, 1, 10),
               CASE WHEN l.entry_type = 'charge' THEN '+{DUE_DAYS_OF_OTHER_CHARGES} days'
                    ELSE '+0 days' END)) AS due_on,
           SUM(l.amount_cents) OVER w AS upto,
           ROW_NUMBER() OVER w AS seq
    FROM ledger_entry l JOIN bal ON bal.account_id = l.account_id
    LEFT JOIN bill b ON b.ledger_entry_id = l.id
    WHERE l.amount_cents > 0 AND l.entry_type NOT IN ({_DEPOSITS})
      AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = l.id)
    WINDOW w AS (PARTITION BY l.account_id
        ORDER BY COALESCE(b.bill_date, l.created_at) DESC, l.created_at DESC, l.id DESC
        ROWS UNBOUNDED PRECEDING)
),
by_due AS (
    SELECT account_id, balance, id, amount_cents, bill_id, due_on, seq,
           SUM(amount_cents) OVER (PARTITION BY account_id ORDER BY due_on DESC, seq
               ROWS UNBOUNDED PRECEDING) AS upto
    FROM pos WHERE upto - amount_cents < balance
),
late AS (
    SELECT account_id, balance, COALESCE(bill_id, id) AS ref, bill_id, due_on,
           SUM(MIN(amount_cents, balance - (upto - amount_cents)))
               OVER (PARTITION BY account_id) AS past_due,
           ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY due_on, seq DESC) AS rn
    FROM by_due WHERE upto - amount_cents < balance AND due_on < :on
)
SELECT late.account_id, late.balance, late.past_due, late.ref, late.bill_id, late.due_on,
       a.account_no, a.customer_id, a.service_address, a.customer_class, a.status,
       bn.bill_no, c.id, c.first_name, c.last_name, c.business_name, c.mailing_address,
       nl.issued_on, nf.issued_on, nc.issued_on,
       (SELECT COUNT(*) FROM bal) AS owing
FROM late JOIN utility_account a ON a.id = late.account_id
LEFT JOIN customer c ON c.id = a.customer_id
LEFT JOIN bill bn ON bn.id = late.bill_id
LEFT JOIN notice nl ON nl.key = 'late:' || late.ref
LEFT JOIN notice nf ON nf.key = 'final:' || late.ref
LEFT JOIN notice nc ON nc.key = 'collection:' || late.ref
WHERE late.rn = 1 AND late.past_due >= :least
ORDER BY a.account_no
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


def past_due_standings(session: Session, on: date, least_cents: int) -> tuple[int, list[PastDue]]:
    """(how many accounts owe, those with at least `least_cents` past due on `on`)."""
    from counterpos.store.models.customer import display_name  # noqa: PLC0415

    out: list[PastDue] = []
    owing_count = 0
    cursor = session.connection().exec_driver_sql(
        STANDINGS.replace(":on", "?").replace(":least", "?"), (on.isoformat(), least_cents)
    )
    for r in cursor:
        (acct, balance, owed, ref, bill_id, due, account_no, customer_id, address, klass,
         status, bill_no, cust, first, last, business, mailing, late_on, final_on,
         coll_on, owing_count) = r  # fmt: skip
        sent = {}
        if late_on is not None:
            sent[f"late:{ref}"] = _d(late_on)
        if final_on is not None:
            sent[f"final:{ref}"] = _d(final_on)
        if coll_on is not None:
            sent[f"collection:{ref}"] = _d(coll_on)
        out.append(
            PastDue(
                acct,
                int(balance),
                int(owed),
                Charge(ref, _d(due), int(owed)),
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
            )
        )
    if not out:
        owing_count = session.execute(
            text(f"SELECT COUNT(*) FROM ({BALANCES.replace('{where}', '')})")
        ).scalar_one()
    return int(owing_count), out


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
