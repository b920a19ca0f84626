"""Meeting a broken store plainly: the checks made before a store is trusted, the full check on
demand (`counterpos doctor`), and what to say (which backup, how to restore it).

Never a silent fresh store where one existed: an empty, cut-short or foreign file, a missing
file in a folder that held a station, or a store that has lost committed work (its sequences
below the station's high-water mark, store/high_water.py) stops the start with a message that
names the newest backup.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc

from counterpos.domain.receipt_number import format_receipt_no
from counterpos.services import audit
from counterpos.services.errors import StateError
from counterpos.store import file_check, high_water
from counterpos.store.high_water import Mark, MarkKeeper, UnreadableMark
from counterpos.store.models import ReceiptSequence

if TYPE_CHECKING:
    from counterpos.services.actor import Actor
    from counterpos.services.station import Station

log = logging.getLogger(__name__)

DB_FILE = "counterpos.sqlite"
# What the store's own library raises on a file it cannot read.
DATABASE_ERRORS = (sqlite3.DatabaseError, sa_exc.DatabaseError)


class StoreDamaged(StateError):
    """The store cannot be trusted; the message says what is wrong and how to restore it."""


class StoreBehind(StoreDamaged):
    """The store has lost committed work: its sequences are below the station's mark."""


def db_path(home: Path) -> Path:
    return Path(home) / DB_FILE


def _number(code: str, seq: int) -> str:
    return format_receipt_no(code, seq) if code and seq > 0 else "none yet"


def restore_advice(home: Path, folder: Path | None = None, *, file_damaged: bool = True) -> str:
    """Names the newest backup of this data folder and the command that restores it."""
    from counterpos.services import backups

    folder = folder or backups.folder_for_home(home)
    newest = backups.newest(folder)
    if newest is None:
        keep = " Keep the damaged file as it is and ask IT to recover it." if file_damaged else ""
        return (
            f"No backup was found in {folder}.{keep} A copy kept elsewhere is restored with "
            "`counterpos restore FILE --user NAME`."
        )
    return (
        f"The newest backup is {newest.path} (made {newest.when_local}, last receipt "
        f"{_number(newest.station_code, newest.receipt_seq)}). An administrator restores it "
        f'with:\n  counterpos restore "{newest.path}" --user NAME'
    )


def damaged(home: Path, what: str) -> StoreDamaged:
    db = db_path(home)
    return StoreDamaged(
        f"The store {db} is damaged: {what}. It was left as it is and no new store was made "
        f"in its place.\n{restore_advice(home)}\n`counterpos doctor` checks the store in full."
    )


def _mark(home: Path) -> Mark | None:
    try:
        return high_water.read_mark(home)
    except UnreadableMark as exc:
        log.warning("station mark unreadable (%s); it is rewritten from the store", exc)
        return None


def check_file(home: Path) -> None:
    """Before SQLite opens anything: refuse an empty, foreign or cut-short file, and a missing
    one in a folder that has held a station."""
    db = db_path(home)
    if not db.exists():
        mark = effective_mark(_mark(home), wal_was_there=False)
        wal, _ = file_check.sidecars(db)
        if (mark is not None and (mark.receipt_seq or mark.audit_seq)) or wal.exists():
            held = (
                f"station {mark.station_code} (last receipt "
                f"{_number(mark.station_code, mark.receipt_seq)})"
                if mark
                else "a station (its WAL file is still there)"
            )
            raise StoreDamaged(
                f"The store {db} is missing, but this data folder has held {held}. No new, "
                "empty store is made in its place: receipt numbers would start again.\n"
                f"{restore_advice(home)}\nTo set up a brand-new station here on purpose, "
                f"remove {high_water.mark_path(home)} first."
            )
        return
    problem = file_check.inspect_file(db)
    if problem:
        raise damaged(home, problem)


def check_pages(home: Path, problems: list[str] | None = None) -> None:
    """SQLite's quick_check (every page and b-tree, O(size of the store)); `problems`: its
    answer when it was already run (services/opening.py runs it beside the imports)."""
    db = db_path(home)
    if not db.exists():
        return
    if problems is None:
        problems = file_check.run_check(db, full=False, limit=5)
    if problems:
        raise damaged(home, "SQLite's check found: " + "; ".join(problems[:3]))


