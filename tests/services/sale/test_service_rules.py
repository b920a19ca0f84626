"""Per-service rules (services/sale/service_rules.py): found by walking packages, one per code."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.sale import catalog, service_rules
from counterpos.store.models import License, Sale, Service, TagMovement
from tests.services.counter_visit import dog, give_tags, pay_cash, ring

SRC = Path(__file__).resolve().parents[3] / "src"


def rule_classes() -> dict[str, type[service_rules.ServiceRules]]:
    """Service code -> the ServiceRules class a module of the rule packages declares for it."""
    found = {}
    for package in service_rules.RULE_PACKAGES:
        path = importlib.import_module(package).__path__
        for info in pkgutil.iter_modules(path, package + "."):
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, service_rules.ServiceRules) and cls.__module__ == info.name:
                    for code in cls.codes:
                        assert code not in found, f"{code} has rules twice"
                        found[code] = cls
    return found


def test_rule_modules_are_found_by_walking_the_service_packages():
    """In a fresh process nothing imports counter/ or utility/ until a rule is asked for."""
    code = (
        "import sys\n"
        "from counterpos.services.sale import service_rules\n"
        "walked = [m for m in sys.modules if m.startswith(service_rules.RULE_PACKAGES)]\n"
        "print(len(walked))\n"
        "assert service_rules.rules_for('yard_sale_permit') is not None\n"
        "print(sorted(m for m in sys.modules if m.startswith(service_rules.RULE_PACKAGES)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(SRC)),
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    before, after = run.stdout.splitlines()
    assert before == "0"
    for package in service_rules.RULE_PACKAGES:
        path = importlib.import_module(package).__path__
        for info in pkgutil.iter_modules(path, package + "."):
            assert repr(info.name) in after, info.name


def test_every_service_code_with_rules_resolves_to_its_class(station):
    classes = rule_classes()
    assert {"animal_license", "citation", "passport_execution", "utility_payment"} <= set(classes)
    with station.store.read() as s:
        services = set(s.scalars(select(Service.code)))
    for code, cls in classes.items():
        assert code in services, f"rules for {code}, which is not in the catalog"
        assert type(service_rules.rules_for(code)) is cls
        assert service_rules.rules_for(code) is service_rules.rules_for(code)  # one instance
    for code in services - set(classes):  # the rest are priced by their fee rule alone
        assert service_rules.rules_for(code) is None, code


def test_a_permission_a_service_asks_for_is_said_in_words():
    for code, cls in rule_classes().items():
        if cls.permission:
            assert cls.permission_what, f"{code} needs {cls.permission} but does not say for what"


def test_void_sale_lines_undoes_each_line_that_has_rules(station, cashier, drawer):
    give_tags(station, first=1, last=10)
    cart = ring(station, Cart(), "animal_license", details=dog(animal_name="Rex"))
    ring(station, cart, "animal_license", details=dog(animal_name="Luna", species="cat"))
    cart.add(
        catalog.price_line(
            station,
            "misc_receipt",
            details={"gl_account": "4830", "memo": "Copies"},
            amount_text="2",
        )
    )
    done = pay_cash(station, cashier, drawer.session_id, cart)
    assert len(done.documents) == 2
    with station.store.write() as s:
        sale = s.scalar(select(Sale).where(Sale.receipt_no == done.receipt_no))
        service_rules.void_sale_lines(s, station.code, sale)
    with station.store.read() as s:
        licenses = s.scalars(select(License).where(License.license_no.in_(done.documents))).all()
        assert [lic.status for lic in licenses] == ["void", "void"]
        moves = s.scalars(
            select(TagMovement).where(TagMovement.sale_line_id.is_not(None))  # not the demo's
        ).all()
        assert sorted((m.kind, m.number) for m in moves) == [
            ("issue", 1),
            ("issue", 2),
            ("return", 1),
            ("return", 2),
        ]


def test_fields_a_services_rules_require_are_fields_it_has(station):
    """What a screen marks as required beyond the catalog exists in that service's form."""
    services = {s.code: s for s in catalog.list_services(station)}
    marked = {}
    for code, svc in services.items():
        rules = service_rules.rules_for(code)
        if rules is not None and rules.required_fields:
            names = {f["name"] for f in svc.fields}
            assert set(rules.required_fields) <= names, code
            marked[code] = rules.required_fields
    assert "business_name" in marked["business_license_new"]
    assert "gross_receipts_cents" in marked["business_license_new"]
