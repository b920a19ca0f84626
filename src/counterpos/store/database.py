"""The SQLite engine: WAL, synchronous=FULL, foreign keys, busy timeout, explicit BEGIN."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

BUSY_TIMEOUT_MS = 5000
_BEGIN = {mode: f"BEGIN {mode}" for mode in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")}


def make_engine(db_path: Path | str) -> Engine:
    """Engine on the station's SQLite file, configured for durability.

    pysqlite's own transaction handling is switched off so that SQLAlchemy's begin emits a
    real BEGIN: DEFERRED for readers, IMMEDIATE for writers (`write_engine`), which makes
    concurrent writers queue on the busy timeout instead of failing at commit.
    """
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # On the driver's own connection: every transaction (every sale) begins here, and
        # SQLAlchemy's statement machinery costs more than SQLite's BEGIN. A failure (the
        # store locked past the busy timeout) is raised as SQLAlchemy would raise it.
        sql = _BEGIN[conn.get_execution_options().get("sqlite_begin", "DEFERRED")]
        try:
            conn.connection.driver_connection.execute(sql)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(sql, (), exc, conn.dialect.loaded_dbapi.Error) from exc

    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine whose transactions start with BEGIN IMMEDIATE (take the write lock)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")
