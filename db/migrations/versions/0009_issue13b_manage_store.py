"""The administrator's `manage_store` permission: restore a backup, accept lost work.

Stores seeded before it existed get it for the `admin` role (new stores are seeded from
db/seed/catalog.json, which lists it).

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-30
"""

from alembic import op

revision = "0009"
down_revision = "0013"  # the head on main when this branch merged it
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "INSERT INTO role_permission (role, permission) "
        "SELECT name, 'manage_store' FROM role WHERE name = 'admin' "
        "AND NOT EXISTS (SELECT 1 FROM role_permission "
        "                WHERE role = 'admin' AND permission = 'manage_store')"
    )


def downgrade() -> None:
    op.execute("DELETE FROM role_permission WHERE permission = 'manage_store'")
