"""A small metered city for the utility desk's tests: meters installed on demo accounts and a
year of monthly reads and bills made through the services themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, text

from counterpos.domain.utility.read_files import fixed_file
from counterpos.services.clock import local_today
from counterpos.services.utility.billing.runs import billing_run
from counterpos.services.utility.meters.inventory import add_meter, install_meter
from counterpos.services.utility.meters.read_import import import_reads
from counterpos.store.models import UtilityAccount


def month_start(months_back: int, today: date | None = None) -> date:
    """The first day of the month `months_back` months before this one."""
    today = today or local_today()
    y, m = divmod(today.year * 12 + today.month - 1 - months_back, 12)
    return date(y, m + 1, 1)


def cycle_of(day: date) -> str:
    return f"{day:%Y-%m}"


@dataclass
class City:
    """Meters on accounts: serial -> account number; the last value read on each meter."""

    accounts: dict[str, str] = field(default_factory=dict)  # serial -> account_no
    values: dict[str, int] = field(default_factory=dict)  # serial -> last value

    @property
    def serials(self) -> list[str]:
        return list(self.accounts)


def residential_accounts(station, n: int) -> list[str]:
    with station.store.read() as s:
        return list(
            s.scalars(
                select(UtilityAccount.account_no)
                .where(
                    UtilityAccount.status == "active",
                    UtilityAccount.customer_class.in_(["residential_owner", "residential_renter"]),
                )
                .order_by(UtilityAccount.account_no)
                .limit(n)
            )
        )


def meter_up(station, actor, n: int = 12, months: int = 13, route: str = "R01") -> City:
    """`n` residential accounts get a 5/8" meter with a first read `months` months back."""
    city = City()
    start = month_start(months)
    for i, account_no in enumerate(residential_accounts(station, n), 1):
        serial = f"MV-{i:06d}"
        add_meter(station, actor, serial, "5/8", "Badger", "M25", received_on=start)
        install_meter(
            station,
            actor,
            serial,
            account_no,
            1000 + i,
            on=start,
            location="front curb",
            route=route,
            route_seq=i * 10,
        )
        city.accounts[serial] = account_no
        city.values[serial] = 1000 + i
    return city


def read_file(city: City, on: date, units: dict[str, int] | int = 12, flags=None) -> bytes:
    """A fixed-width read file for every meter of the city, each `units` more than last time."""
    flags = flags or {}
    records = []
    for serial in city.serials:
        used = units if isinstance(units, int) else units.get(serial, 12)
        city.values[serial] += used
        records.append((serial, on, city.values[serial] % 10000, flags.get(serial, "")))
    return fixed_file(records, on, "test handheld").encode()


def a_year_of_bills(
    station, actor, city: City, months: int = 12, units: int = 12, until: int = 1
) -> list[str]:
    """Reads on the 20th and a billing run on the 25th of `months` months, the last of them
    `until` months before this one (with `until=2` every bill is past due whatever today is:
    a bill of the 25th is due 21 days later)."""
    runs = []
    for back in range(months + until - 1, until - 1, -1):
        first = month_start(back)
        on = first.replace(day=20)
        import_reads(station, actor, read_file(city, on, units), f"reads-{first:%Y%m}.txt")
        runs.append(
            billing_run(station, actor, cycle_of(first), bill_date=first.replace(day=25)).run_no
        )
    return runs


def rows(station, sql: str, **params) -> list[tuple]:
    with station.store.read() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def overdue_city(station, actor):
    """(city, the oldest bill of MV-000001's account): six metered accounts, four months billed
    up to last month but one, so every bill is past due on any day of the month; nothing paid."""
    from datetime import timedelta

    from counterpos.services.utility.billing.bills import account_bills

    city = meter_up(station, actor, n=6, months=6)
    a_year_of_bills(station, actor, city, months=4, until=2)
    first = account_bills(station, city.accounts["MV-000001"])[0]
    assert first.due_date == first.bill_date + timedelta(days=21)
    return city, first


def final_notices_sent(station, actor, first) -> None:
    """The daily runs two and 46 days after the oldest bill's due date: late notices, then
    final (shut-off) notices with their SB 998 dates."""
    from datetime import timedelta

    from counterpos.services.utility.delinquency.run import delinquency_run

    delinquency_run(station, actor, on=first.due_date + timedelta(days=2))
    delinquency_run(station, actor, on=first.due_date + timedelta(days=46))
