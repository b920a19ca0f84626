"""Returned checks and ACH returns (NSF): the payment reversed on the customer's account today
(the original receipt stays as it was), the returned-check fee by the fee schedule's rule
($25 the first time, $35 each later one, counted per customer), the account cash-only after
repeated returns, and licenses or permits paid by that check back to unpaid.

The reversal is a sale of the office's `returns` session of the day: it shows in that day's
journal (a credit to the bank, the receivable charged again) and as a returned item the bank
reconciliation expects to see debited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, text

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.services.clock import local_today, to_local, utcnow
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office
from counterpos.services.office.office_sales import (
    Entry,
    OfficeLine,
    OfficeSale,
    OfficeTender,
    open_virtual_session,
    write_sales,
)
from counterpos.store.models.base import new_id

RETURNABLE = (TenderKind.CHECK, TenderKind.MONEY_ORDER, "eft")
CASH_ONLY_AFTER = 2  # returned payments within CASH_ONLY_WINDOW make the account cash-only
CASH_ONLY_WINDOW = timedelta(days=365)
CASH_ONLY_FOR = timedelta(days=365)
RETURN_KIND = "returned"  # the kind of the office's reversing sale


@dataclass(frozen=True)
class ReturnedPayment:
    id: str
    receipt_no: str  # the original receipt, unchanged
    reversal_receipt_no: str  # the office's receipt of the reversal
    amount: Money
    fee: Money
    occurrence: int
    cash_only_until: date | None
    licenses_unpaid: tuple[str, ...]


@dataclass(frozen=True)
class Returnable:
    """A posted check, money order or electronic payment that could come back."""

    tender_id: str
    station_code: str
    receipt_no: str
    at: datetime  # local time of the sale
    kind: str
    reference: str  # the check's number
    payer: str
    amount: Money


def returnable(office: Office, day: date) -> list[Returnable]:
    """The day's check, money order and electronic payments at the centre, not voided and not
    returned yet: what the office picks a returned item from."""
    office.actor.require("office", "see the day's check payments")
    from counterpos.services.audit_log import utc_bound

    with office.read() as conn:
        rows = conn.execute(
            text(
                "SELECT t.id, s.station_code, s.receipt_no, s.created_at, t.kind, "
                "coalesce(t.reference, ''), coalesce(t.payer, ''), t.amount_cents "
                "FROM tender t JOIN sale s ON s.id = t.sale_id "
                "WHERE s.created_at >= :a AND s.created_at < :b AND s.kind = :sale "
                "AND t.kind = ANY(:kinds) "
                "AND NOT EXISTS (SELECT 1 FROM sale v WHERE v.original_sale_id = s.id "
                "AND v.kind = 'void') "
                "AND NOT EXISTS (SELECT 1 FROM office_returned_payment r WHERE r.tender_id = t.id) "
                "ORDER BY s.created_at, s.receipt_no, t.position"
            ),
            {
                "a": utc_bound(day),
                "b": utc_bound(day + timedelta(days=1)),
                "sale": str(SaleKind.SALE),
                "kinds": [str(k) for k in RETURNABLE],
            },
        ).all()
    return [
        Returnable(r[0], r[1], r[2], to_local(r[3]), r[4], r[5], r[6], Money(int(r[7])))
        for r in rows
    ]


def find_tender(office: Office, receipt_no: str, reference: str = "") -> str:
    """The id of a receipt's check (by its number when the receipt has more than one)."""
    with office.read() as conn:
        rows = conn.execute(
            text(
                "SELECT t.id, t.kind, t.reference FROM tender t JOIN sale s ON s.id = t.sale_id "
                "WHERE s.receipt_no = :no ORDER BY t.position"
            ),
            {"no": receipt_no.strip().upper()},
        ).all()
    if not rows:
        raise NotFound(
            "Receipt {receipt_no} has not reached the central database.", receipt_no=receipt_no
        )
    picked = [r for r in rows if r[1] in RETURNABLE and (not reference or r[2] == reference)]
    if len(picked) != 1:
        raise InputError(
            "Receipt {receipt_no} has {count} check or electronic payment(s) numbered "
            "{reference}; name the check number."
            if reference
            else "Receipt {receipt_no} has {count} check or electronic payment(s); name the "
            "check number.",
            field="reference",
            receipt_no=receipt_no,
            count=len(picked),
            reference=reference,
        )
    return picked[0][0]


