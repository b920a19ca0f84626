"""Receipt-number continuity (services/central/continuity.py): the centre's report, and a
restored store that refuses to sell until a supervisor resolves it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from counterpos.services import sessions
from counterpos.services.central import continuity, sync
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.station import DB_FILE, Station
from counterpos.services.store_health import StoreBehind
from counterpos.store.high_water import mark_path
from counterpos.store.models import ReceiptSequence, Sale
from tests.conftest import audit_events, login
from tests.sync.helpers import admin_query, attach, first_accounts, outbox_states, sell

pytestmark = pytest.mark.pg

ROOT = Path(__file__).resolve().parents[3]
FLOAT = {"bill_20": 5}


def _sales(station) -> int:
    with station.store.read() as s:
        return len(s.scalars(select(Sale.id)).all())


def _last(station) -> int:
    with station.store.read() as s:
        return s.get(ReceiptSequence, station.code).last_value


def test_the_report_names_every_gap_and_duplicate(station, cashier, drawer, central_url):
    attach(station, central_url)
    account = first_accounts(station, 1)[0]
    receipts = [sell(station, cashier, drawer, account_no=account) for _ in range(3)]
    sync.run_once(station)
    (clean,) = continuity.central_report(central_url)
    assert (clean.station_code, clean.first, clean.last, clean.numbers) == ("T1", 1, 3, 3)
    assert clean.ok and clean.lines()[0].endswith(": OK")
    # What a centre before the claims rule could hold: a reissued number (a store restored
    # from an older copy) and numbers that never arrived.
    copy_of_2 = admin_query(
        central_url, "SELECT id FROM sale WHERE receipt_no = %s", (receipts[1],)
    )
    admin_query(central_url, "ALTER TABLE sale DISABLE TRIGGER sale_claim")
    for seq, cents in ((2, 27074), (6, 500)):
        admin_query(
            central_url,
            "INSERT INTO sale SELECT (jsonb_populate_record(NULL::sale, to_jsonb(s) || "
            "jsonb_build_object('id', gen_random_uuid()::text, 'sequence', %s, "
            "'receipt_no', 'T1-' || lpad(%s::text, 6, '0'), 'total_cents', %s))).* "
            "FROM sale s WHERE id = %s",
            (seq, seq, cents, copy_of_2[0][0]),
        )
    admin_query(central_url, "ALTER TABLE sale ENABLE TRIGGER sale_claim")
    url = central_url
    (t1,) = continuity.central_report(url, "t1")
    assert not t1.ok
    assert t1.gaps == [(4, 5)]
    assert list(t1.duplicates) == [2]
    assert sorted(h.amount.cents for h in t1.duplicates[2]) == [1234, 27074]
    text = "\n".join(t1.lines())
    assert "gap: T1-000004 to T1-000005 (2 missing)" in text
    assert "duplicate: T1-000002 held 2 times" in text and "$270.74" in text
    # The command line says the same, and exits 1 while anything is wrong.
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-m", "counterpos", "central", "receipts", "--station", "T1"],
        env={**env, "COUNTERPOS_CENTRAL_ADMIN_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "duplicate: T1-000002" in done.stdout and "gap: T1-000004" in done.stdout
    assert continuity.central_report(url, "CH9") == []


def test_a_restored_store_refuses_to_sell_until_a_supervisor_resolves_it(
    home, central_url, tmp_path
):
    station = Station.open(home)
    attach(station, central_url)
    maria = login(station, "maria")
    drawer = sessions.open_session(station, maria, FLOAT)
    account = first_accounts(station, 1)[0]
    sell(station, maria, drawer, account_no=account)
    station.close()
    backup = tmp_path / "older-copy.sqlite"
    shutil.copy(home / DB_FILE, backup)  # the copy a restore will bring back
    station = Station.open(home)
    for _ in range(4):
        sell(station, maria, drawer, account_no=account)
    sync.run_once(station)
    assert _last(station) == 5
    station.close()

    shutil.copy(backup, home / DB_FILE)  # restored from the older copy
    with pytest.raises(StoreBehind):  # the station's own mark notices first...
        Station.open(home).close()
    mark_path(home).unlink()  # ...unless it went with the old disk: then the centre does
    station = Station.open(home)
    try:
        assert _last(station) == 1
        # Offline after the restore, one sale reissues T1-000002: the centre refuses it.
        sell(station, maria, drawer, account_no=account)
        assert continuity.problem(station) is None  # not known until the next pull
        report = sync.run_once(station)
        assert report.push.failed > 0
        assert admin_query(
            central_url, "SELECT count(*) FROM sale WHERE receipt_no = 'T1-000002'"
        ) == [(1,)]
        # Now the station knows it is behind: it says so and takes no sale.
        assert "behind the central database" in continuity.problem(station)
        sales_before = _sales(station)
        with pytest.raises(StateError) as err:
            sell(station, maria, drawer, account_no=account)
        assert "T1-000003" in str(err.value) and "T1-000005" in str(err.value)
        assert "supervisor" in str(err.value) and "Nothing was saved" in str(err.value)
        assert _sales(station) == sales_before and _last(station) == 2
        # Only a supervisor resolves it, and says why.
        with pytest.raises(PermissionDenied):
            continuity.resolve(station, maria, "restored")
        sofia = login(station, "sofia")
        with pytest.raises(InputError):
            continuity.resolve(station, sofia, "  ")
        assert continuity.resolve(station, sofia, "disk replaced; restored Monday's copy") == (
            2,
            5,
        )
        (event,) = audit_events(station, "receipt_numbering_resolved")
        assert (event.actor, event.target) == ("sofia", "T1-000006")
        assert event.details["central_high"] == 5 and event.details["refused_by_centre"]
        with pytest.raises(StateError, match="not behind"):
            continuity.resolve(station, sofia, "again")
        assert continuity.problem(station) is None
        # Selling goes on after the centre's numbers, and those reach the centre.
        assert sell(station, maria, drawer, account_no=account) == "T1-000006"
        sync.run_once(station)
        (t1,) = continuity.central_report(central_url, "T1")
        assert (t1.last, t1.gaps, t1.duplicates) == (6, [], {})
        assert outbox_states(station).get("failed", 0) > 0  # the reissued sale, set aside
    finally:
        station.close()
