"""`counterpos audit list|verify` (commands/audit.py) on a real store, and as a real process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from counterpos.cli import main
from tests.conftest import PINS

ROOT = Path(__file__).resolve().parents[2]


def test_audit_list_filters(home, closed, capsys, signed):
    args = ["--home", str(home), "audit", "list", "--action", "over_short_accepted"]
    assert main([*args, *signed("sofia")]) == 0
    out = capsys.readouterr().out
    assert "over_short_accepted" in out and "maria" in out and "sofia" in out
    assert "sale " not in out


def test_audit_verify_ok_then_broken(home, station, closed, capsys, signed):
    assert main(["--home", str(home), "audit", "verify", *signed("sofia")]) == 0
    assert capsys.readouterr().out.startswith("OK")
    station.close()
    con = sqlite3.connect(home / "counterpos.sqlite")
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute("UPDATE audit_event SET approver = '' WHERE action = 'over_short_accepted'")
    seq = con.execute(
        "SELECT seq FROM audit_event WHERE action = 'over_short_accepted'"
    ).fetchone()[0]
    con.commit()
    con.close()
    assert main(["--home", str(home), "audit", "verify", *signed("sofia")]) == 1
    assert f"BROKEN at event {seq}" in capsys.readouterr().out


def test_audit_verify_names_every_problem(home, station, closed, capsys, signed):
    """The last sale removed with its event, its outbox copies and its number (issue 13)."""
    station.close()
    con = sqlite3.connect(home / "counterpos.sqlite")
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    sale_id, receipt_no = con.execute(
        "SELECT id, receipt_no FROM sale WHERE kind = 'sale' ORDER BY sequence DESC"
    ).fetchone()
    con.execute("DELETE FROM tender WHERE sale_id = ?", (sale_id,))
    con.execute("DELETE FROM sale WHERE id = ?", (sale_id,))
    con.commit()
    con.close()
    assert main(["--home", str(home), "audit", "verify", *signed("sofia")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("BROKEN at event ")  # its audit event names a receipt not there
    assert f"(sale {receipt_no}): that receipt is not in the store" in out.splitlines()[0]
    assert f"  also: sale {receipt_no} was deleted (its outbox copy remains)" in out


@pytest.mark.e2e
def test_audit_verify_as_a_real_process(home, closed):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("COUNTERPOS_PIN", None)
    run = subprocess.run(
        [sys.executable, "-m", "counterpos", "--home", str(home), "audit", "verify"]
        + ["--user", "sofia"],
        input=PINS["sofia"] + "\n",  # the PIN on standard input
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0 and run.stdout.startswith("OK"), run.stderr
