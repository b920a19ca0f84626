"""`counterpos central ...` and `counterpos sync ...` (commands/central.py, commands/sync.py)."""

from __future__ import annotations

import io
import re

import pytest

from counterpos.cli import main
from tests.sync.helpers import admin_query, first_accounts, sell

pytestmark = pytest.mark.pg


def test_central_and_sync_commands(
    station, cashier, drawer, central_url, capsys, monkeypatch, signed
):
    home = ["--home", str(station.home)]
    assert main(["central", "init", central_url]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["central", "add-station", "T1", "--url", central_url]) == 0
    out = capsys.readouterr().out
    url = re.search(r"central.url = (\S+)", out).group(1)
    password = re.search(r"password\s+= (\S+)", out).group(1)
    assert "_station_t1" in url and password not in url
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert main([*home, "sync", "connect", url, "--password-stdin", *signed("admin")]) == 0
    assert password not in capsys.readouterr().out

    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    assert main([*home, "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "waiting to sync" in out and "sale: 1" in out and "last success: never" in out

    assert main([*home, "sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"up\s+sale: 1", out)
    assert "Pulled" in out
    assert admin_query(central_url, "SELECT count(*) FROM sale") == [(1,)]

    assert main([*home, "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Up to date") and "pending: 0" in out and "last success: 20" in out
    assert main([*home, "sync", "failed", *signed("sofia")]) == 0
    assert "No records are set aside." in capsys.readouterr().out


def test_sync_once_with_the_centre_away_says_so(station, capsys, tmp_path, signed):
    home = ["--home", str(station.home)]
    url = f"postgresql://x:pw@/nodb?host={tmp_path}"
    assert main([*home, "config", "set", "central.url", url, *signed("admin")]) == 0
    capsys.readouterr()
    assert main([*home, "sync", "--once"]) == 2
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "kept here" in err
    assert main([*home, "sync", "status"]) == 0
    assert capsys.readouterr().out.startswith("Offline since ")


def test_resolve_numbers_signs_a_supervisor_in(station, capsys, signed):
    home = ["--home", str(station.home)]
    args = [*home, "sync", "resolve-numbers", "--note", "restored from Monday's copy"]
    assert main([*args, *signed("maria")]) == 2
    assert "may not resolve receipt numbering" in capsys.readouterr().err
    assert main([*args, *signed("sofia")]) == 2  # signed in, but nothing is behind
    assert "not behind the central database" in capsys.readouterr().err
    assert main([*args[:-2], "--note", "x" * 501, *signed("sofia")]) == 2
    assert "at most 500" in capsys.readouterr().err
