"""End-of-day outputs for a session or a whole date: the Z report and the bank deposit slip."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, or_, select, text
from sqlalchemy.orm import Session

from counterpos.documents import deposit_slip as deposit_pdf
from counterpos.documents import z_report as z_pdf
from counterpos.domain.denominations import BY_KEY
from counterpos.domain.deposit_slip import DepositItem, DepositSlip, deposit_lines, split_float
from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.domain.tenders import LABELS
from counterpos.domain.z_report import Approval_, Exception_, SessionLine, Total, ZReport
from counterpos.services import settings
from counterpos.services.actor import Actor
from counterpos.services.audit_log import utc_bound, utc_end
from counterpos.services.clock import to_local, utcnow
from counterpos.services.devices import pdf_copy
from counterpos.services.devices.pdf_copy import SavedPdf
from counterpos.services.drawer.figures import session_figures
from counterpos.services.errors import NotFound, StateError
from counterpos.services.sale.voids import VOID_SUFFIX
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent, DrawerClose, DrawerSession, User

TENDER_LABELS = {**LABELS, TenderKind.REFUND_REQUEST: "Refund requests to finance"}


def _ids(q: str):
    return text(q).bindparams(bindparam("ids", expanding=True))


_BY_SERVICE = _ids(
    "SELECT l.service_code, sv.name, "
    f"SUM(CASE s.kind WHEN '{SaleKind.SALE}' THEN 1 WHEN '{SaleKind.VOID}' THEN -1 ELSE 0 END), "
    "SUM(l.amount_cents) "
    "FROM sale_line l JOIN sale s ON s.id = l.sale_id JOIN service sv ON sv.code = l.service_code "
    "WHERE s.session_id IN :ids GROUP BY l.service_code, sv.name, sv.sort_order "
    "ORDER BY sv.sort_order, l.service_code"
)
_BY_GL = _ids(
    "SELECT l.gl_account, g.name, g.fund_code, g.fund_name, "
    f"SUM(CASE s.kind WHEN '{SaleKind.SALE}' THEN 1 WHEN '{SaleKind.VOID}' THEN -1 ELSE 0 END), "
    "SUM(l.amount_cents) "
    "FROM sale_line l JOIN sale s ON s.id = l.sale_id JOIN gl_account g ON g.code = l.gl_account "
    "WHERE s.session_id IN :ids GROUP BY l.gl_account, g.name, g.fund_code, g.fund_name "
    "ORDER BY l.gl_account"
)
_TENDERS = _ids(
    f"SELECT t.kind, SUM(CASE s.kind WHEN '{SaleKind.VOID}' THEN -1 ELSE 1 END), "
    "SUM(t.amount_cents) "
    "FROM tender t JOIN sale s ON s.id = t.sale_id WHERE s.session_id IN :ids "
    "GROUP BY t.kind ORDER BY t.kind"
)
_SALES = _ids(
    "SELECT COUNT(*), COALESCE(SUM(total_cents), 0) FROM sale "
    f"WHERE session_id IN :ids AND kind = '{SaleKind.SALE}'"
)
_EXCEPTIONS = _ids(
    "SELECT s.kind, s.receipt_no, s.total_cents, s.note, s.user_id, s.approver_id, o.receipt_no, "
    "(SELECT t.kind FROM tender t WHERE t.sale_id = s.id LIMIT 1) "
    "FROM sale s LEFT JOIN sale o ON o.id = s.original_sale_id "
    f"WHERE s.session_id IN :ids AND s.kind IN ('{SaleKind.VOID}', '{SaleKind.REFUND}') "
    "ORDER BY s.created_at"
)
_PAID = _ids(
    "SELECT direction, receipt_no, amount_cents, reason, user_id, approver_id FROM paid_in_out "
    "WHERE session_id IN :ids ORDER BY created_at"
)


def _users(s: Session) -> dict[str, User]:
    return {u.id: u for u in s.scalars(select(User))}


def _sessions_in_scope(
    s: Session, actor: Actor, session_id: str | None, day: date | None
) -> tuple[list[DrawerSession], str]:
    if (session_id is None) == (day is None):
        raise StateError("Choose either one session or one date.")
    if session_id is not None:
        row = s.get(DrawerSession, session_id)
        if row is None:
            raise NotFound("There is no drawer session {session_id}.", session_id=session_id)
        if row.user_id != actor.user_id:
            actor.require("view_reports", "see another cashier's end-of-day report")
        return [row], ""
    assert day is not None  # exactly one of the two was given
    actor.require("view_reports", "see the day's reports")
    rows = s.scalars(
        select(DrawerSession)
        .where(
            DrawerSession.opened_at >= utc_bound(day),
            DrawerSession.opened_at < utc_end(day),
        )
        .order_by(DrawerSession.station_code, DrawerSession.opened_at)
    ).all()
    return list(rows), f"{day:%m/%d/%Y}, all stations"


def _closes(s: Session, ids: list[str]) -> dict[str, DrawerClose]:
    if not ids:
        return {}
    return {
        c.session_id: c
        for c in s.scalars(select(DrawerClose).where(DrawerClose.session_id.in_(ids)))
    }


def _name(users: dict[str, User], uid: str | None) -> str:
    return users[uid].full_name if uid and uid in users else ""


def z_report(
    station: Station, actor: Actor, *, session_id: str | None = None, day: date | None = None
) -> ZReport:
    with station.store.read() as s:
        rows, scope = _sessions_in_scope(s, actor, session_id, day)
        users = _users(s)
        ids = [r.id for r in rows] or ["-"]
        closes = _closes(s, ids)
        if session_id is not None:
            r = rows[0]
            scope = f"Session {session_label(r.id)}, {_name(users, r.user_id)}, {r.station_code}"
        lines = []
        for r in rows:
            c = closes.get(r.id)
            lines.append(
                SessionLine(
                    r.station_code,
                    _name(users, r.user_id),
                    r.kind,
                    to_local(r.opened_at),
                    to_local(c.closed_at) if c else None,
                    Money(r.opening_float_cents),
                    Money(c.expected_cash_cents) if c else None,
                    Money(c.counted_cash_cents) if c else None,
                    Money(c.over_short_cents) if c else None,
                    _name(users, c.approver_id) if c else "",
                    c.note if c else "",
                )
            )
        p = {"ids": ids}
        by_service = tuple(
            Total(code, name, int(n), Money(int(a)))
            for code, name, n, a in s.execute(_BY_SERVICE, p)
        )
        by_gl: list[Total] = []
        funds: dict[str, list[Any]] = {}  # fund -> [name, count, cents]
        for code, name, fund, fund_name, n, a in s.execute(_BY_GL, p):
            by_gl.append(Total(code, name, int(n), Money(int(a)), f"{fund} {fund_name}"))
            f = funds.setdefault(fund, [fund_name, 0, 0])
            f[1] += int(n)
            f[2] += int(a)
        by_fund = tuple(Total(k, v[0], v[1], Money(v[2])) for k, v in sorted(funds.items()))
        tenders = tuple(
            Total(kind, TENDER_LABELS.get(kind, kind), int(n), Money(int(a)))
            for kind, n, a in s.execute(_TENDERS, p)
        )
        sales_count, gross = s.execute(_SALES, p).one()
        exceptions = []
        for kind, no, total, note, uid, aid, orig, tkind in s.execute(_EXCEPTIONS, p):
            if kind == SaleKind.VOID:
                exceptions.append(
                    Exception_(
                        SaleKind.VOID,
                        no.removesuffix(VOID_SUFFIX),
                        Money(total),
                        note,
                        _name(users, uid),
                        _name(users, aid),
                    )
                )
            else:
                method = "cash" if tkind == TenderKind.CASH else "to finance"
                exceptions.append(
                    Exception_(
                        SaleKind.REFUND,
                        no,
                        Money(total),
                        note,
                        _name(users, uid),
                        _name(users, aid),
                        f"of {orig}, {method}",
                    )
                )
        for direction, no, amount, reason, uid, aid in s.execute(_PAID, p):
            exceptions.append(
                Exception_(
                    f"paid_{direction}",
                    no,
                    Money(amount),
                    reason,
                    _name(users, uid),
                    _name(users, aid),
                )
            )
        approvals, no_sales, reprints = _events(s, rows, closes, users, session_id, day)
        return ZReport(
            city_name=settings.get(s, "city.name"),
            scope=scope,
            printed_at=to_local(utcnow()),
            printed_by=actor.full_name,
            sessions=tuple(lines),
            by_service=by_service,
            by_gl=tuple(by_gl),
            by_fund=by_fund,
            tenders=tenders,
            exceptions=tuple(exceptions),
            approvals=approvals,
            sales_count=int(sales_count),
            gross_sales=Money(int(gross)),
            no_sales=no_sales,
            reprints=reprints,
        )


def _events(s, rows, closes, users, session_id, day):
    """Approvals, no-sales and reprints: audit events of the stations in the time window."""
    if not rows:
        return (), 0, 0
    if session_id is not None:
        r = rows[0]
        start = r.opened_at
        c = closes.get(r.id)
        end = c.closed_at + timedelta(seconds=1) if c else utcnow() + timedelta(seconds=1)
        stations = [r.station_code]
        cashier = users[r.user_id].username if r.user_id in users else None
    else:
        start, end = utc_bound(day), utc_end(day)
        stations = sorted({r.station_code for r in rows})
        cashier = None
    q = select(AuditEvent).where(
        AuditEvent.at >= start,
        AuditEvent.at < end,
        AuditEvent.station_code.in_(stations),
        (AuditEvent.approver != "") | AuditEvent.action.in_(("no_sale", "receipt_reprint")),
    )
    approvals, no_sales, reprints = [], 0, 0
    for e in s.scalars(q.order_by(AuditEvent.seq)):
        mine = cashier is None or cashier in (e.actor, e.approver)
        if not mine:
            continue
        if e.approver and e.action != "override_granted":  # the approved action itself is listed
            approvals.append(Approval_(e.action, e.actor, e.approver, e.target, to_local(e.at)))
        if e.action == "no_sale":
            no_sales += 1
        elif e.action == "receipt_reprint":
            reprints += 1
    return tuple(approvals), no_sales, reprints


def deposit_slip(
    station: Station, actor: Actor, *, session_id: str | None = None, day: date | None = None
) -> DepositSlip:
    """What goes to the bank from the closed sessions in scope; the floats stay in the drawers."""
    with station.store.read() as s:
        rows, scope = _sessions_in_scope(s, actor, session_id, day)
        users = _users(s)
        closes = _closes(s, [r.id for r in rows])
        if session_id is not None and session_id not in closes:
            raise StateError("Close the drawer session before preparing its deposit.")
        if session_id is not None:
            r = rows[0]
            scope = f"Session {session_label(r.id)}, {_name(users, r.user_id)}, {r.station_code}"
        deposit: dict[str, int] = {}
        kept_cents = short = 0
        items: list[DepositItem] = []
        for r in rows:
            c = closes.get(r.id)
            if c is None:
                continue
            counted = dict((c.closing_count or {}).get("cash", {}))
            kept, dep, missing = split_float(
                counted, r.opening_float_cents, dict(r.opening_count or {})
            )
            kept_cents += sum(BY_KEY[k].cents * n for k, n in kept.items())
            short += missing
            for k, n in dep.items():
                deposit[k] = deposit.get(k, 0) + n
            ticked = set((c.closing_count or {}).get("ticked", []))
            for i in session_figures(s, r.id).items:
                if i.tender_id in ticked:
                    items.append(DepositItem(i.kind, i.number, i.payer, i.amount, i.receipt_no))
        currency, coin = deposit_lines(deposit)
        return DepositSlip(
            city_name=settings.get(s, "city.name"),
            account_label=settings.get(s, "deposit.account_label"),
            scope=scope,
            prepared_at=to_local(utcnow()),
            prepared_by=actor.full_name,
            currency=currency,
            coin=coin,
            items=tuple(items),
            float_kept=Money(kept_cents),
            float_shortfall=Money(short),
        )


def _scope_of(session_id: str | None, day: date | None) -> tuple[str, dict[str, str]]:
    """The audit target of a report (the session id, or the date) and the detail naming it."""
    key, target = ("session_id", session_id) if session_id is not None else ("day", str(day))
    return target, {key: target}


def z_report_pdf(
    station: Station,
    actor: Actor,
    path: Path | str,
    *,
    session_id: str | None = None,
    day: date | None = None,
) -> SavedPdf[ZReport]:
    """Save the Z report of one session or one date as a PDF; audited like a receipt's PDF
    copy: who, which session or date, where, and which copy of that report it is."""
    z = z_report(station, actor, session_id=session_id, day=day)
    target, details = _scope_of(session_id, day)
    return pdf_copy.save(
        station,
        actor,
        action="z_report_pdf",
        target=target,
        details={**details, "scope": z.scope},
        what="Z report",
        document=z,
        write=z_pdf.write_pdf,
        path=path,
    )


def deposit_slip_pdf(
    station: Station,
    actor: Actor,
    path: Path | str,
    *,
    session_id: str | None = None,
    day: date | None = None,
) -> SavedPdf[DepositSlip]:
    """Save the bank deposit slip of a closed session or a date as a PDF; audited like the
    Z report's PDF (who, which session or date, where, which copy)."""
    slip = deposit_slip(station, actor, session_id=session_id, day=day)
    target, details = _scope_of(session_id, day)
    return pdf_copy.save(
        station,
        actor,
        action="deposit_slip_pdf",
        target=target,
        details={**details, "scope": slip.scope, "total_cents": slip.total.cents},
        what="Deposit slip",
        document=slip,
        write=deposit_pdf.write_pdf,
        path=path,
    )


