"""The general-ledger journal of a closed day, by fund: drafted, posted by a supervisor,
corrected only by a new journal that reverses and reposts.

The day's journal covers every session opened that day (the stations' and the office's own
virtual sessions): it credits each GL account and fund by the sum of the sale lines, exactly
as the day's Z reports total them, and debits where the money went: the counter deposit
account for cash (as counted, so the over/short is its own line), checks and money orders,
the lockbox and online account for payments that arrived without a cashier, card clearing for
cards, refunds payable for refunds finance will pay. Funds whose money the city only collects
(the water authority, the transit agency, the State) are credited as due to that body. Each
fund then balances on its own through its equity in pooled cash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, text

from counterpos.domain.journal import (
    Journal,
    JournalLine,
    Posting,
    balance_funds,
    lines_of,
    merge,
    reversal,
)
from counterpos.domain.kinds import TenderKind
from counterpos.domain.money import Money
from counterpos.services.audit_log import utc_bound
from counterpos.services.clock import utcnow
from counterpos.services.errors import InputError, NotFound, PermissionDenied, StateError
from counterpos.services.office import audit, reconciliation
from counterpos.services.office.connection import Office
from counterpos.services.office.numbers import next_number
from counterpos.store.models.base import new_id

REMOTE_KINDS = ("lockbox", "online", "ach")  # virtual sessions banked in the remote account

DAY_SESSIONS = text(
    "SELECT id FROM drawer_session WHERE opened_at >= :start AND opened_at < :end ORDER BY id"
)
BY_GL = text(
    """
    SELECT l.gl_account, coalesce(g.name, o.name, l.gl_account),
           coalesce(g.fund_code, o.fund_code, ''), coalesce(g.fund_name, o.fund_name, ''),
           sum(l.amount_cents)
    FROM sale s JOIN sale_line l ON l.sale_id = s.id
    LEFT JOIN gl_account g ON g.code = l.gl_account
    LEFT JOIN office_account o ON o.code = l.gl_account
    WHERE s.session_id = ANY(:ids)
    GROUP BY 1, 2, 3, 4
    """
)
BY_TENDER = text(
    """
    SELECT d.kind, t.kind, sum(t.amount_cents)
    FROM drawer_session d JOIN sale s ON s.session_id = d.id JOIN tender t ON t.sale_id = s.id
    WHERE d.id = ANY(:ids)
    GROUP BY 1, 2
    """
)
PAID = text(
    "SELECT direction, sum(amount_cents) FROM paid_in_out WHERE session_id = ANY(:ids) "
    "GROUP BY direction"
)
OVER_SHORT = text(
    "SELECT coalesce(sum(over_short_cents), 0) FROM drawer_close WHERE session_id = ANY(:ids)"
)


@dataclass(frozen=True)
class JournalView:
    id: str
    journal: Journal
    prepared_by: str
    posted_by: str
    exports: int
    session_ids: tuple[str, ...]

    @property
    def state(self) -> str:
        return "posted" if self.posted_by else "draft"


def _accounts(conn: Connection) -> dict[str, tuple[str, str, str, str]]:
    """The office's own accounts by purpose: (code, name, fund, fund name)."""
    return {
        r[0]: (r[1], r[2], r[3], r[4])
        for r in conn.execute(
            text("SELECT purpose, code, name, fund_code, fund_name FROM office_account")
        )
    }


def postings_for(conn: Connection, session_ids: list[str]) -> list[Posting]:
    """What the sessions post: credits by GL account and fund, debits where the money went."""
    acct = _accounts(conn)
    due_to: dict[str, str] = {
        f: d for f, d in conn.execute(text("SELECT fund_code, due_to FROM office_fund"))
    }
    p = {"ids": session_ids}

    def to(purpose: str, cents: int, memo: str = "") -> Posting:
        code, name, fund, fund_name = acct[purpose]
        return Posting(code, name, fund, fund_name, cents, memo)

    out: list[Posting] = []
    for gl, name, fund, fund_name, cents in conn.execute(BY_GL, p):
        out.append(Posting(gl, name, fund, fund_name, -int(cents), due_to.get(fund, "")))
    for session_kind, kind, cents in conn.execute(BY_TENDER, p):
        cents = int(cents)
        if kind == TenderKind.CARD:
            out.append(to("card_clearing", cents, "Card payments"))
        elif kind == TenderKind.REFUND_REQUEST:
            out.append(to("refunds_payable", cents, "Refunds to be paid by finance"))
        elif session_kind in REMOTE_KINDS:
            out.append(to("bank_remote", cents, f"{session_kind.capitalize()} payments"))
        elif kind == "returned_item":
            out.append(to("bank_counter", cents, "Returned items charged back"))
        else:
            out.append(to("bank_counter", cents, "Counter deposit"))
    paid = {d: int(c) for d, c in conn.execute(PAID, p)}
    cash_moves = paid.get("in", 0) - paid.get("out", 0)
    if cash_moves:
        out.append(to("bank_counter", cash_moves, "Counter deposit"))
        out.append(to("paid_in_out", -cash_moves, "Paid in less paid out"))
    over_short = int(conn.execute(OVER_SHORT, p).scalar_one())
    if over_short:
        out.append(to("bank_counter", over_short, "Counter deposit"))
        out.append(to("over_short", -over_short, "Cash over (short)"))
    return out


