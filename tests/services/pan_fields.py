"""Card numbers to type into every free-text field of the catalog, for the PCI tests."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.store.models import Service

PAN = "4111111111111111"


FORMS = [PAN, "4111 1111 1111 1111", "4111-1111-1111-1111"]


VALID = {"account": "10000000", "date": "01/15/2031", "money": "100000"}


def text_fields(station) -> list[tuple[str, str, dict]]:
    """(service, field, details valid except for that field) for every free-text field."""
    out = []
    with station.store.read() as s:
        for svc in s.scalars(select(Service).where(Service.active)):
            base = {}
            for spec in svc.fields or ():
                if spec["type"] == "choice":
                    base[spec["name"]] = spec["choices"][0][0]
                elif spec["type"] == "gl_account":
                    base[spec["name"]] = "4830"
                elif spec["type"] in VALID:
                    base[spec["name"]] = VALID[spec["type"]]
                else:
                    base[spec["name"]] = "ok"
            for spec in svc.fields or ():
                if spec["type"] == "text":
                    out.append((svc.code, spec["name"], base))
    return out
