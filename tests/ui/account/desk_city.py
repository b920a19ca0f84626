"""A metered, billed city for the utility desk's screens (built through the services)."""

from __future__ import annotations

from datetime import timedelta

from counterpos.services.clock import local_today
from counterpos.services.utility.meters.read_import import import_reads
from counterpos.services.utility.meters.review import held_reads, review_read
from counterpos.services.utility.usage.work_orders import update_work_order
from tests.conftest import login
from tests.services.utility.desk_support import a_year_of_bills, meter_up, read_file


def billed_city(station, n: int = 4, months: int = 12):
    sofia = login(station, "sofia")
    city = meter_up(station, sofia, n=n, months=months + 1)
    a_year_of_bills(station, sofia, city, months=months)
    return city


def leak_on_first(station, city) -> str:
    """MV-000001 read high (52 HCF), accepted, its work order closed with the leak repaired;
    the month not yet billed. Returns the work order number."""
    sofia = login(station, "sofia")
    import_reads(station, sofia, read_file(city, local_today(), {"MV-000001": 52}), "leak.txt")
    done = review_read(station, sofia, held_reads(station)[0].read_id, "accept")
    update_work_order(
        station,
        sofia,
        done.work_order_no,
        "closed",
        finding="leak_repaired",
        repaired_on=local_today() - timedelta(days=1),
    )
    return done.work_order_no
