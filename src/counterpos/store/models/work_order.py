"""Work orders from a high read (investigate a leak, test or replace the meter) and their steps."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.meter  # noqa: F401 (a foreign key's table)
import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class WorkOrder(Base):
    __tablename__ = "work_order"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    wo_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    meter_id: Mapped[str | None] = mapped_column(ForeignKey("meter.id"), default=None)
    read_id: Mapped[str | None] = mapped_column(String(36), default=None)
    kind: Mapped[str] = mapped_column(String(16))  # leak_check, meter_test, meter_replace
    reason: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[date] = mapped_column()
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WorkOrderEvent(Base):
    """A status step: assigned, in_progress, closed (with its finding)."""

    __tablename__ = "work_order_event"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    work_order_id: Mapped[str] = mapped_column(ForeignKey("work_order.id"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    finding: Mapped[str] = mapped_column(String(20), default="")
    repaired_on: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
