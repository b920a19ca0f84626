"""The Z report (end-of-day totals) as a printer-independent document, and its text form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counterpos.domain.drawer_balance import describe
from counterpos.domain.kinds import SaleKind
from counterpos.domain.money import Money


@dataclass(frozen=True, slots=True)
class SessionLine:
    station_code: str
    cashier: str
    kind: str  # regular, recovery
    opened_at: datetime
    closed_at: datetime | None
    opening_float: Money
    expected: Money | None
    counted: Money | None
    over_short: Money | None
    approver: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Total:
    """One row of a breakdown: by service, GL account, fund or tender kind."""

    code: str
    label: str
    count: int
    amount: Money
    extra: str = ""  # the fund of a GL account


@dataclass(frozen=True, slots=True)
class Exception_:
    """A void, refund, paid-in or paid-out, as listed on the report."""

    kind: str  # a SaleKind (void, refund), or paid_in, paid_out
    receipt_no: str
    amount: Money
    reason: str
    by: str
    approver: str
    detail: str = ""  # the original receipt of a refund, its method


@dataclass(frozen=True, slots=True)
class Approval_:
    action: str
    actor: str
    approver: str
    target: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ZReport:
    city_name: str
    scope: str
    printed_at: datetime
    printed_by: str
    sessions: tuple[SessionLine, ...]
    by_service: tuple[Total, ...]
    by_gl: tuple[Total, ...]
    by_fund: tuple[Total, ...]
    tenders: tuple[Total, ...]
    exceptions: tuple[Exception_, ...]
    approvals: tuple[Approval_, ...]
    sales_count: int
    gross_sales: Money
    no_sales: int
    reprints: int

    def of_kind(self, kind: str) -> tuple[Exception_, ...]:
        return tuple(e for e in self.exceptions if e.kind == kind)

    def total_of(self, kind: str) -> Money:
        return Money(sum(e.amount.cents for e in self.of_kind(kind)))

    @property
    def net(self) -> Money:
        return Money(sum(t.amount.cents for t in self.by_fund))

    @property
    def over_short(self) -> Money:
        return Money(sum((s.over_short or Money(0)).cents for s in self.sessions))

    @property
    def open_sessions(self) -> int:
        return sum(1 for s in self.sessions if s.closed_at is None)


def _pair(left: str, right: str, width: int) -> str:
    left = left[: max(width - len(right) - 1, 0)]
    return f"{left}{' ' * (width - len(left) - len(right))}{right}"


def render_text(z: ZReport, width: int = 42) -> list[str]:
    """The short form for the receipt printer."""
    rule = "-" * width
    out = [z.city_name.center(width).rstrip(), "Z REPORT".center(width).rstrip(), z.scope[:width]]
    out.append(_pair("Printed", z.printed_at.strftime("%m/%d/%Y %I:%M %p"), width))
    out.append(_pair("By", z.printed_by, width))
    for s in z.sessions:
        out.append(rule)
        flag = " RECOVERY" if s.kind == "recovery" else ""
        out.append(
            _pair(
                f"{s.station_code} {s.cashier}{flag}",
                s.opened_at.strftime("%I:%M %p").lstrip("0"),
                width,
            )
        )
        out.append(_pair("Float", s.opening_float.format(), width))
        if s.closed_at is None or s.expected is None or s.counted is None or s.over_short is None:
            out.append("  still open")
            continue
        out.append(_pair("Expected cash", s.expected.format(), width))
        out.append(_pair("Counted cash", s.counted.format(), width))
        out.append(_pair("Over/short", f"{describe(s.over_short)}", width))
        if s.approver:
            out.append(_pair("Accepted by", s.approver, width))
    out.append(rule)
    out.append(_pair(f"Sales ({z.sales_count})", z.gross_sales.format(), width))
    voids, refunds = z.of_kind(SaleKind.VOID), z.of_kind(SaleKind.REFUND)
    out.append(_pair(f"Voids ({len(voids)})", z.total_of(SaleKind.VOID).format(), width))
    out.append(_pair(f"Refunds ({len(refunds)})", z.total_of(SaleKind.REFUND).format(), width))
    out.append(_pair("NET", z.net.format(), width))
    for title, rows in (
        ("BY SERVICE", z.by_service),
        ("BY GL ACCOUNT", z.by_gl),
        ("BY FUND", z.by_fund),
        ("TENDERS", z.tenders),
    ):
        out.append(rule)
        out.append(title)
        for t in rows:
            out.append(
                _pair(
                    f"{t.code} {t.label}"
                    if title != "BY SERVICE" and title != "TENDERS"
                    else f"{t.label} ({t.count})",
                    t.amount.format(),
                    width,
                )
            )
    out.append(rule)
    for kind, title in (
        (SaleKind.VOID, "VOIDS"),
        (SaleKind.REFUND, "REFUNDS"),
        ("paid_in", "PAID IN"),
        ("paid_out", "PAID OUT"),
    ):
        exceptions = z.of_kind(kind)
        if exceptions:
            out.append(title)
            for e in exceptions:
                out.append(_pair(f"{e.receipt_no} {e.reason}", e.amount.format(), width))
                out.append(f"  {e.by}" + (f" / ok {e.approver}" if e.approver else ""))
    out.append(_pair("Paid in", z.total_of("paid_in").format(), width))
    out.append(_pair("Paid out", z.total_of("paid_out").format(), width))
    out.append(_pair("No-sale opens", str(z.no_sales), width))
    out.append(_pair("Reprints", str(z.reprints), width))
    out.append(_pair("OVER/SHORT", describe(z.over_short), width))
    if z.approvals:
        out.append(rule)
        out.append("APPROVALS")
        for a in z.approvals:
            out.append(f"{a.action} {a.target}"[:width])
            out.append(f"  {a.actor} / ok {a.approver}"[:width])
    return out
