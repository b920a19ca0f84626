"""Deposits with custody: prepared from closed sessions, verified by another person, banked.

A deposit holds whole sessions (each session in one deposit only); its currency and coin come
from the sessions' closing counts less the float kept back, its checks and money orders from
the items the cashier ticked at close, unless the clerk recounts the bag. States are rows:
prepared (the deposit), verified, banked (events); nothing is edited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, text

from counterpos.domain.business_days import business_days_between
from counterpos.domain.denominations import BY_KEY, CountError, count_total
from counterpos.domain.deposit_slip import DepositItem, DepositSlip, deposit_lines, split_float
from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.services.clock import local_today, to_local, utcnow
from counterpos.services.errors import InputError, NotFound, PermissionDenied, StateError
from counterpos.services.office import audit
from counterpos.services.office.connection import OFFICE, Office
from counterpos.services.office.numbers import next_number
from counterpos.store.models.base import new_id

BANK_WITHIN_DAYS = 1  # a deposit is banked within one business day of its day
REMOTE_ACCOUNT = "1020"  # lockbox and online batches are deposited there by the bank


@dataclass(frozen=True)
class DepositView:
    id: str
    deposit_no: int
    business_day: date
    bag_no: str
    bank_account: str
    prepared_by: str  # full name
    prepared_at: datetime  # local
    verified_by: str
    banked_on: date | None
    currency: tuple[tuple[str, int, Money], ...]
    coin: tuple[tuple[str, int, Money], ...]
    items: tuple[DepositItem, ...]
    total: Money
    session_ids: tuple[str, ...]
    expected_cash: Money  # the sessions' counted cash less their floats
    float_shortfall: Money

    @property
    def state(self) -> str:
        if self.banked_on is not None:
            return "banked"
        return "verified" if self.verified_by else "prepared"

    @property
    def cash(self) -> Money:
        return Money(sum(a.cents for _, _, a in (*self.currency, *self.coin)))

    @property
    def checks(self) -> Money:
        return Money(sum(i.amount.cents for i in self.items))

    def slip(self, city_name: str) -> DepositSlip:
        return DepositSlip(
            city_name=city_name,
            account_label=f"Account {self.bank_account}, bag {self.bag_no}",
            scope=f"Deposit {self.deposit_no}, {self.business_day:%m/%d/%Y}, "
            f"{len(self.session_ids)} session(s)",
            prepared_at=self.prepared_at,
            prepared_by=self.prepared_by,
            currency=self.currency,
            coin=self.coin,
            items=self.items,
            float_kept=Money(0),
            float_shortfall=self.float_shortfall,
        )


_SESSIONS = text(
    """
    SELECT d.id, d.station_code, d.opened_at, d.opening_float_cents, d.opening_count,
           c.counted_cash_cents, c.closing_count, ds.deposit_id
    FROM drawer_session d
    LEFT JOIN drawer_close c ON c.session_id = d.id
    LEFT JOIN office_deposit_session ds ON ds.session_id = d.id
    WHERE d.id = ANY(:ids)
    """
)
_DAY_SESSIONS = text(
    """
    SELECT d.id FROM drawer_session d
    JOIN drawer_close c ON c.session_id = d.id
    WHERE d.opened_at >= :start AND d.opened_at < :end
      AND NOT EXISTS (SELECT 1 FROM office_deposit_session x WHERE x.session_id = d.id)
      AND d.kind IN ('regular', 'recovery', 'mail')
    ORDER BY d.station_code, d.opened_at
    """
)
_ITEMS = text(
    f"""
    SELECT t.id, t.kind, t.reference, t.payer, t.amount_cents, s.receipt_no, s.session_id
    FROM tender t JOIN sale s ON s.id = t.sale_id
    WHERE s.session_id = ANY(:ids) AND s.kind = '{SaleKind.SALE}'
      AND t.kind IN ('{TenderKind.CHECK}', '{TenderKind.MONEY_ORDER}')
      AND NOT EXISTS (SELECT 1 FROM sale v WHERE v.original_sale_id = s.id
                      AND v.kind = '{SaleKind.VOID}')
    ORDER BY s.station_code, s.sequence, t.position
    """
)


def _sessions_for(conn: Connection, session_ids: list[str]) -> list:
    rows = conn.execute(_SESSIONS, {"ids": session_ids}).all()
    found = {r[0] for r in rows}
    for sid in session_ids:
        if sid not in found:
            raise NotFound("Session {sid} has not reached the central database.", sid=sid[-8:])
    for r in rows:
        if r[5] is None:
            raise StateError(
                "Session {sid} ({station}) is not closed; it cannot be deposited.",
                sid=r[0][-8:],
                station=r[1],
            )
        if r[7] is not None:
            raise StateError(
                "Session {sid} ({station}) is already in another deposit.",
                sid=r[0][-8:],
                station=r[1],
            )
    return list(rows)


def _itemise(conn: Connection, rows) -> tuple[dict[str, int], int, int, list[DepositItem], list]:
    """Denominations to the bank, the sessions' cash less floats, float short, and the items."""
    pieces: dict[str, int] = {}
    expected = short = 0
    ticked: set[str] = set()
    for r in rows:
        closing = r[6] or {}
        counted = {k: int(v) for k, v in (closing.get("cash") or {}).items()}
        _, dep, missing = split_float(counted, int(r[3]), dict(r[4] or {}))
        for k, n in dep.items():
            pieces[k] = pieces.get(k, 0) + n
        expected += int(r[5]) - int(r[3])
        short += missing
        ticked.update(closing.get("ticked", []))
    raw = conn.execute(_ITEMS, {"ids": [r[0] for r in rows]}).all()
    office_sessions = {r[0] for r in rows if r[1] == OFFICE}  # a mail batch: no drawer to tick
    items, records = [], []
    for tid, kind, ref, payer, cents, receipt_no, sid in raw:
        if tid in ticked or sid in office_sessions:
            items.append(DepositItem(kind, ref, payer, Money(int(cents)), receipt_no))
            records.append(
                {
                    "tender_id": tid,
                    "kind": kind,
                    "number": ref,
                    "payer": payer,
                    "cents": int(cents),
                    "receipt_no": receipt_no,
                }
            )
    return pieces, expected, short, items, records


