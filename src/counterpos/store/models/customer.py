"""Customers of the city: people and businesses who pay at the counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from counterpos.store.models.base import Base, new_id, utcnow


class Customer(Base):
    __tablename__ = "customer"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_no: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(60), default="")
    last_name: Mapped[str] = mapped_column(String(60), default="")
    business_name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    mailing_address: Mapped[str] = mapped_column(String(200), default="")
    is_senior: Mapped[bool] = mapped_column(default=False)
    # The language of this customer's receipts and documents ("en", "es").
    preferred_language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name, self.business_name)


def display_name(first_name: str, last_name: str, business_name: str) -> str:
    """How a customer is named on screen and on receipts."""
    person = f"{first_name} {last_name}".strip()
    if business_name and person:
        return f"{business_name} ({person})"
    return business_name or person
