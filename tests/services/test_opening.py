"""Opening the store at the till's start (services/opening.py): SQLite's page check runs beside
the imports, and a damaged store is refused exactly as `Station.open` refuses it."""

from __future__ import annotations

import re

import pytest

from counterpos.services import backups
from counterpos.services.opening import Begun, PageCheck, open_station
from counterpos.services.station import DB_FILE
from counterpos.services.store_health import StoreBehind, StoreDamaged
from tests.store import faults


def test_a_sound_store_opens_after_its_page_check(home):
    assert PageCheck(home / DB_FILE).problems() == []
    st = open_station(home)
    try:
        assert st.code == "T1" and st.is_initialised() and st.keeper is not None
    finally:
        st.close()


def test_a_smashed_page_found_by_the_check_beside_the_imports_stops_the_start(home, station):
    info = backups.make_backup(station, force=True)
    station.close()
    db = home / DB_FILE
    faults.smash_page(db, faults.leaf_pages(db, "ix_audit_event_action")[0])
    assert PageCheck(db).problems()  # the check itself sees it
    with pytest.raises(StoreDamaged, match="SQLite's check found") as refused:
        open_station(home)
    assert f"The newest backup is {info.path}" in str(refused.value)


@pytest.mark.parametrize(
    ("fault", "said"),
    [(faults.zero, "empty (0 bytes)"), (faults.bad_header, "not a SQLite database")],
)
def test_a_file_refused_by_its_header_is_refused_before_any_check(home, fault, said):
    db = home / DB_FILE
    fault(db)
    size = db.stat().st_size
    with pytest.raises(StoreDamaged, match=re.escape(said)):
        open_station(home)
    assert db.stat().st_size == size  # left exactly as it was


def test_a_new_folder_gets_a_new_store(tmp_path):
    st = open_station(tmp_path / "brand-new")
    try:
        assert (tmp_path / "brand-new" / DB_FILE).stat().st_size > 0
    finally:
        st.close()


def test_the_wal_is_looked_at_before_sqlite_opens_the_store(station, cashier, drawer, tmp_path):
    """A commit the mark calls pending whose WAL was removed is a loss (store_health): the page
    check beside the imports opens the file (SQLite makes a WAL while it reads), so the
    start looks for the WAL first."""
    from tests.services.test_store_health import crash_between_commit_and_mark

    sale = crash_between_commit_and_mark(station, cashier, drawer)
    target = tmp_path / "crashed"
    faults.copy_without_wal(station.home, target)
    with pytest.raises(StoreBehind, match=f"already committed {sale.receipt_no}"):
        open_station(target)


def test_a_check_begun_earlier_is_the_one_awaited(home, tmp_path):
    """The till begins the page check before its window paints and opens the store later."""
    begun = Begun(home)
    assert begun.pages is not None and begun.wal_was_there is False
    st = open_station(home, begun)
    try:
        assert st.code == "T1" and st.is_initialised()
        assert not begun.pages._thread.is_alive()  # awaited before anything was read
    finally:
        st.close()
    other = Begun(tmp_path / "elsewhere")  # begun for another folder: not used for this one
    st = open_station(home, other)
    st.close()
    assert other.pages is None


def test_a_smashed_page_found_by_a_check_begun_early_stops_the_start(home, station):
    info = backups.make_backup(station, force=True)
    station.close()
    db = home / DB_FILE
    faults.smash_page(db, faults.leaf_pages(db, "ix_audit_event_action")[0])
    begun = Begun(home)
    with pytest.raises(StoreDamaged, match="SQLite's check found") as refused:
        open_station(home, begun)
    assert f"The newest backup is {info.path}" in str(refused.value)


def test_the_wal_is_looked_at_when_the_check_begins(station, cashier, drawer, tmp_path):
    from tests.services.test_store_health import crash_between_commit_and_mark

    sale = crash_between_commit_and_mark(station, cashier, drawer)
    target = tmp_path / "crashed"
    faults.copy_without_wal(station.home, target)
    begun = Begun(target)
    assert begun.wal_was_there is False
    with pytest.raises(StoreBehind, match=f"already committed {sale.receipt_no}"):
        open_station(target, begun)
