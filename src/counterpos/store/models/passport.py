"""Passport applications executed at the counter, and their mailing to the Department of State."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class PassportApplication(Base):
    """One applicant's application; the State fee is recorded here, never taken as a tender."""

    __tablename__ = "passport_application"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_line.id"))
    station_code: Mapped[str] = mapped_column(String(12))
    executed_on: Mapped[date] = mapped_column(index=True)
    clerk: Mapped[str] = mapped_column(String(40))
    applicant_name: Mapped[str] = mapped_column(String(120))
    date_of_birth: Mapped[date | None] = mapped_column(default=None)
    form_type: Mapped[str] = mapped_column(String(10))
    checklist: Mapped[dict] = mapped_column(JSON, default=dict)
    dos_payment_kind: Mapped[str] = mapped_column(String(20))  # check, money_order
    dos_payment_no: Mapped[str] = mapped_column(String(30))
    dos_amount_cents: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PassportMailing(Base):
    """Applications sent to the Department of State: a new row, so the log is never rewritten."""

    __tablename__ = "passport_mailing"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("passport_application.id"), index=True)
    mailed_on: Mapped[date] = mapped_column()
    tracking_no: Mapped[str] = mapped_column(String(40))
    recorded_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
