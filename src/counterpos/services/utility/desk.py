"""The utility desk's view of one account, for the counter's panel: meters, last reads, bills,
notices, the arrangement and open work orders, read in one call."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.domain.money import Money
from counterpos.services.station import Station
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.billing.bills import BillView, account_bills
from counterpos.services.utility.delinquency.arrangements import ArrangementView, arrangement_of
from counterpos.services.utility.delinquency.shutoff import ShutoffCheck, shutoff_check
from counterpos.services.utility.meters.inventory import MeterView, meters_of
from counterpos.services.utility.meters.reads import ReadView, reads_of
from counterpos.services.utility.notices.record import NoticeView, notices_of
from counterpos.services.utility.usage.work_orders import WorkOrderView, work_orders_of


@dataclass(frozen=True)
class AccountDesk:
    account_no: str
    service_address: str
    status: str
    balance: Money
    meters: tuple[MeterView, ...]
    reads: tuple[ReadView, ...]
    bills: tuple[BillView, ...]  # newest first, reversals included
    notices: tuple[NoticeView, ...]
    arrangement: ArrangementView | None
    work_orders: tuple[WorkOrderView, ...]  # open ones
    shutoff: ShutoffCheck
    leak_bills: tuple[str, ...]  # live bills a leak adjustment may cover (newest first)
    repaired_orders: tuple[str, ...]  # closed work orders that found a repaired leak


def account_desk(station: Station, account_no: str) -> AccountDesk:
    ledger = account_ledger(station, account_no)
    bills = account_bills(station, account_no)
    orders = work_orders_of(station, account_no)
    newest_first = tuple(reversed(bills))
    return AccountDesk(
        ledger.account_no,
        ledger.service_address,
        ledger.status,
        ledger.balance,
        tuple(meters_of(station, account_no)),
        tuple(reads_of(station, account_no, limit=13)),
        newest_first,
        tuple(notices_of(station, account_no)),
        arrangement_of(station, account_no),
        tuple(o for o in orders if o.status != "closed"),
        shutoff_check(station, account_no),
        tuple(b.bill_no for b in newest_first if b.live)[:6],
        tuple(o.wo_no for o in orders if o.leads_to == "leak"),
    )
