"""Utility accounts and their ledger: the balance is always the sum of the entries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.customer  # noqa: F401 (a foreign key's table)
import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class UtilityAccount(Base):
    __tablename__ = "utility_account"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_no: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    service_address: Mapped[str] = mapped_column(String(200))
    customer_class: Mapped[str] = mapped_column(String(30), default="residential_owner")
    status: Mapped[str] = mapped_column(String(20), default="active")
    opened_on: Mapped[date | None] = mapped_column(default=None)
    due_date: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LedgerEntry(Base):
    """One movement on an account. Positive raises the balance due; a payment is negative."""

    __tablename__ = "ledger_entry"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    entry_type: Mapped[str] = mapped_column(String(20))  # an EntryType
    amount_cents: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    sale_line_id: Mapped[str | None] = mapped_column(
        ForeignKey("sale_line.id"), default=None, index=True
    )
    reverses_id: Mapped[str | None] = mapped_column(
        ForeignKey("ledger_entry.id"), default=None, index=True
    )
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
