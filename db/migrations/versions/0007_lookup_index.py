"""Customer lookup index in name order, with digit suffixes for middle-of-number searches.

Replaces 0001's customer_search with one that has a sort key and rowids in name order, plus
narrow side tables (surname, name, address, digit suffixes) sharing its rowids, and
customer_search_key mapping a customer to its row (see counterpos/store/customer_index.py).
The index is rebuilt from the tables.

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
    customer_index.create(op.execute)
    customer_index.rebuild(op.get_bind())


def downgrade() -> None:
    for table in customer_index.ALL_TABLES:
        op.execute(f"DROP TABLE {table}")
    op.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5("
        "customer_id UNINDEXED, name, accounts, address, phone, licenses, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
