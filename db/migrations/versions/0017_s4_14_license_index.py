"""Customer lookup: each license its own small document, instead of the customer's row.

A customer's row held every license number and tag they ever had, and a sale that issues a
tag rewrote it, deleting and re-adding every token of the row: the more licenses, the slower
each sale. Now each license is a document of `customer_search_license` under a rowid that
keeps the customer's place in name order (see counterpos/store/customer_index.py), and a new
tag adds one document. The index is rebuilt from the tables.

Revision ID: 0017_s4_14
Revises: 0016_s3_14b
Create Date: 2026-12-01
"""

from alembic import op

from counterpos.store import customer_index

revision = "0017_s4_14"
down_revision = "0016_s3_14b"  # the head on main when this branch was made
branch_labels = None
depends_on = None


def upgrade() -> None:
    customer_index.create_licenses(op.execute)
    customer_index.rebuild(op.get_bind())  # the licenses move to their own documents


def downgrade() -> None:
    op.execute(f"DROP TABLE {customer_index.LICENSE_TABLE}")
    customer_index.rebuild(op.get_bind())  # back into the customers' rows
