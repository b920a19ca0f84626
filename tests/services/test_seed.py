"""Seeding the catalog: a service marked "active": false is stored but never listed."""

from __future__ import annotations

from counterpos.services.card.fees import FEE_GL, FEE_SERVICE
from counterpos.services.sale import catalog
from counterpos.services.seed import load_catalog_file
from counterpos.store.models import FeeSchedule, Service


def test_an_inactive_service_is_seeded_hidden(station):
    entry = next(s for s in load_catalog_file()["services"] if s["code"] == FEE_SERVICE)
    assert entry["active"] is False
    with station.store.read() as s:
        svc = s.get(Service, FEE_SERVICE)
        assert svc is not None and svc.active is False and svc.gl_account == FEE_GL
        assert s.query(FeeSchedule).filter_by(service_code=FEE_SERVICE).count() == 1
        others = s.query(Service).filter(Service.code != FEE_SERVICE).all()
    assert all(o.active for o in others)
    listed = [v.code for v in catalog.list_services(station)]
    assert FEE_SERVICE not in listed and "misc_receipt" in listed
