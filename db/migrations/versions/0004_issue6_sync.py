"""Schema for sync with the central database: outbox states, watermarks, central ledger copy.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # pending -> sent, or failed (set aside with its error for the supervisor; never blocks).
    op.add_column(
        "outbox",
        sa.Column("state", sa.String(length=10), nullable=False, server_default="pending"),
    )
    op.execute("UPDATE outbox SET state = 'sent' WHERE sent_at IS NOT NULL")
    # Partial indexes: only the rows still to send (or set aside) are indexed, so finding the
    # next batch and counting what waits stay instant however long the sent history grows,
    # and marking a batch sent only removes index entries.
    op.drop_index("ix_outbox_sent_at", table_name="outbox")
    op.create_index(
        "ix_outbox_pending", "outbox", ["id"], sqlite_where=sa.text("state = 'pending'")
    )
    op.create_index("ix_outbox_failed", "outbox", ["id"], sqlite_where=sa.text("state = 'failed'"))
    op.create_table(
        "sync_watermark",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("changed_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_sync_watermark")),
    )
    op.create_table(
        "sync_status",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_status")),
    )
    # Ledger entries other stations and the billing system made, pulled from the centre. An
    # account's balance sums the local ledger and these, each entry once by its id.
    op.create_table(
        "central_ledger_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("entry_type", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_ledger_entry")),
    )
    op.create_index(
        op.f("ix_central_ledger_entry_account_id"),
        "central_ledger_entry",
        ["account_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("central_ledger_entry")
    op.drop_table("sync_status")
    op.drop_table("sync_watermark")
    op.drop_index("ix_outbox_failed", table_name="outbox")
    op.drop_index("ix_outbox_pending", table_name="outbox")
    op.create_index("ix_outbox_sent_at", "outbox", ["sent_at"], unique=False)
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("state")
