"""Rate schedules and holidays (reference data), billing runs, bills and their late fees.

A bill is never edited: a corrected read reverses the bill (a new row with the opposite
amounts, `reverses_id` pointing at it) and bills again. A run reversed the same way frees its
cycle for a new run.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class RateSchedule(Base):
    """Effective-dated utility policy as JSON: water_rates, leak_policy, delinquency."""

    __tablename__ = "rate_schedule"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    effective_from: Mapped[date] = mapped_column()
    body: Mapped[dict] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(40), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Holiday(Base):
    """A day the office is closed: a holiday or a closure. No disconnection happens on one."""

    __tablename__ = "holiday"
    __synced__ = True

    day: Mapped[date] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(16), default="holiday")  # holiday, office_closed


class BillingRun(Base):
    __tablename__ = "billing_run"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    run_no: Mapped[str] = mapped_column(String(24), unique=True)
    cycle: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    route: Mapped[str] = mapped_column(String(12), default="")  # "" every route
    bill_date: Mapped[date] = mapped_column()
    due_date: Mapped[date] = mapped_column()
    schedule_id: Mapped[str | None] = mapped_column(String(36), default=None)
    reverses_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    bills: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Bill(Base):
    __tablename__ = "bill"
    __table_args__ = (Index("ix_bill_account_id_cycle", "account_id", "cycle"),)
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    bill_no: Mapped[str] = mapped_column(String(24), unique=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("billing_run.id"), index=True)
    # looked up by (account_id, cycle): the composite index serves both
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"))
    cycle: Mapped[str] = mapped_column(String(7), index=True)
    route: Mapped[str] = mapped_column(String(12), default="")
    bill_date: Mapped[date] = mapped_column()
    due_date: Mapped[date] = mapped_column()
    period_from: Mapped[date | None] = mapped_column(default=None)
    period_to: Mapped[date | None] = mapped_column(default=None)
    meter_size: Mapped[str] = mapped_column(String(8), default="")
    customer_class: Mapped[str] = mapped_column(String(30), default="")
    consumption: Mapped[int] = mapped_column(Integer, default=0)
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    read_ids: Mapped[list] = mapped_column(JSON, default=list)
    lines: Mapped[list] = mapped_column(JSON, default=list)  # [code, label, units, rate, cents, gl]
    total_cents: Mapped[int] = mapped_column(Integer)
    ledger_entry_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    reverses_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BillPenalty(Base):
    """The late fee of one bill: at most one per bill (unique), with how it was figured."""

    __tablename__ = "bill_penalty"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    bill_id: Mapped[str] = mapped_column(ForeignKey("bill.id"), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    past_due_cents: Mapped[int] = mapped_column(Integer)
    percent: Mapped[str] = mapped_column(String(12))
    cents: Mapped[int] = mapped_column(Integer)
    ledger_entry_id: Mapped[str | None] = mapped_column(String(36), default=None)
    applied_on: Mapped[date] = mapped_column()
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
