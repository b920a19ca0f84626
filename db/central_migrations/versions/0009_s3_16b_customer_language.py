"""Each customer's preferred language at the centre: a Spanish-speaking customer set at one
counter gets Spanish receipts, certificates and notices at every counter.

Revision ID: c0008_s3_16b
Revises: c0008_s3_14
Create Date: 2026-11-30

Self-contained: the column (an ISO 639-1 code, 'en' for every customer the centre already
has, as on the stations), and the rule that lets a station change it as it changes a
customer's address (station_change_rule, c0003): the change is applied, not held for an
administrator, since it is what the customer asked for at the counter. Stations take it
back down with the other customer columns (sync/pull.py copies the columns both sides have).
"""

from alembic import op

revision = "c0008_s3_16b"
down_revision = "c0008_s3_14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE customer ADD COLUMN IF NOT EXISTS preferred_language text NOT NULL "
        "DEFAULT 'en' CONSTRAINT ck_customer_preferred_language "
        "CHECK (preferred_language ~ '^[a-z]{2}$')"
    )
    op.execute(
        "UPDATE station_change_rule "
        "SET may_update = array_append(may_update, 'preferred_language') "
        "WHERE table_name = 'customer' AND NOT ('preferred_language' = ANY (may_update))"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE station_change_rule "
        "SET may_update = array_remove(may_update, 'preferred_language') "
        "WHERE table_name = 'customer'"
    )
    op.execute("ALTER TABLE customer DROP COLUMN IF EXISTS preferred_language")
