"""Refund requests raised at the counter (a deposit left over after a final bill)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class RefundRequest(Base):
    __tablename__ = "refund_request"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    pay_to: Mapped[str] = mapped_column(String(120))
    mail_to: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(200))
    requested_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
