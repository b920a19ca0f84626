"""Starting utility service: a new account at an address, and the deposit rung with it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.address import normalise_address
from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.kinds import EntryType
from counterpos.domain.messages import N_
from counterpos.services.errors import InputError
from counterpos.services.sale.owners import check_owner, owner_for
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.services.utility.accounts import MAX_START_AHEAD_DAYS
from counterpos.store.models import LedgerEntry, UtilityAccount
from counterpos.store.rows import ledger_row


@register
class StartServiceRules(ServiceRules):
    """A new account at a service address; its deposit line follows it in the same cart."""

    codes = ("start_service",)
    permission = "start_stop_service"
    permission_what = N_("start utility service")

    def prepare(self, ctx: PriceContext) -> None:
        c = ctx.clean
        start = ctx.attrs["start_date"]
        if start < ctx.on:
            raise InputError("The start date cannot be in the past.", field="start_date")
        if start > ctx.on + timedelta(days=MAX_START_AHEAD_DAYS):
            raise InputError(
                "Service can be started at most {max_start_ahead_days} days ahead.",
                field="start_date",
                max_start_ahead_days=MAX_START_AHEAD_DAYS,
            )
        address = normalise_address(str(c["service_address"]))
        for acct in ctx.session.scalars(
            select(UtilityAccount).where(UtilityAccount.status == "active")
        ):
            if normalise_address(acct.service_address) == address:
                raise InputError(
                    "{service_address} already has active service (account {account_no}); stop or transfer "
                    "that account first.",
                    field="service_address",
                    service_address=c["service_address"],
                    account_no=acct.account_no,
                )
        check_owner(ctx.session, ctx.customer_id, c, "new account")
        # Priced again inside the sale, the start keeps the reference its deposit carries.
        c["start_ref"] = str(ctx.raw.get("start_ref") or uuid.uuid4().hex[:10])

    def companions(self, line: CartLine) -> list[Companion]:
        return [
            Companion(
                "utility_deposit",
                {
                    "start_ref": line.details["start_ref"],
                    "customer_class": line.details["customer_class"],
                },
            )
        ]

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        if line.details.get("account_no"):
            raise InputError("Start service opens a new account; leave the account out.")

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        d = line.details
        owner = owner_for(ctx.session, ctx.station_code, ctx.cart.customer_id, d)
        count = ctx.session.scalar(
            select(func.count()).where(UtilityAccount.account_no.like(f"{ctx.station_code}-%"))
        )
        acct = UtilityAccount(
            account_no=f"{ctx.station_code}-{int(count or 0) + 1:05d}",
            customer_id=owner.id,
            service_address=str(d["service_address"])[:200],
            customer_class=d["customer_class"],
            status="active",
            opened_on=date.fromisoformat(d["start_date"]),
        )
        ctx.session.add(acct)
        ctx.session.flush()
        from counterpos.services.sale.customers import index_customer  # noqa: PLC0415

        index_customer(ctx.session, owner.id)
        row.account_id = acct.id
        row.details = {**row.details, "account_no": acct.account_no}
        ctx.state[f"start:{d['start_ref']}"] = acct


@register
class DepositRules(ServiceRules):
    """A deposit is held apart from the balance due (entry types deposit*)."""

    codes = ("utility_deposit",)

    def prepare(self, ctx: PriceContext) -> None:
        if ctx.raw.get("start_ref"):  # set by the start line this deposit goes with
            ctx.clean["start_ref"] = str(ctx.raw["start_ref"])
        if not ctx.clean.get("account_no") and not ctx.clean.get("start_ref"):
            raise InputError("Account number is required.", field="account_no")

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        ref = line.details.get("start_ref")
        if ref and not any(
            x.service_code == "start_service" and x.details.get("start_ref") == ref
            for x in cart.lines[:index]
        ):
            raise InputError(
                "This deposit belongs to a start of service that is not in the cart.", field="cart"
            )

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        ref = line.details.get("start_ref")
        if ref:
            acct = ctx.state[f"start:{ref}"]
            row.account_id = acct.id
            row.details = {**row.details, "account_no": acct.account_no}

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        if line.amount.cents:
            ctx.insert(
                LedgerEntry,
                ledger_row(
                    account_id=row.account_id,
                    entry_type=EntryType.DEPOSIT,
                    amount_cents=-line.amount.cents,
                    memo=f"Deposit paid, receipt {ctx.receipt_no}",
                    sale_line_id=row.id,
                    station_code=ctx.station_code,
                ),
            )
