"""The utility desk's tables at the centre: meters, reads, bills, notices, work orders,
arrangements, protections, disconnections and calculated adjustments (history), and the rate
schedules and closed days (reference data the office keeps and stations pull).

Revision ID: c0005_i18
Revises: c0004_i17
Create Date: 2026-11-30

Self-contained: it creates its own tables, guards and grants-to-be (`central init` grants the
station group on every table with `pushed_by`), registers them in sync_table, and copies any of
their records that waited in inbox_record (sync/central.apply_inbox does that at init).
A notice's key and a bill's number are unique here too: a second station sending the same
notice is refused and its row set aside, never recorded twice.

Row-level security as c0003's: every history row here is the pushing station's own (its
station_code, and the meter, read, run, bill, notice, work order or arrangement it points at),
read back by that station only; rate schedules and closed days are the administrator's. Bill
and late-fee charges, which c0003 refuses from stations, come only from a station the
administrator lets bill (`sync_station.may_bill`, `counterpos central allow-billing`).
"""

import json
import uuid
from datetime import date

from alembic import op

from counterpos.resources_path import data_path

revision = "c0005_i18"
down_revision = "c0004_i17"
branch_labels = None
depends_on = None

T, INT, B, TS, D, J = "text", "bigint", "boolean", "timestamp", "date", "jsonb"

