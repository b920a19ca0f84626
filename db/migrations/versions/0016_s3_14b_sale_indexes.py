"""Indexes for the reads a sale makes: the year's yard sale permits, the tags back in stock,
and the sales a void points at.

A sale that issues a yard sale permit counts the address's permits of the year, and every
sale that issues a dog tag looks for returned tags in the station's block; both read whole
tables or whole blocks without these, and so grew slower with every permit and tag. The
voided sales are a subquery of many checks (the permits', a penalty's): it scanned every sale.

Revision ID: 0016_s3_14b
Revises: 0016_s3_16b
Create Date: 2026-12-01
"""

from alembic import op

revision = "0016_s3_14b"
down_revision = "0016_s3_16b"  # the head on main when this branch merged it
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_issued_document_doc_type_valid_from", "issued_document", ["doc_type", "valid_from"]),
    ("ix_tag_movement_year_kind_number", "tag_movement", ["year", "kind", "number"]),
    ("ix_sale_kind_original_sale_id", "sale", ["kind", "original_sale_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
