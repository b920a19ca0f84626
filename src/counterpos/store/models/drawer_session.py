"""A cashier's drawer session: opened with a counted float at one station."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.user  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class DrawerSession(Base):
    __tablename__ = "drawer_session"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="regular")  # regular, recovery
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opening_float_cents: Mapped[int] = mapped_column(Integer)
    opening_count: Mapped[dict] = mapped_column(JSON, default=dict)


class DrawerClose(Base):
    """The close of a session: a new record, so the opened session row is never changed."""

    __tablename__ = "drawer_close"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("drawer_session.id"), unique=True)
    closed_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_by: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    counted_cash_cents: Mapped[int] = mapped_column(Integer)
    expected_cash_cents: Mapped[int] = mapped_column(Integer)
    over_short_cents: Mapped[int] = mapped_column(Integer)
    closing_count: Mapped[dict] = mapped_column(JSON, default=dict)
    approver_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    note: Mapped[str] = mapped_column(String(400), default="")
