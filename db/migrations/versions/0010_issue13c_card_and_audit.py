"""Card approvals not on a sale are kept and shown; outbox ids are never reused (issue 13).

- card_request.orphaned_at: when the station first found an approved card payment not on a
  saved sale outside the payment that took it (services/card/unattached.py).
- outbox: rebuilt with AUTOINCREMENT, so SQLite remembers the highest id ever given
  (sqlite_sequence) and rows removed from the end leave a gap `audit verify` reports.

Revision ID: 0010
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None

_COLUMNS = (
    "record_id VARCHAR(36) NOT NULL, table_name VARCHAR(40) NOT NULL, payload TEXT NOT NULL, "
    "created_at DATETIME NOT NULL, sent_at DATETIME, attempts INTEGER NOT NULL, "
    "error TEXT NOT NULL, state VARCHAR(10) DEFAULT 'pending' NOT NULL"
)
_NAMES = "id, record_id, table_name, payload, created_at, sent_at, attempts, error, state"


def _rebuild_outbox(id_column: str) -> None:
    op.execute(f"CREATE TABLE outbox_rebuilt ({id_column}, {_COLUMNS})")
    op.execute(f"INSERT INTO outbox_rebuilt ({_NAMES}) SELECT {_NAMES} FROM outbox ORDER BY id")
    op.execute("DROP TABLE outbox")
    op.execute("ALTER TABLE outbox_rebuilt RENAME TO outbox")
    op.execute("CREATE INDEX ix_outbox_pending ON outbox (id) WHERE state = 'pending'")
    op.execute("CREATE INDEX ix_outbox_failed ON outbox (id) WHERE state = 'failed'")


def upgrade() -> None:
    op.add_column("card_request", sa.Column("orphaned_at", sa.DateTime(), nullable=True))
    _rebuild_outbox("id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT")


def downgrade() -> None:
    _rebuild_outbox("id INTEGER NOT NULL PRIMARY KEY")
    with op.batch_alter_table("card_request") as batch:
        batch.drop_column("orphaned_at")
