"""Card terminal requests: one row per request, written before the terminal is asked.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_request",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("terminal", sa.String(length=80), nullable=False),
        sa.Column("context", sa.String(length=200), nullable=False),
        sa.Column("base_cents", sa.Integer(), nullable=False),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("approved_cents", sa.Integer(), nullable=False),
        sa.Column("approved_fee_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=120), nullable=False),
        sa.Column("brand", sa.String(length=20), nullable=False),
        sa.Column("last4", sa.String(length=4), nullable=False),
        sa.Column("approval_code", sa.String(length=20), nullable=False),
        sa.Column("terminal_ref", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("reversed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["drawer_session.id"],
            name=op.f("fk_card_request_session_id_drawer_session"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_card_request_user_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sale.id"], name=op.f("fk_card_request_sale_id_sale")
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_card_request")),
        # A last-four column holds four digits and nothing longer, whatever the code above does.
        sa.CheckConstraint(
            "last4 = '' OR (length(last4) = 4 AND last4 NOT GLOB '*[^0-9]*')",
            name=op.f("ck_card_request_last4_digits"),
        ),
    )
    op.create_index(op.f("ix_card_request_session_id"), "card_request", ["session_id"])
    op.create_index(op.f("ix_card_request_status"), "card_request", ["status"])
    op.create_index(op.f("ix_card_request_sale_id"), "card_request", ["sale_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_card_request_sale_id"), table_name="card_request")
    op.drop_index(op.f("ix_card_request_status"), table_name="card_request")
    op.drop_index(op.f("ix_card_request_session_id"), table_name="card_request")
    op.drop_table("card_request")
