"""Utility accounts: finding one, writing its ledger entries and reading its ledger back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.services.errors import NotFound
from counterpos.services.station import Station
from counterpos.store.balances import deposit_held
from counterpos.store.models import LedgerEntry, UtilityAccount
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import ledger_row

MAX_START_AHEAD_DAYS = 90  # how far ahead a start, stop or transfer can be booked


def find_account(session: Session, account_no: str) -> UtilityAccount:
    acct = session.scalar(
        select(UtilityAccount).where(UtilityAccount.account_no == str(account_no).strip())
    )
    if acct is None:
        raise NotFound(
            "There is no utility account {account_no}.", account_no=str(account_no).strip()
        )
    return acct


def add_entry(
    session: Session,
    account_id: str,
    entry_type: EntryType,
    cents: int,
    memo: str,
    station_code: str,
    sale_line_id: str | None = None,
) -> str:
    """Write one ledger entry now, after whatever the session holds (a new account, say);
    returns its id."""
    session.flush()
    row = ledger_row(
        account_id=account_id,
        entry_type=entry_type,
        amount_cents=cents,
        memo=memo,
        sale_line_id=sale_line_id,
        station_code=station_code,
    )
    insert_synced(session, [(LedgerEntry, [row])])
    return str(row["id"])


# --- the ledger on the customer panel -------------------------------------------------------


@dataclass(frozen=True)
class LedgerLine:
    at: datetime
    entry_type: str
    memo: str
    amount: Money  # as stored: positive raises the balance due, a deposit paid is negative
    balance: Money  # balance due after this entry (deposit entries do not change it)
    deposit_held: Money = Money(0)  # deposit the city holds after this entry

    @property
    def is_deposit(self) -> bool:
        return self.entry_type in DEPOSIT_TYPES


@dataclass(frozen=True)
class AccountLedger:
    account_no: str
    service_address: str
    status: str
    balance: Money
    deposit_held: Money
    entries: tuple[LedgerLine, ...]


def account_ledger(station: Station, account_no: str) -> AccountLedger:
    """Every movement on the account, oldest first, with the running balance due."""
    with station.store.read() as s:
        acct = find_account(s, account_no)
        running = held = 0
        lines = []
        for e in s.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.account_id == acct.id)
            .order_by(LedgerEntry.created_at, LedgerEntry.id)
        ):
            if e.entry_type in DEPOSIT_TYPES:
                held -= e.amount_cents
            else:
                running += e.amount_cents
            lines.append(
                LedgerLine(
                    e.created_at,
                    e.entry_type,
                    e.memo,
                    Money(e.amount_cents),
                    Money(running),
                    Money(held),
                )
            )
        return AccountLedger(
            acct.account_no,
            acct.service_address,
            acct.status,
            Money(running),
            deposit_held(s, acct.id),
            tuple(lines),
        )
