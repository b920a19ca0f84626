"""The store's SQLite engine (store/database.py): the pragmas every connection runs with."""

from __future__ import annotations


def test_pragmas_are_in_force_on_readers_and_writers(station):
    for ctx in (station.store.read, station.store.write):
        with ctx() as s:
            conn = s.connection()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
