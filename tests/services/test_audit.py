"""The audit chain (services/audit.py): tampering in the SQLite file, triggers dropped, is found."""

from __future__ import annotations

import json
import sqlite3

from counterpos.services import audit_log
from counterpos.services.audit import event_hash


def _raw(station) -> sqlite3.Connection:
    station.close()
    con = sqlite3.connect(station.store.path)
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute("DROP TRIGGER audit_event_no_delete")
    return con


def _events(con):
    return con.execute("SELECT seq, id, action FROM audit_event ORDER BY seq").fetchall()


def test_untouched_chain_is_ok(busy_station):
    check = audit_log.verify(busy_station)
    assert check.ok and check.checked >= 6


def test_edit_is_found(busy_station):
    con = _raw(busy_station)
    seq = next(s for s, _, a in _events(con) if a == "sale")
    con.execute(
        "UPDATE audit_event SET details = json_set(details, '$.total_cents', 1) WHERE seq = ?",
        (seq,),
    )
    con.commit()
    con.close()
    check = audit_log.verify(busy_station)
    assert not check.ok and check.first_bad_seq == seq and "altered" in check.problem


def test_edit_with_recomputed_hashes_is_found(busy_station):
    """A careful tamperer rewrites every later hash; the queued copies still give it away."""
    con = _raw(busy_station)
    rows = con.execute(
        "SELECT seq, at, station_code, action, actor, approver, target, details FROM audit_event ORDER BY seq"
    ).fetchall()
    target = next(r[0] for r in rows if r[3] == "sale")
    prev = "0" * 64
    from datetime import datetime

    for seq, at, st, action, actor, approver, tgt, details in rows:
        d = json.loads(details)
        if seq == target:
            d["total_cents"] = 1
        h = event_hash(
            prev, seq, datetime.fromisoformat(at).isoformat(), st, action, actor, approver, tgt, d
        )
        con.execute(
            "UPDATE audit_event SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (json.dumps(d), prev, h, seq),
        )
        prev = h
    con.commit()
    con.close()
    check = audit_log.verify(busy_station)
    assert not check.ok and check.first_bad_seq == target


def test_delete_in_the_middle_is_found(busy_station):
    con = _raw(busy_station)
    seq = _events(con)[3][0]
    con.execute("DELETE FROM audit_event WHERE seq = ?", (seq,))
    con.commit()
    con.close()
    check = audit_log.verify(busy_station)
    assert not check.ok and check.first_bad_seq == seq


def test_delete_of_the_last_event_is_found(busy_station):
    con = _raw(busy_station)
    last_seq, _, action = _events(con)[-1]
    con.execute("DELETE FROM audit_event WHERE seq = ?", (last_seq,))
    con.commit()
    con.close()
    check = audit_log.verify(busy_station)
    assert not check.ok and check.first_bad_seq == last_seq and "deleted" in check.problem


def test_reorder_is_found(busy_station):
    con = _raw(busy_station)
    (a, _, _), (b, _, _) = _events(con)[2:4]
    con.execute("UPDATE audit_event SET seq = -1 WHERE seq = ?", (a,))
    con.execute("UPDATE audit_event SET seq = ? WHERE seq = ?", (a, b))
    con.execute("UPDATE audit_event SET seq = ? WHERE seq = -1", (b,))
    con.commit()
    con.close()
    check = audit_log.verify(busy_station)
    assert not check.ok and check.first_bad_seq == a
