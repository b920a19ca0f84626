"""The service catalog: GL accounts with their funds, services, and effective-dated fee rules."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counterpos.store.models.base import Base, new_id, utcnow


class GlAccount(Base):
    __tablename__ = "gl_account"
    __synced__ = True

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    fund_code: Mapped[str] = mapped_column(String(20))
    fund_name: Mapped[str] = mapped_column(String(80))
    misc_allowed: Mapped[bool] = mapped_column(Boolean, default=False)  # offered for misc receipts


class Service(Base):
    __tablename__ = "service"
    __synced__ = True

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(40))
    gl_account: Mapped[str] = mapped_column(ForeignKey("gl_account.code"))
    hotkey: Mapped[str] = mapped_column(String(10), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The details a line of this service captures: [{"name", "label", "type", "required", ...}]
    fields: Mapped[list] = mapped_column(JSON, default=list)
    # Service codes this one is only ever rung with (a late penalty with its citation): such a
    # line exists only as its parent's companion and is not offered alone. Empty: sold alone.
    companion_of: Mapped[list] = mapped_column(JSON, default=list)
    # A line above this amount needs a supervisor's confirmation (a misc receipt); None: never.
    confirm_above_cents: Mapped[int | None] = mapped_column(Integer, default=None)


class FeeSchedule(Base):
    """A fee rule for a service from a date on; the newest one in effect prices the line."""

    __tablename__ = "fee_schedule"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    service_code: Mapped[str] = mapped_column(ForeignKey("service.code"), index=True)
    effective_from: Mapped[date] = mapped_column()
    rule: Mapped[dict] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(40), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
