"""Recording notices: every notice is a numbered document with a key, and a key is used once.

The key says what the notice is about (``late:<bill>``, ``final:<bill>``, ``usage:<read>``,
``renewal:<license>:<expiry>`` ...). Recording a key that exists is refused: the same notice
is never sent twice, whoever asks and however often a run is repeated. The unique index on the
key holds the line even against two writers at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.services.utility.numbers import next_numbers
from counterpos.store.models import Customer, Notice, NoticeEvent, UtilityAccount
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import notice_row

KINDS = {
    "usage": "High usage notice",
    "late": "Late notice",
    "final": "Final notice (shut-off)",
    "door_hanger": "48-hour notice left at the home",
    "posted": "Final notice posted (arrangement broken)",
    "collection": "Collection notice",
    "renewal_business": "Business license renewal",
    "renewal_animal": "Animal license renewal",
}


def sent_keys(session: Session, keys: list[str] | None = None) -> set[str]:
    """The keys already recorded (of those given, or all)."""
    if keys is None:
        return set(session.scalars(select(Notice.key)))
    out: set[str] = set()
    for i in range(0, len(keys), 500):
        out |= set(session.scalars(select(Notice.key).where(Notice.key.in_(keys[i : i + 500]))))
    return out


def address_of(session: Session, account: UtilityAccount) -> tuple[str, str, str]:
    """(customer id, addressee, mailing address) for a letter about an account."""
    cust = session.get(Customer, account.customer_id)
    if cust is None:
        return "", "Occupant", account.service_address
    return cust.id, cust.display_name or "Occupant", cust.mailing_address or account.service_address


def _languages(session: Session, customer_ids: list[str]) -> dict[str, str]:
    """Each customer's preferred language, kept with the notice: its letter, printed now or
    reprinted next year, is in the language the customer had asked for when it was sent."""
    out: dict[str, str] = {}
    ids = sorted(set(customer_ids))
    for i in range(0, len(ids), 500):
        q = select(Customer.id, Customer.preferred_language).where(
            Customer.id.in_(ids[i : i + 500])
        )
        out.update((cid, language) for cid, language in session.execute(q))
    return out


def record_notices(
    session: Session, station_code: str, created_by: str, notices: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Number and write notices (notice_row keyword sets, without number and station) in one go;
    each in its customer's preferred language unless it names one. Refuses the lot if a key is
    already recorded or repeats."""
    keys = [n["key"] for n in notices]
    if len(set(keys)) != len(keys):
        raise StateError("The same notice appears twice in one batch; nothing was recorded.")
    taken = sent_keys(session, keys)
    if taken:
        raise StateError(
            "{count} of these notices were already sent ({notice_no}); the same notice is never sent "
            "twice. Nothing was recorded.",
            count=len(taken),
            notice_no=sorted(taken)[0],
        )
    numbers = next_numbers(session, Notice.notice_no, station_code, "N", len(notices))
    spoken = _languages(  # unless the caller read it with the rest (the delinquency run)
        session, [n["customer_id"] for n in notices if n.get("customer_id") and "language" not in n]
    )
    rows = [
        notice_row(
            notice_no=no,
            station_code=station_code,
            created_by=created_by,
            **{"language": spoken.get(n.get("customer_id") or "", "en"), **n},
        )
        for no, n in zip(numbers, notices, strict=True)
    ]
    insert_synced(session, [(Notice, rows)])
    return rows


def record_notice(
    session: Session, station_code: str, created_by: str, **notice: Any
) -> dict[str, Any]:
    return record_notices(session, station_code, created_by, [notice])[0]


@dataclass(frozen=True)
class NoticeView:
    notice_no: str
    kind: str
    kind_text: str
    issued_on: date
    account_no: str
    addressee: str
    mail_to: str
    amount_cents: int
    due_on: date | None
    shutoff_on: date | None
    returned: bool
    details: dict[str, Any]


_VIEW = (
    "SELECT n.notice_no, n.kind, n.issued_on, COALESCE(a.account_no, ''), n.addressee, "
    "n.mail_to, n.amount_cents, n.due_on, n.shutoff_on, EXISTS (SELECT 1 FROM notice_event e "
    "WHERE e.notice_id = n.id AND e.kind = 'returned'), n.details FROM notice n "
    "LEFT JOIN utility_account a ON a.id = n.account_id"
)


