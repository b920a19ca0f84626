"""`counterpos report eod --pdf/--deposit` saves its PDFs through the audited services."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.cli import main
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.store.models import AuditEvent
from tests.sale_helpers import cash, ring


def test_both_pdfs_are_audited_and_a_bad_folder_is_a_plain_message(
    home, station, cashier, drawer, tmp_path, capsys
):
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
