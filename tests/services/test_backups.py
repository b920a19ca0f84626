"""Backups of the store (services/backups.py): online copies while selling, after each close and
on a schedule, and a restore that needs an administrator and never goes back silently."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from counterpos.services import backups, sessions
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import AuthError, InputError, PermissionDenied, StateError
from counterpos.services.station import DB_FILE, Station
from counterpos.store import file_check, high_water
from tests.conftest import PINS, audit_events, login
from tests.sale_helpers import cash, ring
from tests.store import faults


def sales_in(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM sale").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_is_a_checked_copy_named_for_what_it_holds(station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 1_500, cash(1_500))
    info = backups.make_backup(station)
    assert info.path.parent == station.home / "backups"
    assert (info.station_code, info.receipt_seq) == ("T1", int(sale.receipt_no[-6:]))
    assert info.last_receipt == sale.receipt_no
    assert file_check.run_check(info.path, full=True) == []
    assert sales_in(info.path) == sales_in(station.home / DB_FILE)
    assert backups.make_backup(station) is None  # nothing new since: no second copy
    assert backups.list_backups(info.path.parent) == [info]


def test_a_backup_is_taken_while_another_thread_keeps_selling(station, cashier, drawer):
    stop = threading.Event()
    sold: list[str] = []

    def sell():
        while not stop.is_set():
            sold.append(ring(station, cashier, drawer.session_id, 100, cash(100)).receipt_no)

    seller = threading.Thread(target=sell)
    seller.start()
    try:
        copies = []
        while len(copies) < 3:
            made = backups.make_backup(station)
            if made:
                copies.append(made)
    finally:
        stop.set()
        seller.join()
    for info in copies:  # each copy is whole and as of one moment: a sale for every number
        assert file_check.run_check(info.path, full=True) == []
        assert sales_in(info.path) == info.receipt_seq <= int(sold[-1][-6:])
    assert copies[-1].receipt_seq > 0


def test_old_backups_beyond_backup_keep_are_removed(station, cashier, drawer):
    from counterpos.services import config

    config.set_value(station, "backup.keep", "2", None)
    for _ in range(4):
        ring(station, cashier, drawer.session_id, 100, cash(100))
        backups.make_backup(station)
    kept = backups.list_backups(station.home / "backups")
    assert len(kept) == 2 and kept[0].receipt_seq > kept[1].receipt_seq


def test_the_backup_folder_setting_is_used_and_remembered(station, tmp_path):
    from counterpos.services import config

    second = tmp_path / "second-disk"
    config.set_value(station, "backup.folder", str(second), None)
    info = backups.make_backup(station, force=True)
    assert info.path.parent == second
    assert high_water.read_mark(station.home).backups == str(second)
    assert backups.folder_for_home(station.home) == second  # found without opening the store


def test_a_folder_that_cannot_be_made_is_a_plain_failure(station, tmp_path):
    from counterpos.services import config

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    config.set_value(station, "backup.folder", str(blocker / "sub"), None)
    with pytest.raises(backups.BackupFailed, match="cannot be made"):
        backups.make_backup(station)


def test_closing_a_drawer_backs_up(station, cashier, drawer):
    ring(station, cashier, drawer.session_id, 2_000, cash(2_000))
    sheet = close.closing_sheet(station, cashier, drawer.session_id)
    close.close_session(
        station,
        cashier,
        drawer.session_id,
        ClosingCount({"bill_100": 1, "bill_20": 1}, frozenset(i.tender_id for i in sheet.items)),
    )
    for t in threading.enumerate():
        if t.name == "backup-after-close":
            t.join(30)
    (info,) = backups.list_backups(station.home / "backups")
    conn = sqlite3.connect(info.path)
    try:
        closes = conn.execute("SELECT count(*) FROM drawer_close").fetchone()[0]
    finally:
        conn.close()
    assert closes == 1  # the copy holds the close itself


def test_the_schedule_backs_up_when_the_interval_has_passed(station, cashier, drawer):
    schedule = backups.BackupScheduler(station)
    assert schedule.due()
    first = schedule.run_once()
    assert first is not None and not schedule.due()
    assert schedule.run_once() is None
    ring(station, cashier, drawer.session_id, 100, cash(100))
    later = datetime.now(UTC) + timedelta(minutes=61)
    assert schedule.due(later)  # an hour on (backup.interval_minutes = 60)


# --- restore -------------------------------------------------------------------------------


@pytest.fixture
def older_backup(station, cashier, drawer):
    """A backup after one sale, then two more sales: (backup info, the last sale)."""
    ring(station, cashier, drawer.session_id, 500, cash(500))
    info = backups.make_backup(station)
    ring(station, cashier, drawer.session_id, 600, cash(600))
    last = ring(station, cashier, drawer.session_id, 700, cash(700))
    station.close()
    return info, last


def test_restoring_an_older_backup_is_refused_unless_accepted(home, older_backup):
    info, last = older_backup
    before = sales_in(home / DB_FILE)
    with pytest.raises(StateError, match="older than what this station has already done") as no:
        backups.restore(home, info.path, "admin", PINS["admin"])
    assert last.receipt_no in str(no.value) and "--accept-older" in str(no.value)
    assert sales_in(home / DB_FILE) == before == 3  # the same store (only the sign-in is new)
    assert not list(home.glob("counterpos.replaced-*"))

    said = backups.restore(home, info.path, "admin", PINS["admin"], accept_older=True)
    assert "is kept as" in said
    assert list(home.glob("counterpos.replaced-*.sqlite"))
    st = Station.open(home)  # opens: the mark and the store agree again
    try:
        (event,) = audit_events(st, "store_restored")
        assert event.actor == "admin" and event.details["receipts_not_restored"].endswith(
            last.receipt_no
        )
        james = login(st, "james")
        d = sessions.open_session(st, james, {"bill_20": 1})
        nxt = ring(st, james, d.session_id, 100, cash(100))
        assert int(nxt.receipt_no[-6:]) == int(last.receipt_no[-6:]) + 1  # no number reused
    finally:
        st.close()


def test_restore_needs_an_administrator_with_the_right_pin(home, older_backup):
    info, _ = older_backup
    with pytest.raises(PermissionDenied):
        backups.restore(home, info.path, "sofia", PINS["sofia"], accept_older=True)
    with pytest.raises(AuthError):
        backups.restore(home, info.path, "admin", "0000", accept_older=True)
    st = Station.open(home)
    try:
        assert audit_events(st, "store_restored") == []
        assert audit_events(st, "login_failed")[-1].actor == "admin"  # counted, as at the till
    finally:
        st.close()


def test_a_broken_store_is_restored_signing_in_against_the_backup(home, older_backup):
    info, _ = older_backup
    faults.zero(home / DB_FILE)
    said = backups.restore(home, info.path, "admin", PINS["admin"], accept_older=True)
    assert "Restored" in said
    st = Station.open(home)
    try:
        assert audit_events(st, "store_restored")[0].details["replaced_store_readable"] is False
    finally:
        st.close()


def test_a_store_in_use_is_not_replaced(home, older_backup):
    info, _ = older_backup
    busy = Station.open(home)
    try:
        with busy.store.read() as s:
            s.connection().exec_driver_sql("SELECT 1")
            with pytest.raises(StateError, match="in use"):
                backups.restore(home, info.path, "admin", PINS["admin"], accept_older=True)
    finally:
        busy.close()


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.write_text("hello"), "not a SQLite database"),
        (lambda p: p.write_bytes(b""), "empty"),
    ],
)
def test_a_file_that_is_no_backup_is_refused(home, tmp_path, make, said):
    bad = tmp_path / "bad.sqlite"
    make(bad)
    with pytest.raises(InputError, match=said):
        backups.restore(home, bad, "admin", PINS["admin"])
    with pytest.raises(InputError, match="no file"):
        backups.restore(home, tmp_path / "none.sqlite", "admin", PINS["admin"])
