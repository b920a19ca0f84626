"""The tables the station store gained for printing, controls and the counter services.

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-22

Until this revision their records waited whole in inbox_record; `counterpos central init`
copies them into these tables (sync/central.apply_inbox). Citations and tag blocks are
reference data the centre hands down; the rest is history, inserted once and never changed.
"""

from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

T, INT, B, TS, D, J = "text", "bigint", "boolean", "timestamp", "date", "jsonb"

HISTORY = {
    "citation_payment": [
        ("id", T),
        ("citation_no", T),
        ("sale_line_id", T),
        ("amount_cents", INT),
        ("penalty_cents", INT),
        ("created_at", TS),
    ],
    "tag_movement": [
        ("id", T),
        ("year", INT),
        ("number", INT),
        ("station_code", T),
        ("kind", T),
        ("sale_line_id", T, True),
        ("license_no", T),
        ("created_at", TS),
    ],
    "passport_application": [
        ("id", T),
        ("sale_id", T),
        ("sale_line_id", T),
        ("station_code", T),
        ("executed_on", D),
        ("clerk", T),
        ("applicant_name", T),
        ("date_of_birth", D, True),
        ("form_type", T),
        ("checklist", J),
        ("dos_payment_kind", T),
        ("dos_payment_no", T),
        ("dos_amount_cents", INT),
        ("created_at", TS),
    ],
    "passport_mailing": [
        ("id", T),
        ("application_id", T),
        ("mailed_on", D),
        ("tracking_no", T),
        ("recorded_by", T),
        ("created_at", TS),
    ],
    "refund_request": [
        ("id", T),
        ("account_id", T),
        ("amount_cents", INT),
        ("pay_to", T),
        ("mail_to", T),
        ("reason", T),
        ("requested_by", T),
        ("created_at", TS),
    ],
    "paid_in_out": [
        ("id", T),
        ("receipt_no", T),
        ("station_code", T),
        ("sequence", INT),
        ("session_id", T),
        ("direction", T),
        ("amount_cents", INT),
        ("reason", T),
        ("user_id", T),
        ("approver_id", T, True),
        ("created_at", TS),
    ],
}
REFERENCE = {
    "citation": [
        ("citation_no", T),
        ("issued_on", D),
        ("amount_cents", INT),
        ("violation", T),
        ("name", T),
        ("plate", T),
        ("created_at", TS),
    ],
    "tag_block": [
        ("id", T),
        ("year", INT),
        ("station_code", T),
        ("first_no", INT),
        ("last_no", INT),
        ("assigned_by", T),
        ("created_at", TS),
    ],
}


def _create(table: str, cols: list[tuple], pulled: bool) -> None:
    body = [f'"{c[0]}" {c[1]}' + ("" if len(c) > 2 and c[2] else " NOT NULL") for c in cols]
    body += [
        "pushed_by text NOT NULL DEFAULT current_user",
        "changed_at timestamptz NOT NULL DEFAULT clock_timestamp()",
        f'CONSTRAINT pk_{table} PRIMARY KEY ("{cols[0][0]}")',
    ]
    op.execute(f'CREATE TABLE "{table}" (\n  ' + ",\n  ".join(body) + "\n)")
    if pulled:
        op.execute(f'CREATE INDEX ix_{table}_changed_at ON "{table}" (changed_at)')


def upgrade() -> None:
    for table, cols in HISTORY.items():
        _create(table, cols, pulled=False)
        op.execute(
            f'CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION counterpos_append_only()"
        )
    for table, cols in REFERENCE.items():
        _create(table, cols, pulled=True)
        op.execute(
            f'CREATE TRIGGER {table}_touch BEFORE UPDATE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION counterpos_touch()"
        )
    # A license now carries its status (pending, issued, void, ...).
    op.execute("ALTER TABLE license ADD COLUMN status text NOT NULL DEFAULT 'issued'")
    op.execute(
        "INSERT INTO sync_table (table_name, kind) VALUES "
        + ", ".join(f"('{t}', 'history')" for t in HISTORY)
        + ", "
        + ", ".join(f"('{t}', 'reference')" for t in REFERENCE)
    )
    for table in [*HISTORY, *REFERENCE]:
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        op.execute(f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)')
        op.execute(
            f'CREATE POLICY insert_as_self ON "{table}" FOR INSERT '
            "WITH CHECK (pushed_by = current_user)"
        )
        op.execute(f'REVOKE ALL ON "{table}" FROM PUBLIC')


def downgrade() -> None:
    op.execute(
        "DELETE FROM sync_table WHERE table_name IN ("
        + ", ".join(f"'{t}'" for t in [*HISTORY, *REFERENCE])
        + ")"
    )
    op.execute("ALTER TABLE license DROP COLUMN status")
    for table in [*HISTORY, *REFERENCE]:
        op.execute(f'DROP TABLE IF EXISTS "{table}"')
