"""Animal tag inventory: each station's block of the year's numbers, and every tag movement."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.sale  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class TagBlock(Base):
    """Numbers first_no..last_no of a year's tags that one station may issue."""

    __tablename__ = "tag_block"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    year: Mapped[int] = mapped_column(Integer, index=True)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    first_no: Mapped[int] = mapped_column(Integer)
    last_no: Mapped[int] = mapped_column(Integer)
    assigned_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TagMovement(Base):
    """One tag issued, returned (void) or reported lost; a tag's state is its last movement."""

    __tablename__ = "tag_movement"
    __table_args__ = (
        Index("ix_tag_movement_year_number", "year", "number"),
        # The returned tags of a block (tag_inventory.next_tag) without reading its every tag.
        Index("ix_tag_movement_year_kind_number", "year", "kind", "number"),
    )
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    year: Mapped[int] = mapped_column(Integer, index=True)
    number: Mapped[int] = mapped_column(Integer)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # issue, return, lost
    sale_line_id: Mapped[str | None] = mapped_column(ForeignKey("sale_line.id"), default=None)
    license_no: Mapped[str] = mapped_column(String(30), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
