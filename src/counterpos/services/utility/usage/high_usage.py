"""A confirmed high read: the customer's usage notice and the work order to find out why."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.utility.meters.state import averages
from counterpos.services.utility.notices.record import address_of, record_notice
from counterpos.services.utility.usage.work_orders import open_order
from counterpos.store.models import Meter, MeterRead, UtilityAccount


def high_usage(
    s: Session, station_code: str, actor: Actor, read: MeterRead, work_order: str
) -> tuple[str, str]:
    """(notice number, work order number) for a high read accepted as real use."""
    acct = s.get(UtilityAccount, read.account_id)
    meter = s.get(Meter, read.meter_id)
    assert acct is not None and meter is not None
    avg = averages(s, read.read_on, [acct.id]).get(acct.id)
    wo_no = ""
    if work_order:
        wo_no = open_order(
            s,
            station_code,
            actor.username,
            acct,
            work_order,
            f"High read {read.value} on {read.read_on:%m/%d/%Y}: {read.consumption} "
            f"{meter.unit} against a 12-month average of {avg} {meter.unit}.",
            read_id=read.id,
        )
    customer_id, addressee, mail_to = address_of(s, acct)
    notice = record_notice(
        s,
        station_code,
        actor.username,
        kind="usage",
        key=f"usage:{read.id}",
        account_id=acct.id,
        customer_id=customer_id or None,
        issued_on=local_today(),
        addressee=addressee,
        mail_to=mail_to,
        details={
            "account_no": acct.account_no,
            "service_address": acct.service_address,
            "serial": meter.serial,
            "read_on": read.read_on.isoformat(),
            "read": read.value,
            "consumption": read.consumption,
            "average": str(avg) if avg is not None else "",
            "unit": meter.unit,
            "work_order_no": wo_no,
        },
    )
    return notice["notice_no"], wo_no
