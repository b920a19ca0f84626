"""Transferring utility service to a new address: a new account takes the balance and deposit."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from counterpos.domain.address import normalise_address
from counterpos.domain.kinds import EntryType
from counterpos.domain.messages import N_
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import (
    add_entry,
    find_account,
)
from counterpos.services.utility.stop import check_stop
from counterpos.store.balances import account_balance, deposit_held
from counterpos.store.models import UtilityAccount
from counterpos.store.outbox import enqueue


def transfer_service(
    station: Station,
    actor: Actor,
    account_no: str,
    new_address: str,
    move_date: date,
    approval: Approval | None = None,
) -> str:
    """Move service to a new address: a new account; balance and deposit move with the customer.

    Needs `start_stop_service`, or a supervisor's on-the-spot `approval` of it (spent once the
    transfer is saved; the audit event names both people)."""
    approver = overrides.authorise(
        actor, "start_stop_service", approval, what=N_("transfer utility service")
    )
    new_address = " ".join(new_address.split())
    if len(new_address) < 5:
        raise InputError("Enter the new service address.", field="service_address")
    with station.store.write() as s:
        old = find_account(s, account_no)
        check_stop(old, move_date, local_today())
        norm = normalise_address(new_address)
        for acct in s.scalars(select(UtilityAccount).where(UtilityAccount.status == "active")):
            if normalise_address(acct.service_address) == norm:
                raise InputError(
                    "{new_address} already has active service (account {account_no}).",
                    field="service_address",
                    new_address=new_address,
                    account_no=acct.account_no,
                )
        count = s.scalar(
            select(func.count()).where(UtilityAccount.account_no.like(f"{station.code}-%"))
        )
        new = UtilityAccount(
            account_no=f"{station.code}-{int(count or 0) + 1:05d}",
            customer_id=old.customer_id,
            service_address=new_address[:200],
            customer_class=old.customer_class,
            status="active",
            opened_on=move_date,
        )
        s.add(new)
        s.flush()
        balance = account_balance(s, old.id)
        held = deposit_held(s, old.id)
        memo_out, memo_in = f"Transferred to {new.account_no}", f"Transferred from {old.account_no}"
        if balance.cents:
            add_entry(s, old.id, EntryType.TRANSFER, -balance.cents, memo_out, station.code)
            add_entry(s, new.id, EntryType.TRANSFER, balance.cents, memo_in, station.code)
        if held.cents:
            add_entry(s, old.id, EntryType.DEPOSIT_TRANSFER, held.cents, memo_out, station.code)
            add_entry(s, new.id, EntryType.DEPOSIT_TRANSFER, -held.cents, memo_in, station.code)
        old.status = "closed"
        enqueue(s, old)
        from counterpos.services.sale.customers import index_customer  # noqa: PLC0415

        index_customer(s, old.customer_id)
        new_account_no = new.account_no
        audit.record(
            s,
            station.code,
            "service_transferred",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=old.account_no,
            details={"to": new.account_no, "balance": balance.cents, "deposit": held.cents},
        )
    overrides.spend(approval)
    return new_account_no
