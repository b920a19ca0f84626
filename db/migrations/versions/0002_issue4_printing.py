"""Receipt printing: print_job records every print, failed print, reprint and PDF copy.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_job",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=True),
        sa.Column("receipt_no", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("copy_no", sa.Integer(), nullable=False),
        sa.Column("printer_url", sa.String(length=200), nullable=False),
        sa.Column("profile", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_print_job_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_job")),
    )
    op.create_index(op.f("ix_print_job_sale_id"), "print_job", ["sale_id"], unique=False)
    op.create_index(op.f("ix_print_job_created_at"), "print_job", ["created_at"], unique=False)
    # A print record is history: written once, never changed or removed.
    op.execute(
        "CREATE TRIGGER print_job_no_update BEFORE UPDATE ON print_job "
        "BEGIN SELECT RAISE(ABORT, 'print_job is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER print_job_no_delete BEFORE DELETE ON print_job "
        "BEGIN SELECT RAISE(ABORT, 'print_job is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS print_job_no_delete")
    op.execute("DROP TRIGGER IF EXISTS print_job_no_update")
    op.drop_index(op.f("ix_print_job_created_at"), table_name="print_job")
    op.drop_index(op.f("ix_print_job_sale_id"), table_name="print_job")
    op.drop_table("print_job")
