"""Meters and their reads: an inventory whose every change is a new row, never an edit.

A meter row is the meter as received (serial, size, make, dials). Where it is and what state
it is in follows from its events (received, installed at a service address, removed, tested,
retired). Each read is a row with the consumption since the meter's previous read; a held read
waits for a review row; a corrected read is a new row that replaces the old one.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import counterpos.store.models.utility_account  # noqa: F401 (a foreign key's table)
from counterpos.store.models.base import Base, new_id, utcnow


class Meter(Base):
    __tablename__ = "meter"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    serial: Mapped[str] = mapped_column(String(20), unique=True)
    size: Mapped[str] = mapped_column(String(8))  # 5/8, 3/4, 1, 1.5, 2 (inches)
    make: Mapped[str] = mapped_column(String(40), default="")
    model: Mapped[str] = mapped_column(String(40), default="")
    dials: Mapped[int] = mapped_column(Integer, default=4)  # the register reads 0 .. 10^dials - 1
    unit: Mapped[str] = mapped_column(String(8), default="HCF")
    received_on: Mapped[date] = mapped_column()
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MeterEvent(Base):
    """A change in a meter's life: installed (at an address, on a route), removed, tested,
    retired. The newest event says where the meter is."""

    __tablename__ = "meter_event"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    meter_id: Mapped[str] = mapped_column(ForeignKey("meter.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # installed, removed, tested, retired
    on_date: Mapped[date] = mapped_column()
    account_id: Mapped[str | None] = mapped_column(
        ForeignKey("utility_account.id"), default=None, index=True
    )
    service_address: Mapped[str] = mapped_column(String(200), default="")
    address_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    location: Mapped[str] = mapped_column(String(80), default="")  # where on the lot
    route: Mapped[str] = mapped_column(String(12), default="")
    route_seq: Mapped[int] = mapped_column(Integer, default=0)
    read_id: Mapped[str | None] = mapped_column(String(36), default=None)  # first / final read
    note: Mapped[str] = mapped_column(Text, default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MeterRead(Base):
    """One read of one meter. `consumption` is the units since the meter's previous read (None
    while a read below the previous one waits to be called a rollover or an error)."""

    __tablename__ = "meter_read"
    __table_args__ = (Index("ix_meter_read_meter_id_read_on", "meter_id", "read_on"),)
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    meter_id: Mapped[str] = mapped_column(ForeignKey("meter.id"))  # (meter_id, read_on) index
    account_id: Mapped[str | None] = mapped_column(
        ForeignKey("utility_account.id"), default=None, index=True
    )
    read_on: Mapped[date] = mapped_column(index=True)
    value: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(
        String(10), default="actual"
    )  # actual, estimated, first, final
    rollover: Mapped[bool] = mapped_column(Boolean, default=False)
    consumption: Mapped[int | None] = mapped_column(Integer, default=None)
    previous_read_id: Mapped[str | None] = mapped_column(String(36), default=None)
    review: Mapped[str] = mapped_column(String(16), default="")  # held: high, low, below_previous
    source: Mapped[str] = mapped_column(
        String(10), default="keyed"
    )  # keyed, csv, fixed, swap, estimate
    replaces_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    import_id: Mapped[str | None] = mapped_column(String(36), default=None)
    reader: Mapped[str] = mapped_column(String(20), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReadReview(Base):
    """A supervisor's decision on a held read: accept, rollover (with its consumption) or reject."""

    __tablename__ = "read_review"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    read_id: Mapped[str] = mapped_column(ForeignKey("meter_read.id"), unique=True)
    decision: Mapped[str] = mapped_column(String(10))  # accept, rollover, reject
    consumption: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(40), default="")
    station_code: Mapped[str] = mapped_column(String(12), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReadImport(Base):
    """A read file taken whole: which file (by its digest), its layout and counts."""

    __tablename__ = "read_import"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    layout: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    records: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    station_code: Mapped[str] = mapped_column(String(12), default="")
    imported_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