def _fee_rule(conn: Connection, on: date) -> tuple[dict, str]:
    row = conn.execute(
        text(
            "SELECT f.rule, s.gl_account FROM fee_schedule f JOIN service s ON s.code = "
            "f.service_code WHERE f.service_code = 'nsf_fee' AND f.effective_from <= :d "
            "ORDER BY f.effective_from DESC, f.created_at DESC LIMIT 1"
        ),
        {"d": on},
    ).first()
    if row is None:
        raise StateError(
            "The returned-check fee (service nsf_fee) has no fee schedule at the centre yet; "
            "sync a station first."
        )
    return dict(row[0]), row[1]


def _returns_session(conn: Connection, office: Office, today: date) -> str:
    from counterpos.services.audit_log import utc_bound

    sid = conn.execute(
        text(
            "SELECT id FROM drawer_session WHERE station_code = 'OFFICE' AND kind = 'returns' "
            "AND opened_at >= :s AND opened_at < :e ORDER BY opened_at LIMIT 1"
        ),
        {"s": utc_bound(today), "e": utc_bound(today + timedelta(days=1))},
    ).scalar()
    return sid or open_virtual_session(conn, office, "returns", "Returned payments")


def return_payment(
    office: Office,
    tender_id: str,
    reason: str,
    *,
    source: str = "manual",
    returned_on: date | None = None,
    conn: Connection | None = None,
) -> ReturnedPayment:
    """Handle one returned check or electronic payment (a finance supervisor's action)."""
    office.actor.require("return_payment", "handle a returned payment")
    reason = reason.strip()
    if not reason:
        raise InputError("Give the bank's reason (NSF, account closed, ...).", field="reason")
    if conn is not None:
        return _return(conn, office, tender_id, reason, source, returned_on or local_today())
    with office.write() as c:
        return _return(c, office, tender_id, reason, source, returned_on or local_today())


