"""The store's SQLite engine (store/database.py): the pragmas every connection runs with."""

from __future__ import annotations

import pytest


def test_pragmas_are_in_force_on_readers_and_writers(station):
    for ctx in (station.store.read, station.store.write):
        with ctx() as s:
            conn = s.connection()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_a_writer_kept_waiting_past_the_busy_timeout_gets_sqlalchemy_s_error(station):
    """BEGIN goes to the driver directly; a store locked by another writer still raises
    SQLAlchemy's OperationalError, as every caller expects, and nothing is left begun."""
    import sqlite3

    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from counterpos.store.database import BUSY_TIMEOUT_MS

    blocker = sqlite3.connect(station.store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with station.store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA busy_timeout=50")  # a reader begins (WAL)
            conn.commit()
            writer = conn.execution_options(sqlite_begin="IMMEDIATE")
            with pytest.raises(OperationalError, match="locked"):
                writer.begin()
            assert not writer.in_transaction()
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # back to the pool
            conn.commit()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with station.store.write() as s:  # the store takes writes again
        assert s.execute(text("SELECT 1")).scalar() == 1
