"""Looking at a station's SQLite file before trusting it: its header, its size, SQLite's own
checks, and the online backup API that copies it while the till keeps selling."""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

HEADER = b"SQLite format 3\x00"


def sidecars(db_path: Path) -> tuple[Path, Path]:
    """The WAL and shared-memory files SQLite keeps beside a WAL-mode store."""
    return db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")


def inspect_file(db_path: Path) -> str | None:
    """What is visibly wrong with the store file, before SQLite opens it; None if nothing.

    An empty file, a file that is not SQLite, or one shorter than its own header says (when no
    WAL is there that could still hold the rest) would otherwise be opened as a new, empty
    store or fail deep inside the first query.
    """
    try:
        size = db_path.stat().st_size
        with open(db_path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc})"
    if size == 0:
        return "the file is empty (0 bytes)"
    if len(head) < 100 or not head.startswith(HEADER):
        return "the file is not a SQLite database (its header is damaged or missing)"
    (raw_page,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if raw_page == 1 else raw_page
    if page_size < 512 or page_size & (page_size - 1):
        return "the file's header is damaged (impossible page size)"
    change_counter, pages = struct.unpack(">II", head[24:32])
    (valid_for,) = struct.unpack(">I", head[92:96])
    wal, _shm = sidecars(db_path)
    wal_holds_pages = wal.exists() and wal.stat().st_size > 32
    if not wal_holds_pages:
        if size % page_size:
            return f"the file is cut short ({size:,} bytes is not a whole number of pages)"
        if pages and valid_for == change_counter and size < pages * page_size:
            return f"the file is cut short ({size:,} bytes; its header says {pages * page_size:,})"
    return None


def _connect(db_path: Path) -> sqlite3.Connection:
    # Never create a file: a missing store is the caller's business, not an empty new one.
    return sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, timeout=5)


def run_check(db_path: Path, full: bool = False, limit: int = 20) -> list[str]:
    """SQLite's own check: `quick_check` (b-trees, pages, NOT NULL; O(size)) or, with `full`,
    `integrity_check` (also every index against its table) and the foreign keys. Returns
    what is wrong, [] when nothing is. A file SQLite cannot read at all is one problem."""
    try:
        conn = _connect(db_path)
    except sqlite3.Error as exc:
        return [f"the file cannot be opened ({exc})"]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}({int(limit)})")]
        problems = [] if rows == ["ok"] else [str(r) for r in rows]
        if full and not problems:
            bad = conn.execute("PRAGMA foreign_key_check").fetchmany(limit)
            problems += [f"row {r[1]} of {r[0]} points at a missing {r[2]} row" for r in bad]
        return problems
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def read_counters(db_path: Path) -> tuple[str, int, int] | None:
    """(station code, last receipt sequence, last audit sequence) as the file holds them, or
    None when it is not a CounterPOS store that SQLite can read."""
    try:
        conn = _connect(db_path)
    except sqlite3.Error:
        return None
    try:
        return counters(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def counters(conn: sqlite3.Connection) -> tuple[str, int, int]:
    """The station code of the highest receipt sequence, that sequence, the last audit seq."""
    row = conn.execute(
        "SELECT station_code, last_value FROM receipt_sequence ORDER BY last_value DESC LIMIT 1"
    ).fetchone()
    code = conn.execute("SELECT value FROM setting WHERE key = 'station.code'").fetchone()
    audit = conn.execute("SELECT MAX(seq) FROM audit_event").fetchone()
    station = (code[0] if code else None) or (row[0] if row else "")
    return station, int(row[1]) if row else 0, int(audit[0] or 0) if audit else 0


def online_backup(
    db_path: Path, target: Path, progress: Callable[[int, int, int], object] | None = None
) -> None:
    """Copy the live store to `target` with SQLite's backup API: a consistent snapshot (WAL
    pages included) taken while other connections keep writing. The copy is synced to disk.
    `target` must not exist yet."""
    src = _connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=-1, progress=progress)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
