"""A version number of the catalog, moved by the store itself whenever a service or a fee
schedule row is added, changed or removed.

A sale reads the catalog (its services and the fee rules in force) to price every line again
inside its transaction. With this number it reads one integer instead, and takes the catalog
it already holds when the number has not moved (services/sale/catalog.py, `_catalog`).
Triggers move it, so every writer counts: the back office, a sync, a migration, a hand-edit.

Revision ID: 0017_s4_14c
Revises: 0017_s4_14b
Create Date: 2026-12-01
"""

from alembic import op

revision = "0017_s4_14c"
down_revision = "0017_s4_14b"
branch_labels = None
depends_on = None

TABLES = ("service", "fee_schedule")
EVENTS = ("INSERT", "UPDATE", "DELETE")


def upgrade() -> None:
    op.execute(
        "CREATE TABLE catalog_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)"
    )
    op.execute("INSERT INTO catalog_version (id, n) VALUES (1, 0)")
    for table in TABLES:
        for when in EVENTS:
            op.execute(
                f"CREATE TRIGGER catalog_version_{table}_{when.lower()} AFTER {when} ON {table} "
                "BEGIN UPDATE catalog_version SET n = n + 1 WHERE id = 1; END"
            )


def downgrade() -> None:
    for table in TABLES:
        for when in EVENTS:
            op.execute(f"DROP TRIGGER catalog_version_{table}_{when.lower()}")
    op.execute("DROP TABLE catalog_version")
