"""Notices as recorded documents: each has a key that makes the same notice impossible twice."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.customer  # noqa: F401 (a foreign key's table)
import counterpos.store.models.license  # noqa: F401 (a foreign key's table)
import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class Notice(Base):
    """usage, late, final, door_hanger, posted, collection, renewal_business, renewal_animal."""

    __tablename__ = "notice"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    notice_no: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    run_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    account_id: Mapped[str | None] = mapped_column(
        ForeignKey("utility_account.id"), default=None, index=True
    )
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customer.id"), default=None)
    license_id: Mapped[str | None] = mapped_column(ForeignKey("license.id"), default=None)
    bill_id: Mapped[str | None] = mapped_column(String(36), default=None)
    issued_on: Mapped[date] = mapped_column(index=True)
    due_on: Mapped[date | None] = mapped_column(default=None)
    shutoff_on: Mapped[date | None] = mapped_column(default=None)
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    addressee: Mapped[str] = mapped_column(String(120), default="")
    mail_to: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(5), default="en")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NoticeEvent(Base):
    """Something that happened to a notice after it left: returned undeliverable."""

    __tablename__ = "notice_event"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    notice_id: Mapped[str] = mapped_column(ForeignKey("notice.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # returned
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
