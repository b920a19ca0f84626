"""Card terminal requests: written BEFORE the terminal is asked, so none is ever lost.

Holds only what a receipt may show: brand, last four digits, approval code and the terminal's
reference. Never the full card number, track data or security code.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.drawer_session  # noqa: F401 (a foreign key's table)
import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
import counterpos.store.models.user  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow

# pending: recorded, being sent; unknown: sent, no answer yet (ask the terminal for its status);
# approved / declined / cancelled: the terminal's answer; voided / refunded: reversed later.
STATUSES = ("pending", "unknown", "approved", "declined", "cancelled", "voided", "refunded")
OPEN_STATUSES = ("pending", "unknown")


class CardRequest(Base):
    __tablename__ = "card_request"

    request_id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    station_code: Mapped[str] = mapped_column(String(12))
    session_id: Mapped[str] = mapped_column(ForeignKey("drawer_session.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    terminal: Mapped[str] = mapped_column(String(80))  # 'standalone' or the terminal's address
    context: Mapped[str] = mapped_column(String(200), default="")  # what the charge is for
    base_cents: Mapped[int] = mapped_column(Integer)  # part of the sale this card pays
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)  # convenience fee on top
    amount_cents: Mapped[int] = mapped_column(Integer)  # sent to the terminal: base + fee
    approved_cents: Mapped[int] = mapped_column(Integer, default=0)
    approved_fee_cents: Mapped[int] = mapped_column(Integer, default=0)  # fee inside approved
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    reason: Mapped[str] = mapped_column(String(120), default="")
    brand: Mapped[str] = mapped_column(String(20), default="")
    last4: Mapped[str] = mapped_column(String(4), default="")
    approval_code: Mapped[str] = mapped_column(String(20), default="")
    terminal_ref: Mapped[str] = mapped_column(String(40), default="")
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sale.id"), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    reversed_at: Mapped[datetime | None] = mapped_column(default=None)
    # When the station first found this approval not on a saved sale outside the payment that
    # took it (after a crash, say): from then on it is shown until it is attached to the sale
    # rung again or voided with a supervisor (services/card/unattached.py).
    orphaned_at: Mapped[datetime | None] = mapped_column(default=None)
