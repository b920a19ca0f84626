"""Brings a station's SQLite file to the newest schema, backing it up first."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from counterpos.resources_path import data_path

log = logging.getLogger(__name__)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(data_path("db") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _backup(db_path: Path, revision: str) -> Path:
    """Copy the store before changing its schema (sqlite3's online backup keeps WAL pages)."""
    target = db_path.with_name(f"{db_path.stem}.before-{revision[:12]}.sqlite")
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, db_path: Path | None = None) -> bool:
    """Upgrade to head. Returns True when a migration ran."""
    current = current_revision(engine)
    head = head_revision(engine)
    if current == head:
        return False
    if current is not None and db_path is not None and db_path.exists():
        _backup(db_path, current)
    quiet = logging.getLogger("alembic")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # the cashier's console is no place for migration chatter
    try:
        command.upgrade(alembic_config(engine), "head")
    finally:
        quiet.setLevel(level)
    log.info("store %s migrated from %s to %s", db_path or "", current, head)
    return True


__all__ = ["current_revision", "head_revision", "migrate"]
