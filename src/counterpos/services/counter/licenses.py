"""Licenses of every kind (animal, business) found by number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.services.errors import NotFound
from counterpos.store.models import License


def find_license(session: Session, license_no: str, kind: str = "animal") -> License:
    """The license with this number (case and spaces as typed do not matter), or NotFound."""
    number = license_no.strip().upper()
    lic = session.scalar(select(License).where(License.license_no == number, License.kind == kind))
    if lic is None:
        raise NotFound("There is no {kind} license {number}.", kind=kind, number=number)
    return lic
