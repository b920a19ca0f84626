"""Paying a utility bill: the amount due by account number or scanned stub, and its entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counterpos.domain.bill_stub import StubError, parse_stub
from counterpos.domain.cart import CartLine
from counterpos.domain.kinds import EntryType
from counterpos.domain.money import Money
from counterpos.services.errors import InputError
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.store.balances import account_balance
from counterpos.store.models import Customer, LedgerEntry
from counterpos.store.rows import ledger_row


@dataclass(frozen=True)
class PaymentPrefill:
    """What the till needs to ring a payment: the line's details and the amount to suggest."""

    account_no: str
    customer_id: str
    customer_name: str
    service_address: str
    amount_due: Money
    due_date: date | None
    details: dict


def payment_prefill(station: Station, account_no: str) -> PaymentPrefill:
    """By account number (typed, or picked from a name/address lookup): the balance due."""
    with station.store.read() as s:
        acct = find_account(s, account_no)
        cust = s.get(Customer, acct.customer_id)
        due = account_balance(s, acct.id)
        return PaymentPrefill(
            acct.account_no,
            acct.customer_id,
            cust.display_name if cust else "",
            acct.service_address,
            Money(max(due.cents, 0)),
            acct.due_date,
            {"account_no": acct.account_no},
        )


def scan_stub(station: Station, scanned: str) -> PaymentPrefill:
    """A scanned bill stub: the account's payment with the stub's amount due filled in."""
    try:
        stub = parse_stub(scanned)
    except StubError as exc:
        raise InputError(exc, field="account_no") from exc
    pre = payment_prefill(station, stub.account_no)
    return PaymentPrefill(
        pre.account_no,
        pre.customer_id,
        pre.customer_name,
        pre.service_address,
        stub.amount_due,
        stub.due_date,
        pre.details,
    )


@register
class PaymentRules(ServiceRules):
    """A bill payment: the amount the cashier enters; on a past-due account, the bill's late
    fee comes with it (services/utility/late_fee.py), waived only by an approved adjustment."""

    codes = ("utility_payment",)
    insert_only = True

    def prepare(self, ctx: PriceContext) -> None:
        from counterpos.services.utility.late_fee import late_fee  # noqa: PLC0415

        ctx.clean.pop("late_fee_bill", None)
        owed = late_fee(ctx.session, str(ctx.clean["account_no"]), ctx.on)
        if owed.fee.cents and owed.bill_due is not None:
            ctx.clean["late_fee_bill"] = owed.bill_due.isoformat()

    def companions(self, line: CartLine) -> list[Companion]:
        from counterpos.services.utility.late_fee import LATE_FEE  # noqa: PLC0415

        bill = line.details.get("late_fee_bill")
        if not bill:
            return []
        return [Companion(LATE_FEE, {"account_no": line.details["account_no"], "bill_due": bill})]

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        if row.account_id:
            ctx.insert(
                LedgerEntry,
                ledger_row(
                    account_id=row.account_id,
                    entry_type=EntryType.PAYMENT,
                    amount_cents=-line.amount.cents,
                    memo=f"Payment, receipt {ctx.receipt_no}",
                    sale_line_id=row.id,
                    station_code=ctx.station_code,
                ),
            )