def _by_fund(conn: Connection, postings: list[Posting]) -> list[Posting]:
    acct = _accounts(conn)
    pool = acct["bank_counter"]
    equity, due = acct["equity_in_pool"], acct["pool_due_to"]
    return balance_funds(
        merge(postings),
        pool_fund=(pool[2], pool[3]),
        equity=(equity[0], equity[1]),
        due_to=(due[0], due[1]),
    )


def day_sessions(conn: Connection, day: date) -> list[str]:
    params = {"start": utc_bound(day), "end": utc_bound(day + timedelta(days=1))}
    return list(conn.execute(DAY_SESSIONS, params).scalars())


def compute(office: Office, day: date) -> tuple[Journal, list[str]]:
    """The day's journal as it would be drafted now (not saved), and the sessions it covers."""
    office.actor.require("office", "see the journal")
    with office.read() as conn:
        ids = day_sessions(conn, day)
        lines = lines_of(_by_fund(conn, postings_for(conn, ids)))
    return Journal(0, day, "day", lines), ids


def _save(
    conn: Connection,
    office: Office,
    day: date,
    kind: str,
    lines: tuple[JournalLine, ...],
    session_ids: list[str],
    memo: str,
    corrects: str | None,
) -> tuple[str, int]:
    journal_id, number = new_id(), next_number(conn, "journal")
    debit = sum(line.debit.cents for line in lines)
    credit = sum(line.credit.cents for line in lines)
    conn.execute(
        text(
            "INSERT INTO office_journal (id, journal_no, business_day, kind, corrects_id, "
            "prepared_by, prepared_by_name, prepared_at, memo, debit_cents, credit_cents, "
            "sources) VALUES (:id, :no, :day, :kind, :corrects, :by, :name, :at, :memo, :d, :c, "
            "CAST(:src AS jsonb))"
        ),
        {
            "id": journal_id,
            "no": number,
            "day": day,
            "kind": kind,
            "corrects": corrects,
            "by": office.actor.user_id,
            "name": office.actor.full_name,
            "at": utcnow(),
            "memo": memo,
            "d": debit,
            "c": credit,
            "src": json.dumps({"sessions": session_ids}),
        },
    )
    conn.execute(
        text(
            "INSERT INTO office_journal_line (journal_id, line_no, account_code, account_name, "
            "fund_code, fund_name, debit_cents, credit_cents, memo) VALUES (:j, :n, :a, :an, "
            ":f, :fn, :d, :c, :m)"
        ),
        [
            {
                "j": journal_id,
                "n": line.line_no,
                "a": line.account,
                "an": line.account_name,
                "f": line.fund,
                "fn": line.fund_name,
                "d": line.debit.cents,
                "c": line.credit.cents,
                "m": line.memo,
            }
            for line in lines
        ],
    )
    return journal_id, number


def draft(office: Office, day: date) -> JournalView:
    """Draft the numbered journal of a closed day: every station heard from, every session
    closed. A day has one; a later change is a correction."""
    office.actor.require("draft_journal", "draft a journal")
    recon = reconciliation.day(office, day)
    if not recon.complete:
        problems = [f"{st.code}: {st.reason}" for st in recon.missing]
        problems += [
            f"session {s.session_id[-8:]} of {s.station_code} is open"
            for s in recon.sessions
            if s.closed_at is None and s.station_code not in {st.code for st in recon.missing}
        ]
        raise StateError(
            "{day:%m/%d/%Y} is not closed yet: {problems}.", day=day, problems="; ".join(problems)
        )
    with office.write() as conn:
        existing = conn.execute(
            text("SELECT journal_no FROM office_journal WHERE business_day = :d ORDER BY 1"),
            {"d": day},
        ).first()
        if existing is not None:
            raise StateError(
                "{day:%m/%d/%Y} already has journal {journal}; correct it instead.",
                day=day,
                journal=existing[0],
            )
        ids = day_sessions(conn, day)
        if not ids:
            raise StateError(
                "No session was opened on {day:%m/%d/%Y}; there is nothing to post.", day=day
            )
        lines = lines_of(_by_fund(conn, postings_for(conn, ids)))
        journal_id, number = _save(conn, office, day, "day", lines, ids, "", None)
        audit.record(
            conn,
            office,
            "journal_draft",
            target=str(number),
            details={"day": day.isoformat(), "sessions": len(ids), "lines": len(lines)},
        )
    return get(office, journal_id)


