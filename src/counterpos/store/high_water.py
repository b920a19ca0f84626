"""The station's high-water mark: the last receipt and audit sequence it committed, kept in a
small file beside the store.

Committed work that lives only in the WAL is lost if someone deletes the WAL after a crash,
and a store put back from an older copy has forgotten its newest sales; either way the store
itself cannot tell. This file can. Each write transaction that moves a sequence writes it
twice: just before COMMIT as *pending*, and once committed as the new mark. A crash between
the two leaves a pending mark and the WAL (a crashed process never deletes its WAL), so at the
next start: pending with the WAL there is an ordinary crash (SQLite's recovery decides what
was committed), pending with the WAL gone means the WAL was removed and that transaction may
be lost with it. The writes are not synced: a process crash keeps them in the page cache, and
after a power cut the file can only be older than the store, which raises no alarm.
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
    pending_receipt: int = 0  # a commit under way (see the module's docstring)
    pending_audit: int = 0

    def covers(self, other: Mark) -> bool:
        return self.receipt_seq >= other.receipt_seq and self.audit_seq >= other.audit_seq

    def settled(self) -> Mark:
        """The mark as if its pending commit went through (the WAL holding it is gone)."""
        return replace(
            self,
            receipt_seq=max(self.receipt_seq, self.pending_receipt),
            audit_seq=max(self.audit_seq, self.pending_audit),
            pending_receipt=0,
            pending_audit=0,
        )

    @property
    def pending(self) -> bool:
        return self.pending_receipt > self.receipt_seq or self.pending_audit > self.audit_seq


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
        pending = data.get("pending") or [0, 0]
        return Mark(
            str(data["station"]),
            int(data["receipt_seq"]),
            int(data["audit_seq"]),
            str(data.get("backups", "")),
            int(pending[0]),
            int(pending[1]),
        )
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise UnreadableMark(f"{mark_path(home).name} is garbled") from exc


def write_mark(home: Path, mark: Mark) -> None:
    _write_at(mark_path(home), mark)


def _write_at(path: Path | str, mark: Mark) -> None:
    fields: dict[str, object] = {
        "station": mark.station_code,
        "receipt_seq": mark.receipt_seq,
        "audit_seq": mark.audit_seq,
        "backups": mark.backups,
    }
    if mark.pending:
        fields["pending"] = [mark.pending_receipt, mark.pending_audit]
    body = json.dumps(fields, separators=(",", ":"))
    line = f"{zlib.crc32(body.encode()):08x} {body}".encode()
    data = line.ljust(_SIZE - 1) + b"\n" if len(line) < _SIZE else line + b"\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        # One write of one block: a process killed mid-call leaves the old or the new record.
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
    """Keeps the mark of one store up to date. At the end of each write transaction it reads
    the sequences (two index lookups on the transaction's own connection); when one moved, the
    mark is written as pending before COMMIT and as committed after it."""

    def __init__(self, home: Path, writer: sessionmaker, start: Mark) -> None:
        self.home = Path(home)
        self._path = str(mark_path(self.home))  # written twice a sale: its path made once
        self.mark = replace(start, pending_receipt=0, pending_audit=0)
        self._lock = threading.Lock()
        self._writer = writer
        event.listen(writer, "before_commit", self._before_commit)
        event.listen(writer, "after_commit", self._after_commit)
        event.listen(writer, "after_rollback", self._after_rollback)

    def stop(self) -> None:
        event.remove(self._writer, "before_commit", self._before_commit)
        event.remove(self._writer, "after_commit", self._after_commit)
        event.remove(self._writer, "after_rollback", self._after_rollback)

    def _write(self, mark: Mark) -> None:
        # A mark that could not be written is only older: never fail the transaction for it.
        with contextlib.suppress(OSError):
            _write_at(self._path, mark)

    def _before_commit(self, session: Session) -> None:
        session.flush()  # what the ORM still holds is part of this commit
        raw = session.connection().connection.driver_connection
        assert raw is not None
        code, receipt, audit = raw.execute(_COUNTERS).fetchone()
        receipt, audit = int(receipt or 0), int(audit or 0)
        with self._lock:
            if receipt <= self.mark.receipt_seq and audit <= self.mark.audit_seq:
                return
            session.info["high_water"] = (code or "", receipt, audit)
            self.mark = replace(
                self.mark,
                pending_receipt=max(receipt, self.mark.pending_receipt),
                pending_audit=max(audit, self.mark.pending_audit),
            )
            mark = self.mark
        self._write(mark)

    def _after_commit(self, session: Session) -> None:
        seen = session.info.pop("high_water", None)
        if seen is None:
            return
        code, receipt, audit = seen
        with self._lock:
            committed = replace(
                self.mark,
                station_code=code or self.mark.station_code,
                receipt_seq=max(receipt, self.mark.receipt_seq),
                audit_seq=max(audit, self.mark.audit_seq),
            )
            if not committed.pending:  # no other commit under way: nothing pending is left
                committed = replace(committed, pending_receipt=0, pending_audit=0)
            self.mark = committed
        self._write(committed)

    def _after_rollback(self, session: Session) -> None:
        if session.info.pop("high_water", None) is None:
            return
        with self._lock:
            self.mark = replace(self.mark, pending_receipt=0, pending_audit=0)
            mark = self.mark
        self._write(mark)

    def settle(self, code: str, receipt: int, audit: int) -> None:
        """At a clean close: the store (its WAL intact while this process holds it) has every
        commit of every process, so the mark becomes what the store holds, nothing pending;
        it is never lowered below a committed mark in the file."""
        try:
            on_file = read_mark(self.home)
        except UnreadableMark:
            on_file = None
        with self._lock:
            mark = replace(
                self.mark,
                station_code=code or self.mark.station_code,
                receipt_seq=max(receipt, on_file.receipt_seq if on_file else 0),
                audit_seq=max(audit, on_file.audit_seq if on_file else 0),
                pending_receipt=0,
                pending_audit=0,
            )
            self.mark = mark
        self._write(mark)

    def set_backups(self, folder: str) -> None:
        with self._lock:
            self.mark = replace(self.mark, backups=folder)
            mark = self.mark
        write_mark(self.home, mark)

    def reset(self, mark: Mark) -> None:
        """After a restore or an accepted loss: the store and the mark agree again."""
        with self._lock:
            self.mark = replace(mark, pending_receipt=0, pending_audit=0)
            mark = self.mark
        write_mark(self.home, mark)
