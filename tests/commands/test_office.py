"""`counterpos office ...` (commands/office.py) against a real centre: a login made by the
administrator, the workstation connected, and a day reconciled, deposited and journaled."""

from __future__ import annotations

import csv
import io
import re

import pytest

from counterpos.cli import main
from counterpos.services.clock import local_today
from tests.conftest import login
from tests.sale_helpers import cash, check, ring
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.services.office.office_support import FINANCE, close_exactly, open_drawer, push

pytestmark = pytest.mark.pg


def as_user(monkeypatch, name: str) -> list[str]:
    pin = {"admin": "999999"}.get(name) or FINANCE[name][2]
    monkeypatch.setenv("COUNTERPOS_PIN", pin)
    return ["--user", name]


def test_a_day_from_the_command_line(joined, central_url, capsys, monkeypatch, tmp_path):  # noqa: F811
    home = ["--home", str(joined.home)]
    assert main(["office", "add-login", "office1", "supervisor", "--url", central_url]) == 0
    out = capsys.readouterr().out
    url = re.search(r"url\s+= (\S+)", out).group(1)
    password = re.search(r"password = (\S+)", out).group(1)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert (
        main([*home, "office", "connect", url, "--password-stdin", *as_user(monkeypatch, "admin")])
        == 0
    )
    assert password not in capsys.readouterr().out

    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    sale = ring(joined, maria, d.session_id, 2_345, cash(5_000))
    ring(joined, maria, d.session_id, 4_000, check(4_000, "1043"))
    close_exactly(joined, maria, d.session_id)
    push(joined)
    day = local_today().isoformat()

    # A cashier may not use the office.
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    assert main([*home, "office", "day", day, "--user", "maria"]) == 2
    assert "may not" in capsys.readouterr().err

    fiona, felix = as_user(monkeypatch, "fiona"), ["--user", "felix"]
    assert main([*home, "office", "day", day, *fiona]) == 0
    out = capsys.readouterr().out
    assert "T1" in out and d.session_id[-8:] in out and "2 sales" in out and "$63.45" in out
    assert main([*home, "office", "session", d.session_id[-8:], *fiona]) == 0
    assert sale.receipt_no in capsys.readouterr().out
    assert main([*home, "office", "receipt", sale.receipt_no, *fiona]) == 0
    assert "23.45" in capsys.readouterr().out

    assert main([*home, "office", "exceptions", *fiona]) == 0  # closed today: not late yet
    assert "No exception" in capsys.readouterr().out
    assert main([*home, "office", "deposit-prepare", "--date", day, "--bag", "B-1", *fiona]) == 0
    out = capsys.readouterr().out
    assert "Deposit 1" in out and "total $63.45" in out and "prepared" in out
    assert main([*home, "office", "deposit-verify", "1", *fiona]) == 2  # preparer, and a clerk
    capsys.readouterr()
    as_user(monkeypatch, "felix")
    assert main([*home, "office", "deposit-verify", "1", *felix]) == 0
    assert "verified by Felix Ortega" in capsys.readouterr().out

    as_user(monkeypatch, "fiona")
    assert main([*home, "office", "journal-draft", day, *fiona]) == 0
    out = capsys.readouterr().out
    assert "Journal 1" in out and "draft" in out and "1010" in out
    as_user(monkeypatch, "felix")
    assert main([*home, "office", "journal-post", "1", *felix]) == 0
    assert "posted" in capsys.readouterr().out
    first, second = tmp_path / "j1.csv", tmp_path / "j1-again.csv"
    assert main([*home, "office", "journal-export", "1", str(first), *felix]) == 0
    assert "the original" in capsys.readouterr().out
    assert main([*home, "office", "journal-export", "1", str(second), *felix]) == 0
    assert "copy 1" in capsys.readouterr().out
    for path, mark in ((first, "ORIGINAL"), (second, "COPY 1")):
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert {r["copy"] for r in rows} == {mark}
        assert sum(int(r["debit"].replace(".", "")) for r in rows if r["debit"]) == sum(
            int(r["credit"].replace(".", "")) for r in rows if r["credit"]
        )

    assert main([*home, "office", "audit-verify", *felix]) == 0
    assert "the chain is whole" in capsys.readouterr().out
    report = tmp_path / "nov.csv"
    assert (
        main([*home, "office", "report", local_today().strftime("%Y-%m"), str(report), *felix]) == 0
    )
    assert report.exists() and "written to" in capsys.readouterr().out
