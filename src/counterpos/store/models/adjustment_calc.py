"""The calculation behind a two-person adjustment (leak, over-estimate, penalty), kept with it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class AdjustmentCalculation(Base):
    """The calculation behind a two-person adjustment, kept with its ledger entry."""

    __tablename__ = "adjustment_calc"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    calc_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("utility_account.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # leak, over_estimate, penalty
    calculation: Mapped[dict] = mapped_column(JSON)
    amount_cents: Mapped[int] = mapped_column(Integer)
    ledger_entry_id: Mapped[str] = mapped_column(String(36))
    work_order_id: Mapped[str | None] = mapped_column(String(36), default=None)
    bill_ids: Mapped[list] = mapped_column(JSON, default=list)
    entered_by: Mapped[str] = mapped_column(String(40), default="")
    approved_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
