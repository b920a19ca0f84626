"""Sales, their lines and tenders: written once, never updated or deleted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

import counterpos.store.models.catalog  # noqa: F401 (a foreign key's table)
import counterpos.store.models.customer  # noqa: F401 (a foreign key's table)
import counterpos.store.models.drawer_session  # noqa: F401 (a foreign key's table)
import counterpos.store.models.user  # noqa: F401 (a foreign key's table)
import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.domain.kinds import SaleKind
from counterpos.store.models.base import Base, new_id, utcnow


class Sale(Base):
    __tablename__ = "sale"
    # The sales a void points at (services/sale/voids.voided_sales) without reading every sale.
    __table_args__ = (Index("ix_sale_kind_original_sale_id", "kind", "original_sale_id"),)
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    receipt_no: Mapped[str] = mapped_column(String(24), unique=True)
    station_code: Mapped[str] = mapped_column(String(12))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default=SaleKind.SALE)  # a SaleKind
    original_sale_id: Mapped[str | None] = mapped_column(ForeignKey("sale.id"), default=None)
    session_id: Mapped[str] = mapped_column(ForeignKey("drawer_session.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    approver_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    customer_id: Mapped[str | None] = mapped_column(
        ForeignKey("customer.id"), default=None, index=True
    )
    total_cents: Mapped[int] = mapped_column(Integer)
    change_cents: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    lines: Mapped[list[SaleLine]] = relationship(order_by="SaleLine.line_no", lazy="selectin")
    tenders: Mapped[list[TenderRow]] = relationship(order_by="TenderRow.position", lazy="selectin")


class SaleLine(Base):
    __tablename__ = "sale_line"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    service_code: Mapped[str] = mapped_column(ForeignKey("service.code"))
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    amount_cents: Mapped[int] = mapped_column(Integer)
    gl_account: Mapped[str] = mapped_column(ForeignKey("gl_account.code"))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("utility_account.id"), default=None)
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class TenderRow(Base):
    __tablename__ = "tender"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # a TenderKind
    amount_cents: Mapped[int] = mapped_column(Integer)  # applied to the sale
    tendered_cents: Mapped[int] = mapped_column(Integer)  # handed over
    change_cents: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(40), default="")
    payer: Mapped[str] = mapped_column(String(80), default="")
    card_brand: Mapped[str] = mapped_column(String(20), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")
