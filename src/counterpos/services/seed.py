"""Loads the default catalog, GL accounts and roles from db/seed/catalog.json into a new store."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.resources_path import data_path
from counterpos.store.models import FeeSchedule, GlAccount, Role, RolePermission, Service

CATALOG_EFFECTIVE_FROM = date(2000, 1, 1)


def load_catalog_file() -> dict:
    with open(data_path("db") / "seed" / "catalog.json", encoding="utf-8") as fh:
        return json.load(fh)


def seed_catalog(session: Session) -> bool:
    """Insert the default roles, GL accounts, services and fees if the store has none."""
    if session.scalar(select(Service.code).limit(1)) is not None:
        return False
    data = load_catalog_file()
    for role in data["roles"]:
        session.add(Role(name=role["name"], label=role["label"], rank=role["rank"]))
    session.flush()
    for role in data["roles"]:
        for perm in role["permissions"]:
            session.add(RolePermission(role=role["name"], permission=perm))
    for gl in data["gl_accounts"]:
        session.add(
            GlAccount(
                code=gl["code"],
                name=gl["name"],
                fund_code=gl["fund_code"],
                fund_name=gl["fund_name"],
                misc_allowed=gl.get("misc_allowed", False),
            )
        )
    session.flush()
    for order, svc in enumerate(data["services"]):
        session.add(
            Service(
                code=svc["code"],
                name=svc["name"],
                category=svc["category"],
                gl_account=svc["gl_account"],
                hotkey=svc.get("hotkey", ""),
                sort_order=order,
                # "active": false seeds a service the till never lists (the card fee line).
                active=svc.get("active", True),
                fields=svc.get("fields", []),
                companion_of=svc.get("companion_of", []),
                confirm_above_cents=svc.get("confirm_above_cents"),
            )
        )
    session.flush()
    for svc in data["services"]:
        session.add(
            FeeSchedule(
                service_code=svc["code"],
                effective_from=CATALOG_EFFECTIVE_FROM,
                rule=svc["rule"],
                created_by="seed",
            )
        )
    return True