def _return(
    conn: Connection, office: Office, tender_id: str, reason: str, source: str, today: date
) -> ReturnedPayment:
    t = conn.execute(
        text(
            "SELECT t.kind, t.amount_cents, s.id, s.receipt_no, s.kind, s.customer_id, "
            "EXISTS (SELECT 1 FROM sale v WHERE v.original_sale_id = s.id AND v.kind = 'void'), "
            "EXISTS (SELECT 1 FROM office_returned_payment r WHERE r.tender_id = t.id) "
            "FROM tender t JOIN sale s ON s.id = t.sale_id WHERE t.id = :t"
        ),
        {"t": tender_id},
    ).first()
    if t is None:
        raise NotFound("That payment has not reached the central database.")
    kind, amount, sale_id, receipt_no, sale_kind, customer_id, voided, done = t
    if kind not in RETURNABLE:
        raise StateError(
            "Only a check or an electronic payment can come back; this is {kind}.", kind=kind
        )
    if sale_kind != SaleKind.SALE or voided:
        raise StateError("Receipt {receipt_no} was voided or is not a sale.", receipt_no=receipt_no)
    if done:
        raise StateError(
            "This payment of receipt {receipt_no} was already returned.", receipt_no=receipt_no
        )
    amount = int(amount)
    lines = conn.execute(
        text(
            "SELECT l.id, l.service_code, l.description, l.amount_cents, l.gl_account, "
            "l.account_id, (SELECT e.id FROM ledger_entry e WHERE e.sale_line_id = l.id "
            "AND e.entry_type = 'payment' LIMIT 1) FROM sale_line l WHERE l.sale_id = :s "
            "ORDER BY l.line_no"
        ),
        {"s": sale_id},
    ).all()
    accounts = [r[5] for r in lines if r[5]]
    account_id = accounts[0] if accounts else None
    # Counted per customer (or per account when the sale named no customer).
    who, whose = ("customer_id", customer_id) if customer_id else ("account_id", account_id)
    previous = (
        conn.execute(
            text(f"SELECT returned_on FROM office_returned_payment WHERE {who} = :w"),
            {"w": whose},
        )
        .scalars()
        .all()
        if whose
        else []
    )
    rule, fee_gl = _fee_rule(conn, today)
    rows = rule.get("rows", {})
    fee = int(rows["first"] if not previous else rows["later"])
    out_lines: list[OfficeLine] = []
    entries: list[Entry] = []
    left = amount
    for line_id, svc, desc, cents, gl, acct, entry_id in lines:
        if left <= 0 or cents <= 0:
            continue
        take = min(int(cents), left)
        left -= take
        new = OfficeLine(svc, f"Returned payment: {desc}", -take, gl, acct, {"reverses": line_id})
        out_lines.append(new)
        if acct:
            entries.append(
                Entry(
                    acct,
                    EntryType.REVERSAL,
                    take,
                    f"Returned payment of {receipt_no}",
                    new.id,
                    entry_id,
                )
            )
    if left > 0:  # paid more than the lines (should not happen): keep it in suspense
        out_lines.append(OfficeLine("misc_receipt", "Returned payment, unallocated", -left, "2090"))
    out_lines.append(OfficeLine("nsf_fee", "Returned check fee", fee, fee_gl))
    receivable = next((ln.gl_account for ln in out_lines if ln.account_id), None)
    fee_charge = OfficeLine(
        "nsf_fee", "Returned check fee charged", -fee, receivable or "1060", account_id
    )
    out_lines.append(fee_charge)
    if account_id:
        entries.append(
            Entry(
                account_id,
                EntryType.PENALTY,
                fee,
                f"Returned check fee ({receipt_no})",
                fee_charge.id,
            )
        )
    sale = OfficeSale(
        out_lines,
        [OfficeTender("returned_item", -amount, receipt_no, reason)],
        customer_id,
        RETURN_KIND,
        sale_id,
        f"Returned: {reason}",
    )
    session_id = _returns_session(conn, office, today)
    write_sales(conn, office, session_id, [sale], entries)
    licenses = tuple(
        conn.execute(
            text(
                "UPDATE license SET status = 'pending' WHERE sale_line_id = ANY(:ids) "
                "AND status <> 'pending' RETURNING license_no"
            ),
            {"ids": [r[0] for r in lines]},
        ).scalars()
    )
    recent = [d for d in previous if d >= today - CASH_ONLY_WINDOW]
    until = None
    if len(recent) + 1 >= CASH_ONLY_AFTER:
        until = today + CASH_ONLY_FOR
        conn.execute(
            text(
                "INSERT INTO office_account_flag (id, customer_id, account_id, flag, until, "
                "reason, created_at) VALUES (:id, :c, :a, 'cash_only', :u, :r, :at)"
            ),
            {
                "id": new_id(),
                "c": customer_id,
                "a": account_id,
                "u": until,
                "r": f"{len(recent) + 1} returned payments in 12 months",
                "at": utcnow(),
            },
        )
    rid = new_id()
    conn.execute(
        text(
            "INSERT INTO office_returned_payment (id, tender_id, sale_id, receipt_no, "
            "customer_id, account_id, amount_cents, fee_cents, occurrence, reason, source, "
            "returned_on, cash_only_until, reversal_sale_id, by_user, at) VALUES (:id, :t, :s, "
            ":no, :c, :a, :amt, :fee, :occ, :why, :src, :on, :until, :rev, :by, :at)"
        ),
        {
            "id": rid,
            "t": tender_id,
            "s": sale_id,
            "no": receipt_no,
            "c": customer_id,
            "a": account_id,
            "amt": amount,
            "fee": fee,
            "occ": len(previous) + 1,
            "why": reason,
            "src": source,
            "on": today,
            "until": until,
            "rev": sale.id,
            "by": office.actor.user_id,
            "at": utcnow(),
        },
    )
    audit.record(
        conn,
        office,
        "payment_returned",
        target=receipt_no,
        details={
            "amount_cents": amount,
            "fee_cents": fee,
            "occurrence": len(previous) + 1,
            "reason": reason,
            "source": source,
            "reversal": sale.receipt_no,
            "licenses": list(licenses),
            "cash_only_until": until.isoformat() if until else None,
        },
    )
    return ReturnedPayment(
        rid,
        receipt_no,
        sale.receipt_no,
        Money(amount),
        Money(fee),
        len(previous) + 1,
        until,
        licenses,
    )


def cash_only_until(office: Office, account_no: str, on: date | None = None) -> date | None:
    """Until when the account (or its customer) takes only cash, money order or card."""
    on = on or local_today()
    with office.read() as conn:
        return conn.execute(
            text(
                "SELECT max(f.until) FROM office_account_flag f JOIN utility_account a "
                "ON a.account_no = :no WHERE f.flag = 'cash_only' AND f.until >= :on "
                "AND (f.account_id = a.id OR f.customer_id = a.customer_id)"
            ),
            {"no": account_no, "on": on},
        ).scalar()
