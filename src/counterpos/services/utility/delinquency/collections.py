"""The collections list: accounts sent a collection notice that still owe, oldest debt first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from counterpos.services.clock import local_today
from counterpos.services.station import Station
from counterpos.services.utility.delinquency.standing import owing


@dataclass(frozen=True)
class CollectionItem:
    account_no: str
    customer: str
    service_address: str
    status: str
    owed_cents: int
    unpaid_since: date | None
    notice_no: str
    noticed_on: date
    days_since_notice: int


def collections_list(station: Station, on: date | None = None) -> list[CollectionItem]:
    on = on or local_today()
    with station.store.read() as s:
        owed = owing(s)
        rows = s.execute(
            text(
                "SELECT n.account_id, a.account_no, n.addressee, a.service_address, a.status, "
                "n.notice_no, n.issued_on FROM notice n JOIN utility_account a ON a.id = n.account_id "
                "WHERE n.kind = 'collection' ORDER BY n.issued_on"
            )
        ).all()
    out: dict[str, CollectionItem] = {}
    for account_id, account_no, who, address, status, notice_no, issued in rows:
        o = owed.get(account_id)
        if o is None:
            continue
        items = o.unpaid()
        issued_on = date.fromisoformat(issued) if isinstance(issued, str) else issued
        out[account_id] = CollectionItem(
            account_no,
            who,
            address,
            status,
            o.balance,
            items[0].charge.due_on if items else None,
            notice_no,
            issued_on,
            (on - issued_on).days,
        )
    return sorted(out.values(), key=lambda c: (c.unpaid_since or on, c.account_no))
