"""The catalog's companion services and per-service ceilings at the centre.

Revision ID: c0008_s3_14
Revises: c0005_i18
Create Date: 2026-11-30

The station store has had `service.companion_of` (the services a line is only ever rung with)
and `service.confirm_above_cents` (the amount above which a supervisor confirms a line) since
its revision 0011; the centre kept neither, so a catalog applied at the centre came down to
the other stations without them (a penalty offered alone, a misc receipt without a ceiling).
Both columns are added here and filled for the services the centre already holds from the
shipped catalog (db/seed/catalog.json); a station that sends a service row without
`companion_of` (one not yet migrated) gets an empty list, never a NULL a station cannot keep.
Reference rows reach the centre through `counterpos_upsert_reference` and go down by
`changed_at`, which copy every column the table has: nothing else changes.
"""

import json

from alembic import op
from sqlalchemy import text

revision = "c0008_s3_14"
down_revision = "c0005_i18"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE service ADD COLUMN companion_of jsonb NOT NULL DEFAULT '[]'")
    op.execute("ALTER TABLE service ADD COLUMN confirm_above_cents bigint")
    # json_populate_record gives NULL for a key the payload lacks; the default never applies.
    op.execute(
        """CREATE FUNCTION counterpos_service_companions() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          NEW.companion_of := coalesce(NEW.companion_of, '[]'::jsonb);
          RETURN NEW;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER service_companions BEFORE INSERT OR UPDATE ON service "
        "FOR EACH ROW EXECUTE FUNCTION counterpos_service_companions()"
    )
    from counterpos.services.seed import load_catalog_file

    bind = op.get_bind()
    for svc in load_catalog_file()["services"]:
        companions = svc.get("companion_of", [])
        above = svc.get("confirm_above_cents")
        if not companions and above is None:
            continue
        bind.execute(
            text(
                "UPDATE service SET companion_of = CAST(:companion AS jsonb), "
                "confirm_above_cents = :above WHERE code = :c"
            ),
            {"companion": json.dumps(companions), "above": above, "c": svc["code"]},
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS service_companions ON service")
    op.execute("DROP FUNCTION IF EXISTS counterpos_service_companions()")
    op.execute("ALTER TABLE service DROP COLUMN IF EXISTS confirm_above_cents")
    op.execute("ALTER TABLE service DROP COLUMN IF EXISTS companion_of")
