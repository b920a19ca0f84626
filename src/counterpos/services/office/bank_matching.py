"""Bank reconciliation: match the imported bank lines to deposits, card settlement batches (the
sessions' card totals by brand and day), lockbox and online files, autopay (ACH) files and
returned items; list what is left on both sides with its age."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text

from counterpos.domain.bank_matching import Booked, Expected, match
from counterpos.domain.money import Money
from counterpos.services.clock import local_today, to_local, utcnow
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office

LOOK_BACK_DAYS = 120


@dataclass(frozen=True)
class Unmatched:
    side: str  # bank (a bank line nobody expected) or book (an item the bank has not shown)
    kind: str
    key: str
    amount: Money
    on: date
    label: str
    age_days: int


@dataclass(frozen=True)
class Matched:
    """A bank line and the book item it was matched to (the office's window lists them)."""

    bank_line_id: str
    posted_on: date  # the bank's date
    amount: Money
    description: str
    kind: str
    label: str  # the book item as the office names it ("Deposit 3, bag B-77")
    booked_on: date | None  # the book item's date (None when it fell out of the look-back)
    age_days: int  # days since the bank posted it
    by_hand: bool


def expected_items(office: Office, since: date) -> list[Expected]:
    """What the bank should show: deposits, card batches, remote batches, ACH files, returns."""
    items: list[Expected] = []
    with office.read() as conn:
        for dep_id, no, total, day, banked, bag in conn.execute(
            text(
                "SELECT d.id, d.deposit_no, d.total_cents, d.business_day, b.banked_on, d.bag_no "
                "FROM office_deposit d LEFT JOIN office_deposit_event b ON b.deposit_id = d.id "
                "AND b.state = 'banked' WHERE d.business_day >= :since"
            ),
            {"since": since},
        ):
            items.append(
                Expected(
                    "deposit",
                    dep_id,
                    Money(int(total)),
                    banked or day,
                    f"Deposit {no}, bag {bag}",
                    (bag, str(no), f"DEP{no}"),
                )
            )
        cards: dict[tuple[date, str], int] = {}
        for opened, brand, cents in conn.execute(
            text(
                "SELECT d.opened_at, t.card_brand, sum(t.amount_cents) FROM tender t "
                "JOIN sale s ON s.id = t.sale_id JOIN drawer_session d ON d.id = s.session_id "
                "WHERE t.kind = 'card' AND d.opened_at >= :since "
                "GROUP BY d.id, d.opened_at, t.card_brand"
            ),
            {"since": since - timedelta(days=1)},
        ):
            key = (to_local(opened).date(), (brand or "card").lower())
            cards[key] = cards.get(key, 0) + int(cents)
        for (day, brand), cents in sorted(cards.items()):
            if cents and day >= since:
                items.append(
                    Expected(
                        "card_batch",
                        f"{day.isoformat()}:{brand}",
                        Money(cents),
                        day,
                        f"{brand.upper()} settlement of {day:%m/%d/%Y}",
                    )
                )
        for fid, no, cents, eff in conn.execute(
            text(
                "SELECT id, file_no, debit_cents, effective_date FROM office_ach_file "
                "WHERE debit_cents > 0 AND effective_date >= :since"
            ),
            {"since": since},
        ):
            items.append(
                Expected(
                    "ach_file",
                    fid,
                    Money(int(cents)),
                    eff,
                    f"Autopay file {no}",
                    (f"ACH{no}", str(no)),
                )
            )
        for rid, receipt, cents, on in conn.execute(
            text(
                "SELECT id, receipt_no, amount_cents, returned_on FROM office_returned_payment "
                "WHERE returned_on >= :since"
            ),
            {"since": since},
        ):
            items.append(
                Expected(
                    "returned",
                    rid,
                    Money(-int(cents)),
                    on - timedelta(days=WINDOW_BACK),
                    f"Returned payment of receipt {receipt}",
                )
            )
    return items


WINDOW_BACK = 5  # the bank may charge a returned item back some days before the office hears


def _booked(office: Office, since: date) -> list[tuple[Booked, str]]:
    with office.read() as conn:
        return [
            (Booked(i, Money(int(a)), on, (br, cr)), desc)
            for i, a, on, br, cr, desc in conn.execute(
                text(
                    "SELECT l.id, l.amount_cents, l.posted_on, l.bank_ref, l.customer_ref, "
                    "l.description FROM office_bank_line l WHERE l.posted_on >= :since "
                    "AND NOT EXISTS (SELECT 1 FROM office_bank_match m WHERE m.bank_line_id = l.id) "
                    "ORDER BY l.posted_on, l.line_no"
                ),
                {"since": since},
            )
        ]


def _taken(office: Office) -> set[tuple[str, str]]:
    with office.read() as conn:
        return {
            (k, v)
            for k, v in conn.execute(text("SELECT item_kind, item_key FROM office_bank_match"))
        }


def auto_match(office: Office, today: date | None = None) -> int:
    """Match what can be matched; returns how many bank lines were matched now."""
    office.actor.require("import_bank", "reconcile the bank")
    since = (today or local_today()) - timedelta(days=LOOK_BACK_DAYS)
    taken = _taken(office)
    items = [e for e in expected_items(office, since) if (e.kind, e.key) not in taken]
    pairs = match([b for b, _ in _booked(office, since)], items)
    if not pairs:
        return 0
    with office.write() as conn:
        conn.execute(
            text(
                "INSERT INTO office_bank_match (bank_line_id, item_kind, item_key, matched_by, "
                "matched_at) VALUES (:b, :k, :key, :by, :at) ON CONFLICT DO NOTHING"
            ),
            [
                {"b": b.id, "k": e.kind, "key": e.key, "by": office.actor.user_id, "at": utcnow()}
                for b, e in pairs
            ],
        )
        audit.record(conn, office, "bank_match", details={"matched": len(pairs), "how": "auto"})
    return len(pairs)


def match_by_hand(office: Office, bank_line_id: str, kind: str, key: str) -> None:
    """Match one bank line to one item the office names (amounts must agree)."""
    office.actor.require("import_bank", "reconcile the bank")
    since = local_today() - timedelta(days=LOOK_BACK_DAYS * 3)
    item = next((e for e in expected_items(office, since) if (e.kind, e.key) == (kind, key)), None)
    if item is None:
        raise NotFound("There is no such item to match.")
    with office.write() as conn:
        line = conn.execute(
            text("SELECT amount_cents FROM office_bank_line WHERE id = :i"), {"i": bank_line_id}
        ).first()
        if line is None:
            raise NotFound("There is no such bank line.")
        if int(line[0]) != item.amount.cents:
            raise InputError(
                "The bank line is {line_amount} and {item} is {amount}.",
                line_amount=Money(int(line[0])),
                item=item.label,
                amount=item.amount,
            )
        done = conn.execute(
            text(
                "INSERT INTO office_bank_match (bank_line_id, item_kind, item_key, matched_by, "
                "matched_at) VALUES (:b, :k, :key, :by, :at) ON CONFLICT DO NOTHING"
            ),
            {"b": bank_line_id, "k": kind, "key": key, "by": office.actor.user_id, "at": utcnow()},
        ).rowcount
        if not done:
            raise StateError("That bank line or that item is matched already.")
        audit.record(
            conn, office, "bank_match", target=bank_line_id, details={"kind": kind, "key": key}
        )


def unmatched(office: Office, today: date | None = None) -> list[Unmatched]:
    """Both sides' loose ends, oldest first: bank lines nobody expected, items not banked."""
    office.actor.require("office", "see the bank reconciliation")
    today = today or local_today()
    since = today - timedelta(days=LOOK_BACK_DAYS)
    out = [
        Unmatched(
            "bank",
            "bank_line",
            b.id,
            b.amount,
            b.posted_on,
            desc or b.refs[0] or "",
            (today - b.posted_on).days,
        )
        for b, desc in _booked(office, since)
    ]
    taken = _taken(office)
    for e in expected_items(office, since):
        if (e.kind, e.key) not in taken:
            on = e.on + timedelta(days=WINDOW_BACK) if e.kind == "returned" else e.on
            out.append(Unmatched("book", e.kind, e.key, e.amount, on, e.label, (today - on).days))
    return sorted(out, key=lambda u: (-u.age_days, u.side, u.label))


def matched(office: Office, today: date | None = None) -> list[Matched]:
    """The bank lines matched so far (the last LOOK_BACK_DAYS), newest first, each beside the
    book item it settled."""
    office.actor.require("office", "see the bank reconciliation")
    today = today or local_today()
    since = today - timedelta(days=LOOK_BACK_DAYS)
    with office.read() as conn:
        rows = conn.execute(
            text(
                "SELECT l.id, l.posted_on, l.amount_cents, l.description, l.customer_ref, "
                "m.item_kind, m.item_key "
                "FROM office_bank_match m JOIN office_bank_line l ON l.id = m.bank_line_id "
                "WHERE l.posted_on >= :since ORDER BY l.posted_on DESC, l.line_no"
            ),
            {"since": since},
        ).all()
        # a match made by hand is audited with its bank line as the target
        by_hand = set(
            conn.execute(
                text(
                    "SELECT m.bank_line_id FROM office_bank_match m JOIN office_audit_event a "
                    "ON a.action = 'bank_match' AND a.target = m.bank_line_id "
                    "WHERE m.bank_line_id IN (SELECT id FROM office_bank_line "
                    "WHERE posted_on >= :since)"
                ),
                {"since": since},
            ).scalars()
        )
    items = {(e.kind, e.key): e for e in expected_items(office, since - timedelta(days=7))}
    out = []
    for line_id, posted, cents, desc, ref, kind, key in rows:
        item = items.get((kind, key))
        out.append(
            Matched(
                line_id,
                posted,
                Money(int(cents)),
                desc or ref or "",
                kind,
                item.label if item else key,
                item.on if item else None,
                (today - posted).days,
                line_id in by_hand,
            )
        )
    return out
