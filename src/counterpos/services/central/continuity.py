"""Receipt-number continuity: the centre's report of every station's numbers, and the station's
refusal to sell while its numbers are behind what the centre already holds for it.

Every number of a station's sequence is a sale, a refund or a paid-in/out slip (a void keeps
its sale's number), so the numbers the centre holds for a station should run 1, 2, 3, ... with
no gap and no number twice. The centre refuses a second record with a number it holds
(db/central_migrations c0003); records that arrived before that rule are named here.

A station learns, at each pull, the highest number the centre holds for it. A store restored
from an older copy is behind it: its next sale would reissue a number already used. Until a
supervisor resolves that (`resolve`: the sequence continues after the centre's highest, and
the resolution is an audit event), the station takes no sale, refund or paid-in/out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from counterpos.domain.money import Money
from counterpos.domain.receipt_number import format_receipt_no
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import CentralUnavailable, InputError, StateError
from counterpos.services.station import Station
from counterpos.store import plain_read
from counterpos.store.models import ReceiptSequence, SyncStatus
from counterpos.sync.central import make_central_engine

CENTRAL_HIGH = "central_receipt_high"  # sync_status key, written by each pull


@dataclass(frozen=True)
class Holder:
    """One record holding a number at the centre."""

    table: str  # sale or paid_in_out
    record_id: str
    kind: str  # sale, refund, in, out
    amount: Money
    created_at: str
    pushed_by: str


@dataclass(frozen=True)
class StationReceipts:
    station_code: str
    numbers: int  # distinct numbers held
    records: int
    first: int
    last: int
    gaps: list[tuple[int, int]] = field(default_factory=list)  # missing from..to, inclusive
    duplicates: dict[int, list[Holder]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.gaps and not self.duplicates

    def label(self, sequence: int) -> str:
        return format_receipt_no(self.station_code, sequence)

    def lines(self) -> list[str]:
        missing = sum(b - a + 1 for a, b in self.gaps)
        out = [
            f"{self.station_code}: {self.label(self.first)} to {self.label(self.last)}, "
            f"{self.numbers:,} number(s) in {self.records:,} record(s); "
            f"{len(self.gaps)} gap(s) ({missing:,} missing), "
            f"{len(self.duplicates)} number(s) held twice or more" + (": OK" if self.ok else "")
        ]
        for a, b in self.gaps:
            what = self.label(a) if a == b else f"{self.label(a)} to {self.label(b)}"
            out.append(f"  gap: {what} ({b - a + 1:,} missing)")
        for seq, holders in sorted(self.duplicates.items()):
            held = "; ".join(
                f"{h.table} {h.record_id} {h.kind} {h.amount} at {h.created_at} by {h.pushed_by}"
                for h in holders
            )
            out.append(f"  duplicate: {self.label(seq)} held {len(holders)} times: {held}")
        return out


_NUMBERS = """
    SELECT station_code, sequence, 'sale' AS tbl, id, kind, total_cents AS cents,
           created_at::text AS at, pushed_by
      FROM sale WHERE kind <> 'void' {station}
    UNION ALL
    SELECT station_code, sequence, 'paid_in_out', id, direction, amount_cents,
           created_at::text, pushed_by
      FROM paid_in_out WHERE true {station}
