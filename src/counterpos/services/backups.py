"""Backups of the station's store: an online copy (SQLite's backup API) into a second folder
after each closed drawer session and on a schedule, the list of them, and putting one back.

A backup is one self-contained SQLite file named for what it holds:
`counterpos-<station>-<UTC time>-r<last receipt>-a<last audit event>.sqlite`. It is written
beside its final name, checked (quick_check) and synced, then renamed into place, so a copy cut
short by a crash is never taken for a backup.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from counterpos.domain.messages import Msg
from counterpos.domain.receipt_number import format_receipt_no
from counterpos.services import audit, settings
from counterpos.services.errors import InputError, StateError
from counterpos.services.store_health import DB_FILE, StoreDamaged, db_path, store_counters
from counterpos.store import file_check, high_water
from counterpos.store.high_water import Mark, UnreadableMark
from counterpos.store.models import ReceiptSequence

if TYPE_CHECKING:
    from counterpos.services.station import Station

log = logging.getLogger(__name__)

DEFAULT_FOLDER = "backups"
_NAME = re.compile(
    r"^counterpos-(?P<code>[A-Z0-9]{1,12})-(?P<at>\d{8}T\d{6}Z)-r(?P<r>\d{1,12})-a(?P<a>\d{1,12})\.sqlite$"
)
_lock = threading.Lock()  # one backup at a time in this process


class BackupFailed(StateError):
    """The backup could not be made; the store itself is untouched."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    station_code: str
    made_at: datetime  # aware, UTC
    receipt_seq: int
    audit_seq: int

    @property
    def when_local(self) -> str:
        return self.made_at.astimezone().strftime("%Y-%m-%d %H:%M")

    @property
    def last_receipt(self) -> str:
        return (
            format_receipt_no(self.station_code, self.receipt_seq) if self.receipt_seq else "none"
        )


def folder(station: Station) -> Path:
    """The folder backups go to: the setting backup.folder, else <data folder>/backups."""
    value = station.setting("backup.folder").strip()
    return Path(value) if value else station.home / DEFAULT_FOLDER


def folder_for_home(home: Path, db: Path | None = None) -> Path:
    """The backup folder of a data folder whose store may be unreadable: the station's mark
    remembers it; else the setting, read straight from the file; else the default."""
    home = Path(home)
    try:
        mark = high_water.read_mark(home)
    except UnreadableMark:
        mark = None
    if mark is not None and mark.backups:
        return Path(mark.backups)
    db = db or db_path(home)
    if db.exists():
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            try:
                row = conn.execute("SELECT value FROM setting WHERE key='backup.folder'").fetchone()
            finally:
                conn.close()
            if row and str(row[0]).strip():
                return Path(str(row[0]).strip())
        except sqlite3.Error:
            pass
    return home / DEFAULT_FOLDER


