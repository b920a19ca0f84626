"""Reports for a period (a month, a quarter, the fiscal year): the cash-receipts journal;
revenue by fund, GL account and service; the registers of deposits, adjustments, voids,
refunds and over/short by cashier; receipt-number continuity per station. As PDF, CSV or XLSX,
each one recorded; long ones report their progress section by section."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Connection, text

from counterpos.documents import office_report
from counterpos.domain.money import Money
from counterpos.domain.period import Period, continuity
from counterpos.domain.period_report import PeriodReport, Section, csv_rows
from counterpos.services.audit_log import utc_bound
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import InputError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office
from counterpos.store.models.base import new_id

Progress = Callable[[int, int, str], None]  # (done, of, what is being read)
FORMATS = ("pdf", "csv", "xlsx")


def _receipts(conn: Connection, p: dict) -> Section:
    rows = conn.execute(
        text(
            "SELECT s.created_at, s.station_code, s.receipt_no, s.kind, "
            "coalesce(nullif(c.business_name, ''), trim(c.first_name || ' ' || c.last_name), ''), "
            "s.total_cents, (SELECT string_agg(t.kind, '+' ORDER BY t.position) FROM tender t "
            "WHERE t.sale_id = s.id) FROM sale s LEFT JOIN customer c ON c.id = s.customer_id "
            "WHERE s.created_at >= :a AND s.created_at < :b ORDER BY s.created_at, s.receipt_no"
        ),
        p,
    )
    return Section(
        "Cash receipts journal",
        ("Date", "Station", "Receipt", "Kind", "Customer", "Tenders", "Amount"),
        tuple(
            (to_local(at).date(), st, no, kind, who, tenders or "", Money(int(cents)))
            for at, st, no, kind, who, cents, tenders in rows
        ),
    )


_REVENUE = """
    SELECT {key}, sum(l.amount_cents)
    FROM sale s JOIN sale_line l ON l.sale_id = s.id
    LEFT JOIN gl_account g ON g.code = l.gl_account
    LEFT JOIN office_account o ON o.code = l.gl_account
    LEFT JOIN service v ON v.code = l.service_code
    WHERE s.created_at >= :a AND s.created_at < :b
    GROUP BY {group} ORDER BY {group}
"""


def _revenue(conn: Connection, p: dict) -> list[Section]:
    fund = "coalesce(g.fund_code, o.fund_code, ''), coalesce(g.fund_name, o.fund_name, '')"
    gl = (
        "l.gl_account, coalesce(g.name, o.name, l.gl_account), "
        "coalesce(g.fund_code, o.fund_code, '')"
    )
    svc = "l.service_code, coalesce(v.name, l.service_code)"
    out = []
    for title, cols, key in (
        ("Revenue by fund", ("Fund", "Name", "Amount"), fund),
        ("Revenue by GL account", ("Account", "Name", "Fund", "Amount"), gl),
        ("Revenue by service", ("Service", "Name", "Amount"), svc),
    ):
        rows = conn.execute(text(_REVENUE.format(key=key, group=key)), p)
        out.append(Section(title, cols, tuple((*r[:-1], Money(int(r[-1]))) for r in rows)))
    return out


def _deposits(conn: Connection, p: dict) -> Section:
    rows = conn.execute(
        text(
            "SELECT d.deposit_no, d.business_day, d.bag_no, d.bank_account, d.prepared_by_name, "
            "coalesce(v.by_name, ''), b.banked_on, d.total_cents FROM office_deposit d "
            "LEFT JOIN office_deposit_event v ON v.deposit_id = d.id AND v.state = 'verified' "
            "LEFT JOIN office_deposit_event b ON b.deposit_id = d.id AND b.state = 'banked' "
            "WHERE d.business_day BETWEEN :first AND :last ORDER BY d.deposit_no"
        ),
        p,
    )
    return Section(
        "Deposits register",
        ("No.", "Day", "Bag", "Account", "Prepared by", "Verified by", "Banked", "Total"),
        tuple((*r[:-1], Money(int(r[-1]))) for r in rows),
    )


def _adjustments(conn: Connection, p: dict) -> Section:
    rows = conn.execute(
        text(
            "SELECT e.created_at, e.station_code, coalesce(a.account_no, e.account_id), "
            "e.entry_type, e.memo, e.amount_cents FROM ledger_entry e "
            "LEFT JOIN utility_account a ON a.id = e.account_id "
            "WHERE e.created_at >= :a AND e.created_at < :b "
            "AND e.entry_type IN ('adjustment', 'credit', 'reversal', 'penalty', 'refund') "
            "ORDER BY e.created_at"
        ),
        p,
    )
    return Section(
        "Adjustments register",
        ("Date", "Station", "Account", "Type", "Memo", "Amount"),
        tuple((to_local(r[0]).date(), *r[1:5], Money(int(r[5]))) for r in rows),
    )


def _exceptions(conn: Connection, p: dict, kind: str, title: str) -> Section:
    rows = conn.execute(
        text(
            "SELECT s.created_at, s.station_code, s.receipt_no, coalesce(o.receipt_no, ''), "
            "s.note, coalesce(u.full_name, ''), coalesce(ap.full_name, ''), s.total_cents "
            "FROM sale s LEFT JOIN sale o ON o.id = s.original_sale_id "
            "LEFT JOIN app_user u ON u.id = s.user_id LEFT JOIN app_user ap ON ap.id = s.approver_id "
            "WHERE s.kind = :k AND s.created_at >= :a AND s.created_at < :b "
            "ORDER BY s.created_at"
        ),
        {**p, "k": kind},
    )
    return Section(
        title,
        ("Date", "Station", "Receipt", "Original", "Reason", "By", "Approved by", "Amount"),
        tuple((to_local(r[0]).date(), *r[1:7], Money(int(r[7]))) for r in rows),
    )


def _over_short(conn: Connection, p: dict) -> Section:
    rows = conn.execute(
        text(
            "SELECT coalesce(u.full_name, d.user_id), count(*), "
            "coalesce(sum(c.over_short_cents) FILTER (WHERE c.over_short_cents > 0), 0), "
            "coalesce(sum(c.over_short_cents) FILTER (WHERE c.over_short_cents < 0), 0), "
            "count(*) FILTER (WHERE c.over_short_cents < 0), sum(c.over_short_cents) "
            "FROM drawer_session d JOIN drawer_close c ON c.session_id = d.id "
            "LEFT JOIN app_user u ON u.id = d.user_id "
            "WHERE d.opened_at >= :a AND d.opened_at < :b AND d.station_code <> 'OFFICE' "
            "GROUP BY 1 ORDER BY 1"
        ),
        p,
    )
    return Section(
        "Over/short by cashier",
        ("Cashier", "Sessions", "Over", "Short", "Times short", "Net"),
        tuple(
            (who, int(n), Money(int(o)), Money(int(s)), int(k), Money(int(net)))
            for who, n, o, s, k, net in rows
        ),
        "Repeated shortages are for the supervisor to review.",
    )


def _continuity(conn: Connection, p: dict) -> Section:
    """Every number a station issued in the period, sales and paid-in/out alike (they share
    the sequence); a void keeps its sale's number and is not counted again."""
    numbers: dict[str, list[int]] = {}
    for st, seq in conn.execute(
        text(
            "SELECT station_code, sequence FROM sale WHERE kind <> 'void' "
            "AND created_at >= :a AND created_at < :b "
            "UNION ALL SELECT station_code, sequence FROM paid_in_out "
            "WHERE created_at >= :a AND created_at < :b"
        ),
        p,
    ):
        numbers.setdefault(st, []).append(int(seq))
    before: dict[str, int] = dict(
        conn.execute(
            text(
                "SELECT station_code, max(sequence) FROM (SELECT station_code, sequence FROM sale "
                "WHERE created_at < :a UNION ALL SELECT station_code, sequence FROM paid_in_out "
                "WHERE created_at < :a) x GROUP BY 1"
            ),
            p,
        ).all()
    )
    rows = []
    for st in sorted(numbers):
        # A station's numbers start at 1: with nothing before the period, 1 is expected first.
        c = continuity(st, numbers[st], int(before.get(st, 0)))
        gaps = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in c.gaps)
        rows.append(
            (
                st,
                c.first,
                c.last,
                c.count,
                gaps or "none",
                ", ".join(map(str, c.duplicates)) or "none",
                "complete" if c.ok else "CHECK",
            )
        )
    return Section(
        "Receipt-number continuity",
        ("Station", "First", "Last", "Issued", "Missing", "Duplicated", "Status"),
        tuple(rows),
    )


