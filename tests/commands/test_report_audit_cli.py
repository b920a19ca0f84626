"""`counterpos report eod` and `counterpos audit verify|list` on a real store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from counterpos.cli import main
from counterpos.domain.money import Money
from counterpos.services.access import overrides
from counterpos.services.clock import local_today
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from tests.conftest import PINS
from tests.sale_helpers import cash, check, ring

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def closed(station, cashier, drawer):
    ring(station, cashier, drawer.session_id, 2_000, cash(2_000))
    ring(station, cashier, drawer.session_id, 3_300, check(3_300, "501", "Ann Lee"))
    sheet = close.closing_sheet(station, cashier, drawer.session_id)
    close.close_session(
        station,
        cashier,
        drawer.session_id,
        ClosingCount(
            {"bill_100": 1, "bill_10": 1, "bill_1": 3}, frozenset(i.tender_id for i in sheet.items)
        ),
        approval=overrides.approve(station, cashier, "sofia", PINS["sofia"], "accept_over_short"),
        note="Short seven",
    )
    return drawer.session_id


def test_report_eod_by_session_prefix_writes_both_pdfs(home, closed, tmp_path, capsys):
    z, dep = tmp_path / "z.pdf", tmp_path / "dep.pdf"
    code = main(
        [
            "--home",
            str(home),
            "report",
            "eod",
            "--session",
            closed[:8],
            "--pdf",
            str(z),
            "--deposit",
            str(dep),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Z REPORT" in out and "short $7.00" in out and "BANK DEPOSIT" in out
    assert "short $7.00" in PdfReader(z).pages[0].extract_text()
    assert "Ann Lee" in PdfReader(dep).pages[0].extract_text()


def test_report_eod_by_the_session_label_the_report_prints(home, closed, capsys):
    assert main(["--home", str(home), "report", "eod", "--session", closed[:8]]) == 0
    printed = capsys.readouterr().out
    label = closed[-8:]
    assert f"Session {label}" in printed
    assert main(["--home", str(home), "report", "eod", "--session", label]) == 0
    assert f"Session {label}" in capsys.readouterr().out


def test_report_eod_by_date(home, closed, tmp_path, capsys):
    z = tmp_path / "day.pdf"
    assert (
        main(
            [
                "--home",
                str(home),
                "report",
                "eod",
                "--date",
                local_today().isoformat(),
                "--pdf",
                str(z),
            ]
        )
        == 0
    )
    assert "all stations" in capsys.readouterr().out
    assert Money(5_300).format() in PdfReader(z).pages[0].extract_text()


def test_report_bad_date_is_a_plain_message(home, closed, capsys):
    assert main(["--home", str(home), "report", "eod", "--date", "22/11/2026"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_audit_list_filters(home, closed, capsys):
    assert main(["--home", str(home), "audit", "list", "--action", "over_short_accepted"]) == 0
    out = capsys.readouterr().out
    assert "over_short_accepted" in out and "maria" in out and "sofia" in out
    assert "sale " not in out


def test_audit_verify_ok_then_broken(home, station, closed, capsys):
    assert main(["--home", str(home), "audit", "verify"]) == 0
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
    assert main(["--home", str(home), "audit", "verify"]) == 1
    assert f"BROKEN at event {seq}" in capsys.readouterr().out


@pytest.mark.e2e
def test_audit_verify_as_a_real_process(home, closed):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "counterpos", "--home", str(home), "audit", "verify"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0 and run.stdout.startswith("OK"), run.stderr