def _d(v) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) else v


def _view(r) -> NoticeView:
    details = r[10] if isinstance(r[10], dict) else json.loads(r[10] or "{}")
    issued = _d(r[2])
    assert issued is not None
    return NoticeView(
        r[0],
        r[1],
        KINDS.get(r[1], r[1]),
        issued,
        r[3],
        r[4],
        r[5],
        int(r[6]),
        _d(r[7]),
        _d(r[8]),
        bool(r[9]),
        details,
    )


def notices_of(station: Station, account_no: str) -> list[NoticeView]:
    from counterpos.services.utility.accounts import find_account  # noqa: PLC0415

    with station.store.read() as s:
        acct = find_account(s, account_no)
        rows = s.execute(
            text(_VIEW + " WHERE n.account_id = :a ORDER BY n.issued_on DESC, n.notice_no DESC"),
            {"a": acct.id},
        ).all()
        return [_view(r) for r in rows]


def notices_of_run(station: Station, run_id: str) -> list[NoticeView]:
    with station.store.read() as s:
        rows = s.execute(
            text(_VIEW + " WHERE n.run_id = :r ORDER BY n.notice_no"), {"r": run_id}
        ).all()
        return [_view(r) for r in rows]


def find_notice(station: Station, notice_no: str) -> NoticeView:
    with station.store.read() as s:
        row = s.execute(
            text(_VIEW + " WHERE n.notice_no = :n"), {"n": notice_no.strip().upper()}
        ).first()
        if row is None:
            raise NotFound("There is no notice {notice_no}.", notice_no=notice_no.strip().upper())
        return _view(row)


def notice_returned(station: Station, actor: Actor, notice_no: str, note: str = "") -> None:
    """The mailed notice came back undeliverable (a final notice then needs a door hanger)."""
    actor.require("send_notices", "record returned notices")
    with station.store.write() as s:
        notice = s.scalars(
            select(Notice).where(Notice.notice_no == notice_no.strip().upper())
        ).first()
        if notice is None:
            raise NotFound("There is no notice {notice_no}.", notice_no=notice_no.strip().upper())
        if s.scalar(
            select(NoticeEvent.id).where(
                NoticeEvent.notice_id == notice.id, NoticeEvent.kind == "returned"
            )
        ):
            raise StateError(
                "Notice {notice_no} is already recorded as returned.", notice_no=notice.notice_no
            )
        s.add(
            NoticeEvent(
                notice_id=notice.id,
                kind="returned",
                note=" ".join(note.split())[:500],
                recorded_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        audit.record(
            s, station.code, "notice_returned", actor=actor.username, target=notice.notice_no
        )


def leave_door_hanger(
    station: Station, actor: Actor, notice_no: str, on: date | None = None
) -> str:
    """The 48-hour notice left at the home when a final notice came back. Its number."""
    actor.require("send_notices", "leave notices at the home")
    on = on or local_today()
    with station.store.write() as s:
        final = s.scalars(
            select(Notice).where(Notice.notice_no == notice_no.strip().upper())
        ).first()
        if final is None or final.kind != "final":
            raise InputError("A door hanger follows a returned final notice; give its number.")
        if not s.scalar(
            select(NoticeEvent.id).where(
                NoticeEvent.notice_id == final.id, NoticeEvent.kind == "returned"
            )
        ):
            raise StateError(
                "Final notice {notice_no} has not come back; no door hanger is needed.",
                notice_no=final.notice_no,
            )
        row = record_notice(
            s,
            station.code,
            actor.username,
            kind="door_hanger",
            key=f"door_hanger:{final.id}",
            account_id=final.account_id,
            customer_id=final.customer_id,
            bill_id=final.bill_id,
            issued_on=on,
            due_on=final.due_on,
            shutoff_on=final.shutoff_on,
            amount_cents=final.amount_cents,
            addressee=final.addressee,
            mail_to=final.details.get("service_address", final.mail_to),
            details={**final.details, "final_notice_no": final.notice_no},
        )
        audit.record(
            s,
            station.code,
            "notice_sent",
            actor=actor.username,
            target=row["notice_no"],
            details={"kind": "door_hanger"},
        )
        return row["notice_no"]
