"""`counterpos doctor` (commands/doctor.py): the full check, read-only; accepting lost work."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.services.station import DB_FILE
from tests.conftest import PINS
from tests.sale_helpers import cash, ring
from tests.store import faults


def test_a_sound_store_is_ok(home, station, capsys):
    assert main(["--home", str(home), "doctor"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("OK") and "full check" in out


def test_a_broken_store_is_named_with_its_backup(home, station, capsys):
    assert main(["--home", str(home), "backup"]) == 0
    newest = capsys.readouterr().out.split("Backed up to ")[1].split(" (")[0]
    station.close()
    faults.cut(home / DB_FILE, 0.7)
    assert main(["--home", str(home), "doctor"]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM: The store" in out and "cut short" in out and newest in out
    assert out.rstrip().endswith("NOT OK")
    assert main(["--home", str(home), "receipt", "show", "T1-000001"]) == 2  # every command
    err = capsys.readouterr().err
    assert "cut short" in err and newest in err and "Traceback" not in err


def test_lost_work_is_accepted_by_an_administrator(
    station, cashier, drawer, tmp_path, capsys, monkeypatch
):
    sales = [ring(station, cashier, drawer.session_id, 100, cash(100)) for _ in range(3)]
    lost = tmp_path / "lost"
    faults.copy_without_wal(station.home, lost)
    assert main(["--home", str(lost), "doctor"]) == 1
    assert f"had committed {sales[-1].receipt_no}" in capsys.readouterr().out
    assert main(["--home", str(lost), "doctor", "--accept-loss"]) == 2
    assert "needs --user" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", PINS["admin"])
    assert main(["--home", str(lost), "doctor", "--accept-loss", "--user", "admin"]) == 0
    assert f"to {sales[-1].receipt_no} are not in this store" in capsys.readouterr().out
    assert main(["--home", str(lost), "doctor"]) == 0
