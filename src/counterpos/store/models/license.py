"""Licenses a customer holds (animal, business), shown on the customer panel."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.customer  # noqa: F401 (a foreign key's table)
import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class License(Base):
    __tablename__ = "license"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # animal, business
    license_no: Mapped[str] = mapped_column(String(30), unique=True)
    tag_no: Mapped[str] = mapped_column(String(30), default="", index=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None] = mapped_column(default=None)
    expires_on: Mapped[date | None] = mapped_column(default=None)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="issued")  # pending, issued, void
    sale_line_id: Mapped[str | None] = mapped_column(ForeignKey("sale_line.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
