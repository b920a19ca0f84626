"""`counterpos report eod` (commands/report.py): the Z report and deposit slip, shown and saved."""

from __future__ import annotations

from pypdf import PdfReader
from sqlalchemy import select

from counterpos.cli import main
from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.store.models import AuditEvent
from tests.sale_helpers import cash, ring


def test_both_pdfs_are_audited_and_a_bad_folder_is_a_plain_message(
    home, station, cashier, drawer, tmp_path, capsys, signed
):
    signed("maria")  # the cashier's own session: her PIN is enough
    sid = drawer.session_id
    ring(station, cashier, sid, 2_000, cash(2_000))
    close.close_session(
        station,
        cashier,
        sid,
        ClosingCount({"bill_20": 5, "bill_10": 1, "bill_1": 5, "coin_25": 20}, frozenset()),
    )
    z, dep = tmp_path / "z.pdf", tmp_path / "dep.pdf"
    args = ["--home", str(home), "report", "eod", "--session", sid, "--user", "maria"]
    assert main([*args, "--pdf", str(z), "--deposit", str(dep)]) == 0
    out = capsys.readouterr().out
    assert f"Z report written to {z}" in out and f"Deposit slip written to {dep}" in out
    assert out.index("Z REPORT") < out.index("Z report written")
    with station.store.read() as s:
        evs = list(s.scalars(select(AuditEvent).where(AuditEvent.action.like("%_pdf"))))
    assert [(e.action, e.actor, e.target, e.details["printer"]) for e in evs] == [
        ("z_report_pdf", "maria", sid, f"pdf:{z}"),
        ("deposit_slip_pdf", "maria", sid, f"pdf:{dep}"),
    ]
    missing = tmp_path / "nope" / "z.pdf"
    assert main([*args, "--pdf", str(missing)]) == 2
    assert f"counterpos: The PDF could not be saved to {missing}" in capsys.readouterr().err


def test_report_eod_by_session_prefix_writes_both_pdfs(home, closed, tmp_path, capsys, signed):
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
            *signed("sofia"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Z REPORT" in out and "short $7.00" in out and "BANK DEPOSIT" in out
    assert "short $7.00" in PdfReader(z).pages[0].extract_text()
    assert "Ann Lee" in PdfReader(dep).pages[0].extract_text()


def test_report_eod_by_the_session_label_the_report_prints(home, closed, capsys, signed):
    me = signed("sofia")
    assert main(["--home", str(home), "report", "eod", "--session", closed[:8], *me]) == 0
    printed = capsys.readouterr().out
    label = closed[-8:]
    assert f"Session {label}" in printed
    assert main(["--home", str(home), "report", "eod", "--session", label, *me]) == 0
    assert f"Session {label}" in capsys.readouterr().out


def test_report_eod_by_date(home, closed, tmp_path, capsys, signed):
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
                *signed("sofia"),
            ]
        )
        == 0
    )
    assert "all stations" in capsys.readouterr().out
    assert Money(5_300).format() in PdfReader(z).pages[0].extract_text()


def test_report_bad_date_is_a_plain_message(home, closed, capsys, signed):
    args = ["--home", str(home), "report", "eod", *signed("sofia")]
    assert main([*args, "--date", "22/11/2026"]) == 2
    assert "not a date" in capsys.readouterr().err
