"""Companion services and per-service ceilings in the catalog; the utility late fee's rule.

`service.companion_of` names the services a line is only ever rung with (a late penalty with
its citation, the disability-access shares with a business license, a new transit card with
its pass, the utility late fee with a payment): such a line exists only with its parent and
the till does not offer it alone. `service.confirm_above_cents` is the amount above which a
supervisor confirms a line (a miscellaneous receipt). A store seeded before this revision gets
both from db/seed/catalog.json, the utility late fee's computed rule (10% of the past-due
balance) as a new fee schedule, and the supervisor's `approve_line` permission.

Revision ID: 0011
Revises: 0015_i16
Create Date: 2026-11-24
"""

import json
import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0015_i16"  # the head on main when this branch merged it
branch_labels = None
depends_on = None

CHANGED_RULES = ("utility_late_fee",)
NEW_PERMISSIONS = (("supervisor", "approve_line"),)


def upgrade() -> None:
    # Plain ADD COLUMN: a batch copy of `service` would drop a table others point at.
    op.add_column(
        "service", sa.Column("companion_of", sa.JSON(), nullable=False, server_default="[]")
    )
    op.add_column("service", sa.Column("confirm_above_cents", sa.Integer(), nullable=True))
    _upgrade_catalog()


def _upgrade_catalog() -> None:
    """A store seeded before this revision (a new one is seeded after migrating). Rules are
    added as schedules, never edited."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM service")).scalar() == 0:
        return
    from counterpos.services.seed import CATALOG_EFFECTIVE_FROM, load_catalog_file

    data = load_catalog_file()
    for svc in data["services"]:
        bind.execute(
            sa.text(
                "UPDATE service SET companion_of = :companion, confirm_above_cents = :above "
                "WHERE code = :c"
            ),
            {
                "companion": json.dumps(svc.get("companion_of", [])),
                "above": svc.get("confirm_above_cents"),
                "c": svc["code"],
            },
        )
    services = {s["code"]: s for s in data["services"]}
    now = datetime.utcnow()
    for code in CHANGED_RULES:
        bind.execute(
            sa.text(
                "INSERT INTO fee_schedule (id, service_code, effective_from, rule, created_by, "
                "created_at) SELECT :id, :c, :d, :r, 'migration 0011', :t "
                "WHERE EXISTS (SELECT 1 FROM service WHERE code = :c)"
            ),
            {
                "id": str(uuid.uuid4()),
                "c": code,
                "d": CATALOG_EFFECTIVE_FROM,
                "r": json.dumps(services[code]["rule"]),
                "t": now,
            },
        )
    for role, permission in NEW_PERMISSIONS:
        bind.execute(
            sa.text(
                "INSERT INTO role_permission (role, permission) SELECT :r, :p "
                "WHERE EXISTS (SELECT 1 FROM role WHERE name = :r) AND NOT EXISTS "
                "(SELECT 1 FROM role_permission WHERE role = :r AND permission = :p)"
            ),
            {"r": role, "p": permission},
        )


def downgrade() -> None:
    bind = op.get_bind()
    for role, permission in NEW_PERMISSIONS:
        bind.execute(
            sa.text("DELETE FROM role_permission WHERE role = :r AND permission = :p"),
            {"r": role, "p": permission},
        )
    bind.execute(sa.text("DELETE FROM fee_schedule WHERE created_by = 'migration 0011'"))
    op.execute("ALTER TABLE service DROP COLUMN confirm_above_cents")
    op.execute("ALTER TABLE service DROP COLUMN companion_of")
