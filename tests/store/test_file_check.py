"""Looking at a store file before trusting it (store/file_check.py), on real broken files."""

from __future__ import annotations

import shutil

import pytest

from counterpos.store import file_check
from tests.store import faults


@pytest.fixture
def db(template_home, tmp_path):
    target = tmp_path / "store.sqlite"
    shutil.copy(template_home / "counterpos.sqlite", target)
    return target


def test_a_sound_file_passes_every_check(db):
    assert file_check.inspect_file(db) is None
    assert file_check.run_check(db) == []
    assert file_check.run_check(db, full=True) == []
    assert file_check.read_counters(db) == ("T1", 0, file_check.read_counters(db)[2])


@pytest.mark.parametrize(
    ("fault", "said"),
    [
        (faults.zero, "empty (0 bytes)"),
        (lambda p: faults.cut(p, 0.5), "cut short"),
        (lambda p: faults.cut(p, 0.5, whole_pages=True), "cut short"),
        (lambda p: p.write_bytes(p.read_bytes()[:50]), "not a SQLite database"),
        (faults.bad_header, "not a SQLite database"),
    ],
)
def test_a_visibly_broken_file_is_named_before_sqlite_opens_it(db, fault, said):
    fault(db)
    assert said in file_check.inspect_file(db)


def test_a_smashed_index_page_fails_the_quick_check(db):
    faults.smash_page(db, faults.leaf_pages(db, "ix_audit_event_action")[0])
    assert file_check.inspect_file(db) is None  # the header is fine
    assert file_check.run_check(db)


def test_scribbled_index_cells_fail_only_the_full_check(db):
    faults.scribble_cells(db, faults.leaf_pages(db, "ix_utility_account_customer_id")[0])
    assert file_check.run_check(db) == []
    assert any("index" in p for p in file_check.run_check(db, full=True))


def test_a_missing_file_is_never_created(tmp_path):
    missing = tmp_path / "nope.sqlite"
    assert file_check.run_check(missing)
    assert file_check.read_counters(missing) is None
    assert not missing.exists()


def test_the_online_backup_is_one_self_contained_file(db, tmp_path):
    copy = tmp_path / "copy.sqlite"
    file_check.online_backup(db, copy)
    assert file_check.run_check(copy, full=True) == []
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL
    assert not any(p.exists() for p in file_check.sidecars(copy))