HISTORY = {
    "meter": [
        ("id", T),
        ("serial", T),
        ("size", T),
        ("make", T),
        ("model", T),
        ("dials", INT),
        ("unit", T),
        ("received_on", D),
        ("station_code", T),
        ("created_by", T),
        ("created_at", TS),
    ],
    "meter_event": [
        ("id", T),
        ("meter_id", T),
        ("kind", T),
        ("on_date", D),
        ("account_id", T, True),
        ("service_address", T),
        ("address_key", T),
        ("location", T),
        ("route", T),
        ("route_seq", INT),
        ("read_id", T, True),
        ("note", T),
        ("station_code", T),
        ("created_by", T),
        ("created_at", TS),
    ],
    "meter_read": [
        ("id", T),
        ("meter_id", T),
        ("account_id", T, True),
        ("read_on", D),
        ("value", INT),
        ("kind", T),
        ("rollover", B),
        ("consumption", INT, True),
        ("previous_read_id", T, True),
        ("review", T),
        ("source", T),
        ("replaces_id", T, True),
        ("import_id", T, True),
        ("reader", T),
        ("station_code", T),
        ("created_by", T),
        ("created_at", TS),
    ],
    "read_review": [
        ("id", T),
        ("read_id", T),
        ("decision", T),
        ("consumption", INT, True),
        ("note", T),
        ("reviewed_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "read_import": [
        ("id", T),
        ("file_name", T),
        ("layout", T),
        ("sha256", T),
        ("records", INT),
        ("held", INT),
        ("details", J),
        ("station_code", T),
        ("imported_by", T),
        ("created_at", TS),
    ],
    "billing_run": [
        ("id", T),
        ("run_no", T),
        ("cycle", T),
        ("route", T),
        ("bill_date", D),
        ("due_date", D),
        ("schedule_id", T, True),
        ("reverses_id", T, True),
        ("bills", INT),
        ("total_cents", INT),
        ("details", J),
        ("station_code", T),
        ("created_by", T),
        ("created_at", TS),
    ],
    "bill": [
        ("id", T),
        ("bill_no", T),
        ("run_id", T),
        ("account_id", T),
        ("cycle", T),
        ("route", T),
        ("bill_date", D),
        ("due_date", D),
        ("period_from", D, True),
        ("period_to", D, True),
        ("meter_size", T),
        ("customer_class", T),
        ("consumption", INT),
        ("estimated", B),
        ("read_ids", J),
        ("lines", J),
        ("total_cents", INT),
        ("ledger_entry_id", T, True),
        ("reverses_id", T, True),
        ("reason", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "bill_penalty": [
        ("id", T),
        ("bill_id", T),
        ("account_id", T),
        ("past_due_cents", INT),
        ("percent", T),
        ("cents", INT),
        ("ledger_entry_id", T, True),
        ("applied_on", D),
        ("station_code", T),
        ("created_at", TS),
    ],
    "notice": [
        ("id", T),
        ("notice_no", T),
        ("kind", T),
        ("key", T),
        ("run_id", T, True),
        ("account_id", T, True),
        ("customer_id", T, True),
        ("license_id", T, True),
        ("bill_id", T, True),
        ("issued_on", D),
        ("due_on", D, True),
        ("shutoff_on", D, True),
        ("amount_cents", INT),
        ("addressee", T),
        ("mail_to", T),
        ("language", T),
        ("details", J),
        ("station_code", T),
        ("created_by", T),
        ("created_at", TS),
    ],
    "notice_event": [
        ("id", T),
        ("notice_id", T),
        ("kind", T),
        ("note", T),
        ("recorded_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "work_order": [
        ("id", T),
        ("wo_no", T),
        ("account_id", T),
        ("meter_id", T, True),
        ("read_id", T, True),
        ("kind", T),
        ("reason", T),
        ("opened_on", D),
        ("station_code", T),
        ("created_by", T),
        ("created_at", TS),
    ],
    "work_order_event": [
        ("id", T),
        ("work_order_id", T),
        ("status", T),
        ("finding", T),
        ("repaired_on", D, True),
        ("note", T),
        ("recorded_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "payment_arrangement": [
        ("id", T),
        ("arrangement_no", T),
        ("account_id", T),
        ("kind", T),
        ("arrears_cents", INT),
        ("forgiven_cents", INT),
        ("instalments", J),
        ("starts_on", D),
        ("note", T),
        ("created_by", T),
        ("approved_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "arrangement_event": [
        ("id", T),
        ("arrangement_id", T),
        ("kind", T),
        ("on_date", D),
        ("note", T),
        ("recorded_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "shutoff_protection": [
        ("id", T),
        ("account_id", T),
        ("condition", T),
        ("valid_from", D),
        ("valid_to", D),
        ("note", T),
        ("recorded_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "service_action": [
        ("id", T),
        ("account_id", T),
        ("kind", T),
        ("on_date", D),
        ("reason", T),
        ("notice_id", T, True),
        ("details", J),
        ("recorded_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
    "adjustment_calc": [
        ("id", T),
        ("calc_no", T),
        ("account_id", T),
        ("kind", T),
        ("calculation", J),
        ("amount_cents", INT),
        ("ledger_entry_id", T),
        ("work_order_id", T, True),
        ("bill_ids", J),
        ("entered_by", T),
        ("approved_by", T),
        ("station_code", T),
        ("created_at", TS),
    ],
}
REFERENCE = {
    "rate_schedule": [
        ("id", T),
        ("kind", T),
        ("effective_from", D),
        ("body", J),
        ("created_by", T),
        ("created_at", TS),
    ],
    "holiday": [
        ("day", D),
        ("name", T),
        ("kind", T),
    ],
}
UNIQUE = [
    ("meter", "serial"),
    ("bill", "bill_no"),
    ("billing_run", "run_no"),
    ("bill_penalty", "bill_id"),
    ("notice", "notice_no"),
    ("notice", "key"),
    ("work_order", "wo_no"),
    ("payment_arrangement", "arrangement_no"),
    ("read_review", "read_id"),
    ("adjustment_calc", "calc_no"),
]
INDEXES = [
    ("meter_read", "meter_id"),
    ("meter_read", "account_id"),
    ("meter_event", "meter_id"),
    ("bill", "account_id"),
    ("bill", "cycle"),
    ("notice", "account_id"),
    ("service_action", "on_date"),
]


MINE = "(SELECT code FROM sync_station WHERE role_name = current_user)"

# (column, parent table): a history row that points at a parent must point at one the same
# station pushed (sync/push.py sends these parents before their children).
LINKS = {
    "meter_event": [("meter_id", "meter")],
    "meter_read": [("meter_id", "meter")],
    "read_review": [("read_id", "meter_read")],
    "bill": [("run_id", "billing_run")],
    "bill_penalty": [("bill_id", "bill")],
    "notice_event": [("notice_id", "notice")],
    "work_order_event": [("work_order_id", "work_order")],
    "arrangement_event": [("arrangement_id", "payment_arrangement")],
}


def _own(parent: str, column: str) -> str:
    return (
        f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = {column} AND p.pushed_by = current_user)'
    )


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
    for table, col in UNIQUE:
        op.execute(f'CREATE UNIQUE INDEX uq_{table}_{col} ON "{table}" ("{col}")')
    for table, col in INDEXES:
        op.execute(f'CREATE INDEX ix_{table}_{col} ON "{table}" ("{col}")')
    op.execute(
        "INSERT INTO sync_table (table_name, kind) VALUES "
        + ", ".join(f"('{t}', 'history')" for t in HISTORY)
        + ", "
        + ", ".join(f"('{t}', 'reference')" for t in REFERENCE)
    )
    # As c0003's history: each row is the pushing station's own, its links point at rows that
    # station pushed, and a station reads back only its own. Reference data is the
    # administrator's: stations read it and write none of it.
    for table in HISTORY:
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        check = f"station_code = {MINE}" + "".join(
            f" AND {_own(parent, f'{table}.{column}')}" for column, parent in LINKS.get(table, ())
        )
        op.execute(
            f'CREATE POLICY insert_own ON "{table}" FOR INSERT '
            f"WITH CHECK (pushed_by = current_user AND {check})"
        )
        op.execute(
            f'CREATE POLICY read_own ON "{table}" FOR SELECT USING (pushed_by = current_user)'
        )
        op.execute(f'REVOKE ALL ON "{table}" FROM PUBLIC')
    for table in REFERENCE:
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        op.execute(f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)')
        op.execute(f'REVOKE ALL ON "{table}" FROM PUBLIC')
    # Bills and late fees are charges, which c0003 refuses from any station: a station the
    # administrator lets bill (`central allow-billing`, the office's billing station) may send
    # them, as its own, never linked to a sale. A second INSERT policy: Postgres lets a row in
    # when any one of a table's policies passes.
    op.execute("ALTER TABLE sync_station ADD COLUMN may_bill boolean NOT NULL DEFAULT false")
    op.execute(
        "CREATE POLICY insert_billing ON ledger_entry FOR INSERT WITH CHECK ("
        f"pushed_by = current_user AND station_code = {MINE} "
        "AND entry_type = ANY (ARRAY['charge', 'penalty']) "
        "AND amount_cents BETWEEN 0 AND 100000000 AND sale_line_id IS NULL "
        "AND EXISTS (SELECT 1 FROM sync_station WHERE role_name = current_user AND may_bill))"
    )
    # A billing run moves the accounts' due dates: a station may send that change too.
    op.execute(
        "UPDATE station_change_rule SET may_update = array_append(may_update, 'due_date') "
        "WHERE table_name = 'utility_account' AND NOT ('due_date' = ANY (may_update))"
    )
    _seed()


def _seed() -> None:
    """The default rates, policies and closed days, as the office's reference data; and the new
    permissions for the roles the centre knows."""
    with open(data_path("db") / "seed" / "utility.json", encoding="utf-8") as fh:
        data = json.load(fh)
    bind = op.get_bind()
    for sched in data["schedules"]:
        bind.exec_driver_sql(
            "INSERT INTO rate_schedule (id, kind, effective_from, body, created_by, created_at) "
            "VALUES (%s, %s, %s, %s, 'central migration c0005', now())",
            (
                str(uuid.uuid4()),
                sched["kind"],
                date.fromisoformat(sched["effective_from"]),
                json.dumps(sched["body"]),
            ),
        )
    for h in data["holidays"]:
        bind.exec_driver_sql(
            "INSERT INTO holiday (day, name, kind) VALUES (%s, %s, 'holiday')",
            (date.fromisoformat(h["day"]), h["name"]),
        )
    for permission, roles in data["permissions"].items():
        for role in roles:
            bind.exec_driver_sql(
                "INSERT INTO role_permission (role, permission) SELECT %s, %s "
                "WHERE EXISTS (SELECT 1 FROM role WHERE name = %s) ON CONFLICT DO NOTHING",
                (role, permission, role),
            )


def downgrade() -> None:
    op.execute("DROP POLICY IF EXISTS insert_billing ON ledger_entry")
    op.execute("ALTER TABLE sync_station DROP COLUMN IF EXISTS may_bill")
    op.execute(
        "UPDATE station_change_rule SET may_update = array_remove(may_update, 'due_date') "
        "WHERE table_name = 'utility_account'"
    )
    op.execute(
        "DELETE FROM sync_table WHERE table_name IN ("
        + ", ".join(f"'{t}'" for t in [*HISTORY, *REFERENCE])
        + ")"
    )
    for table in reversed([*HISTORY, *REFERENCE]):  # children first: their policies name parents
        op.execute(f'DROP TABLE IF EXISTS "{table}"')