def correct(office: Office, journal_id: str, reason: str) -> JournalView:
    """A new journal reversing the day's latest one and posting the day as it stands now."""
    office.actor.require("draft_journal", "correct a journal")
    reason = reason.strip()
    if not reason:
        raise InputError("Say why the journal is corrected.", field="reason")
    old = get(office, journal_id)
    day = old.journal.business_day
    with office.write() as conn:
        latest = conn.execute(
            text("SELECT id FROM office_journal WHERE business_day = :d ORDER BY journal_no DESC"),
            {"d": day},
        ).first()
        if latest is None or latest[0] != journal_id:
            raise StateError(
                "Journal {journal} was already corrected; correct the latest one.",
                journal=old.journal.number,
            )
        ids = day_sessions(conn, day)
        now = merge(_by_fund(conn, postings_for(conn, ids)))
        before = merge(
            Posting(ln.account, ln.account_name, ln.fund, ln.fund_name, ln.net, ln.memo)
            for ln in old.journal.lines
        )
        if _key(now) == _key(before) and set(ids) == set(old.session_ids):
            raise StateError("Nothing changed since journal {journal}.", journal=old.journal.number)
        lines = lines_of([*reversal(old.journal.lines), *now])
        new_id_, number = _save(conn, office, day, "correction", lines, ids, reason, journal_id)
        audit.record(
            conn,
            office,
            "journal_correct",
            target=str(number),
            details={"corrects": old.journal.number, "reason": reason},
        )
    return get(office, new_id_)


def _key(postings: list[Posting]) -> set[tuple[str, str, str, int]]:
    return {(p.account, p.fund, p.memo, p.cents) for p in postings}


def post(office: Office, journal_id: str) -> JournalView:
    """A finance supervisor posts a drafted journal; never the person who drafted it."""
    office.actor.require("post_journal", "post a journal")
    view = get(office, journal_id)
    if view.posted_by:
        raise StateError("Journal {journal} is already posted.", journal=view.journal.number)
    with office.write() as conn:
        prepared_by = conn.execute(
            text("SELECT prepared_by FROM office_journal WHERE id = :id"), {"id": journal_id}
        ).scalar_one()
        if prepared_by == office.actor.user_id:
            raise PermissionDenied(
                "{name} drafted journal {journal}; another person must post it.",
                "post_journal",
                name=office.actor.full_name,
                journal=view.journal.number,
            )
        conn.execute(
            text(
                "INSERT INTO office_journal_post (journal_id, posted_by, posted_by_name, "
                "posted_at) VALUES (:j, :by, :name, :at)"
            ),
            {
                "j": journal_id,
                "by": office.actor.user_id,
                "name": office.actor.full_name,
                "at": utcnow(),
            },
        )
        audit.record(conn, office, "journal_post", target=str(view.journal.number))
    return get(office, journal_id)


def load(conn: Connection, journal_id: str) -> JournalView:
    head = conn.execute(
        text(
            "SELECT j.journal_no, j.business_day, j.kind, j.memo, c.journal_no, "
            "j.prepared_by_name, coalesce(p.posted_by_name, ''), j.sources, "
            "(SELECT count(*) FROM office_journal_export e WHERE e.journal_id = j.id) "
            "FROM office_journal j LEFT JOIN office_journal c ON c.id = j.corrects_id "
            "LEFT JOIN office_journal_post p ON p.journal_id = j.id WHERE j.id = :id"
        ),
        {"id": journal_id},
    ).first()
    if head is None:
        raise NotFound("There is no such journal.")
    lines = tuple(
        JournalLine(n, a, an, f, fn, Money(int(d)), Money(int(c)), m)
        for n, a, an, f, fn, d, c, m in conn.execute(
            text(
                "SELECT line_no, account_code, account_name, fund_code, fund_name, debit_cents, "
                "credit_cents, memo FROM office_journal_line WHERE journal_id = :id "
                "ORDER BY line_no"
            ),
            {"id": journal_id},
        )
    )
    journal = Journal(int(head[0]), head[1], head[2], lines, head[3], head[4])
    return JournalView(
        journal_id,
        journal,
        head[5],
        head[6],
        int(head[8]),
        tuple((head[7] or {}).get("sessions", ())),
    )


def get(office: Office, journal_id: str) -> JournalView:
    office.actor.require("office", "see the journal")
    with office.read() as conn:
        return load(conn, journal_id)


def journals(office: Office, day: date | None = None) -> list[JournalView]:
    office.actor.require("office", "see the journals")
    with office.read() as conn:
        sql = "SELECT id FROM office_journal"
        params = {}
        if day is not None:
            sql += " WHERE business_day = :d"
            params["d"] = day
        ids = list(conn.execute(text(sql + " ORDER BY journal_no"), params).scalars())
        return [load(conn, i) for i in ids]


def by_number(office: Office, number: int) -> JournalView:
    office.actor.require("office", "see the journal")
    with office.read() as conn:
        jid = conn.execute(
            text("SELECT id FROM office_journal WHERE journal_no = :n"), {"n": number}
        ).scalar()
        if jid is None:
            raise NotFound("There is no journal {number}.", number=number)
        return load(conn, jid)