"""


def report(conn, station_code: str | None = None) -> list[StationReceipts]:
    """Every station's receipt numbers at the centre (an administrator's connection)."""
    where = "AND station_code = :s" if station_code else ""
    params = {"s": station_code.strip().upper()} if station_code else {}
    numbers = _NUMBERS.format(station=where)
    summary = conn.execute(
        text(
            f"SELECT station_code, count(DISTINCT sequence), count(*), min(sequence), "
            f"max(sequence) FROM ({numbers}) n GROUP BY station_code ORDER BY station_code"
        ),
        params,
    ).all()
    gaps: dict[str, list[tuple[int, int]]] = {}
    for code, start, end in conn.execute(
        text(
            f"SELECT station_code, prev + 1, sequence - 1 FROM ("
            f"  SELECT station_code, sequence, coalesce(lag(sequence) OVER ("
            f"    PARTITION BY station_code ORDER BY sequence), 0) AS prev"
            f"  FROM (SELECT DISTINCT station_code, sequence FROM ({numbers}) n) d) w "
            f"WHERE sequence > prev + 1 ORDER BY station_code, sequence"
        ),
        params,
    ):
        gaps.setdefault(code, []).append((start, end))
    dups: dict[str, dict[int, list[Holder]]] = {}
    for row in conn.execute(
        text(
            f"SELECT n.* FROM ({numbers}) n JOIN (SELECT station_code, sequence FROM "
            f"({numbers}) m GROUP BY station_code, sequence HAVING count(*) > 1) d "
            "USING (station_code, sequence) ORDER BY station_code, sequence, at, id"
        ),
        params,
    ):
        dups.setdefault(row.station_code, {}).setdefault(row.sequence, []).append(
            Holder(row.tbl, row.id, row.kind, Money(row.cents), row.at, row.pushed_by)
        )
    return [
        StationReceipts(
            code, numbers_, records, first, last, gaps.get(code, []), dups.get(code, {})
        )
        for code, numbers_, records, first, last in summary
    ]


def central_report(url: str, station_code: str | None = None) -> list[StationReceipts]:
    """`report` over the administrator's URL (the CLI's `counterpos central receipts`)."""
    try:
        engine = make_central_engine(url)
    except ValueError as exc:
        raise InputError(exc, field="url") from exc
    try:
        with engine.connect() as conn:
            return report(conn, station_code)
    except Exception as exc:
        if "Operational" in type(exc).__name__:
            raise CentralUnavailable("Cannot reach the central database: {exc}", exc=exc) from exc
        raise
    finally:
        engine.dispose()


# --- the station's side ---------------------------------------------------------------------


_HIGH = select(SyncStatus.value).where(SyncStatus.key == CENTRAL_HIGH)


def _central_high(session: Session) -> int:
    """Read plainly (every sale asks it); what this session itself noted comes first."""
    row = session.identity_map.get(identity_key(SyncStatus, CENTRAL_HIGH))
    value = row.value if row is not None else plain_read.scalar(session, _HIGH, {})
    return int(value) if value is not None and value.isdigit() else 0


def note_central_high(session: Session, value: int | None) -> None:
    """Keep what the last pull learnt (sync service, inside its own write)."""
    if value is None:
        return
    row = session.get(SyncStatus, CENTRAL_HIGH)
    if row is None:
        session.add(SyncStatus(key=CENTRAL_HIGH, value=str(value)))
    else:
        row.value = str(value)


def check_next(session: Session, station_code: str, sequence: int) -> None:
    """Refuse to issue `sequence` when the centre already holds it or a later one.

    Called where a number is taken, inside the sale's transaction, so a refusal saves nothing.
    """
    high = _central_high(session)
    if sequence <= high:
        raise StateError(
            "This station would issue receipt {receipt_no}, but the central database already holds "
            "numbers up to {central_receipt_no}: this store may have been restored from an older "
            "copy. Nothing was saved. No sale can be taken until a supervisor resolves it (Controls, "
            "or `counterpos sync resolve-numbers`).",
            receipt_no=format_receipt_no(station_code, sequence),
            central_receipt_no=format_receipt_no(station_code, high),
        )


def problem(station: Station) -> str | None:
    """What to tell the cashier at sign-in when the numbers are behind; None when all is well."""
    with station.store.read() as s:
        high = _central_high(s)
        last = _last_local(s, station.code)
    if last >= high:
        return None
    return (
        f"Receipt numbers are behind the central database (this store's last is "
        f"{_label(station.code, last)}, the centre holds {_label(station.code, high)}). "
        "A supervisor must resolve this before the next sale."
    )


def _label(code: str, seq: int) -> str:
    return format_receipt_no(code, seq) if seq > 0 else "none"


def _last_local(session: Session, station_code: str) -> int:
    return (
        session.scalar(
            select(ReceiptSequence.last_value).where(ReceiptSequence.station_code == station_code)
        )
        or 0
    )


def resolve(station: Station, actor: Actor, note: str) -> tuple[int, int]:
    """A supervisor lets the sequence go on after the centre's highest number (audited).

    Returns (the store's last number before, the last number now). The numbers in between
    were issued from the newer copy of this store and are at the centre.
    """
    actor.require("close_any_session", "resolve receipt numbering")
    note = note.strip()
    if not note:
        raise InputError("Say why the numbers were behind (a restored store, ...).", field="note")
    with station.store.write() as s:
        high = _central_high(s)
        last = _last_local(s, station.code)
        if last >= high:
            raise StateError("Receipt numbers are not behind the central database.")
        row = s.get(ReceiptSequence, station.code)
        if row is None:
            s.add(ReceiptSequence(station_code=station.code, last_value=high))
        else:
            row.last_value = high
        failed = s.execute(
            text(
                "SELECT record_id FROM outbox WHERE state = 'failed' "
                "AND table_name IN ('sale', 'paid_in_out') ORDER BY id"
            )
        ).scalars()
        audit.record(
            s,
            station.code,
            "receipt_numbering_resolved",
            actor=actor.username,
            target=format_receipt_no(station.code, high + 1),
            details={
                "store_last": last,
                "central_high": high,
                "next": high + 1,
                "note": note[:400],
                "refused_by_centre": list(failed)[:200],
            },
        )
    return last, high
