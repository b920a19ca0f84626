"""Languages: each user's screen language and each customer's preferred language.

`app_user.language` is chosen at sign-in and kept (empty: the station's `ui.language`);
`customer.preferred_language` picks the language of the customer's receipts and documents
(`receipt.language` = customer). Both are ISO 639-1 codes ("en", "es"). Station-side only:
push and pull move the columns the centre has, so the centre ignores them until it adds them.

Revision ID: 0015_i16
Revises: 0010
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_i16"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD/DROP COLUMN (SQLite 3.35+): a batch copy of customer would trip the keys
    # that point at it.
    op.add_column(
        "app_user", sa.Column("language", sa.String(8), nullable=False, server_default="")
    )
    op.add_column(
        "customer",
        sa.Column("preferred_language", sa.String(8), nullable=False, server_default="en"),
    )


def downgrade() -> None:
    op.drop_column("customer", "preferred_language")
    op.drop_column("app_user", "language")
