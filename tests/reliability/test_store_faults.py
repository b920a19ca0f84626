"""A store broken in every way the issue names, over and over at random places: zeroed, cut
short (mid-page and at a page boundary), its header overwritten, an index or table page
smashed, index cells scribbled, the WAL removed after committed sales. Each time: never a
silent fresh store, never a silent loss, a plain message naming the newest backup, and after
the restore (or the accepted loss) no receipt number used twice."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from counterpos.services import backups, sessions, store_health
from counterpos.services.station import DB_FILE, Station
from counterpos.services.store_health import StoreBehind, StoreDamaged
from tests.conftest import PINS, login
from tests.sale_helpers import cash, ring
from tests.store import faults

pytestmark = pytest.mark.reliability

KINDS = (
    "zero",
    "cut mid-page",
    "cut at a page",
    "header",
    "index page smashed",
    "table page smashed",
    "index cells scribbled",
    "WAL removed",
)
TRIALS = 15  # per kind


def pages_of(db, kind: str) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT d.pageno FROM dbstat d JOIN sqlite_master m ON m.name = d.name "
            "WHERE m.type = ? AND d.pagetype IN ('leaf', 'internal') AND d.pageno > 1",
            (kind,),
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def numbers(db) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT sequence FROM sale WHERE sequence IS NOT NULL")]
    finally:
        conn.close()


def stage(template_home, tmp_path, rng: random.Random, n: int):
    """A station that sold some, backed up, sold more. Returns (home, open station, receipts
    sold, the backup)."""
    home = tmp_path / f"trial-{n}"
    home.mkdir()
    shutil.copy(template_home / DB_FILE, home / DB_FILE)
    st = Station.open(home)
    maria = login(st, "maria")
    d = sessions.open_session(st, maria, {"bill_20": 5})
    sold = [
        ring(st, maria, d.session_id, 100 + i, cash(100 + i)).receipt_no
        for i in range(rng.randint(1, 4))
    ]
    info = backups.make_backup(st, force=True)
    sold += [
        ring(st, maria, d.session_id, 300 + i, cash(300 + i)).receipt_no
        for i in range(rng.randint(1, 5))
    ]
    return home, st, sold, info


def break_it(kind: str, home, st, rng: random.Random):
    db = home / DB_FILE
    if kind == "WAL removed":  # the folder as a crash leaves it, then its WAL deleted
        target = home.with_name(home.name + "-nowal")
        faults.copy_without_wal(home, target)
        st.close()
        return target
    st.close()  # a clean close: every sale is in the main file now
    if kind == "zero":
        faults.zero(db)
    elif kind == "cut mid-page":
        faults.cut(db, rng.uniform(0.05, 0.95))
    elif kind == "cut at a page":
        faults.cut(db, rng.uniform(0.05, 0.95), whole_pages=True)
    elif kind == "header":
        with open(db, "r+b") as fh:
            fh.seek(rng.randrange(0, 16))
            fh.write(bytes([rng.randrange(0, 256) ^ 0x80]))
    elif kind == "index page smashed":
        faults.smash_page(db, rng.choice(pages_of(db, "index")))
    elif kind == "table page smashed":
        faults.smash_page(db, rng.choice(pages_of(db, "table")))
    elif kind == "index cells scribbled":
        faults.scribble_cells(db, rng.choice(faults.leaf_pages(db, "ix_audit_event_action")))
    return home


@pytest.mark.parametrize("kind", KINDS)
def test_a_broken_store_is_never_taken_for_a_good_one(template_home, tmp_path, kind, figures):
    tally = figures(f"store faults: {kind}")
    rng = random.Random(f"13b-{kind}")
    for n in range(TRIALS):
        home, st, sold, info = stage(template_home, tmp_path, rng, n)
        broken = break_it(kind, home, st, rng)
        tally["faults"] += 1
        tally["sales before the fault"] += len(sold)
        size = (broken / DB_FILE).stat().st_size
        for key in ("silent fresh stores", "silent losses", "receipt numbers used twice"):
            tally[key] += 0  # listed in the figures even while nothing is counted
        try:
            opened = Station.open(broken)
        except StoreDamaged as exc:
            message = str(exc)
            assert "Traceback" not in message
            if isinstance(exc, StoreBehind):
                tally["refused: lost work noticed"] += 1
            else:
                tally["refused: damage noticed at start"] += 1
                assert str(info.path) in message and "counterpos restore" in message
        else:
            opened.close()
            held = {f"T1-{q:06d}" for q in numbers(broken / DB_FILE)}
            tally["silent losses"] += any(r not in held for r in sold)
            # Opened with every sale: only the full check may see what is wrong.
            up = store_health.doctor(broken)
            assert not up.ok, f"{kind} opened as if sound"
            assert str(info.path) in up.problems[0]
            tally["found by doctor (full check)"] += 1
        tally["silent fresh stores"] += (broken / DB_FILE).stat().st_size != size
        # Back to work: the newest backup, or (the WAL case, half the time) the loss accepted.
        if kind == "WAL removed" and n % 2:
            st2 = Station.open(broken, check_mark=False)
            try:
                store_health.accept_loss(st2, login(st2, "admin"))
            finally:
                st2.close()
        else:
            backups.restore(broken, info.path, "admin", PINS["admin"], accept_older=True)
        st3 = Station.open(broken)
        try:
            james = login(st3, "james")
            d = sessions.open_session(st3, james, {"bill_20": 1})
            nxt = ring(st3, james, d.session_id, 700, cash(700)).receipt_no
        finally:
            st3.close()
        issued = {int(r[-6:]) for r in sold}
        seqs = numbers(broken / DB_FILE)
        tally["receipt numbers used twice"] += int(nxt[-6:]) <= max(issued) or len(seqs) != len(
            set(seqs)
        )
        tally["recovered"] += 1
    assert tally["recovered"] == TRIALS
    assert tally["silent fresh stores"] == tally["silent losses"] == 0
    assert tally["receipt numbers used twice"] == 0
