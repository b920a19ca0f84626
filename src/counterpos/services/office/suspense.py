"""The suspense list: payments that arrived for an account the office could not apply them to.
The office resolves each one: apply it to an account, or refund it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text

from counterpos.domain.kinds import EntryType, TenderKind
from counterpos.domain.money import Money
from counterpos.services.audit_log import utc_bound
from counterpos.services.clock import local_today, utcnow
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
from counterpos.services.office.payment_files import SUSPENSE_GL


@dataclass(frozen=True)
class SuspenseItem:
    remittance_id: str
    confirmation_no: str
    account_no: str
    amount: Money
    paid_on: date
    payer: str
    reason: str
    batch_kind: str
    age_days: int


def open_items(office: Office, today: date | None = None) -> list[SuspenseItem]:
    office.actor.require("office", "see the suspense list")
    today = today or local_today()
    with office.read() as conn:
        rows = conn.execute(
            text(
                "SELECT r.id, r.confirmation_no, r.account_no, r.amount_cents, r.paid_on, "
                "r.payer, r.suspense_reason, b.kind FROM office_remittance r "
                "JOIN office_payment_batch b ON b.id = r.batch_id "
                "WHERE r.suspense_reason <> '' AND NOT EXISTS (SELECT 1 FROM "
                "office_suspense_resolution x WHERE x.remittance_id = r.id) ORDER BY r.paid_on"
            )
        ).all()
    return [
        SuspenseItem(i, c, a, Money(int(m)), on, p, why, k, (today - on).days)
        for i, c, a, m, on, p, why, k in rows
    ]


def _session(conn, office: Office) -> str:
    today = local_today()
    sid = conn.execute(
        text(
            "SELECT id FROM drawer_session WHERE station_code = 'OFFICE' AND kind = 'suspense' "
            "AND opened_at >= :s AND opened_at < :e ORDER BY opened_at LIMIT 1"
        ),
        {"s": utc_bound(today), "e": utc_bound(today + timedelta(days=1))},
    ).scalar()
    return sid or open_virtual_session(conn, office, "suspense", "Suspense resolved")


def resolve(
    office: Office, remittance_id: str, action: str, *, account_no: str = "", note: str = ""
) -> str:
    """Apply a suspense payment to an account (named now), or refund it to the payer. Returns
    the office receipt of the resolution."""
    office.actor.require("resolve_suspense", "resolve a suspense payment")
    if action not in ("apply", "refund"):
        raise InputError("Apply the payment to an account, or refund it.", field="action")
    with office.write() as conn:
        item = conn.execute(
            text(
                "SELECT r.amount_cents, r.confirmation_no, r.payer, r.suspense_reason, "
                "EXISTS (SELECT 1 FROM office_suspense_resolution x WHERE x.remittance_id = r.id) "
                "FROM office_remittance r WHERE r.id = :id"
            ),
            {"id": remittance_id},
        ).first()
        if item is None or not item[3]:
            raise NotFound("That payment is not on the suspense list.")
        if item[4]:
            raise StateError("That payment was resolved already.")
        cents, conf, payer = int(item[0]), item[1], item[2]
        out = OfficeLine(
            "utility_payment",
            f"From suspense: {conf}",
            -cents,
            SUSPENSE_GL,
            None,
            {"confirmation_no": conf},
        )
        entries: list[Entry] = []
        if action == "apply":
            acct = conn.execute(
                text("SELECT id, customer_id FROM utility_account WHERE account_no = :n"),
                {"n": account_no.strip()},
            ).first()
            if acct is None:
                raise InputError(f"There is no account {account_no!r}.", field="account_no")
            gl = (
                conn.execute(
                    text("SELECT gl_account FROM service WHERE code = 'utility_payment'")
                ).scalar()
                or "2100"
            )
            into = OfficeLine(
                "utility_payment",
                "Utility bill payment",
                cents,
                gl,
                acct[0],
                {"account_no": account_no, "confirmation_no": conf},
            )
            sale = OfficeSale([out, into], [], acct[1], note=f"Suspense applied: {conf}")
            entries.append(
                Entry(
                    acct[0],
                    EntryType.PAYMENT,
                    -cents,
                    f"Payment {conf} applied from suspense",
                    into.id,
                )
            )
        else:
            sale = OfficeSale(
                [out],
                [OfficeTender(TenderKind.REFUND_REQUEST, -cents, conf, payer)],
                note=f"Suspense refunded: {conf}",
            )
        write_sales(conn, office, _session(conn, office), [sale], entries)
        conn.execute(
            text(
                "INSERT INTO office_suspense_resolution (remittance_id, action, account_no, "
                "sale_id, note, by_user, at) VALUES (:r, :a, :n, :s, :note, :by, :at)"
            ),
            {
                "r": remittance_id,
                "a": action,
                "n": account_no.strip(),
                "s": sale.id,
                "note": note.strip()[:200],
                "by": office.actor.user_id,
                "at": utcnow(),
            },
        )
        audit.record(
            conn,
            office,
            f"suspense_{action}",
            target=conf,
            details={"amount_cents": cents, "account_no": account_no, "receipt": sale.receipt_no},
        )
    return sale.receipt_no
