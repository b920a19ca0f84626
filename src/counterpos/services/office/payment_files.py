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
from counterpos.services.office.connection import OFFICE, Office
from counterpos.services.office.numbers import next_number
from counterpos.services.office.office_sales import open_virtual_session, receipt_numbers
from counterpos.store.models.base import new_id, new_ids

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
        raise InputError("{file} is not a text file; nothing was posted.", file=path.name) from exc
    except RemittanceError as exc:
        raise InputError(
            "{file} was refused and nothing was posted. {exc}",
            field="file",
            file=path.name,
            exc=exc,
        ) from exc
    with office.write() as conn:
        return post_batch(conn, office, kind, items, file_name=path.name, sha256=digest)


# One row per payment of the batch: the file's fields, the keys of the rows it becomes, and
# (filled in SQL) whether it is refused, the account it pays and why it goes to suspense.
STAGE = "office_stage_payment"
STAGE_SQL = f"""CREATE TEMP TABLE IF NOT EXISTS {STAGE} (
  pos integer PRIMARY KEY, line_no integer, confirmation_no text, account_no text,
  amount_cents bigint, paid_on date, payer text, check_no text,
  sale_id text, line_id text, tender_id text, entry_id text, remit_id text,
  refused boolean NOT NULL DEFAULT false, account_id text, customer_id text,
  reason text NOT NULL DEFAULT '', k bigint
) ON COMMIT DROP"""
STAGE_COLUMNS = (
    "pos, line_no, confirmation_no, account_no, amount_cents, paid_on, payer, check_no, "
    "sale_id, line_id, tender_id, entry_id, remit_id"
)
# Refused: a confirmation number already at the centre, or earlier in this batch. Suspense: an
# account unknown, or one that takes no checks now. `k` numbers the posted ones in file order.
CLASSIFY_SQL = f"""
WITH acct AS (
  SELECT DISTINCT ON (account_no) account_no, id, customer_id FROM utility_account
   WHERE account_no IN (SELECT account_no FROM {STAGE}) ORDER BY account_no, id),
flagged AS (
  SELECT account_id, customer_id FROM office_account_flag
   WHERE flag = 'cash_only' AND until >= :today),
c AS (
  SELECT s.pos, a.id AS account_id, a.customer_id,
         EXISTS (SELECT 1 FROM office_remittance r WHERE r.confirmation_no = s.confirmation_no)
         OR row_number() OVER (PARTITION BY s.confirmation_no ORDER BY s.pos) > 1 AS refused
    FROM {STAGE} s LEFT JOIN acct a ON a.account_no = s.account_no),
ranked AS (
  SELECT c.*, row_number() OVER (PARTITION BY c.refused ORDER BY c.pos) AS n FROM c)
UPDATE {STAGE} s SET
  refused = r.refused, account_id = r.account_id, customer_id = r.customer_id,
  k = CASE WHEN NOT r.refused THEN r.n END,
  reason = CASE
    WHEN r.account_id IS NULL THEN 'unknown account'
    WHEN :checks AND (r.account_id IN (SELECT account_id FROM flagged)
                      OR r.customer_id IN (SELECT customer_id FROM flagged))
      THEN 'account takes cash, money order or card only'
    ELSE '' END
FROM ranked r WHERE r.pos = s.pos"""
COUNT_SQL = f"""SELECT count(*) FILTER (WHERE NOT refused),
  count(*) FILTER (WHERE NOT refused AND reason = ''),
  coalesce(sum(amount_cents) FILTER (WHERE NOT refused), 0)::bigint,
  coalesce(sum(amount_cents) FILTER (WHERE NOT refused AND reason <> ''), 0)::bigint,
  coalesce(array_agg(confirmation_no ORDER BY pos) FILTER (WHERE refused), '{{}}')
FROM {STAGE}"""
# The rows each posted payment becomes, in file order, inserted as the office's login (the
# centre's row-level security checks them like any other insert).
INSERT_SQL = [
    f"""INSERT INTO sale (id, receipt_no, station_code, sequence, kind, original_sale_id,
  session_id, user_id, customer_id, total_cents, change_cents, note, created_at)
SELECT sale_id, :station || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), :station,
  n, 'sale', NULL, :session, :user, CASE WHEN reason = '' THEN customer_id END, amount_cents,
  0, left(CASE WHEN reason = '' THEN :kind || ' ' || confirmation_no
               ELSE 'Suspense: ' || reason END, 200), :at
FROM (SELECT *, :first + k - 1 AS n FROM {STAGE} WHERE NOT refused) s ORDER BY pos""",
    f"""INSERT INTO sale_line (id, sale_id, line_no, service_code, description, quantity,
  amount_cents, gl_account, account_id, details)
SELECT line_id, sale_id, 1, 'utility_payment',
  left(CASE WHEN reason = '' THEN 'Utility bill payment'
            ELSE 'Unapplied payment for ' || account_no END, 200),
  1, amount_cents, CASE WHEN reason = '' THEN :gl ELSE :suspense_gl END,
  CASE WHEN reason = '' THEN account_id END,
  jsonb_build_object('account_no', account_no, 'confirmation_no', confirmation_no)
FROM {STAGE} WHERE NOT refused ORDER BY pos""",
    f"""INSERT INTO tender (id, sale_id, position, kind, amount_cents, tendered_cents,
  change_cents, reference, payer, card_brand, card_last4)
SELECT tender_id, sale_id, 1, :tender_kind, amount_cents, amount_cents, 0,
  left(coalesce(nullif(check_no, ''), confirmation_no), 40), left(payer, 80), '', ''
FROM {STAGE} WHERE NOT refused ORDER BY pos""",
    f"""INSERT INTO ledger_entry (id, account_id, entry_type, amount_cents, memo, sale_line_id,
  reverses_id, station_code, created_at)
SELECT entry_id, account_id, :entry_type, -amount_cents,
  left(:kind_title || ' payment ' || confirmation_no, 200), line_id, NULL, :station, :at
FROM {STAGE} WHERE NOT refused AND reason = '' ORDER BY pos""",
    f"""INSERT INTO office_remittance (id, batch_id, line_no, confirmation_no, account_no,
  amount_cents, paid_on, payer, check_no, sale_id, suspense_reason)
SELECT remit_id, :batch, line_no, confirmation_no, account_no, amount_cents, paid_on, payer,
  check_no, sale_id, reason
FROM {STAGE} WHERE NOT refused ORDER BY pos""",
]


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
    """Post payments into a new virtual session of `kind`, inside the caller's transaction.

    The payments go to the centre once, by COPY into a temporary table of this transaction;
    the checks (seen before, account, cash only) and the rows they become (a sale, its line
    and tender, the ledger entry, the remittance) are then one statement each, run under the
    office's login and its row-level security."""
    tender_kind = KINDS[kind]
    gl = (
        conn.execute(text("SELECT gl_account FROM service WHERE code = 'utility_payment'")).scalar()
        or "2100"
    )
    ids = iter(new_ids(5 * len(items)))
    raw = conn.connection.driver_connection
    assert raw is not None  # a live psycopg connection inside the transaction
    with raw.cursor() as cur:
        cur.execute(STAGE_SQL)
        cur.execute(f"TRUNCATE {STAGE}")
        with cur.copy(f"COPY {STAGE} ({STAGE_COLUMNS}) FROM STDIN") as cp:
            for pos, r in enumerate(items):
                cp.write_row(
                    (
                        pos,
                        r.line_no,
                        r.confirmation_no,
                        r.account_no,
                        r.amount.cents,
                        r.paid_on,
                        r.payer,
                        r.check_no,
                        next(ids),
                        next(ids),
                        next(ids),
                        next(ids),
                        next(ids),
                    )
                )
    conn.execute(text(CLASSIFY_SQL), {"today": local_today(), "checks": tender_kind == "check"})
    count, posted, total, suspense_cents, refused = conn.execute(text(COUNT_SQL)).one()
    if not count:
        raise StateError("Every payment of the batch was seen before; nothing was posted.")
    session_id = open_virtual_session(conn, office, kind, file_name or f"{kind} batch")
    batch_id = new_id()
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
            "n": count,
            "t": total,
            "sc": suspense_cents,
            "by": office.actor.user_id,
            "at": utcnow(),
        },
    )
    params = {
        "station": OFFICE,
        "session": session_id,
        "user": office.actor.user_id,
        "kind": kind,
        "kind_title": kind.capitalize(),
        "at": utcnow(),
        "first": receipt_numbers(conn, count).start,
        "gl": gl,
        "suspense_gl": SUSPENSE_GL,
        "tender_kind": tender_kind,
        "entry_type": EntryType.PAYMENT.value,
        "batch": batch_id,
    }
    for sql in INSERT_SQL:
        conn.execute(text(sql), params)
    deposit_id = _deposit(conn, office, session_id, kind, file_name, total) if deposit else ""
    audit.record(
        conn,
        office,
        f"{kind}_import",
        target=file_name,
        details={
            "payments": count,
            "posted": posted,
            "suspense": count - posted,
            "refused": list(refused),
            "total_cents": total,
            "sha256": sha256,
        },
    )
    return BatchResult(
        batch_id, session_id, posted, count - posted, tuple(refused), Money(total), deposit_id
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
