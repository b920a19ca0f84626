"""Payment files from a lockbox bank or an online/IVR provider (the CSV layout of
domain/remittance_file.py), posted into a virtual session of their own with its own Z report
and deposit; payments to unknown accounts go to the suspense list.

A malformed file is refused with its line number and nothing is posted; the same file twice
posts nothing; a confirmation number seen before is refused (listed, not posted), the rest of
the file goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from counterpos.domain.kinds import EntryType
from counterpos.domain.money import Money
from counterpos.domain.remittance_file import Remittance, RemittanceError, read_file
from counterpos.services.clock import local_today, utcnow
from counterpos.services.errors import InputError, StateError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office
from counterpos.services.office.numbers import next_number
from counterpos.services.office.office_sales import (
    Entry,
    OfficeLine,
    OfficeSale,
    OfficeTender,
    bulk_insert,
    open_virtual_session,
    write_sales,
)
from counterpos.store.models.base import new_id

KINDS = {"lockbox": "check", "online": "eft", "mail": "check", "ach": "eft"}
SUSPENSE_GL = "2090"


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    session_id: str
    posted: int  # payments applied to accounts
    suspense: int  # payments held in suspense
    refused: tuple[str, ...]  # confirmation numbers seen before, not posted
    total: Money
    deposit_id: str = ""
    duplicate: bool = False
    message: str = ""


def import_file(office: Office, path: Path | str, kind: str = "lockbox") -> BatchResult:
    """Import a lockbox or online provider's payment file."""
    office.actor.require("import_payments", "import a payment file")
    if kind not in ("lockbox", "online"):
        raise InputError("A payment file is from the lockbox or the online provider.", field="kind")
    path = Path(path)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    with office.read() as conn:
        seen = conn.execute(
            text("SELECT id, imported_at FROM office_payment_batch WHERE sha256 = :h"),
            {"h": digest},
        ).first()
    if seen is not None:
        return BatchResult(
            seen[0],
            "",
            0,
            0,
            (),
            Money(0),
            duplicate=True,
            message=f"{path.name} was imported before ({seen[1]:%m/%d/%Y}); nothing was posted.",
        )
    try:
        items = read_file(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name} is not a text file; nothing was posted.") from exc
    except RemittanceError as exc:
        raise InputError(
            f"{path.name} was refused and nothing was posted. {exc}", field="file"
        ) from exc
    with office.write() as conn:
        return post_batch(conn, office, kind, items, file_name=path.name, sha256=digest)


