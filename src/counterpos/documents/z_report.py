"""The Z report as a PDF."""

from __future__ import annotations

from pathlib import Path

from counterpos.documents.report_pages import PageWriter
from counterpos.domain.drawer_balance import describe
from counterpos.domain.kinds import SaleKind
from counterpos.domain.z_report import ZReport

AMOUNT = {2}


def write_pdf(z: ZReport, path: Path | str) -> Path:
    w = PageWriter(path, f"{z.city_name} - Z report", z.scope)
    w.text(f"Printed {z.printed_at:%m/%d/%Y %I:%M %p} by {z.printed_by}", size=8)

    w.heading("Drawer sessions")
    cols = [0.06, 0.15, 0.17, 0.1, 0.11, 0.11, 0.13, 0.17]
    w.row(
        [
            "Station",
            "Cashier",
            "Opened",
            "Float",
            "Expected",
            "Counted",
            "Over/short",
            "Accepted by",
        ],
        cols,
        right={3, 4, 5, 6},
        bold=True,
        rule=True,
    )
    for s in z.sessions:
        name = s.cashier + (" (RECOVERY)" if s.kind == "recovery" else "")
        if s.closed_at is None or s.expected is None or s.counted is None or s.over_short is None:
            w.row(
                [
                    s.station_code,
                    name,
                    f"{s.opened_at:%I:%M %p}".lstrip("0"),
                    s.opening_float.format(),
                    "",
                    "",
                    "still open",
                    "",
                ],
                cols,
                right={3, 4, 5, 6},
            )
            continue
        w.row(
            [
                s.station_code,
                name,
                f"{s.opened_at:%I:%M %p}".lstrip("0") + "–" + f"{s.closed_at:%I:%M %p}".lstrip("0"),
                s.opening_float.format(),
                s.expected.format(),
                s.counted.format(),
                describe(s.over_short),
                s.approver,
            ],
            cols,
            right={3, 4, 5, 6},
        )
        if s.note:
            w.text(f"      Supervisor's note: {s.note}", size=8)

    w.heading("Summary")
    two = [0.6, 0.4]
    for label, value in (
        (f"Sales ({z.sales_count})", z.gross_sales.format()),
        (f"Voids ({len(z.of_kind(SaleKind.VOID))})", z.total_of(SaleKind.VOID).format()),
        (f"Refunds ({len(z.of_kind(SaleKind.REFUND))})", z.total_of(SaleKind.REFUND).format()),
        ("Net collected", z.net.format()),
        ("Paid in", z.total_of("paid_in").format()),
        ("Paid out", z.total_of("paid_out").format()),
        ("No-sale drawer opens", str(z.no_sales)),
        ("Receipt reprints", str(z.reprints)),
        ("Over/short", describe(z.over_short)),
    ):
        w.row([label, value], two, right={1})

    for title, rows, show_code in (
        ("By service (net of voids and refunds)", z.by_service, False),
        ("By GL account", z.by_gl, True),
        ("By fund", z.by_fund, True),
        ("Tenders", z.tenders, False),
    ):
        w.heading(title)
        cols = [0.12, 0.48, 0.15, 0.25]
        w.row(
            ["Code" if show_code else "", "Name", "Count", "Amount"],
            cols,
            right={2, 3},
            bold=True,
            rule=True,
        )
        for t in rows:
            label = t.label + (f"  ({t.extra})" if t.extra else "")
            w.row(
                [t.code if show_code else "", label, str(t.count), t.amount.format()],
                cols,
                right={2, 3},
            )

    for kind, title in (
        (SaleKind.VOID, "Voids"),
        (SaleKind.REFUND, "Refunds"),
        ("paid_in", "Paid in"),
        ("paid_out", "Paid out"),
    ):
        exceptions = z.of_kind(kind)
        if not exceptions:
            continue
        w.heading(title)
        cols = [0.16, 0.13, 0.31, 0.2, 0.2]
        w.row(
            ["Receipt", "Amount", "Reason", "By", "Approved by"],
            cols,
            right={1},
            bold=True,
            rule=True,
        )
        for e in exceptions:
            reason = e.reason + (f" ({e.detail})" if e.detail else "")
            w.row([e.receipt_no, e.amount.format(), reason, e.by, e.approver], cols, right={1})

    if z.approvals:
        w.heading("Who approved")
        cols = [0.22, 0.2, 0.18, 0.18, 0.22]
        w.row(["Action", "Target", "Cashier", "Approver", "When"], cols, bold=True, rule=True)
        for a in z.approvals:
            w.row(
                [
                    a.action.replace("_", " "),
                    a.target[:20],
                    a.actor,
                    a.approver,
                    f"{a.at:%m/%d %I:%M %p}",
                ],
                cols,
            )
    w.save()
    return Path(path)