def prepare(
    office: Office,
    *,
    bag_no: str,
    session_ids: list[str] | None = None,
    day: date | None = None,
    bank_account: str = "1010",
    recount: dict[str, int] | None = None,
) -> DepositView:
    """Prepare one deposit of whole closed sessions (the given ones, or every closed session of
    `day` not yet deposited). `recount`: the bag's cash as the clerk counted it."""
    from counterpos.services.audit_log import utc_bound

    office.actor.require("prepare_deposit", "prepare a deposit")
    bag_no = bag_no.strip()
    if not bag_no or len(bag_no) > 30:
        raise InputError("Enter the bag number printed on the deposit bag.", field="bag_no")
    if (session_ids is None) == (day is None):
        raise InputError("Choose the sessions or the day the deposit holds.")
    if recount is not None:
        try:
            count_total(recount)
        except CountError as exc:
            raise InputError(exc, field="recount") from exc
    with office.write() as conn:
        if day is not None:
            from datetime import timedelta

            session_ids = list(
                conn.execute(
                    _DAY_SESSIONS,
                    {"start": utc_bound(day), "end": utc_bound(day + timedelta(days=1))},
                ).scalars()
            )
            if not session_ids:
                raise StateError(
                    "No closed session of {day:%m/%d/%Y} is waiting for a deposit.", day=day
                )
        assert session_ids is not None
        rows = _sessions_for(conn, sorted(set(session_ids)))
        pieces, expected, short, items, records = _itemise(conn, rows)
        if recount is not None:
            pieces = {k: n for k, n in recount.items() if n}
        currency, coin = deposit_lines(pieces)
        business_day = day or min(to_local(r[2]).date() for r in rows)
        cur = sum(a.cents for _, _, a in currency)
        coins = sum(a.cents for _, _, a in coin)
        checks = sum(i.amount.cents for i in items)
        deposit_id, number = new_id(), next_number(conn, "deposit")
        itemised = {
            "pieces": pieces,
            "checks": records,
            "expected_cash_cents": expected,
            "float_shortfall_cents": short,
            "recounted": recount is not None,
        }
        conn.execute(
            text(
                "INSERT INTO office_deposit (id, deposit_no, business_day, bag_no, bank_account, "
                "prepared_by, prepared_by_name, prepared_at, currency_cents, coin_cents, "
                "checks_cents, total_cents, itemised) VALUES (:id, :no, :day, :bag, :bank, :by, "
                ":name, :at, :cur, :coin, :chk, :total, CAST(:items AS jsonb))"
            ),
            {
                "id": deposit_id,
                "no": number,
                "day": business_day,
                "bag": bag_no,
                "bank": bank_account,
                "by": office.actor.user_id,
                "name": office.actor.full_name,
                "at": utcnow(),
                "cur": cur,
                "coin": coins,
                "chk": checks,
                "total": cur + coins + checks,
                "items": json.dumps(itemised),
            },
        )
        conn.execute(
            text("INSERT INTO office_deposit_session (session_id, deposit_id) VALUES (:s, :d)"),
            [{"s": r[0], "d": deposit_id} for r in rows],
        )
        audit.record(
            conn,
            office,
            "deposit_prepare",
            target=str(number),
            details={
                "bag_no": bag_no,
                "sessions": [r[0] for r in rows],
                "total_cents": cur + coins + checks,
                "expected_cash_cents": expected,
            },
        )
    return get(office, deposit_id)


