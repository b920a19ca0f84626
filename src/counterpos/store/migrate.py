"""Brings a station's SQLite file to the newest schema, backing it up first."""

from __future__ import annotations

import ast
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from counterpos.resources_path import data_path

if TYPE_CHECKING:  # Alembic itself loads only when a migration has to run
    from alembic.config import Config
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

_ASSIGN = re.compile(r"^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*(?:#.*)?$", re.M)


def script_head(versions: Path | None = None) -> str | None:
    """The single head of the migration chain read straight from the files' `revision` and
    `down_revision` lines, without loading Alembic (a quarter of a second at every start);
    None when the files are anything but one plain chain (a merge, a branch, a line this
    reader does not understand): the caller then asks Alembic."""
    folder = versions or data_path("db") / "migrations" / "versions"
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in sorted(folder.glob("*.py")):
        found: dict[str, object] = {}
        for name, value in _ASSIGN.findall(path.read_text(encoding="utf-8")):
            try:
                found[name] = ast.literal_eval(value)
            except (ValueError, SyntaxError):
                return None
        rev, down = found.get("revision"), found.get("down_revision", "?")
        if not isinstance(rev, str) or not (down is None or isinstance(down, str)):
            return None
        revisions.add(rev)
        if down is not None:
            downs.add(down)
    heads = revisions - downs
    if len(heads) != 1 or not downs <= revisions:
        return None
    return heads.pop()


def stamped_revision(engine: Engine) -> str | None:
    """What the store's `alembic_version` table says, None for a new store (no table yet)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        if not conn.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ):
            return None
        rows = conn.scalars(text("SELECT version_num FROM alembic_version")).all()
    return rows[0] if len(rows) == 1 else None


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(data_path("db") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

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
    """Upgrade to head. Returns True when a migration ran.

    The usual start, a store already at the head, is settled without Alembic: the chain's
    head read from the migration files equals the store's stamp. Anything else goes the whole
    way through Alembic."""
    light = script_head()
    if light is not None and stamped_revision(engine) == light:
        return False
    from alembic import command

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
