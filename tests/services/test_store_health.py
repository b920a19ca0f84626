"""A broken store met plainly (services/store_health.py): never a silent fresh store, a message
naming the newest backup, lost work noticed, and numbering that never goes back."""

from __future__ import annotations

import shutil

import pytest

from counterpos.services import backups, store_health
from counterpos.services.station import DB_FILE, Station
from counterpos.services.store_health import StoreBehind, StoreDamaged
from counterpos.store import high_water
from tests.conftest import audit_events, login
from tests.sale_helpers import cash, ring
from tests.store import faults


@pytest.fixture
def backed_up(station):
    """The station with one backup in its backup folder; the backup's info."""
    info = backups.make_backup(station, force=True)
    station.close()
    return info


@pytest.mark.parametrize(
    ("fault", "said"),
    [
        (faults.zero, "empty (0 bytes)"),
        (lambda p: faults.cut(p, 0.6), "cut short"),
        (faults.bad_header, "not a SQLite database"),
    ],
)
def test_a_broken_file_is_refused_with_the_newest_backup(home, backed_up, fault, said):
    db = home / DB_FILE
    fault(db)
    size = db.stat().st_size
    with pytest.raises(StoreDamaged) as refused:
        Station.open(home)
    message = str(refused.value)
    assert said in message and "no new store was made" in message
    assert f"The newest backup is {backed_up.path}" in message
    assert f'counterpos restore "{backed_up.path}" --user NAME' in message
    assert "Traceback" not in message and "sqlalchemy" not in message.lower()
    assert db.stat().st_size == size  # left exactly as it was


def test_a_smashed_index_page_stops_the_start(home, backed_up):
    db = home / DB_FILE
    faults.smash_page(db, faults.leaf_pages(db, "ix_audit_event_action")[0])
    with pytest.raises(StoreDamaged, match="SQLite's check found"):
        Station.open(home)


def test_a_missing_store_where_a_station_was_is_not_made_again(station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 700, cash(700))
    home = station.home
    station.close()
    (home / DB_FILE).unlink()
    with pytest.raises(StoreDamaged, match="is missing") as refused:
        Station.open(home)
    assert f"last receipt {sale.receipt_no}" in str(refused.value)
    assert not (home / DB_FILE).exists()


def test_a_new_folder_still_gets_a_new_store(tmp_path):
    st = Station.open(tmp_path / "brand-new")
    try:
        assert (tmp_path / "brand-new" / DB_FILE).stat().st_size > 0
        assert high_water.read_mark(st.home).receipt_seq == 0
    finally:
        st.close()


def sell_then_lose_the_wal(station, cashier, drawer, tmp_path, n=17):
    """n sales committed; then the folder as it would be had the WAL been deleted after a
    crash. Returns (the copy's folder, the sales)."""
    sales = [ring(station, cashier, drawer.session_id, 1_000, cash(1_000)) for _ in range(n)]
    target = tmp_path / "after-crash"
    faults.copy_without_wal(station.home, target)  # the WAL still holds every sale
    return target, sales


def test_a_store_that_lost_its_wal_is_refused_until_a_restore_or_an_accepted_loss(
    station, cashier, drawer, tmp_path
):
    with station.store.read() as s:
        before = s.connection().exec_driver_sql("SELECT count(*) FROM sale").scalar()
    lost_home, sales = sell_then_lose_the_wal(station, cashier, drawer, tmp_path)
    with pytest.raises(StoreBehind) as refused:
        Station.open(lost_home)
    message = str(refused.value)
    assert f"already committed {sales[-1].receipt_no}" in message
    assert "--accept-loss" in message and "no receipt number is used twice" in message

    st = Station.open(lost_home, check_mark=False)
    try:
        with st.store.read() as s:  # the 17 sales are really gone from this copy
            assert s.connection().exec_driver_sql("SELECT count(*) FROM sale").scalar() == before
        said = store_health.accept_loss(st, login(st, "admin"))
        assert f"{sales[0].receipt_no} to {sales[-1].receipt_no}" in said
        (event,) = audit_events(st, "store_loss_accepted")
        assert event.actor == "admin" and event.target.endswith(sales[-1].receipt_no)
    finally:
        st.close()
    st = Station.open(lost_home)  # accepted: it opens again
    try:
        maria = login(st, "maria")
        from counterpos.services import sessions

        d = sessions.open_session(st, maria, {"bill_20": 1})
        nxt = ring(st, maria, d.session_id, 500, cash(500))
        assert int(nxt.receipt_no[-6:]) == int(sales[-1].receipt_no[-6:]) + 1  # never reused
    finally:
        st.close()