def verify(office: Office, deposit_id: str, note: str = "") -> DepositView:
    """A second person checks the bag against the slip: never its own preparer."""
    office.actor.require("verify_deposit", "verify a deposit")
    with office.write() as conn:
        dep = _load(conn, deposit_id)
        if dep["prepared_by"] == office.actor.user_id:
            raise PermissionDenied(
                "{name} prepared deposit {deposit_no}; another person must verify it.",
                "verify_deposit",
                name=office.actor.full_name,
                deposit_no=dep["deposit_no"],
            )
        if _state(conn, deposit_id, "verified"):
            raise StateError(
                "Deposit {deposit_no} is already verified.", deposit_no=dep["deposit_no"]
            )
        _event(conn, office, deposit_id, "verified", None, note)
        audit.record(conn, office, "deposit_verify", target=str(dep["deposit_no"]))
    return get(office, deposit_id)


def bank(office: Office, deposit_id: str, banked_on: date | None = None) -> DepositView:
    """Record that the bank took the verified deposit."""
    office.actor.require("bank_deposit", "record a deposit as banked")
    banked_on = banked_on or local_today()
    with office.write() as conn:
        dep = _load(conn, deposit_id)
        if not _state(conn, deposit_id, "verified"):
            raise StateError(
                "Deposit {deposit_no} must be verified before it is banked.",
                deposit_no=dep["deposit_no"],
            )
        if _state(conn, deposit_id, "banked"):
            raise StateError(
                "Deposit {deposit_no} is already banked.", deposit_no=dep["deposit_no"]
            )
        if banked_on < dep["business_day"]:
            raise InputError("A deposit cannot be banked before its own day.", field="banked_on")
        _event(conn, office, deposit_id, "banked", banked_on, "")
        audit.record(
            conn,
            office,
            "deposit_bank",
            target=str(dep["deposit_no"]),
            details={"banked_on": banked_on.isoformat()},
        )
    return get(office, deposit_id)


