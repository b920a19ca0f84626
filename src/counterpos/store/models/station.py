"""This workstation: its code (prefix of every receipt number) and receipt sequence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counterpos.store.models.base import Base, new_id, utcnow


class Station(Base):
    __tablename__ = "station"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReceiptSequence(Base):
    """Last receipt sequence used by a station; bumped inside each sale's transaction."""

    __tablename__ = "receipt_sequence"

    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)
