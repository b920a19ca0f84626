"""The demo station's animal tag stock: blocks for this year and last (its history spans both)."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.services.clock import local_today
from counterpos.services.station import Station
from counterpos.store.models import TagBlock


def give_demo_block(station: Station, size: int = 2000) -> None:
    """The demo city's station gets tags 1..size of this year and last (its history spans both)."""
    this_year = local_today().year
    with station.store.write() as s:
        for year in (this_year - 1, this_year):
            known = s.scalar(select(TagBlock.id).where(TagBlock.year == year).limit(1))
            if known is None:
                s.add(
                    TagBlock(
                        year=year,
                        station_code=station.code,
                        first_no=1,
                        last_no=size,
                        assigned_by="demo",
                    )
                )
