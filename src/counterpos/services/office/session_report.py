"""The Z report of any session at the centre, a station's or the office's own virtual one
(lockbox, online, mail, returns), read from the central copy."""

from __future__ import annotations

from sqlalchemy import text

from counterpos.domain.money import Money
from counterpos.domain.tenders import LABELS
from counterpos.domain.z_report import SessionLine, Total, ZReport
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import NotFound
from counterpos.services.office.connection import Office

TENDER_LABELS = {
    **LABELS,
    "refund_request": "Refund requests to finance",
    "eft": "Electronic payments",
    "returned_item": "Returned items",
}


def z_report(office: Office, session_id: str) -> ZReport:
    office.actor.require("office", "see a session's Z report")
    p = {"s": session_id}
    with office.read() as conn:
        head = conn.execute(
            text(
                "SELECT d.station_code, coalesce(u.full_name, d.user_id), d.kind, d.opened_at, "
                "d.opening_float_cents, c.closed_at, c.expected_cash_cents, "
                "c.counted_cash_cents, c.over_short_cents, coalesce(a.full_name, ''), "
                "coalesce(c.note, '') FROM drawer_session d "
                "LEFT JOIN drawer_close c ON c.session_id = d.id "
                "LEFT JOIN app_user u ON u.id = d.user_id "
                "LEFT JOIN app_user a ON a.id = c.approver_id WHERE d.id = :s"
            ),
            p,
        ).first()
        if head is None:
            raise NotFound("That session has not reached the central database.")
        by_service = tuple(
            Total(code, name, int(n), Money(int(a)))
            for code, name, n, a in conn.execute(
                text(
                    "SELECT l.service_code, coalesce(sv.name, l.service_code), "
                    "count(DISTINCT s.id) FILTER (WHERE s.kind = 'sale'), sum(l.amount_cents) "
                    "FROM sale s JOIN sale_line l ON l.sale_id = s.id "
                    "LEFT JOIN service sv ON sv.code = l.service_code "
                    "WHERE s.session_id = :s GROUP BY 1, 2 ORDER BY 1"
                ),
                p,
            )
        )
        gl_rows = conn.execute(
            text(
                "SELECT l.gl_account, coalesce(g.name, o.name, l.gl_account), "
                "coalesce(g.fund_code, o.fund_code, ''), coalesce(g.fund_name, o.fund_name, ''), "
                "count(*), sum(l.amount_cents) FROM sale s JOIN sale_line l ON l.sale_id = s.id "
                "LEFT JOIN gl_account g ON g.code = l.gl_account "
                "LEFT JOIN office_account o ON o.code = l.gl_account "
                "WHERE s.session_id = :s GROUP BY 1, 2, 3, 4 ORDER BY 1"
            ),
            p,
        ).all()
        tenders = tuple(
            Total(kind, TENDER_LABELS.get(kind, kind), int(n), Money(int(a)))
            for kind, n, a in conn.execute(
                text(
                    "SELECT t.kind, count(*), sum(t.amount_cents) FROM tender t "
                    "JOIN sale s ON s.id = t.sale_id WHERE s.session_id = :s GROUP BY 1 ORDER BY 1"
                ),
                p,
            )
        )
        count, gross = conn.execute(
            text(
                "SELECT count(*), coalesce(sum(total_cents), 0) FROM sale "
                "WHERE session_id = :s AND kind = 'sale'"
            ),
            p,
        ).one()
    funds: dict[str, list] = {}
    by_gl = []
    for code, name, fund, fund_name, n, cents in gl_rows:
        by_gl.append(Total(code, name, int(n), Money(int(cents)), f"{fund} {fund_name}"))
        f = funds.setdefault(fund, [fund_name, 0, 0])
        f[1] += int(n)
        f[2] += int(cents)
    closed = head[5] is not None
    line = SessionLine(
        head[0],
        head[1],
        head[2],
        to_local(head[3]),
        to_local(head[5]) if closed else None,
        Money(int(head[4])),
        Money(int(head[6])) if closed else None,
        Money(int(head[7])) if closed else None,
        Money(int(head[8])) if closed else None,
        head[9],
        head[10],
    )
    return ZReport(
        city_name=office.city_name,
        scope=f"Session {session_id[-8:]}, {head[1]}, {head[0]} ({head[2]})",
        printed_at=to_local(utcnow()),
        printed_by=office.actor.full_name,
        sessions=(line,),
        by_service=by_service,
        by_gl=tuple(by_gl),
        by_fund=tuple(Total(k, v[0], v[1], Money(v[2])) for k, v in sorted(funds.items())),
        tenders=tenders,
        exceptions=(),
        approvals=(),
        sales_count=int(count),
        gross_sales=Money(int(gross)),
        no_sales=0,
        reprints=0,
    )
