"""Schema for end of day and supervisor controls: paid-in / paid-out records.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paid_in_out",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=24), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("approver_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["drawer_session.id"],
            name=op.f("fk_paid_in_out_session_id_drawer_session"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_paid_in_out_user_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_paid_in_out_approver_id_app_user")
        ),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_paid_in_out_direction")),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_paid_in_out_amount_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paid_in_out")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_paid_in_out_receipt_no")),
    )
    op.create_index(op.f("ix_paid_in_out_session_id"), "paid_in_out", ["session_id"], unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER paid_in_out_no_{verb.lower()} BEFORE {verb} ON paid_in_out "
            "BEGIN SELECT RAISE(ABORT, 'paid_in_out is append-only: record a reversal instead'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS paid_in_out_no_{verb}")
    op.drop_index(op.f("ix_paid_in_out_session_id"), table_name="paid_in_out")
    op.drop_table("paid_in_out")