def store_counters(station: Station) -> tuple[str, int, int]:
    with station.store.read() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        code, receipt, seq = file_check.counters(raw)
    return code or station.code, receipt, seq


def wal_present(home: Path) -> bool:
    """Whether the store's WAL is there (look before SQLite opens the store: opening makes one)."""
    return file_check.sidecars(db_path(home))[0].exists()


def effective_mark(mark: Mark | None, wal_was_there: bool) -> Mark | None:
    """A commit left pending by a crash counts as done only when its WAL is gone: with the WAL
    there, SQLite's own recovery says whether it was committed."""
    if mark is None:
        return None
    if mark.pending and not wal_was_there:
        return mark.settled()
    return Mark(mark.station_code, mark.receipt_seq, mark.audit_seq, mark.backups)


def check_mark(station: Station, *, refuse: bool = True, wal_was_there: bool = True) -> Mark:
    """Compare the store with the station's mark; StoreBehind when it lost committed work.
    Returns the mark to keep from now on. With `refuse` False (doctor, restore) nothing is
    refused and the mark kept is the higher of the two: evidence of a loss is never erased
    except by `accept_loss` or a restore. `wal_was_there`: whether the WAL existed before the
    store was opened (see `effective_mark`)."""
    code, receipt, seq = store_counters(station)
    now = Mark(code, receipt, seq, _backups_setting(station))
    mark = effective_mark(_mark(station.home), wal_was_there)
    if mark is None:
        return now
    if not refuse:
        if mark.station_code != code and mark.receipt_seq:
            return mark
        return Mark(
            code,
            max(receipt, mark.receipt_seq),
            max(seq, mark.audit_seq),
            now.backups or mark.backups,
        )
    same_station = mark.station_code == code or mark.receipt_seq == 0
    if same_station and now.covers(mark):
        return Mark(code, receipt, seq, now.backups or mark.backups)
    if not same_station:
        what = (
            f"The store in {station.home} is station {code}'s, but this data folder belongs to "
            f"station {mark.station_code} (last receipt "
            f"{_number(mark.station_code, mark.receipt_seq)})."
        )
    else:
        what = (
            f"The store has lost work: its last receipt is {_number(code, receipt)} and its "
            f"last audit event {seq}, but this station had already committed "
            f"{_number(code, mark.receipt_seq)} and audit event {mark.audit_seq} (its WAL file "
            "was probably removed after a crash, or an older copy was put in its place)."
        )
    raise StoreBehind(
        f"{what}\n{restore_advice(station.home, file_damaged=False)}\nIf no copy holds that work, an administrator "
        "accepts the loss with `counterpos doctor --accept-loss --user NAME`: numbering then "
        f"continues after {_number(mark.station_code, mark.receipt_seq)}, so no receipt number "
        "is used twice."
    )


def _backups_setting(station: Station) -> str:
    from counterpos.services import backups

    return str(backups.folder(station))


def keep_mark(station: Station, start: Mark) -> MarkKeeper:
    keeper = MarkKeeper(station.home, station.store.writer_sessions, start)
    try:
        high_water.write_mark(station.home, start)
    except OSError as exc:
        log.warning("the station mark cannot be written: %s", exc)
    return keeper


def remember_backup_folder(station: Station) -> None:
    keeper = getattr(station, "keeper", None)
    if keeper is not None:
        keeper.set_backups(_backups_setting(station))


# --- the full check: `counterpos doctor` -------------------------------------------------


