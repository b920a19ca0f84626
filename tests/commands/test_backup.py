"""`counterpos backup` and `counterpos restore` (commands/backup.py) on a real station folder."""

from __future__ import annotations

import io

from counterpos.cli import main
from tests.conftest import PINS
from tests.sale_helpers import cash, ring


def test_backup_list_and_restore_from_standard_input(station, cashier, drawer, capsys, monkeypatch):
    home = str(station.home)
    ring(station, cashier, drawer.session_id, 100, cash(100))
    assert main(["--home", home, "backup"]) == 0
    first = capsys.readouterr().out
    assert "Backed up to" in first and "last receipt T1-000001" in first
    assert main(["--home", home, "backup"]) == 0
    assert "Nothing changed since the newest backup" in capsys.readouterr().out
    assert main(["--home", home, "backup", "--list"]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    assert len(listed) == 1 and "T1-000001" in listed[0]
    path = listed[0].split()[-1]
    station.close()
    monkeypatch.delenv("COUNTERPOS_PIN", raising=False)
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(PINS["admin"] + "\n")
    )  # no terminal: the PIN on stdin
    assert main(["--home", home, "restore", path, "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "is kept as" in out


def test_restore_without_a_pin_or_of_no_file_is_plain(home, station, capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("COUNTERPOS_PIN", raising=False)
    assert (
        main(["--home", str(home), "restore", str(tmp_path / "x.sqlite"), "--user", "admin"]) == 2
    )
    assert "No PIN was given" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", PINS["admin"])
    assert (
        main(["--home", str(home), "restore", str(tmp_path / "x.sqlite"), "--user", "admin"]) == 2
    )
    assert "There is no file" in capsys.readouterr().err
    name = str(tmp_path / ("0" * 300))  # a name longer than the file system allows
    assert main(["--home", str(home), "restore", name, "--user", "admin"]) == 2
    err = capsys.readouterr().err
    assert "There is no file" in err and len(err) < 300
