"""Documents handed over with a sale: permits, tags, licenses, certificates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class IssuedDocument(Base):
    __tablename__ = "issued_document"
    # A year's documents of one type (the yard sale permits an address holds).
    __table_args__ = (Index("ix_issued_document_doc_type_valid_from", "doc_type", "valid_from"),)
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_line.id"))
    doc_type: Mapped[str] = mapped_column(String(30))  # yard_sale_permit, animal_tag, ...
    doc_no: Mapped[str] = mapped_column(String(30), index=True)
    holder: Mapped[str] = mapped_column(String(120), default="")
    valid_from: Mapped[date | None] = mapped_column(default=None)
    valid_to: Mapped[date | None] = mapped_column(default=None)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
