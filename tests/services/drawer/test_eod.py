"""The Z report and deposit slip PDFs go out through services/drawer/eod.py, each copy audited."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counterpos.services import audit
from counterpos.services.clock import local_today
from counterpos.services.drawer import close, eod
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import DeviceError, PermissionDenied, StateError
from counterpos.store.models import AuditEvent
from tests.sale_helpers import cash, check, ring


@pytest.fixture
def closed(station, cashier, drawer):
    """The cashier's session: $20.00 cash and a $33.00 check on a $100 float, counted exactly."""
    sid = drawer.session_id
    ring(station, cashier, sid, 2_000, cash(2_000))
    ring(station, cashier, sid, 3_300, check(3_300, "501", "Ann Lee"))
    sheet = close.closing_sheet(station, cashier, sid)
    close.close_session(
        station,
        cashier,
        sid,
        ClosingCount(
            {"bill_20": 5, "bill_10": 1, "bill_1": 5, "coin_25": 20},
            frozenset(i.tender_id for i in sheet.items),
        ),
    )
    return sid


def events(station, *actions: str) -> list[AuditEvent]:
    with station.store.read() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action.in_(actions)).order_by(AuditEvent.seq)
            )
        )


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_z_report_pdf_is_written_and_each_copy_audited(station, cashier, closed, tmp_path):
    first = eod.z_report_pdf(station, cashier, tmp_path / "z.pdf", session_id=closed)
    second = eod.z_report_pdf(station, cashier, tmp_path / "z2.pdf", session_id=closed)
    assert (first.path, first.copy_no) == (tmp_path / "z.pdf", 1)
    assert (second.path, second.copy_no) == (tmp_path / "z2.pdf", 2)
    text = pdf_text(first.path)
    assert "$53.00" in text and "Maria" in text and eod.session_label(closed) in text
    assert first.document.scope in text
    evs = events(station, "z_report_pdf")
    assert [(e.actor, e.target, e.details["copy"], e.details["printer"]) for e in evs] == [
        ("maria", closed, 1, f"pdf:{tmp_path / 'z.pdf'}"),
        ("maria", closed, 2, f"pdf:{tmp_path / 'z2.pdf'}"),
    ]
    assert all(e.details["session_id"] == closed and e.details["error"] == "" for e in evs)
    assert evs[0].details["scope"] == first.document.scope
    with station.store.read() as s:
        assert audit.verify(s).ok


def test_z_report_pdf_of_a_date_names_the_date(station, supervisor, closed, tmp_path):
    day = local_today()
    saved = eod.z_report_pdf(station, supervisor, tmp_path / "day.pdf", day=day)
    assert "all stations" in pdf_text(saved.path) and "$53.00" in pdf_text(saved.path)
    [ev] = events(station, "z_report_pdf")
    assert (ev.actor, ev.target, ev.details["day"], ev.details["copy"]) == (
        "sofia",
        day.isoformat(),
        day.isoformat(),
        1,
    )
    assert "session_id" not in ev.details


def test_a_date_copy_and_a_session_copy_are_counted_apart(station, supervisor, closed, tmp_path):
    eod.z_report_pdf(station, supervisor, tmp_path / "s.pdf", session_id=closed)
    saved = eod.z_report_pdf(station, supervisor, tmp_path / "d.pdf", day=local_today())
    assert saved.copy_no == 1


def test_z_report_pdf_to_a_missing_folder_is_a_plain_error_and_audited(
    station, cashier, closed, tmp_path
):
    target = tmp_path / "nope" / "z.pdf"
    with pytest.raises(DeviceError, match=f"The PDF could not be saved to {target}"):
        eod.z_report_pdf(station, cashier, target, session_id=closed)
    [failed] = events(station, "z_report_pdf_failed")
    assert (failed.actor, failed.target, failed.details["copy"]) == ("maria", closed, 1)
    assert "could not be saved" in failed.details["error"]
    assert events(station, "z_report_pdf") == []
    # A failed save does not use up a copy number.
    assert eod.z_report_pdf(station, cashier, tmp_path / "z.pdf", session_id=closed).copy_no == 1


def test_a_cashier_may_not_save_the_whole_day(station, cashier, closed, tmp_path):
    with pytest.raises(PermissionDenied):
        eod.z_report_pdf(station, cashier, tmp_path / "day.pdf", day=local_today())
    assert not (tmp_path / "day.pdf").exists()
    assert events(station, "z_report_pdf", "z_report_pdf_failed") == []


def test_deposit_slip_pdf_is_written_and_audited(station, cashier, closed, tmp_path):
    saved = eod.deposit_slip_pdf(station, cashier, tmp_path / "dep.pdf", session_id=closed)
    text = pdf_text(saved.path)
    assert "501" in text and "Ann Lee" in text and "$33.00" in text
    assert saved.document.total.format() in text
    [ev] = events(station, "deposit_slip_pdf")
    assert (ev.actor, ev.target, ev.details["copy"], ev.details["printer"]) == (
        "maria",
        closed,
        1,
        f"pdf:{tmp_path / 'dep.pdf'}",
    )
    assert ev.details["session_id"] == closed


def test_no_deposit_slip_pdf_of_an_open_session(station, cashier, drawer, tmp_path):
    with pytest.raises(StateError, match="Close the drawer session"):
        eod.deposit_slip_pdf(station, cashier, tmp_path / "dep.pdf", session_id=drawer.session_id)
    assert not (tmp_path / "dep.pdf").exists()
    assert events(station, "deposit_slip_pdf", "deposit_slip_pdf_failed") == []
