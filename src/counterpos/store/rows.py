"""One builder per financial table: a new row's every column, id included, for `insert_synced`.

Sales, voids, refunds, paid-ins and -outs, the ledger and the audit trail all build their rows
here and write them as plain values (store/outbox.py: `insert_synced`), never through the ORM's
unit of work. A new column is added to its model and, unless its declared default will do, to
its builder here: every writer then fills it. `insert_synced` passes every text value of these
rows through the store's card-number guard (store/pan_boundary.py) before it is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind

# Each builder names its model through the package, which imports the model's module on
# first use: the audit trail (services/audit, needed at sign-in) loads no sale or bill tables.
from counterpos.store import models
from counterpos.store.models import new_id, utcnow
from counterpos.store.outbox import Serialized, full_row

Row = dict[str, Any]


def sale_row(
    *,
    kind: SaleKind,
    receipt_no: str,
    station_code: str,
    sequence: int,
    session_id: str,
    user_id: str,
    total_cents: int,
    change_cents: int = 0,
    original_sale_id: str | None = None,
    approver_id: str | None = None,
    customer_id: str | None = None,
    note: str = "",
    created_at: datetime | None = None,
) -> Row:
    """A sale, or a void or refund of `original_sale_id` (negative amounts)."""
    return full_row(
        models.Sale,
        {
            "id": new_id(),
            "receipt_no": receipt_no,
            "station_code": station_code,
            "sequence": sequence,
            "kind": kind,
            "original_sale_id": original_sale_id,
            "session_id": session_id,
            "user_id": user_id,
            "approver_id": approver_id,
            "customer_id": customer_id,
            "total_cents": total_cents,
            "change_cents": change_cents,
            "note": note,
            "created_at": created_at or utcnow(),
        },
    )


def line_row(
    *,
    sale_id: str,
    line_no: int,
    service_code: str,
    description: str,
    amount_cents: int,
    gl_account: str,
    quantity: int = 1,
    account_id: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> Row:
    """A line of a sale, void or refund; `details` is copied."""
    return full_row(
        models.SaleLine,
        {
            "id": new_id(),
            "sale_id": sale_id,
            "line_no": line_no,
            "service_code": service_code,
            "description": description,
            "quantity": quantity,
            "amount_cents": amount_cents,
            "gl_account": gl_account,
            "account_id": account_id,
            "details": dict(details) if details else {},
        },
    )


def tender_row(
    *,
    sale_id: str,
    position: int,
    kind: TenderKind,
    amount_cents: int,
    tendered_cents: int,
    change_cents: int = 0,
    reference: str = "",
    payer: str = "",
    card_brand: str = "",
    card_last4: str = "",
) -> Row:
    """How a sale was paid: `amount_cents` applied to it, `tendered_cents` handed over."""
    return full_row(
        models.TenderRow,
        {
            "id": new_id(),
            "sale_id": sale_id,
            "position": position,
            "kind": kind,
            "amount_cents": amount_cents,
            "tendered_cents": tendered_cents,
            "change_cents": change_cents,
            "reference": reference,
            "payer": payer,
            "card_brand": card_brand,
            "card_last4": card_last4,
        },
    )


def ledger_row(
    *,
    account_id: str,
    entry_type: EntryType,
    amount_cents: int,
    memo: str = "",
    sale_line_id: str | None = None,
    reverses_id: str | None = None,
    station_code: str = "",
    created_at: datetime | None = None,
) -> Row:
    """One movement on a utility account (positive raises the balance due)."""
    return full_row(
        models.LedgerEntry,
        {
            "id": new_id(),
            "account_id": account_id,
            "entry_type": entry_type,
            "amount_cents": amount_cents,
            "memo": memo,
            "sale_line_id": sale_line_id,
            "reverses_id": reverses_id,
            "station_code": station_code,
            "created_at": created_at or utcnow(),
        },
    )


def document_row(
    *,
    sale_id: str,
    sale_line_id: str,
    doc_type: str,
    doc_no: str,
    holder: str = "",
    valid_from: date | None = None,
    valid_to: date | None = None,
    details: Mapping[str, Any] | None = None,
    created_at: datetime | None = None,
) -> Row:
    """A permit, tag, license or certificate handed over with a sale line (or its void)."""
    return full_row(
        models.IssuedDocument,
        {
            "id": new_id(),
            "sale_id": sale_id,
            "sale_line_id": sale_line_id,
            "doc_type": doc_type,
            "doc_no": doc_no,
            "holder": holder,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "details": dict(details) if details else {},
            "created_at": created_at or utcnow(),
        },
    )


def paid_row(
    *,
    receipt_no: str,
    station_code: str,
    sequence: int,
    session_id: str,
    direction: str,
    amount_cents: int,
    reason: str,
    user_id: str,
    approver_id: str | None = None,
    created_at: datetime | None = None,
) -> Row:
    """Cash put into ("in") or taken out of ("out") the drawer without a sale."""
    return full_row(
        models.PaidInOut,
        {
            "id": new_id(),
            "receipt_no": receipt_no,
            "station_code": station_code,
            "sequence": sequence,
            "session_id": session_id,
            "direction": direction,
            "amount_cents": amount_cents,
            "reason": reason,
            "user_id": user_id,
            "approver_id": approver_id,
            "created_at": created_at or utcnow(),
        },
    )


def audit_row(
    *,
    seq: int,
    station_code: str,
    at: datetime,
    action: str,
    actor: str,
    approver: str,
    target: str,
    details: dict[str, Any],
    prev_hash: str,
    hash: str,
) -> Row:
    """An event of the audit chain, its hash already computed (services/audit.py)."""
    return full_row(
        models.AuditEvent,
        {
            "id": new_id(),
            "seq": seq,
            "station_code": station_code,
            "at": at,
            "action": action,
            "actor": actor,
            "approver": approver,
            "target": target,
            "details": details,
            "prev_hash": prev_hash,
            "hash": hash,
        },
    )


def license_row(
    *,
    customer_id: str,
    kind: str,
    license_no: str,
    tag_no: str = "",
    description: str = "",
    issued_on: date | None = None,
    expires_on: date | None = None,
    details: Mapping[str, Any] | None = None,
    sale_line_id: str | None = None,
    status: str = "issued",
    created_at: datetime | None = None,
) -> Row:
    """A license issued with a sale line (animal, business); `details` is copied."""
    return full_row(
        models.License,
        {
            "id": new_id(),
            "customer_id": customer_id,
            "kind": kind,
            "license_no": license_no,
            "tag_no": tag_no,
            "description": description,
            "issued_on": issued_on,
            "expires_on": expires_on,
            "details": dict(details) if details else {},
            "sale_line_id": sale_line_id,
            "status": status,
            "created_at": created_at or utcnow(),
        },
    )


def tag_movement_row(
    *,
    year: int,
    number: int,
    station_code: str,
    kind: str,
    sale_line_id: str | None = None,
    license_no: str = "",
    created_at: datetime | None = None,
) -> Row:
    """An animal tag issued, returned or reported lost (the stock is the last movement)."""
    return full_row(
        models.TagMovement,
        {
            "id": new_id(),
            "year": year,
            "number": number,
            "station_code": station_code,
            "kind": kind,
            "sale_line_id": sale_line_id,
            "license_no": license_no,
            "created_at": created_at or utcnow(),
        },
    )


def read_row(
    *,
    meter_id: str,
    account_id: str | None,
    read_on: date,
    value: int,
    kind: str = "actual",
    consumption: int | None,
    previous_read_id: str | None,
    review: str = "",
    rollover: bool = False,
    source: str = "keyed",
    replaces_id: str | None = None,
    import_id: str | None = None,
    reader: str = "",
    station_code: str,
    created_by: str,
    created_at: datetime | None = None,
) -> Row:
    """One meter read (`consumption`: units since the meter's previous read)."""
    return full_row(
        models.MeterRead,
        {
            "id": new_id(),
            "meter_id": meter_id,
            "account_id": account_id,
            "read_on": read_on,
            "value": value,
            "kind": kind,
            "rollover": rollover,
            "consumption": consumption,
            "previous_read_id": previous_read_id,
            "review": review,
            "source": source,
            "replaces_id": replaces_id,
            "import_id": import_id,
            "reader": reader,
            "station_code": station_code,
            "created_by": created_by,
            "created_at": created_at or utcnow(),
        },
    )


def bill_row(
    *,
    bill_no: str,
    run_id: str,
    account_id: str,
    cycle: str,
    route: str,
    bill_date: date,
    due_date: date,
    period_from: date | None,
    period_to: date | None,
    meter_size: str,
    customer_class: str,
    consumption: int,
    estimated: bool,
    read_ids: list[str],
    lines: list[list[Any]] | Serialized,
    total_cents: int,
    ledger_entry_id: str | None,
    station_code: str,
    reverses_id: str | None = None,
    reason: str = "",
    created_at: datetime | None = None,
) -> Row:
    """A bill (or, with `reverses_id`, the reversal of one: the same lines, negated)."""
    return full_row(
        models.Bill,
        {
            "id": new_id(),
            "bill_no": bill_no,
            "run_id": run_id,
            "account_id": account_id,
            "cycle": cycle,
            "route": route,
            "bill_date": bill_date,
            "due_date": due_date,
            "period_from": period_from,
            "period_to": period_to,
            "meter_size": meter_size,
            "customer_class": customer_class,
            "consumption": consumption,
            "estimated": estimated,
            "read_ids": list(read_ids),
            "lines": lines if isinstance(lines, Serialized) else list(lines),
            "total_cents": total_cents,
            "ledger_entry_id": ledger_entry_id,
            "reverses_id": reverses_id,
            "reason": reason,
            "station_code": station_code,
            "created_at": created_at or utcnow(),
        },
    )


def bill_penalty_row(
    *,
    bill_id: str,
    account_id: str,
    past_due_cents: int,
    percent: str,
    cents: int,
    ledger_entry_id: str | None,
    applied_on: date,
    station_code: str,
) -> Row:
    """The one late fee of a bill."""
    return full_row(
        models.BillPenalty,
        {
            "id": new_id(),
            "bill_id": bill_id,
            "account_id": account_id,
            "past_due_cents": past_due_cents,
            "percent": percent,
            "cents": cents,
            "ledger_entry_id": ledger_entry_id,
            "applied_on": applied_on,
            "station_code": station_code,
            "created_at": utcnow(),
        },
    )


def notice_row(
    *,
    notice_no: str,
    kind: str,
    key: str,
    issued_on: date,
    station_code: str,
    created_by: str,
    run_id: str | None = None,
    account_id: str | None = None,
    customer_id: str | None = None,
    license_id: str | None = None,
    bill_id: str | None = None,
    due_on: date | None = None,
    shutoff_on: date | None = None,
    amount_cents: int = 0,
    addressee: str = "",
    mail_to: str = "",
    language: str = "en",
    details: Mapping[str, Any] | None = None,
) -> Row:
    """A notice as sent: its `key` is unique, so the same notice cannot be recorded twice."""
    return full_row(
        models.Notice,
        {
            "id": new_id(),
            "notice_no": notice_no,
            "kind": kind,
            "key": key,
            "run_id": run_id,
            "account_id": account_id,
            "customer_id": customer_id,
            "license_id": license_id,
            "bill_id": bill_id,
            "issued_on": issued_on,
            "due_on": due_on,
            "shutoff_on": shutoff_on,
            "amount_cents": amount_cents,
            "addressee": addressee[:120],
            "mail_to": mail_to[:200],
            "language": language,
            "details": dict(details) if details else {},
            "station_code": station_code,
            "created_by": created_by,
            "created_at": utcnow(),
        },
    )
