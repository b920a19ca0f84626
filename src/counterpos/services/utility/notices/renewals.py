"""Renewal notices for business and animal licenses coming due: letters and a list, recorded.

A license expiring within the window gets one notice per expiry date (key
``renewal:<license>:<expiry>``): running the renewals again the next day sends nothing twice.
A license already renewed (the holder has a later one of the same kind and description) is
left out. The letters print with the other notices (letters.run_letters_pdf).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.notices.record import record_notices, sent_keys
from counterpos.store.models import Customer, License, Notice, new_id

KINDS = {"business": "renewal_business", "animal": "renewal_animal"}
MAX_WINDOW_DAYS = 120


@dataclass(frozen=True)
class RenewalItem:
    license_no: str
    kind: str
    holder: str
    description: str
    tag_no: str
    expires_on: date
    mail_to: str
    notice_no: str  # "" until the notice is sent


def _due(s, on: date, within: int) -> list[tuple[License, Customer | None]]:
    licenses = list(
        s.scalars(
            select(License).where(
                License.kind.in_(tuple(KINDS)),
                License.status == "issued",
                License.expires_on >= on,
                License.expires_on <= on + timedelta(days=within),
            )
        )
    )
    out = []
    for lic in licenses:
        later = s.scalar(
            select(License.id).where(
                License.customer_id == lic.customer_id,
                License.kind == lic.kind,
                License.description == lic.description,
                License.expires_on > lic.expires_on,
                License.status == "issued",
            )
        )
        if later is None:
            out.append((lic, s.get(Customer, lic.customer_id)))
    out.sort(key=lambda x: (x[0].expires_on, x[0].license_no))
    return out


def _key(lic: License) -> str:
    return f"renewal:{lic.license_no}:{lic.expires_on}"


def renewal_list(
    station: Station, within_days: int = 30, on: date | None = None
) -> list[RenewalItem]:
    """Licenses expiring within the window, with the renewal notice each was sent (if any)."""
    on = on or local_today()
    _check(within_days)
    with station.store.read() as s:
        due = _due(s, on, within_days)
        sent: dict[str, str] = {}
        keys = [_key(lic) for lic, _c in due]
        for i in range(0, len(keys), 500):
            for key, no in s.execute(
                select(Notice.key, Notice.notice_no).where(Notice.key.in_(keys[i : i + 500]))
            ):
                sent[key] = no
        return [
            RenewalItem(
                lic.license_no,
                lic.kind,
                cust.display_name if cust else "",
                lic.description,
                lic.tag_no,
                lic.expires_on,
                cust.mailing_address if cust else "",
                sent.get(_key(lic), ""),
            )
            for lic, cust in due
            if lic.expires_on is not None
        ]


def _check(within_days: int) -> None:
    if not 1 <= within_days <= MAX_WINDOW_DAYS:
        raise InputError(
            "The window is 1 to {max_window_days} days.",
            field="within_days",
            max_window_days=MAX_WINDOW_DAYS,
        )


@dataclass(frozen=True)
class RenewalRun:
    run_id: str
    sent: dict[str, int]  # notice kind -> count
    already_sent: int


def send_renewal_notices(
    station: Station, actor: Actor, within_days: int = 30, on: date | None = None
) -> RenewalRun:
    """Record a renewal notice for every license coming due that has none yet."""
    actor.require("send_notices", "send renewal notices")
    on = on or local_today()
    _check(within_days)
    run_id = new_id()
    with station.store.write() as s:
        due = _due(s, on, within_days)
        taken = sent_keys(s, [_key(lic) for lic, _c in due])
        notices = []
        for lic, cust in due:
            if _key(lic) in taken or lic.expires_on is None:
                continue
            notices.append(
                {
                    "kind": KINDS[lic.kind],
                    "key": _key(lic),
                    "run_id": run_id,
                    "customer_id": lic.customer_id,
                    "license_id": lic.id,
                    "issued_on": on,
                    "due_on": lic.expires_on,
                    "addressee": cust.display_name if cust else "License holder",
                    "mail_to": cust.mailing_address if cust else "",
                    "details": {
                        "license_no": lic.license_no,
                        "description": lic.description,
                        "tag_no": lic.tag_no,
                        "expires_on": lic.expires_on.isoformat(),
                    },
                }
            )
        if notices:
            record_notices(s, station.code, actor.username, notices)
        counts: Counter[str] = Counter(str(n["kind"]) for n in notices)
        audit.record(
            s,
            station.code,
            "renewal_notices",
            actor=actor.username,
            target=run_id,
            details={"within_days": within_days, "sent": dict(counts), "already_sent": len(taken)},
        )
    return RenewalRun(run_id, dict(counts), len(taken))