def test_only_an_administrator_accepts_a_loss(station, cashier, drawer, tmp_path):
    lost_home, _ = sell_then_lose_the_wal(station, cashier, drawer, tmp_path, n=2)
    st = Station.open(lost_home, check_mark=False)
    try:
        from counterpos.services.errors import PermissionDenied

        with pytest.raises(PermissionDenied):
            store_health.accept_loss(st, login(st, "sofia"))
        assert audit_events(st, "store_loss_accepted") == []
    finally:
        st.close()
    with pytest.raises(StoreBehind):  # opening without the check never erased the evidence
        Station.open(lost_home)


def test_another_stations_store_in_this_folder_is_refused(station, cashier, drawer, tmp_path):
    ring(station, cashier, drawer.session_id, 500, cash(500))
    other = tmp_path / "other"
    st = Station.open(other)
    st.set_code("ZZ9")
    st.close()
    station.close()
    shutil.copy(other / DB_FILE, station.home / DB_FILE)
    with pytest.raises(StoreBehind, match="station ZZ9's, but this data folder belongs to"):
        Station.open(station.home)


def test_doctor_reads_a_sound_store_and_names_what_is_wrong(home, station, backed_up, tmp_path):
    up = store_health.doctor(home)
    assert up.ok, up.problems
    assert any("full check" in n for n in up.notes)
    assert any(str(backed_up.path) in n for n in up.notes)
    assert any("own disk" in n for n in up.notes)  # the default folder sits beside the store
    faults.scribble_cells(
        home / DB_FILE, faults.leaf_pages(home / DB_FILE, "ix_utility_account_customer_id")[0]
    )
    Station.open(home).close()  # quick_check at start does not see it...
    up = store_health.doctor(home)  # ...the full check does
    assert not up.ok and "index" in up.problems[0] and str(backed_up.path) in up.problems[0]


def test_the_doctor_changes_nothing(home, backed_up):
    before = (home / DB_FILE).read_bytes()
    store_health.doctor(home)
    assert (home / DB_FILE).read_bytes() == before


def crash_between_commit_and_mark(station, cashier, drawer):
    """A sale committed whose process died before its mark said so: the mark still shows
    the sale as pending. Returns the sale."""
    sale = ring(station, cashier, drawer.session_id, 900, cash(900))
    mark = high_water.read_mark(station.home)
    n = int(sale.receipt_no[-6:])
    station.keeper.stop()  # the process is gone: nothing rewrites the mark
    station.keeper = None
    high_water.write_mark(
        station.home,
        high_water.Mark(
            mark.station_code, n - 1, mark.audit_seq - 1, mark.backups, n, mark.audit_seq
        ),
    )
    return sale


def test_a_pending_commit_with_its_wal_is_an_ordinary_crash(station, cashier, drawer, tmp_path):
    crash_between_commit_and_mark(station, cashier, drawer)
    target = tmp_path / "crashed"
    shutil.copytree(station.home, target)  # the WAL comes along, as after a crash
    assert (target / f"{DB_FILE}-wal").exists()
    Station.open(target).close()


def test_a_pending_commit_whose_wal_was_removed_counts_as_lost(station, cashier, drawer, tmp_path):
    sale = crash_between_commit_and_mark(station, cashier, drawer)
    target = tmp_path / "crashed"
    faults.copy_without_wal(station.home, target)
    with pytest.raises(StoreBehind, match=f"already committed {sale.receipt_no}"):
        Station.open(target)


def test_a_clean_close_settles_what_a_crashed_process_left_pending(
    station, cashier, drawer, tmp_path
):
    mark = high_water.read_mark(station.home)
    station.keeper.stop()
    high_water.write_mark(  # another process died in the middle of a commit it never made
        station.home,
        high_water.Mark(mark.station_code, mark.receipt_seq, mark.audit_seq, "", 99, 999),
    )
    station.keeper = None
    other = Station.open(station.home)  # the WAL is there: not an alarm
    other.close()  # ...and the last one out settles the mark from the store
    after = high_water.read_mark(station.home)
    assert not after.pending and after.receipt_seq == mark.receipt_seq
    station.close()
    faults.remove_wal(station.home / DB_FILE)
    Station.open(station.home).close()  # no false alarm once the WAL is gone
