"""Paid-in and paid-out: cash put into or taken out of the drawer without a sale."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.drawer_session  # noqa: F401 (a foreign key's table)
import counterpos.store.models.user  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class PaidInOut(Base):
    """Written once; a mistake is corrected by the opposite record, never by an edit."""

    __tablename__ = "paid_in_out"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # Numbered from the station's receipt sequence, so every slip leaving the drawer has a number.
    receipt_no: Mapped[str] = mapped_column(String(24), unique=True)
    station_code: Mapped[str] = mapped_column(String(12))
    sequence: Mapped[int] = mapped_column(Integer)
    session_id: Mapped[str] = mapped_column(ForeignKey("drawer_session.id"), index=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    amount_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    approver_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
