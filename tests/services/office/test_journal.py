"""The day's GL journal by fund (services/office/journal.py and journal_export.py): its totals
are the day's Z reports by GL account and fund; numbered, posted, exported once, corrected."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counterpos.services.clock import local_today
from counterpos.services.drawer import eod
from counterpos.services.errors import PermissionDenied, StateError
from counterpos.services.office import audit, journal, journal_export
from counterpos.store.models.base import new_id, utcnow
from tests.conftest import login
from tests.sale_helpers import cash, ring
from tests.services.office.day_support import busy_day
from tests.services.office.office_support import close_exactly, open_drawer, push

pytestmark = pytest.mark.pg


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def office_accounts(office) -> set[str]:
    with office.read() as conn:
        return set(conn.execute(text("SELECT code FROM office_account")).scalars())


def test_the_journal_totals_are_the_days_z_reports_by_fund_and_gl_account(
    joined, second, clerk, approval
):
    busy_day(joined, second, approval)
    day = local_today()
    view = journal.draft(clerk, day)
    j = view.journal
    assert j.balanced and j.debits.cents > 0
    assert all(cents == 0 for cents in j.by_fund().values()), j.by_fund()

    # The Z reports of the same day, each computed by its own station from its own store.
    z_by_gl: dict[tuple[str, str], int] = {}
    z_by_fund: dict[str, int] = {}
    z_tenders: dict[str, int] = {}
    for st in (joined, second):
        z = eod.z_report(st, login(st, "sofia"), day=day)
        for t in z.by_gl:
            fund = t.extra.split(" ", 1)[0]
            z_by_gl[(t.code, fund)] = z_by_gl.get((t.code, fund), 0) + t.amount.cents
        for t in z.by_fund:
            z_by_fund[t.code] = z_by_fund.get(t.code, 0) + t.amount.cents
        for t in z.tenders:
            z_tenders[t.code] = z_tenders.get(t.code, 0) + t.amount.cents
    ours = office_accounts(clerk)
    credits = {k: -v for k, v in j.net_by_account().items() if k[0] not in ours}
    assert credits == {k: v for k, v in z_by_gl.items() if v}
    by_fund: dict[str, int] = {}
    for (_, fund), cents in credits.items():
        by_fund[fund] = by_fund.get(fund, 0) + cents
    assert by_fund == {k: v for k, v in z_by_fund.items() if v}
    # Debits: card clearing is the Z's card total; refunds payable its refunds to finance;
    # the counter bank account its cash, checks and money orders less paid-outs and short.
    net = j.net_by_account()
    assert net[("1050", "999")] == z_tenders["card"]
    assert net[("2050", "999")] == z_tenders["refund_request"]
    assert net[("4950", "100")] == 35  # $0.35 short is a debit to over and short
    assert net[("1010", "999")] == (
        z_tenders["cash"] + z_tenders["check"] + z_tenders["money_order"] - 1_250 - 35
    )
    # Pass-through funds are credited as due to their body.
    memos = {(ln.account, ln.memo) for ln in j.lines}
    assert ("2100", "Due to the Water Authority") in memos


def test_draft_post_export_once_then_copies(joined, second, clerk, boss, approval, tmp_path):
    busy_day(joined, second, approval)
    day = local_today()
    view = journal.draft(clerk, day)
    assert view.journal.number == 1 and view.state == "draft"
    with pytest.raises(StateError, match="already has journal 1"):
        journal.draft(clerk, day)
    with pytest.raises(StateError, match="a finance supervisor posts it first"):
        journal_export.export(clerk, view.id, tmp_path / "j.csv")
    with pytest.raises(PermissionDenied):
        journal.post(clerk, view.id)
    posted = journal.post(boss, view.id)
    assert posted.state == "posted" and posted.posted_by == "Felix Ortega"

    first = journal_export.export(clerk, view.id, tmp_path / "j1.csv")
    second_ = journal_export.export(clerk, view.id, tmp_path / "j2.csv")
    assert not first.is_copy and second_.is_copy
    rows = read_csv(tmp_path / "j1.csv")
    assert len(rows) == len(view.journal.lines)
    assert {r["copy"] for r in rows} == {"ORIGINAL"}
    assert {r["copy"] for r in read_csv(tmp_path / "j2.csv")} == {"COPY 1"}
    debit = sum(Decimal(r["debit"]) for r in rows)
    credit = sum(Decimal(r["credit"]) for r in rows)
    assert debit == credit == Decimal(view.journal.debits.plain())
    assert rows[0]["journal_no"] == "1" and rows[0]["business_day"] == day.isoformat()

    x = journal_export.export(clerk, view.id, tmp_path / "j.xlsx")
    assert x.copy_no == 2
    ws = load_workbook(tmp_path / "j.xlsx").active
    cells = list(ws.iter_rows(min_row=3, max_row=2 + len(view.journal.lines), values_only=True))
    assert sum(Decimal(str(r[7])) for r in cells) == Decimal(view.journal.debits.plain())
    assert [r[12] for r in cells] == ["COPY 2"] * len(cells)
    assert [e["action"] for e in audit.events(clerk)] == [
        "journal_draft",
        "journal_post",
        "journal_export",
        "journal_export",
        "journal_export",
    ]


def test_an_unbalanced_journal_cannot_be_stored_or_exported(joined, second, clerk, approval):
    busy_day(joined, second, approval)
    view = journal.draft(clerk, local_today())
    # An extra line slipped in, even by the database's owner, does not commit.
    with pytest.raises(DBAPIError, match="does not balance"), clerk.write() as conn:
        conn.execute(
            text(
                "INSERT INTO office_journal (id, journal_no, business_day, kind, prepared_by, "
                "prepared_by_name, prepared_at, debit_cents, credit_cents) VALUES "
                "(:i, 99, :d, 'day', 'x', 'x', :t, 100, 0)"
            ),
            {"i": new_id(), "d": local_today(), "t": utcnow()},
        )
    assert [v.journal.number for v in journal.journals(clerk)] == [view.journal.number]


def test_a_day_not_closed_cannot_be_journaled(joined, second, clerk):
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    ring(joined, maria, d.session_id, 1_000, cash(1_000))
    push(joined)
    with pytest.raises(StateError, match="not closed yet"):
        journal.draft(clerk, local_today())


def test_a_correction_reverses_and_reposts_never_edits(joined, second, clerk, boss, approval):
    busy_day(joined, second, approval)
    day = local_today()
    first = journal.draft(clerk, day)
    journal.post(boss, first.id)
    with pytest.raises(StateError, match="Nothing changed"):
        journal.correct(clerk, first.id, "Recheck")
    # A late session of the same day arrives after the journal was drafted.
    james = login(second, "james")
    d = open_drawer(second, james)
    ring(second, james, d.session_id, 8_800, cash(10_000))
    close_exactly(second, james, d.session_id)
    push(second)
    fixed = journal.correct(clerk, first.id, "Late session from T2")
    assert fixed.journal.kind == "correction" and fixed.journal.corrects == 1
    assert fixed.journal.number == 2 and fixed.journal.balanced
    assert all(v == 0 for v in fixed.journal.by_fund().values())
    # The original is unchanged; original + correction = the day as it stands now.
    assert journal.get(clerk, first.id).journal == first.journal
    now, _ = journal.compute(clerk, day)
    total: dict = {}
    for j in (first.journal, fixed.journal):
        for k, v in j.net_by_account().items():
            total[k] = total.get(k, 0) + v
    assert {k: v for k, v in total.items() if v} == {
        k: v for k, v in now.net_by_account().items() if v
    }
    with pytest.raises(StateError, match="already corrected"):
        journal.correct(clerk, first.id, "Again")