def _load(conn: Connection, deposit_id: str) -> dict:
    row = (
        conn.execute(text("SELECT * FROM office_deposit WHERE id = :id"), {"id": deposit_id})
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound("There is no such deposit.")
    return dict(row)


def _state(conn: Connection, deposit_id: str, state: str) -> bool:
    return (
        conn.execute(
            text("SELECT 1 FROM office_deposit_event WHERE deposit_id = :d AND state = :s"),
            {"d": deposit_id, "s": state},
        ).first()
        is not None
    )


def _event(conn, office: Office, deposit_id: str, state: str, banked_on, note: str) -> None:
    conn.execute(
        text(
            "INSERT INTO office_deposit_event (id, deposit_id, state, by_user, by_name, at, "
            "banked_on, note) VALUES (:id, :d, :s, :by, :name, :at, :on, :note)"
        ),
        {
            "id": new_id(),
            "d": deposit_id,
            "s": state,
            "by": office.actor.user_id,
            "name": office.actor.full_name,
            "at": utcnow(),
            "on": banked_on,
            "note": note.strip()[:200],
        },
    )


_VIEW = """
    SELECT d.*, v.by_name AS verified_by, b.banked_on,
           (SELECT array_agg(session_id ORDER BY session_id) FROM office_deposit_session x
             WHERE x.deposit_id = d.id) AS session_ids
    FROM office_deposit d
    LEFT JOIN office_deposit_event v ON v.deposit_id = d.id AND v.state = 'verified'
    LEFT JOIN office_deposit_event b ON b.deposit_id = d.id AND b.state = 'banked'
"""


def _view(row) -> DepositView:
    items = row["itemised"]
    currency, coin = deposit_lines({k: int(v) for k, v in items["pieces"].items()})
    return DepositView(
        row["id"],
        int(row["deposit_no"]),
        row["business_day"],
        row["bag_no"],
        row["bank_account"],
        row["prepared_by_name"],
        to_local(row["prepared_at"]),
        row["verified_by"] or "",
        row["banked_on"],
        currency,
        coin,
        tuple(
            DepositItem(i["kind"], i["number"], i["payer"], Money(i["cents"]), i["receipt_no"])
            for i in items["checks"]
        ),
        Money(int(row["total_cents"])),
        tuple(row["session_ids"] or ()),
        Money(int(items["expected_cash_cents"])),
        Money(int(items["float_shortfall_cents"])),
    )


def get(office: Office, deposit_id: str) -> DepositView:
    office.actor.require("office", "see deposits")
    with office.read() as conn:
        row = conn.execute(text(_VIEW + " WHERE d.id = :id"), {"id": deposit_id}).mappings().first()
    if row is None:
        raise NotFound("There is no such deposit.")
    return _view(row)


def deposits(office: Office, *, since: date | None = None) -> list[DepositView]:
    office.actor.require("office", "see deposits")
    with office.read() as conn:
        rows = (
            conn.execute(
                text(_VIEW + " WHERE d.business_day >= :since ORDER BY d.deposit_no"),
                {"since": since or date(1900, 1, 1)},
            )
            .mappings()
            .all()
        )
    return [_view(r) for r in rows]


@dataclass(frozen=True)
class OfficeException:
    kind: str  # not_banked, differs, not_deposited, ...
    key: str
    message: str
    age_days: int


def exceptions(office: Office, today: date | None = None) -> list[OfficeException]:
    """What the office's first screen shows: deposits not banked within one business day,
    deposits that differ from their sessions' counted cash, closed sessions not deposited."""
    today = today or local_today()
    out = []
    for d in deposits(office):
        late = business_days_between(d.business_day, today)
        # A lockbox or online batch's deposit is made by the bank itself: the bank statement
        # confirms it (bank_matching), not a courier.
        if d.banked_on is None and late > BANK_WITHIN_DAYS and d.bank_account != REMOTE_ACCOUNT:
            out.append(
                OfficeException(
                    "not_banked",
                    d.id,
                    f"Deposit {d.deposit_no} (bag {d.bag_no}, {d.total}) of "
                    f"{d.business_day:%m/%d/%Y} is {d.state}, not banked, after {late} business "
                    "days.",
                    (today - d.business_day).days,
                )
            )
        if d.cash != d.expected_cash:
            diff = Money(d.cash.cents - d.expected_cash.cents)
            out.append(
                OfficeException(
                    "differs",
                    d.id,
                    f"Deposit {d.deposit_no} holds {d.cash} in cash; its sessions counted "
                    f"{d.expected_cash} less their floats ({'+' if diff.cents > 0 else ''}"
                    f"{diff}).",
                    (today - d.business_day).days,
                )
            )
    with office.read() as conn:
        waiting = conn.execute(
            text(
                "SELECT d.id, d.station_code, d.opened_at FROM drawer_session d "
                "JOIN drawer_close c ON c.session_id = d.id "
                "WHERE d.kind IN ('regular', 'recovery', 'mail') AND NOT EXISTS "
                "(SELECT 1 FROM office_deposit_session x WHERE x.session_id = d.id) "
                "ORDER BY d.opened_at"
            )
        ).all()
    for sid, code, opened in waiting:
        on = to_local(opened).date()
        late = business_days_between(on, today)
        if late >= BANK_WITHIN_DAYS:
            out.append(
                OfficeException(
                    "not_deposited",
                    sid,
                    f"Session {sid[-8:]} of {code} on {on:%m/%d/%Y} is closed but in no deposit.",
                    (today - on).days,
                )
            )
    return out


def cash_of(pieces: dict[str, int]) -> Money:
    return Money(sum(BY_KEY[k].cents * n for k, n in pieces.items()))


def by_number(office: Office, number: int) -> DepositView:
    """A deposit by the number printed on its slip."""
    office.actor.require("office", "see deposits")
    with office.read() as conn:
        row = (
            conn.execute(text(_VIEW + " WHERE d.deposit_no = :n"), {"n": number}).mappings().first()
        )
    if row is None:
        raise NotFound("There is no deposit {number}.", number=number)
    return _view(row)
