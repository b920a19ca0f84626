"""Refunding an earlier sale, in cash from the drawer or as a refund request for finance."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind
from counterpos.domain.messages import word
from counterpos.domain.money import Money, MoneyError, check_counter_amount
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.clock import utcnow
from counterpos.services.errors import InputError, StateError
from counterpos.services.sale import receipts
from counterpos.services.sale.sales import next_receipt_no
from counterpos.services.sessions import require_own_open
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent, LedgerEntry, Sale, SaleLine, TenderRow
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import Row, ledger_row, line_row, sale_row, tender_row

# How a refund is paid: CASH from the drawer (a cash tender), or FINANCE, a refund request
# (a refund_request tender): finance pays by check later; no cash leaves the drawer.
CASH = "cash"
FINANCE = "finance"
METHODS = (CASH, FINANCE)


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    receipt_no: str  # the refund's own number, from the station's gap-free sequence
    original_receipt_no: str
    amount: Money
    method: str
    still_refundable: Money
    approver: str


def refunded_so_far(s, sale_id: str) -> int:
    """Cents already refunded against a sale (a positive number)."""
    return -int(
        s.scalar(
            select(func.coalesce(func.sum(Sale.total_cents), 0)).where(
                Sale.original_sale_id == sale_id, Sale.kind == SaleKind.REFUND
            )
        )
    )


def refundable(station: Station, receipt_no: str) -> Money:
    with station.store.read() as s:
        sale = receipts.load_sale(s, receipt_no)
        return Money(sale.total_cents - refunded_so_far(s, sale.id))


@dataclass(frozen=True)
class RefundableLine:
    line_no: int
    service_code: str
    description: str
    left: Money  # what of it is not refunded yet


def _refunded_by_line(s, sale_id: str) -> dict[str, int]:
    """Cents already refunded against each line of a sale, by line id."""
    already: dict[str, int] = {}
    earlier = s.scalars(
        select(SaleLine)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(Sale.original_sale_id == sale_id, Sale.kind == SaleKind.REFUND)
    )
    for line in earlier:
        key = (line.details or {}).get("refunds_line_id", "")
        already[key] = already.get(key, 0) - line.amount_cents
    return already


def refundable_lines(station: Station, receipt_no: str) -> list[RefundableLine]:
    """The lines of a sale with something left to refund, for the refund screen to choose from."""
    with station.store.read() as s:
        sale = receipts.load_sale(s, receipt_no)
        already = _refunded_by_line(s, sale.id)
        return [
            RefundableLine(
                line.line_no,
                line.service_code,
                line.description,
                Money(line.amount_cents - already.get(line.id, 0)),
            )
            for line in sorted(sale.lines, key=lambda x: x.line_no)
            if line.amount_cents - already.get(line.id, 0) > 0
        ]


def refund_sale(
    station: Station,
    actor: Actor,
    session_id: str,
    receipt_no: str,
    amount: Money,
    method: str,
    reason: str,
    approval: Approval | None = None,
    line_no: int | None = None,
) -> RefundResult:
    """Refund up to what was paid, minus earlier refunds. Needs `refund` (supervisor).

    With `line_no` the refund is of that line only (its service's GL account, and a utility
    payment's account, get it back); without, it is spread over the lines in order."""
    reason = reason.strip()
    if method not in METHODS:
        raise InputError("Refund in cash or as a request to finance.", field="method")
    if not reason:
        raise InputError("Give the reason for the refund.", field="reason")
    try:
        check_counter_amount(amount, what="The refund")
    except MoneyError as exc:
        raise InputError(exc, field="amount") from exc
    if amount.cents <= 0:
        raise InputError("The refund must be more than $0.00.", field="amount")
    with station.store.write() as s:
        sale = receipts.load_sale(s, receipt_no)
        if sale.kind != SaleKind.SALE:
            raise StateError(
                "{receipt_no} is a {kind}; refund the original sale.",
                receipt_no=sale.receipt_no,
                kind=word(sale.kind),
            )
        if s.scalar(
            select(Sale.id).where(Sale.original_sale_id == sale.id, Sale.kind == SaleKind.VOID)
        ):
            raise StateError(
                "Receipt {receipt_no} was voided; there is nothing to refund.",
                receipt_no=sale.receipt_no,
            )
        done = refunded_so_far(s, sale.id)
        left = sale.total_cents - done
        if amount.cents > left:
            raise InputError(
                "At most {left} of receipt {receipt_no} can still be refunded (paid {total}, refunded "
                "{done}).",
                field="amount",
                left=Money(left),
                receipt_no=sale.receipt_no,
                total=Money(sale.total_cents),
                done=Money(done),
            )
        require_own_open(s, station.code, actor, session_id)
        approver = overrides.authorise(
            actor, "refund", approval, what="refund a sale", owner_user_id=sale.user_id
        )
        seq, refund_no = next_receipt_no(s, station.code)
        now = utcnow()
        refund = sale_row(
            kind=SaleKind.REFUND,
            receipt_no=refund_no,
            station_code=station.code,
            sequence=seq,
            original_sale_id=sale.id,
            session_id=session_id,
            user_id=actor.user_id,
            approver_id=approver.user_id if approver else None,
            customer_id=sale.customer_id,
            total_cents=-amount.cents,
            change_cents=0,
            note=reason[:200],
            created_at=now,
        )
        # Spread the refund over the original lines in order (or put it on the one chosen),
        # each no further than what it has left.
        already = _refunded_by_line(s, sale.id)
        lines: list[Row] = []
        entries: list[Row] = []
        to_spread = amount.cents
        refunded_lines = sorted(sale.lines, key=lambda x: x.line_no)
        if line_no is not None:
            refunded_lines = [x for x in refunded_lines if x.line_no == line_no]
            if not refunded_lines:
                raise InputError(
                    "Receipt {receipt_no} has no line {line_no}.",
                    field="line",
                    receipt_no=sale.receipt_no,
                    line_no=line_no,
                )
            chosen = refunded_lines[0]
            room = chosen.amount_cents - already.get(chosen.id, 0)
            if amount.cents > room:
                raise InputError(
                    "At most {left} of line {line_no} ({what}) can still be refunded.",
                    field="amount",
                    left=Money(max(room, 0)),
                    line_no=line_no,
                    what=chosen.description,
                )
        for line in refunded_lines:
            room = line.amount_cents - already.get(line.id, 0)
            part = min(room, to_spread)
            if part <= 0:
                continue
            row = line_row(
                sale_id=refund["id"],
                line_no=len(lines) + 1,
                service_code=line.service_code,
                description=f"REFUND {line.description}"[:200],
                quantity=1,
                amount_cents=-part,
                gl_account=line.gl_account,
                account_id=line.account_id,
                details={"refunds_line_id": line.id},
            )
            lines.append(row)
            if line.account_id and line.service_code == "utility_payment":
                entries.append(
                    ledger_row(
                        account_id=line.account_id,
                        entry_type=EntryType.REFUND,
                        amount_cents=part,
                        memo=f"Refund {refund_no} of receipt {sale.receipt_no}",
                        sale_line_id=row["id"],
                        station_code=station.code,
                        created_at=now,
                    )
                )
            to_spread -= part
            if not to_spread:
                break
        tender = tender_row(
            sale_id=refund["id"],
            position=1,
            kind=TenderKind.CASH if method == CASH else TenderKind.REFUND_REQUEST,
            amount_cents=-amount.cents,
            tendered_cents=-amount.cents,
            change_cents=0,
        )
        event = audit.event_row(
            s,
            station.code,
            "refund",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=refund_no,
            details={
                "original": sale.receipt_no,
                "amount_cents": amount.cents,
                "line_no": line_no,
                "method": method,
                "reason": reason,
                "session_id": session_id,
            },
            at=now,
        )
        insert_synced(
            s,
            [
                (Sale, [refund]),
                (SaleLine, lines),
                (LedgerEntry, entries),
                (TenderRow, [tender]),
                (AuditEvent, [event]),
            ],
        )
    overrides.spend(approval)
    return RefundResult(
        refund["id"],
        refund_no,
        sale.receipt_no,
        amount,
        method,
        Money(left - amount.cents),
        approver.username if approver else "",
    )
