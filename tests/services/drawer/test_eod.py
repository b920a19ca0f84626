"""End of day (services/drawer/eod.py): Z report and deposit slip figures, and each PDF copy."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from counterpos.documents import deposit_slip as deposit_pdf
from counterpos.documents import z_report as z_pdf
from counterpos.domain import deposit_slip as deposit_doc
from counterpos.domain import z_report as z_doc
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services import audit
from counterpos.services.clock import local_today
from counterpos.services.drawer import close, eod, no_sale, paid_in_out
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import DeviceError, PermissionDenied, StateError
from counterpos.services.sale import catalog, refunds, voids
from tests.conftest import audit_events, login
from tests.sale_helpers import card, cash, check, money_order, ring


@pytest.fixture
def closed_day(station, cashier, drawer, approval):
    """A known day: $100 float (4x$20, 1x$10, 5x$1, 20 quarters), then:"""
    sid = drawer.session_id
    two = Cart()
    start = local_today().isoformat()
    permit = {"address": "5 Eod Way", "start_date": start, "days": "1"}
    two.add(catalog.price_line(station, "yard_sale_permit", details=permit))  # $20.00, 4320
    copies = {"gl_account": "4810", "memo": "Copies"}
    two.add(catalog.price_line(station, "misc_receipt", details=copies, amount_text="3.50"))
    ring(station, cashier, sid, two, cash(3_000))  # 23.50, change 6.50
    ring(station, cashier, sid, 4_500, check(4_500, "1043", "Jane Smith"))
    ring(station, cashier, sid, 2_500, money_order(2_500, "MO-88"))
    ring(station, cashier, sid, 1_250, card(1_250))
    gone = ring(station, cashier, sid, 999, cash(1_000))
    voids.void_sale(station, cashier, gone.receipt_no, "Rang twice", approval(cashier, "void"))
    refunded = ring(station, cashier, sid, 1_500, cash(1_500))
    refunds.refund_sale(
        station,
        cashier,
        sid,
        refunded.receipt_no,
        Money(500),
        "cash",
        "Senior rate",
        approval(cashier, "refund"),
    )
    paid_in_out.record(
        station, cashier, sid, "out", Money(800), "Postage", approval(cashier, "paid_in_out")
    )
    no_sale.authorise_no_sale(
        station, cashier, sid, "Change for customer", approval(cashier, "no_sale")
    )
    # expected cash: 100 + 23.50 + 15.00 - 5.00 - 8.00 = 125.50; counted 118.50: short 7.00
    sheet = close.closing_sheet(station, cashier, sid)
    count = ClosingCount(
        {"bill_20": 4, "bill_10": 2, "bill_5": 1, "bill_1": 8, "coin_25": 22},
        frozenset(i.tender_id for i in sheet.items),
        Money(1_250),
    )
    close.close_session(
        station,
        cashier,
        sid,
        count,
        approval=approval(cashier, "accept_over_short"),
        note="Short stands",
    )
    return sid


def test_z_report_figures(station, cashier, closed_day):
    z = eod.z_report(station, cashier, session_id=closed_day)
    s = z.sessions[0]
    assert (s.expected, s.counted, s.over_short) == (Money(12_550), Money(11_850), Money(-700))
    assert s.approver == "Sofia Nguyen" or s.approver.startswith("Sofia")
    assert z.sales_count == 6
    assert z.gross_sales == Money(2_350 + 4_500 + 2_500 + 1_250 + 999 + 1_500)
    assert z.total_of("void") == Money(-999) and z.total_of("refund") == Money(-500)
    assert z.net == Money(2_350 + 4_500 + 2_500 + 1_250 + 1_000)
    funds = {t.code: t.amount for t in z.by_fund}
    assert funds == {"100": Money(11_600)}
    gl = {t.code: t.amount for t in z.by_gl}
    assert gl["4320"] == Money(2_000) and gl["4810"] == Money(350)
    tenders = {t.code: (t.count, t.amount) for t in z.tenders}
    assert tenders["cash"] == (3, Money(2_350 + 1_500 - 500))
    assert tenders["check"] == (1, Money(4_500))
    assert tenders["card"] == (1, Money(1_250))
    assert z.total_of("paid_out") == Money(800)
    assert z.no_sales == 1
    assert {a.action for a in z.approvals} >= {
        "void",
        "refund",
        "paid_out",
        "no_sale",
        "over_short_accepted",
    }
    assert all(a.approver == "sofia" for a in z.approvals)
    assert "override_granted" not in {a.action for a in z.approvals}
    text = "\n".join(z_doc.render_text(z))
    assert "short $7.00" in text and "Postage" in text


def test_deposit_slip_figures(station, cashier, closed_day):
    slip = eod.deposit_slip(station, cashier, session_id=closed_day)
    # Counted 118.50; the $100 float stays in its opening pieces; 18.50 goes to the bank.
    assert slip.float_kept == Money(10_000)
    assert slip.currency_total == Money(1_000 + 500 + 300)
    assert slip.coin_total == Money(50)
    assert [(i.number, i.amount) for i in slip.items] == [
        ("1043", Money(4_500)),
        ("MO-88", Money(2_500)),
    ]
    assert slip.total == Money(1_850 + 7_000)
    text = "\n".join(deposit_doc.render_text(slip))
    assert "1043" in text and "$88.50" in text


def test_pdfs_hold_the_figures(station, cashier, closed_day, tmp_path):
    z = eod.z_report(station, cashier, session_id=closed_day)
    slip = eod.deposit_slip(station, cashier, session_id=closed_day)
    zp = z_pdf.write_pdf(z, tmp_path / "z.pdf")
    dp = deposit_pdf.write_pdf(slip, tmp_path / "deposit.pdf")
    ztext = "\n".join(p.extract_text() for p in PdfReader(zp).pages)
    for figure in (
        "$125.50",
        "$118.50",
        "short $7.00",
        "Rang twice",
        "Senior rate",
        "Postage",
        "General Fund",
        "Permits",
        "sofia",
    ):
        assert figure in ztext, figure
    dtext = "\n".join(p.extract_text() for p in PdfReader(dp).pages)
    for figure in (
        "1043",
        "Jane Smith",
        "$45.00",
        "MO-88",
        "$25.00",
        "$18.00",
        "$0.50",
        "$88.50",
        "$100.00",
    ):
        assert figure in dtext, figure
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(zp), str(tmp_path / "z")], check=True)
        subprocess.run(["cp", str(zp), str(dp), "/tmp/"], check=False)
        assert list(tmp_path.glob("z*.png"))


def test_day_scope_and_permissions(station, cashier, closed_day):
    with pytest.raises(PermissionDenied):
        eod.z_report(station, cashier, day=local_today())
    sofia = login(station, "sofia")
    z = eod.z_report(station, sofia, day=local_today())
    assert len(z.sessions) == 1 and z.sessions[0].over_short == Money(-700)
    assert eod.deposit_slip(station, sofia, day=local_today()).total == Money(8_850)
    with pytest.raises(StateError):
        eod.z_report(station, sofia)


def test_deposit_needs_a_closed_session(station, cashier, drawer):
    with pytest.raises(StateError, match="Close"):
        eod.deposit_slip(station, cashier, session_id=drawer.session_id)


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
    evs = audit_events(station, "z_report_pdf")
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
    [ev] = audit_events(station, "z_report_pdf")
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
    [failed] = audit_events(station, "z_report_pdf_failed")
    assert (failed.actor, failed.target, failed.details["copy"]) == ("maria", closed, 1)
    assert "could not be saved" in failed.details["error"]
    assert audit_events(station, "z_report_pdf") == []
    # A failed save does not use up a copy number.
    assert eod.z_report_pdf(station, cashier, tmp_path / "z.pdf", session_id=closed).copy_no == 1


def test_a_cashier_may_not_save_the_whole_day(station, cashier, closed, tmp_path):
    with pytest.raises(PermissionDenied):
        eod.z_report_pdf(station, cashier, tmp_path / "day.pdf", day=local_today())
    assert not (tmp_path / "day.pdf").exists()
    assert audit_events(station, "z_report_pdf", "z_report_pdf_failed") == []


def test_deposit_slip_pdf_is_written_and_audited(station, cashier, closed, tmp_path):
    saved = eod.deposit_slip_pdf(station, cashier, tmp_path / "dep.pdf", session_id=closed)
    text = pdf_text(saved.path)
    assert "501" in text and "Ann Lee" in text and "$33.00" in text
    assert saved.document.total.format() in text
    [ev] = audit_events(station, "deposit_slip_pdf")
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
    assert audit_events(station, "deposit_slip_pdf", "deposit_slip_pdf_failed") == []


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("", "at least the first 4"),
        ("x" * 100_000, "is not a drawer session id"),
        ("%%%%", "is not a drawer session id"),
        ("____", "is not a drawer session id"),
    ],
)
def test_a_session_id_that_is_not_one_is_a_plain_message(station, closed, given, said):
    from counterpos.services.errors import NotFound

    with pytest.raises(NotFound, match=said):
        eod.resolve_session(station, given)


def test_the_ends_of_the_calendar_are_reports_of_nothing(station, supervisor):
    from datetime import date

    for day in (date.min, date.max, date(1, 1, 2), date(9999, 12, 30)):
        z = eod.z_report(station, supervisor, day=day)
        assert z.sales_count == 0