def build(office: Office, period: Period, progress: Progress | None = None) -> PeriodReport:
    office.actor.require("office_reports", "run the office's period reports")
    p = {
        "a": utc_bound(period.first),
        "b": utc_bound(period.last + timedelta(days=1)),
        "first": period.first,
        "last": period.last,
    }
    steps: list[tuple[str, Callable[[Connection], list[Section]]]] = [
        ("cash receipts", lambda c: [_receipts(c, p)]),
        ("revenue", lambda c: _revenue(c, p)),
        ("deposits", lambda c: [_deposits(c, p)]),
        ("adjustments", lambda c: [_adjustments(c, p)]),
        ("voids", lambda c: [_exceptions(c, p, "void", "Voids register")]),
        ("refunds", lambda c: [_exceptions(c, p, "refund", "Refunds register")]),
        ("over/short", lambda c: [_over_short(c, p)]),
        ("receipt numbers", lambda c: [_continuity(c, p)]),
    ]
    sections: list[Section] = []
    with office.read() as conn:
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        for n, (what, step) in enumerate(steps):
            if progress is not None:
                progress(n, len(steps), what)
            sections.extend(step(conn))
    if progress is not None:
        progress(len(steps), len(steps), "done")
    return PeriodReport(
        office.city_name,
        "Finance office period report",
        period.label,
        period.first,
        period.last,
        to_local(utcnow()),
        office.actor.full_name,
        tuple(sections),
    )


def save(
    office: Office,
    period: Period,
    path: Path | str,
    fmt: str = "",
    progress: Progress | None = None,
) -> PeriodReport:
    """Write the report as PDF, CSV or XLSX; the copy is recorded with its checksum."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError("A report is saved as pdf, csv or xlsx.", field="format")
    report = build(office, period, progress)
    if fmt == "pdf":
        office_report.write_pdf(report, path)
    elif fmt == "xlsx":
        office_report.write_xlsx(report, path)
    else:
        with open(path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(csv_rows(report))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with office.write() as conn:
        conn.execute(
            text(
                "INSERT INTO office_report (id, kind, period_from, period_to, format, sha256, "
                "by_user, at) VALUES (:id, 'period', :f, :t, :fmt, :h, :by, :at)"
            ),
            {
                "id": new_id(),
                "f": period.first,
                "t": period.last,
                "fmt": fmt,
                "h": digest,
                "by": office.actor.user_id,
                "at": utcnow(),
            },
        )
        audit.record(
            conn,
            office,
            "period_report",
            target=period.label,
            details={"format": fmt, "file": path.name, "sha256": digest},
        )
    return report
