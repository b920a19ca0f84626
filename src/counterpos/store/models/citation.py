"""Citations issued by the city (parking, code enforcement) and the payments taken for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class Citation(Base):
    """Reference data from the issuing department; the amount owed before any late penalty."""

    __tablename__ = "citation"
    __synced__ = True

    citation_no: Mapped[str] = mapped_column(String(20), primary_key=True)
    issued_on: Mapped[date] = mapped_column()
    amount_cents: Mapped[int] = mapped_column(Integer)
    violation: Mapped[str] = mapped_column(String(120), default="")
    name: Mapped[str] = mapped_column(String(120), default="")
    plate: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CitationPayment(Base):
    """A citation paid by a sale line (append-only; a void of the sale reopens the citation)."""

    __tablename__ = "citation_payment"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    citation_no: Mapped[str] = mapped_column(ForeignKey("citation.citation_no"), index=True)
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_line.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    penalty_cents: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
