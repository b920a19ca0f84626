"""The city's heading on bills and letters, from the station's settings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counterpos.domain.utility.documents import CityHeading
from counterpos.services import settings


def city_heading(session: Session) -> CityHeading:
    return CityHeading(
        settings.get(session, "city.name"),
        settings.get(session, "city.address"),
        settings.get(session, "city.phone"),
    )
