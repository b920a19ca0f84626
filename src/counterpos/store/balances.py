"""A utility account's balance due and the deposit held: sums over its ledger, never stored."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.store.models import CentralLedgerEntry, LedgerEntry


def account_balance(session: Session, account_id: str) -> Money:
    """This station's ledger plus the entries made elsewhere that sync pulled down, each once."""
    cents = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
            LedgerEntry.account_id == account_id,
            LedgerEntry.entry_type.not_in(DEPOSIT_TYPES),
        )
    )
    elsewhere = session.scalar(
        select(func.coalesce(func.sum(CentralLedgerEntry.amount_cents), 0)).where(
            CentralLedgerEntry.account_id == account_id,
            ~select(LedgerEntry.id).where(LedgerEntry.id == CentralLedgerEntry.id).exists(),
        )
    )
    return Money(int(cents or 0) + int(elsewhere or 0))


def deposit_held(session: Session, account_id: str) -> Money:
    """The deposit the city holds for the account (deposit entries are credits, so negated)."""
    cents = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
            LedgerEntry.account_id == account_id, LedgerEntry.entry_type.in_(DEPOSIT_TYPES)
        )
    )
    return Money(-int(cents or 0))
