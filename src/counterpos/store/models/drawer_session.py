"""A cashier's drawer session: opened with a counted float at one station."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

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
