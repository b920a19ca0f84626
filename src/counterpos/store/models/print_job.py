"""Every print, failed print, reprint and PDF copy of a receipt (and printer test pages)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class PrintJob(Base):
    __tablename__ = "print_job"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sale.id"), default=None, index=True)
    receipt_no: Mapped[str] = mapped_column(String(24), default="")
    kind: Mapped[str] = mapped_column(String(12))  # print, reprint, pdf, test
    copy_no: Mapped[int] = mapped_column(Integer, default=0)  # the REPRINT #n on the paper
    printer_url: Mapped[str] = mapped_column(String(200))
    profile: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(12))  # ok, failed
    error: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