def session_label(session_id: str) -> str:
    """The short form of a session id printed on reports: its last 8 characters, the random
    part (the first ones tell only when it was opened)."""
    return session_id[-8:]


def resolve_session(station: Station, text_id: str) -> str:
    """A session id from its full form, the 8 characters printed on reports, or its start."""
    text_id = text_id.strip().lower()
    if len(text_id) < 4:
        raise NotFound("Give at least the first 4 characters of the session id.")
    if len(text_id) > 36 or not re.fullmatch(r"[0-9a-f-]+", text_id):
        shown = text_id if len(text_id) <= 40 else text_id[:40] + "…"
        raise NotFound(
            "{shown} is not a drawer session id (letters a-f, digits and '-').", shown=repr(shown)
        )
    with station.store.read() as s:
        found = s.scalars(
            select(DrawerSession.id)
            .where(
                or_(
                    DrawerSession.id.startswith(text_id, autoescape=True),
                    DrawerSession.id.endswith(text_id, autoescape=True),
                )
            )
            .limit(2)
        ).all()
    if not found:
        raise NotFound("There is no drawer session {text_id}.", text_id=text_id)
    if len(found) > 1:
        raise NotFound(
            "More than one session matches {text_id}; give more of its id.", text_id=text_id
        )
    return found[0]
