"""Customers who already asked for Spanish are sent to the centre once, with their language.

Until now a customer's preferred language stayed on the station that set it (0015_i16): the
centre had no column for it. The centre now keeps it (central migration c0008_s3_16b) and
stations take it down with the customer's other fields, so a customer set to Spanish here
before this revision would be read back as English the next time the centre sends their row.
This queues each such customer, as it is now, for the next push (the centre applies it under
its station-change rule), as `counterpos.store.outbox.enqueue` queues a changed reference row.

Revision ID: 0016_s3_16b
Revises: 0011
Create Date: 2026-11-30
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0016_s3_16b"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The payload as the outbox writes it (every column; true/false for a boolean, ISO time).
    now = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as every timestamp column holds
    op.get_bind().execute(
        sa.text(
            """INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
        SELECT id, 'customer', json_object(
                 'business_name', business_name,
                 'created_at', replace(created_at, ' ', 'T'),
                 'customer_no', customer_no,
                 'email', email,
                 'first_name', first_name,
                 'id', id,
                 'is_senior', json(CASE WHEN is_senior THEN 'true' ELSE 'false' END),
                 'last_name', last_name,
                 'mailing_address', mailing_address,
                 'phone', phone,
                 'preferred_language', preferred_language),
               :now, 0, '', 'pending'
          FROM customer
         WHERE preferred_language <> 'en'
         ORDER BY customer_no"""
        ),
        {"now": now},
    )


def downgrade() -> None:
    # Rows queued here are the customers' own records, sent or waiting: nothing to take back
    # (the outbox never gives an id twice, and a record the centre has stays).
    pass
