"""Collections: payment arrangements, SB 998 protections, disconnections and reconnections."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class PaymentArrangement(Base):
    __tablename__ = "payment_arrangement"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    arrangement_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # amortization, deferral, reduction
    arrears_cents: Mapped[int] = mapped_column(Integer)
    forgiven_cents: Mapped[int] = mapped_column(Integer, default=0)
    instalments: Mapped[list] = mapped_column(JSON)  # [[YYYY-MM-DD, cents], ...]
    starts_on: Mapped[date] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    approved_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ArrangementEvent(Base):
    """An arrangement ends: broken (60 days behind), completed, or cancelled."""

    __tablename__ = "arrangement_event"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    arrangement_id: Mapped[str] = mapped_column(ForeignKey("payment_arrangement.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    on_date: Mapped[date] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ShutoffProtection(Base):
    """One of SB 998's three conditions on file for an account, for a period."""

    __tablename__ = "shutoff_protection"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    condition: Mapped[str] = mapped_column(String(16))  # medical, cannot_pay, willing
    valid_from: Mapped[date] = mapped_column()
    valid_to: Mapped[date] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServiceAction(Base):
    """Water turned off for non-payment, or back on: what the annual report counts."""

    __tablename__ = "service_action"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # disconnect, reconnect
    on_date: Mapped[date] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(20), default="non_payment")
    notice_id: Mapped[str | None] = mapped_column(String(36), default=None)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