def post_batch(
    conn: Connection,
    office: Office,
    kind: str,
    items: Sequence[Remittance],
    *,
    file_name: str = "",
    sha256: str | None = None,
    control_total: Money | None = None,
    deposit: bool = True,
) -> BatchResult:
    """Post payments into a new virtual session of `kind`, inside the caller's transaction."""
    tender_kind = KINDS[kind]
    confs = [r.confirmation_no for r in items]
    seen = set(
        conn.execute(
            text("SELECT confirmation_no FROM office_remittance WHERE confirmation_no = ANY(:c)"),
            {"c": confs},
        ).scalars()
    )
    accounts = {
        no: (aid, cust)
        for no, aid, cust in conn.execute(
            text(
                "SELECT account_no, id, customer_id FROM utility_account WHERE account_no = ANY(:n)"
            ),
            {"n": sorted({r.account_no for r in items})},
        )
    }
    cash_only: set[str] = set()
    if tender_kind == "check" and accounts:
        cash_only = set(
            conn.execute(
                text(
                    "SELECT a.account_no FROM utility_account a JOIN office_account_flag f ON "
                    "(f.account_id = a.id OR f.customer_id = a.customer_id) WHERE "
                    "a.account_no = ANY(:n) AND f.flag = 'cash_only' AND f.until >= :d"
                ),
                {"n": list(accounts), "d": local_today()},
            ).scalars()
        )
    gl = (
        conn.execute(text("SELECT gl_account FROM service WHERE code = 'utility_payment'")).scalar()
        or "2100"
    )
    session_id = open_virtual_session(conn, office, kind, file_name or f"{kind} batch")
    batch_id = new_id()
    sales: list[OfficeSale] = []
    entries: list[Entry] = []
    remits: list[tuple] = []
    refused: list[str] = []
    posted = suspense = total = suspense_cents = 0
    for r in items:
        if r.confirmation_no in seen:
            refused.append(r.confirmation_no)
            continue
        seen.add(r.confirmation_no)
        acct = accounts.get(r.account_no)
        reason = ""
        if acct is None:
            reason = "unknown account"
        elif r.account_no in cash_only:
            reason = "account takes cash, money order or card only"
        ref = r.check_no or r.confirmation_no
        tender = OfficeTender(tender_kind, r.amount.cents, ref, r.payer)
        if reason:
            line = OfficeLine(
                "utility_payment",
                f"Unapplied payment for {r.account_no}",
                r.amount.cents,
                SUSPENSE_GL,
                None,
                {"account_no": r.account_no, "confirmation_no": r.confirmation_no},
            )
            sale = OfficeSale([line], [tender], None, note=f"Suspense: {reason}")
            suspense += 1
            suspense_cents += r.amount.cents
        else:
            assert acct is not None
            line = OfficeLine(
                "utility_payment",
                "Utility bill payment",
                r.amount.cents,
                gl,
                acct[0],
                {"account_no": r.account_no, "confirmation_no": r.confirmation_no},
            )
            sale = OfficeSale([line], [tender], acct[1], note=f"{kind} {r.confirmation_no}")
            entries.append(
                Entry(
                    acct[0],
                    EntryType.PAYMENT,
                    -r.amount.cents,
                    f"{kind.capitalize()} payment {r.confirmation_no}",
                    line.id,
                )
            )
            posted += 1
        total += r.amount.cents
        sales.append(sale)
        remits.append(
            (
                new_id(),
                batch_id,
                r.line_no,
                r.confirmation_no,
                r.account_no,
                r.amount.cents,
                r.paid_on,
                r.payer,
                r.check_no,
                sale.id,
                reason,
            )
        )
    if not sales:
        raise StateError("Every payment of the batch was seen before; nothing was posted.")
    conn.execute(
        text(
            "INSERT INTO office_payment_batch (id, kind, sha256, file_name, control_total_cents, "
            "session_id, payments, total_cents, suspense_cents, imported_by, imported_at) "
            "VALUES (:id, :k, :h, :f, :ct, :s, :n, :t, :sc, :by, :at)"
        ),
        {
            "id": batch_id,
            "k": kind,
            "h": sha256,
            "f": file_name,
            "ct": control_total.cents if control_total is not None else None,
            "s": session_id,
            "n": len(sales),
            "t": total,
            "sc": suspense_cents,
            "by": office.actor.user_id,
            "at": utcnow(),
        },
    )
    write_sales(conn, office, session_id, sales, entries)
    bulk_insert(
        conn,
        "office_remittance",
        (
            "id",
            "batch_id",
            "line_no",
            "confirmation_no",
            "account_no",
            "amount_cents",
            "paid_on",
            "payer",
            "check_no",
            "sale_id",
            "suspense_reason",
        ),
        remits,
    )
    deposit_id = _deposit(conn, office, session_id, kind, file_name, total) if deposit else ""
    audit.record(
        conn,
        office,
        f"{kind}_import",
        target=file_name,
        details={
            "payments": len(sales),
            "posted": posted,
            "suspense": suspense,
            "refused": refused,
            "total_cents": total,
            "sha256": sha256,
        },
    )
    return BatchResult(
        batch_id, session_id, posted, suspense, tuple(refused), Money(total), deposit_id
    )


def _deposit(conn, office: Office, session_id: str, kind: str, name: str, total: int) -> str:
    """The batch's own deposit: the lockbox bank or the provider credits the remote account."""
    deposit_id, number = new_id(), next_number(conn, "deposit")
    checks = total if KINDS[kind] == "check" else 0
    conn.execute(
        text(
            "INSERT INTO office_deposit (id, deposit_no, business_day, bag_no, bank_account, "
            "prepared_by, prepared_by_name, prepared_at, currency_cents, coin_cents, "
            "checks_cents, eft_cents, total_cents, itemised) VALUES (:id, :no, :day, :bag, "
            "'1020', :by, :name, :at, 0, 0, :chk, :eft, :total, CAST(:items AS jsonb))"
        ),
        {
            "id": deposit_id,
            "no": number,
            "day": local_today(),
            "bag": f"{kind.upper()} {name}"[:30],
            "by": office.actor.user_id,
            "name": office.actor.full_name,
            "at": utcnow(),
            "chk": checks,
            "eft": total - checks,
            "total": total,
            "items": json.dumps(
                {
                    "pieces": {},
                    "checks": [],
                    "expected_cash_cents": 0,
                    "float_shortfall_cents": 0,
                    "remote": kind,
                }
            ),
        },
    )
    conn.execute(
        text("INSERT INTO office_deposit_session (session_id, deposit_id) VALUES (:s, :d)"),
        {"s": session_id, "d": deposit_id},
    )
    return deposit_id
