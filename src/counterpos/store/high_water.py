"""The station's high-water mark: the last receipt and audit sequence it committed, kept in a
small file beside the store.

Committed work that lives only in the WAL is lost if someone deletes the WAL after a crash,
and a store put back from an older copy has forgotten its newest sales; either way the store
itself cannot tell. This file can: it is rewritten after every commit that moved a sequence,
so a store whose sequences are below it has lost work, and numbering must never restart
below it. The write is not synced (a process crash keeps it in the page cache; after a power
cut it can only be older than the store, which raises no false alarm).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

MARK_FILE = "station-mark.json"
_SIZE = 512


@dataclass(frozen=True)
class Mark:
    station_code: str
    receipt_seq: int
    audit_seq: int
    backups: str = ""  # the backup folder in use, so a broken store can still name its backups

    def covers(self, other: Mark) -> bool:
        return self.receipt_seq >= other.receipt_seq and self.audit_seq >= other.audit_seq


class UnreadableMark(Exception):
    """The mark file is there but garbled (a torn write after a power cut, or an edit)."""


def mark_path(home: Path) -> Path:
    return Path(home) / MARK_FILE


def read_mark(home: Path) -> Mark | None:
    """The mark, None when there is none; UnreadableMark when the file is garbled."""
    try:
        raw = mark_path(home).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableMark(str(exc)) from exc
    text = raw.decode("utf-8", "replace").split("\n", 1)[0].strip()
    crc, _, body = text.partition(" ")
    try:
        if f"{zlib.crc32(body.encode()):08x}" != crc:
            raise ValueError("checksum")
        data = json.loads(body)
        return Mark(
            str(data["station"]),
            int(data["receipt_seq"]),
            int(data["audit_seq"]),
            str(data.get("backups", "")),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise UnreadableMark(f"{mark_path(home).name} is garbled") from exc


def write_mark(home: Path, mark: Mark) -> None:
    body = json.dumps(
        {
            "station": mark.station_code,
            "receipt_seq": mark.receipt_seq,
            "audit_seq": mark.audit_seq,
            "backups": mark.backups,
        },
        separators=(",", ":"),
    )
    line = f"{zlib.crc32(body.encode()):08x} {body}".encode()
    data = line.ljust(_SIZE - 1) + b"\n" if len(line) < _SIZE else line + b"\n"
    fd = os.open(mark_path(home), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.pwrite(fd, data, 0) if hasattr(os, "pwrite") else os.write(fd, data)
        if os.fstat(fd).st_size != len(data):
            os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


_COUNTERS = (
    "SELECT (SELECT station_code FROM receipt_sequence ORDER BY last_value DESC LIMIT 1), "
    "(SELECT MAX(last_value) FROM receipt_sequence), (SELECT MAX(seq) FROM audit_event)"
)


class MarkKeeper:
    """Keeps the mark of one store up to date: reads the sequences at the end of each write
    transaction (two index lookups on the transaction's own connection) and rewrites the file
    once that transaction has committed, when one of them moved."""

    def __init__(self, home: Path, writer: sessionmaker, start: Mark) -> None:
        self.home = Path(home)
        self.mark = start
        self._lock = threading.Lock()
        self._writer = writer
        event.listen(writer, "before_commit", self._before_commit)
        event.listen(writer, "after_commit", self._after_commit)

    def stop(self) -> None:
        event.remove(self._writer, "before_commit", self._before_commit)
        event.remove(self._writer, "after_commit", self._after_commit)

    def _before_commit(self, session: Session) -> None:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        code, receipt, audit = raw.execute(_COUNTERS).fetchone()
        session.info["high_water"] = (code or "", int(receipt or 0), int(audit or 0))

    def _after_commit(self, session: Session) -> None:
        seen = session.info.pop("high_water", None)
        if seen is None:
            return
        code, receipt, audit = seen
        with self._lock:
            if receipt <= self.mark.receipt_seq and audit <= self.mark.audit_seq:
                return
            self.mark = replace(
                self.mark,
                station_code=code or self.mark.station_code,
                receipt_seq=max(receipt, self.mark.receipt_seq),
                audit_seq=max(audit, self.mark.audit_seq),
            )
            mark = self.mark
        # The sale is committed; a mark that could not be written is only older.
        with contextlib.suppress(OSError):
            write_mark(self.home, mark)

    def set_backups(self, folder: str) -> None:
        with self._lock:
            self.mark = replace(self.mark, backups=folder)
            mark = self.mark
        write_mark(self.home, mark)

    def reset(self, mark: Mark) -> None:
        """After a restore or an accepted loss: the store and the mark agree again."""
        with self._lock:
            self.mark = mark
        write_mark(self.home, mark)
