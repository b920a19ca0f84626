"""Importing a read file from a handheld or an AMR head end: all of it, or none of it.

Every line is checked before anything is written: a bad line (not a read, an unknown meter, a
meter not in service, a date before the last read or in the future, a second read of the same
meter in one day) refuses the whole file with its line number and the reason. A file taken once
is refused the second time (by its SHA-256). Reads below the previous one that the file does
not flag as rollovers, and reads outside the account's normal range, are saved held for review.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from counterpos.domain.utility.read_files import ReadFileError, ReadRecord, parse, sniff
from counterpos.domain.utility.reads import (
    BelowPrevious,
    ReadError,
    after_estimate,
    consumption,
    review_reason,
)
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today, to_local
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.meters.state import (
    averages,
    last_actual,
    meters_for_import,
    review_limits,
)
from counterpos.store.models import MeterRead, ReadImport, new_id
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import read_row

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    import_id: str
    file_name: str
    layout: str
    records: int
    estimated: int
    held: dict[str, int]  # reason -> count
    held_serials: tuple[str, ...]


def _refuse(record: ReadRecord, reason: str) -> InputError:
    return InputError(
        "Line {line_no}: {reason} Nothing was imported.",
        field="file",
        line_no=record.line_no,
        reason=reason,
    )


def import_reads(
    station: Station, actor: Actor, data: bytes, file_name: str = "", layout: str = "auto"
) -> ImportResult:
    """Take a whole read file (bytes as received) or refuse it whole."""
    actor.require("utility_desk", "import meter reads")
    if len(data) > MAX_BYTES:
        raise InputError("The file is larger than 50 MB; split it.", field="file")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            "Line {line}: the file is not UTF-8 text. Nothing was imported.",
            field="file",
            line=line,
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    layout = sniff(content) if layout == "auto" else layout
    if layout not in ("csv", "fixed"):
        raise InputError("Layout: csv or fixed.", field="layout")
    try:
        records = parse(content, layout)
    except ReadFileError as exc:
        raise InputError("{exc} Nothing was imported.", field="file", exc=exc) from exc
    today = local_today()
    import_id = new_id()
    with station.store.write() as s:
        earlier = s.scalars(select(ReadImport).where(ReadImport.sha256 == digest)).first()
        if earlier is not None:
            raise InputError(
                "This file was already imported on {created_at:%m/%d/%Y %H:%M} by {imported_by}; nothing "
                "was imported again.",
                field="file",
                created_at=to_local(earlier.created_at),
                imported_by=earlier.imported_by,
            )
        where = meters_for_import(s)
        avgs = averages(s, today)
        high, low = review_limits(s)
        rows = []
        held: Counter[str] = Counter()
        held_serials = []
        estimated = 0
        for r in records:
            p = where.get(r.meter_serial)
            if p is None:
                raise _refuse(r, f"there is no meter {r.meter_serial}.")
            if p.status != "installed" or not p.account_id:
                raise _refuse(r, f"meter {r.meter_serial} is not in service ({p.status}).")
            if r.read_on > today:
                raise _refuse(r, f"the read date {r.read_on:%m/%d/%Y} is in the future.")
            prev = p.last
            if prev is None:
                raise _refuse(r, f"meter {r.meter_serial} has no first read.")
            if r.read_on < prev.read_on:
                raise _refuse(
                    r,
                    f"meter {r.meter_serial} was last read on {prev.read_on:%m/%d/%Y}, after "
                    f"{r.read_on:%m/%d/%Y}.",
                )
            if r.read_on == prev.read_on and prev.kind != "first":
                raise _refuse(
                    r, f"meter {r.meter_serial} already has a read on {r.read_on:%m/%d/%Y}."
                )
            review = ""
            actual = (
                last_actual(s, p.meter_id)
                if prev.kind == "estimated" and not r.estimated and r.value < prev.value
                else None
            )
            units: int | None
            ran_ahead = actual is not None and after_estimate(prev.value, actual.value, r.value)
            if ran_ahead:
                units = 0  # the estimates ran ahead: an over-estimate correction, not a hold
            else:
                try:
                    units = consumption(prev.value, r.value, p.dials, r.rollover)
                except BelowPrevious:
                    units, review = None, "below_previous"
                except ReadError as exc:
                    raise _refuse(r, f"meter {r.meter_serial}: {exc}") from exc
            if units is not None and not ran_ahead and not r.estimated:
                review = review_reason(units, avgs.get(p.account_id), high, low)
            if review:
                held[review] += 1
                held_serials.append(r.meter_serial)
            estimated += r.estimated
            rows.append(
                read_row(
                    meter_id=p.meter_id,
                    account_id=p.account_id,
                    read_on=r.read_on,
                    value=r.value,
                    kind="estimated" if r.estimated else "actual",
                    consumption=units,
                    previous_read_id=prev.read_id,
                    review=review,
                    rollover=r.rollover,
                    source=layout,
                    import_id=import_id,
                    reader=r.reader,
                    station_code=station.code,
                    created_by=actor.username,
                )
            )
        s.add(
            ReadImport(
                id=import_id,
                file_name=file_name[-200:],
                layout=layout,
                sha256=digest,
                records=len(rows),
                held=sum(held.values()),
                details={"held": dict(held), "estimated": estimated},
                station_code=station.code,
                imported_by=actor.username,
            )
        )
        s.flush()
        insert_synced(s, [(MeterRead, rows)])
        audit.record(
            s,
            station.code,
            "reads_imported",
            actor=actor.username,
            target=file_name[-120:],
            details={"records": len(rows), "layout": layout, "held": dict(held), "sha256": digest},
        )
    return ImportResult(
        import_id, file_name, layout, len(rows), estimated, dict(held), tuple(held_serials)
    )