@dataclass
class Checkup:
    """What `counterpos doctor` found. `problems` empty means the store is sound."""

    store: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def doctor(home: Path) -> Checkup:
    """Every check, read-only: the file, SQLite's integrity_check and foreign keys, the
    station's mark, and the backups (how new, and whether they sit on the store's own disk)."""
    from counterpos.services import backups

    db = db_path(home)
    up = Checkup(db)
    if not db.exists():
        try:
            check_file(home)
        except StoreDamaged as exc:
            up.problems.append(str(exc))
            return up
        up.problems.append(f"There is no store in {home}; `counterpos init` makes one.")
        return up
    problem = file_check.inspect_file(db)
    if problem:
        up.problems.append(str(damaged(home, problem)))
        return up
    found = file_check.run_check(db, full=True, limit=20)
    if found:
        up.problems.append(str(damaged(home, "SQLite's full check found: " + "; ".join(found))))
        return up
    up.notes.append("SQLite's full check (integrity_check, foreign keys): ok.")
    counters = file_check.read_counters(db)
    if counters is None:
        up.problems.append(str(damaged(home, "it is not a CounterPOS store")))
        return up
    code, receipt, seq = counters
    up.notes.append(f"Station {code}: last receipt {_number(code, receipt)}, audit event {seq}.")
    try:
        mark = effective_mark(high_water.read_mark(home), wal_present(home))
    except UnreadableMark as exc:
        mark = None
        up.notes.append(f"The station mark is unreadable ({exc}); the next start rewrites it.")
    if mark is not None:
        if mark.station_code != code and mark.receipt_seq:
            up.problems.append(
                f"This data folder belongs to station {mark.station_code}; the store is {code}'s."
            )
        elif mark.receipt_seq > receipt or mark.audit_seq > seq:
            up.problems.append(
                f"The store has lost work: the station had committed "
                f"{_number(code, mark.receipt_seq)} and audit event {mark.audit_seq}.\n"
                f"{restore_advice(home, file_damaged=False)}\nIf no copy holds that work: "
                "`counterpos doctor --accept-loss --user NAME`."
            )
    folder = backups.folder_for_home(home, db)
    newest = backups.newest(folder)
    if newest is None:
        up.notes.append(f"No backup yet in {folder}.")
    else:
        up.notes.append(
            f"Newest backup: {newest.path} ({newest.when_local}, last receipt "
            f"{_number(newest.station_code, newest.receipt_seq)})."
        )
    if backups.same_disk(folder, db):
        up.notes.append(
            f"The backups ({folder}) are on the store's own disk: a lost disk loses them too. "
            "Set backup.folder to a folder on another disk."
        )
    return up


def accept_loss(station: Station, actor: Actor) -> str:
    """An administrator accepts that the store lost work no copy holds: the receipt numbering
    moves past the last number the station issued (none is ever used twice), and the audit
    trail records what was lost and who accepted it."""
    actor.require("manage_store", "accept lost work in the store")
    keeper = getattr(station, "keeper", None)
    mark = keeper.mark if keeper is not None else _mark(station.home)
    code, receipt, seq = store_counters(station)
    if mark is None or (mark.receipt_seq <= receipt and mark.audit_seq <= seq):
        return "The store has lost nothing the station knows of; nothing to accept."
    lost = ""
    with station.store.write() as s:
        if mark.receipt_seq > receipt:
            row = s.get(ReceiptSequence, mark.station_code)
            if row is None:
                s.add(ReceiptSequence(station_code=mark.station_code, last_value=mark.receipt_seq))
            else:
                row.last_value = mark.receipt_seq
            lost = (
                f"{format_receipt_no(mark.station_code, receipt + 1)} to "
                f"{format_receipt_no(mark.station_code, mark.receipt_seq)}"
            )
        audit.record(
            s,
            station.code,
            "store_loss_accepted",
            actor=actor.username,
            target=lost,
            details={
                "receipts_lost": lost,
                "store_receipt_seq": receipt,
                "mark_receipt_seq": mark.receipt_seq,
                "store_audit_seq": seq,
                "mark_audit_seq": mark.audit_seq,
            },
        )
    code, receipt, seq = store_counters(station)
    new = Mark(code, receipt, seq, mark.backups)
    if keeper is not None:
        keeper.reset(new)
    else:
        high_water.write_mark(station.home, new)
    return (
        f"Accepted: receipts {lost} are not in this store; the next receipt is "
        f"{format_receipt_no(code, receipt + 1)}."
        if lost
        else "Accepted: the audit events the store lost are recorded as lost."
    )
