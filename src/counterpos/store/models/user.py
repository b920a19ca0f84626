"""Users who log in at the station, their roles and the permissions each role holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counterpos.store.models.base import Base, new_id, utcnow


class Role(Base):
    __tablename__ = "role"

    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    label: Mapped[str] = mapped_column(String(60))
    rank: Mapped[int] = mapped_column(Integer, default=0)


class RolePermission(Base):
    __tablename__ = "role_permission"

    role: Mapped[str] = mapped_column(ForeignKey("role.name"), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class User(Base):
    __tablename__ = "app_user"
    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(ForeignKey("role.name"))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The screen language chosen at sign-in ("en", "es"); empty: the station's ui.language.
    language: Mapped[str] = mapped_column(String(8), default="", server_default="")
