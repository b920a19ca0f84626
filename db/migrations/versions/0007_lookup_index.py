"""Customer lookup index in name order, with digit suffixes for middle-of-number searches.

Replaces 0001's customer_search: adds a sort key, a surname column and a `digits` column of
number suffixes; rowids follow name order (see counterpos/store/customer_index.py), and
customer_search_key maps a customer to its row. The index is rebuilt from the tables.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from alembic import op

from counterpos.store import customer_index

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP TABLE IF EXISTS customer_search")
    op.execute(customer_index.CREATE_FTS)
    op.execute(customer_index.CREATE_KEYS)
    customer_index.rebuild(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE customer_search_key")
    op.execute("DROP TABLE customer_search")
    op.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5("
        "customer_id UNINDEXED, name, accounts, address, phone, licenses, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
