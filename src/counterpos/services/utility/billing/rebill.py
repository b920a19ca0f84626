"""A corrected read: a new read replaces the old one, and a bill made from the old one is
reversed and billed again, in one transaction. A bill is never edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text

from counterpos.domain.kinds import EntryType
from counterpos.domain.utility.rates import RateError, price, total
from counterpos.domain.utility.reads import BelowPrevious, ReadError, consumption
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.services.utility.billing.rates import water_rates
from counterpos.services.utility.billing.runs import _new_due_dates, reverse_bills
from counterpos.services.utility.meters.inventory import find_meter
from counterpos.services.utility.meters.reads import RolloverOrError
from counterpos.services.utility.meters.state import LIVE_BILL, last_read
from counterpos.services.utility.numbers import next_number
from counterpos.store.models import Bill, LedgerEntry, MeterRead, ReadReview, UtilityAccount
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import bill_row, ledger_row, read_row


@dataclass(frozen=True)
class CorrectionResult:
    read_id: str
    serial: str
    old_value: int
    value: int
    consumption: int
    reversed_bill: str  # "" when the read was not billed yet
    new_bill: str
    new_total_cents: int


def correct_read(
    station: Station,
    actor: Actor,
    serial: str,
    value: int,
    reason: str,
    *,
    rollover: bool | None = None,
) -> CorrectionResult:
    """Replace the meter's latest read with `value`; rebill if that read was billed."""
    actor.require("run_billing", "correct a billed read")
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise InputError("Say why the read is corrected.", field="reason")
    with station.store.write() as s:
        p = find_meter(s, serial)
        latest = last_read(s, p.meter_id)
        if latest is None or latest.kind == "first":
            raise StateError(
                "Meter {serial} has no read to correct since it was installed.", serial=p.serial
            )
        old = s.get(MeterRead, latest.read_id)
        assert old is not None
        prev = s.get(MeterRead, old.previous_read_id) if old.previous_read_id else None
        if prev is None:
            raise StateError(
                "The read of {serial} on {read_on:%m/%d/%Y} has no read before it.",
                serial=p.serial,
                read_on=old.read_on,
            )
        if value == old.value and bool(rollover) == old.rollover:
            raise InputError("That is the read already on file.", field="value")
        try:
            units = consumption(prev.value, value, p.dials, bool(rollover))
        except BelowPrevious as exc:
            if rollover is None:
                raise RolloverOrError(exc) from exc
            raise InputError(exc, field="value") from exc
        except ReadError as exc:
            raise InputError(exc, field="value") from exc
        new_read = read_row(
            meter_id=old.meter_id,
            account_id=old.account_id,
            read_on=old.read_on,
            value=value,
            kind="actual" if old.kind != "final" else "final",
            consumption=units,
            previous_read_id=prev.id,
            rollover=bool(rollover),
            source="keyed",
            replaces_id=old.id,
            station_code=station.code,
            created_by=actor.username,
        )
        insert_synced(s, [(MeterRead, [new_read])])
        bill = s.scalars(
            select(Bill).from_statement(
                text(
                    "SELECT b.* FROM bill b WHERE b.account_id = :a AND "
                    f"{LIVE_BILL} AND EXISTS (SELECT 1 FROM json_each(b.read_ids) j "
                    "WHERE j.value = :r)"
                )
            ),
            {"a": old.account_id, "r": old.id},
        ).first()
        reversed_no = new_no = ""
        new_total = 0
        if bill is not None:
            review = s.scalars(select(ReadReview).where(ReadReview.read_id == old.id)).first()
            old_units = (
                review.consumption if review and review.consumption is not None else old.consumption
            )
            billed_units = bill.consumption - int(old_units or 0) + units
            rev_bills, rev_ledger = reverse_bills(
                s, station.code, bill.run_id, [bill], f"read of {p.serial} corrected: {reason}"
            )
            reversed_no = rev_bills[0]["bill_no"]
            insert_synced(s, [(Bill, rev_bills), (LedgerEntry, rev_ledger)])
            today = local_today()
            sched = water_rates(s, bill.period_to or old.read_on)
            try:
                lines = price(sched, bill.meter_size, bill.customer_class, billed_units)
            except RateError as exc:
                raise StateError("{exc} Nothing was changed.", exc=exc) from exc
            new_total = total(lines)
            due = date.fromordinal(today.toordinal() + sched.due_days)
            new_no = next_number(s, Bill.bill_no, station.code, "B")
            entry = ledger_row(
                account_id=bill.account_id,
                entry_type=EntryType.CHARGE,
                amount_cents=new_total,
                memo=f"Water and sewer bill {new_no} ({bill.cycle}), rebilled",
                station_code=station.code,
            )
            new_bill = bill_row(
                bill_no=new_no,
                run_id=bill.run_id,
                account_id=bill.account_id,
                cycle=bill.cycle,
                route=bill.route,
                bill_date=today,
                due_date=due,
                period_from=bill.period_from,
                period_to=bill.period_to,
                meter_size=bill.meter_size,
                customer_class=bill.customer_class,
                consumption=billed_units,
                estimated=bill.estimated,
                read_ids=[new_read["id"] if r == old.id else r for r in bill.read_ids],
                lines=[[x.code, x.label, x.units, x.rate, x.cents, x.gl] for x in lines],
                total_cents=new_total,
                ledger_entry_id=entry["id"],
                reason=f"Rebilled after the read of {p.serial} was corrected (bill {bill.bill_no})",
                station_code=station.code,
            )
            insert_synced(s, [(Bill, [new_bill]), (LedgerEntry, [entry])])
            acct = s.get(UtilityAccount, bill.account_id)
            assert acct is not None
            s.expire(acct, ["due_date"])  # written by SQL below
            _new_due_dates(s, {acct.id: due})
        audit.record(
            s,
            station.code,
            "read_corrected",
            actor=actor.username,
            target=p.serial,
            details={
                "old": old.value,
                "new": value,
                "reason": reason,
                "reversed_bill": reversed_no,
                "new_bill": new_no,
            },
        )
        return CorrectionResult(
            new_read["id"], p.serial, old.value, value, units, reversed_no, new_no, new_total
        )