def _info(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    at = datetime.strptime(m["at"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return BackupInfo(path, m["code"], at, int(m["r"]), int(m["a"]))


def list_backups(where: Path, station_code: str | None = None) -> list[BackupInfo]:
    """The backups in a folder, newest first."""
    try:
        entries = list(Path(where).iterdir())
    except OSError:
        return []
    found = [i for i in (_info(p) for p in entries if p.is_file()) if i is not None]
    if station_code:
        found = [i for i in found if i.station_code == station_code]
    return sorted(found, key=lambda i: (i.made_at, i.receipt_seq, i.audit_seq), reverse=True)


def newest(where: Path, station_code: str | None = None) -> BackupInfo | None:
    found = list_backups(where, station_code)
    return found[0] if found else None


def same_disk(where: Path, db: Path) -> bool:
    """Whether the backup folder sits on the same file system as the store."""
    probe = Path(where)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return probe.stat().st_dev == Path(db).parent.stat().st_dev
    except OSError:
        return False


def backup_file(db: Path, where: Path, keep: int, *, force: bool = False) -> BackupInfo | None:
    """Copy the store `db` into `where` (online: other connections keep writing). Returns the
    new backup, or None when the newest backup already holds the same sequences (nothing new
    to keep) and `force` is not set. Older backups beyond `keep` are removed."""
    with _lock:
        try:
            where.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupFailed(
                f"The backup folder {where} cannot be made ({exc.strerror or exc}); "
                "check backup.folder and that the disk is there."
            ) from exc
        part = where / f".counterpos-backup-{os.getpid()}-{threading.get_ident()}.part"
        try:
            part.unlink(missing_ok=True)
            file_check.online_backup(db, part)
            problems = file_check.run_check(part, full=True, limit=3)
            if problems:
                raise BackupFailed(
                    f"The backup copy failed its check ({'; '.join(problems)}); the store "
                    "itself may be damaged: run `counterpos doctor`."
                )
            counters = file_check.read_counters(part)
            if counters is None:
                raise BackupFailed("The store is not a CounterPOS store; nothing was backed up.")
            code, receipt, seq = counters
            last = newest(where, code)
            if not force and last and (last.receipt_seq, last.audit_seq) == (receipt, seq):
                part.unlink(missing_ok=True)
                return None
            at = datetime.now(UTC)
            name = f"counterpos-{code}-{at:%Y%m%dT%H%M%SZ}-r{receipt:06d}-a{seq:06d}.sqlite"
            final = where / name
            os.replace(part, final)
            _sync_folder(where)
        except (OSError, sqlite3.Error) as exc:
            part.unlink(missing_ok=True)
            raise BackupFailed(
                f"The backup to {where} failed ({getattr(exc, 'strerror', None) or exc}); "
                "the store itself is untouched."
            ) from exc
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        for old in list_backups(where, code)[keep:]:
            try:
                old.path.unlink()
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", old.path, exc)
        info = _info(final)
        assert info is not None
        return info


def _sync_folder(where: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(where, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _plan(station: Station) -> tuple[Path, Path, int]:
    with station.store.read() as s:
        values = settings.all_values(s)
    where = values["backup.folder"].strip()
    return (
        db_path(station.home),
        Path(where) if where else station.home / DEFAULT_FOLDER,
        settings.as_int("backup.keep", values["backup.keep"]),
    )


def make_backup(station: Station, *, force: bool = False) -> BackupInfo | None:
    """Back the station's store up now (`counterpos backup`); see `backup_file`."""
    db, where, keep = _plan(station)
    return backup_file(db, where, keep, force=force)


def after_close(station: Station) -> threading.Thread | None:
    """Back up once a drawer session has closed, in the background (the close never waits
    for it, and a failure only goes to the log). Returns the thread, for tests."""
    try:
        db, where, keep = _plan(station)
    except Exception as exc:  # the close is saved; a backup that cannot start is logged
        log.warning("no backup after the close: %s", exc)
        return None

    def run() -> None:
        try:
            backup_file(db, where, keep)
        except Exception as exc:
            log.warning("backup after the drawer close failed: %s", exc)

    # Not a daemon: quitting right after the close still finishes the copy.
    thread = threading.Thread(target=run, name="backup-after-close")
    thread.start()
    return thread


class BackupScheduler:
    """While the till runs: a backup whenever the newest one is older than
    backup.interval_minutes and the store has changed since, so a lost disk loses at most that
    long. `start()` in the app once the store is open, `stop()` at exit."""

    def __init__(self, station: Station, poll_seconds: float = 60.0) -> None:
        self.station = station
        self.poll = poll_seconds
        self.last_error = ""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backup-schedule", daemon=True)

    def start(self) -> BackupScheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def due(self, now: datetime | None = None) -> bool:
        with self.station.store.read() as s:
            minutes = settings.get_int(s, "backup.interval_minutes")
        _db, where, _keep = _plan(self.station)
        last = newest(where, self.station.code)
        now = now or datetime.now(UTC)
        return last is None or now - last.made_at >= timedelta(minutes=minutes)

    def run_once(self) -> BackupInfo | None:
        if not self.due():
            return None
        try:
            info = make_backup(self.station)
        except BackupFailed as exc:
            self.last_error = str(exc)
            log.warning("scheduled backup failed: %s", exc)
            return None
        self.last_error = ""
        return info

    def _run(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.run_once()
            except Exception as exc:  # never let the schedule die; say why in the log
                log.warning("scheduled backup failed: %s", exc)


# --- putting a backup back ---------------------------------------------------------------


def restore(
    home: Path, source: Path, username: str, pin: str, *, accept_older: bool = False
) -> str:
    """Put the backup `source` in place of the station's store.

    An administrator (`manage_store`) signs in against the store in use, or, when that one
    cannot be read, against the backup. A backup older than what the station has already
    committed (its store, or its mark when the store is lost) is refused unless
    `accept_older`; then numbering continues after the last receipt the station issued, so no
    number is used twice. The store replaced is kept beside it
    (`counterpos.replaced-<time>.sqlite`), never deleted, and the restore is audited.
    """
    from counterpos.services.access import auth
    from counterpos.services.station import Station

    home, source = Path(home), Path(source)
    try:
        there = source.is_file()
    except (OSError, ValueError):  # a name too long for the file system, ...
        there = False
    if not there:
        shown = str(source) if len(str(source)) <= 80 else str(source)[:80] + "…"
        raise InputError("There is no file {shown}.", field="file", shown=shown)
    problem = file_check.inspect_file(source)
    if problem:
        raise InputError(
            "{source} cannot be restored: {problem}.", field="file", source=source, problem=problem
        )
    db = db_path(home)
    if source.resolve() == db.resolve():
        raise InputError("That is the store in use, not a backup.", field="file")
    found = file_check.run_check(source, full=True, limit=5)
    if found:
        raise InputError(
            "{source} cannot be restored: SQLite's check found: {problems}.",
            field="file",
            source=source,
            problems="; ".join(found),
        )
    if file_check.read_counters(source) is None:
        raise InputError("{source} is not a CounterPOS store.", field="file", source=source)

    # Work on a copy in the data folder: the backup itself is never changed.
    work = home / "restoring"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        shutil.copyfile(source, work / DB_FILE)
        wal, _ = file_check.sidecars(source)
        if wal.exists():
            shutil.copyfile(wal, work / (DB_FILE + "-wal"))
        return _restore_copy(home, db, source, work, username, pin, accept_older, auth, Station)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _restore_copy(home, db, source, work, username, pin, accept_older, auth, Station) -> str:  # noqa: N803
    current_ok = (
        db.exists() and file_check.inspect_file(db) is None and not file_check.run_check(db)
    )
    try:
        mark = high_water.read_mark(home)
    except UnreadableMark:
        mark = None
    high = mark
    actor = None
    if current_ok:
        current = Station.open(home, check_mark=False)
        try:
            actor = auth.login(current, username, pin, action="login_restore")
            code, receipt, seq = store_counters(current)
        finally:
            current.close()
        if high is None or (
            high.station_code == code and not Mark(code, receipt, seq).covers(high)
        ):
            high = Mark(
                code,
                max(receipt, high.receipt_seq if high else 0),
                max(seq, high.audit_seq if high else 0),
                high.backups if high else "",
            )
    copy = Station.open(work, check=False)
    try:
        if actor is None:
            actor = auth.login(copy, username, pin, action="login_restore")
        actor.require("manage_store", "restore the store")
        b_code, b_receipt, b_seq = store_counters(copy)
        if high is not None and high.receipt_seq and high.station_code != b_code:
            raise StateError(
                "{name} is a backup of station {b_code}; this data folder is station {station_code}'s. "
                "Nothing was changed.",
                name=source.name,
                b_code=b_code,
                station_code=high.station_code,
            )
        older = high is not None and (b_receipt < high.receipt_seq or b_seq < high.audit_seq)
        if older and not accept_older:
            assert high is not None
            raise StateError(
                "{name} is older than what this station has already done: its last receipt is "
                "{backup_receipt} and audit event {b_seq}, the station had reached {station_receipt} and "
                "audit event {audit_seq}. Restoring it loses that work here (it may be at the central "
                "database). Nothing was changed. To restore it anyway add --accept-older; numbering then "
                "continues after {station_receipt}, so no number is used twice.",
                name=source.name,
                backup_receipt=_no(b_code, b_receipt),
                b_seq=b_seq,
                station_receipt=_no(b_code, high.receipt_seq),
                audit_seq=high.audit_seq,
            )
        if current_ok:
            _take_exclusive(db)
        lost = ""
        with copy.store.write() as s:
            if high is not None and b_receipt < high.receipt_seq:
                row = s.get(ReceiptSequence, b_code)
                if row is None:
                    s.add(ReceiptSequence(station_code=b_code, last_value=high.receipt_seq))
                else:
                    row.last_value = high.receipt_seq
                lost = f"{_no(b_code, b_receipt + 1)} to {_no(b_code, high.receipt_seq)}"
            audit.record(
                s,
                b_code,
                "store_restored",
                actor=actor.username,
                target=source.name[:80],
                details={
                    "file": str(source),
                    "backup_receipt_seq": b_receipt,
                    "backup_audit_seq": b_seq,
                    "station_receipt_seq": high.receipt_seq if high else 0,
                    "station_audit_seq": high.audit_seq if high else 0,
                    "receipts_not_restored": lost,
                    "replaced_store_readable": current_ok,
                },
            )
        code, receipt, seq = store_counters(copy)
    finally:
        copy.close()
    kept = ""
    if db.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept_path = home / f"counterpos.replaced-{stamp}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            part = db.with_name(db.name + suffix)
            if part.exists():
                os.replace(part, kept_path.with_name(kept_path.name + suffix))
        kept = str(kept_path)
    else:
        for part in file_check.sidecars(db):
            part.unlink(missing_ok=True)
    os.replace(work / DB_FILE, db)
    backups = str(high.backups) if high and high.backups else ""
    high_water.write_mark(home, Mark(code, receipt, seq, backups))
    said = [
        Msg(
            "Restored {name}: last receipt {receipt_no}.",
            name=source.name,
            receipt_no=_no(code, receipt if not lost else b_receipt),
        )
    ]
    if lost:
        said.append(
            Msg(
                "Receipts {lost} are not in it; the next receipt is {next_no}.",
                lost=lost,
                next_no=_no(code, receipt + 1),
            )
        )
    if kept:
        said.append(Msg("The store it replaced is kept as {kept}.", kept=kept))
    return " ".join(part.text() for part in said)


def _no(code: str, seq: int) -> str:
    return format_receipt_no(code, seq) if seq > 0 else "none"


def _take_exclusive(db: Path) -> None:
    """Refuse while another program (the till, a command) has the store open: leaving WAL
    mode needs the only connection. It also folds the WAL into the file that is kept."""
    conn = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=0.5)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise StateError(
            "The store is in use (the till or another command has it open); close it, then restore. "
            "({exc})",
            exc=exc,
        ) from exc
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise StateError(
            "The store is in use (the till or another command has it open); close it, then restore."
        )


__all__ = [
    "BackupFailed",
    "BackupInfo",
    "BackupScheduler",
    "StoreDamaged",
    "after_close",
    "backup_file",
    "folder",
    "folder_for_home",
    "list_backups",
    "make_backup",
    "newest",
    "restore",
]
