"""The central database's first schema: the stations' tables, the inbox, stations and guards.

Revision ID: c0001
Revises:
Create Date: 2026-11-22

Every data table mirrors a table of the station store (same names, same columns) plus
`pushed_by` (the database role that inserted the row; row-level security makes a station role
insert only as itself) and `changed_at` (the watermark reference data is pulled by). There are
no foreign keys between them: records arrive from many stations in batches, in any order, and
the centre keeps whatever a station committed. History tables refuse UPDATE and DELETE for
everyone through triggers; station roles are granted neither anyway (see sync/central.py).
"""

from alembic import op

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

T, I, B, TS, D, J = "text", "bigint", "boolean", "timestamp", "date", "jsonb"

# table -> [(column, type, nullable)], primary key first. Types mirror the station store.
HISTORY = {
    "sale": [
        ("id", T),
        ("receipt_no", T),
        ("station_code", T),
        ("sequence", I),
        ("kind", T),
        ("original_sale_id", T, True),
        ("session_id", T),
        ("user_id", T),
        ("approver_id", T, True),
        ("customer_id", T, True),
        ("total_cents", I),
        ("change_cents", I),
        ("note", T),
        ("created_at", TS),
    ],
    "sale_line": [
        ("id", T),
        ("sale_id", T),
        ("line_no", I),
        ("service_code", T),
        ("description", T),
        ("quantity", I),
        ("amount_cents", I),
        ("gl_account", T),
        ("account_id", T, True),
        ("details", J),
    ],
    "tender": [
        ("id", T),
        ("sale_id", T),
        ("position", I),
        ("kind", T),
        ("amount_cents", I),
        ("tendered_cents", I),
        ("change_cents", I),
        ("reference", T),
        ("payer", T),
        ("card_brand", T),
        ("card_last4", T),
    ],
    "ledger_entry": [
        ("id", T),
        ("account_id", T),
        ("entry_type", T),
        ("amount_cents", I),
        ("memo", T),
        ("sale_line_id", T, True),
        ("reverses_id", T, True),
        ("station_code", T),
        ("created_at", TS),
    ],
    "issued_document": [
        ("id", T),
        ("sale_id", T),
        ("sale_line_id", T),
        ("doc_type", T),
        ("doc_no", T),
        ("holder", T),
        ("valid_from", D, True),
        ("valid_to", D, True),
        ("details", J),
        ("created_at", TS),
    ],
    "audit_event": [
        ("id", T),
        ("seq", I),
        ("station_code", T),
        ("at", TS),
        ("action", T),
        ("actor", T),
        ("approver", T),
        ("target", T),
        ("details", J),
        ("prev_hash", T),
        ("hash", T),
    ],
    "drawer_session": [
        ("id", T),
        ("station_code", T),
        ("user_id", T),
        ("kind", T),
        ("opened_at", TS),
        ("opening_float_cents", I),
        ("opening_count", J),
    ],
    "drawer_close": [
        ("id", T),
        ("session_id", T),
        ("closed_at", TS),
        ("closed_by", T),
        ("counted_cash_cents", I),
        ("expected_cash_cents", I),
        ("over_short_cents", I),
        ("closing_count", J),
        ("approver_id", T, True),
        ("note", T),
    ],
}
REFERENCE = {
    "gl_account": [
        ("code", T),
        ("name", T),
        ("fund_code", T),
        ("fund_name", T),
        ("misc_allowed", B),
    ],
    "service": [
        ("code", T),
        ("name", T),
        ("category", T),
        ("gl_account", T),
        ("hotkey", T),
        ("sort_order", I),
        ("active", B),
        ("fields", J),
    ],
    "fee_schedule": [
        ("id", T),
        ("service_code", T),
        ("effective_from", D),
        ("rule", J),
        ("created_by", T),
        ("created_at", TS),
    ],
    "role": [("name", T), ("label", T), ("rank", I)],
    "app_user": [
        ("id", T),
        ("username", T),
        ("full_name", T),
        ("role", T),
        ("pin_hash", T),
        ("active", B),
        ("failed_attempts", I),
        ("locked_until", TS, True),
        ("created_at", TS),
    ],
    "customer": [
        ("id", T),
        ("customer_no", T),
        ("first_name", T),
        ("last_name", T),
        ("business_name", T),
        ("phone", T),
        ("email", T),
        ("mailing_address", T),
        ("is_senior", B),
        ("created_at", TS),
    ],
    "utility_account": [
        ("id", T),
        ("account_no", T),
        ("customer_id", T),
        ("service_address", T),
        ("customer_class", T),
        ("status", T),
        ("opened_on", D, True),
        ("due_date", D, True),
        ("created_at", TS),
    ],
    "license": [
        ("id", T),
        ("customer_id", T),
        ("kind", T),
        ("license_no", T),
        ("tag_no", T),
        ("description", T),
        ("issued_on", D, True),
        ("expires_on", D, True),
        ("details", J),
        ("sale_line_id", T, True),
        ("created_at", TS),
    ],
}
COMPOSITE_KEYS = {"role_permission": ["role", "permission"]}
PULLED = {*REFERENCE, "role_permission", "ledger_entry"}
INDEXES = [
    ("sale", "created_at"),
    ("sale", "station_code"),
    ("sale_line", "sale_id"),
    ("tender", "sale_id"),
    ("ledger_entry", "account_id"),
    ("audit_event", "station_code"),
    ("customer", "customer_no"),
    ("utility_account", "account_no"),
]


def _create(table: str, cols: list[tuple]) -> None:
    body = [f'"{c[0]}" {c[1]}' + ("" if len(c) > 2 and c[2] else " NOT NULL") for c in cols]
    key = COMPOSITE_KEYS.get(table, [cols[0][0]])
    body += [
        "pushed_by text NOT NULL DEFAULT current_user",
        "changed_at timestamptz NOT NULL DEFAULT clock_timestamp()",
        f"CONSTRAINT pk_{table} PRIMARY KEY ({', '.join(key)})",
    ]
    op.execute(f'CREATE TABLE "{table}" (\n  ' + ",\n  ".join(body) + "\n)")
    if table in PULLED:  # the watermark index; history tables are only ever appended to
        op.execute(f'CREATE INDEX ix_{table}_changed_at ON "{table}" (changed_at)')


def upgrade() -> None:
    for table, cols in HISTORY.items():
        _create(table, cols)
    for table, cols in REFERENCE.items():
        _create(table, cols)
    _create("role_permission", [("role", T), ("permission", T)])
    for table, col in INDEXES:
        op.execute(f'CREATE INDEX ix_{table}_{col} ON "{table}" ({col})')
    # Records of tables this centre does not know yet: kept whole, applied by a later migration.
    op.execute(
        """CREATE TABLE inbox_record (
          table_name text NOT NULL,
          record_id text NOT NULL,
          payload jsonb NOT NULL,
          pushed_by text NOT NULL DEFAULT current_user,
          changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
          CONSTRAINT pk_inbox_record PRIMARY KEY (table_name, record_id)
        )"""
    )
    op.execute(
        """CREATE TABLE sync_station (
          code text PRIMARY KEY,
          role_name text NOT NULL UNIQUE,
          created_at timestamptz NOT NULL DEFAULT now()
        )"""
    )
    op.execute(
        """CREATE FUNCTION counterpos_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only: record a reversal instead', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    op.execute(
        """CREATE FUNCTION counterpos_touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.changed_at := clock_timestamp(); RETURN NEW; END $$"""
    )
    # Which tables are history (insert once, never change) and which are reference data (a
    # station may send a changed row, e.g. a disabled user): read by the push.
    op.execute(
        """CREATE TABLE sync_table (
          table_name text PRIMARY KEY,
          kind text NOT NULL CHECK (kind IN ('history', 'reference'))
        )"""
    )
    op.execute(
        "INSERT INTO sync_table (table_name, kind) VALUES "
        + ", ".join(f"('{t}', 'history')" for t in HISTORY)
        + ", "
        + ", ".join(f"('{t}', 'reference')" for t in [*REFERENCE, "role_permission"])
    )
    # Station roles may not UPDATE anything. A changed reference row reaches its table only
    # through this function, which runs as the owner, accepts reference tables only, and
    # keeps the newest version per key within one call.
    op.execute(
        r"""CREATE FUNCTION counterpos_upsert_reference(tbl text, rows json) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        DECLARE
          cols text; picked text; sets text; keys text; mine text; theirs text; n bigint;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM sync_table WHERE table_name = tbl AND kind = 'reference')
          THEN
            RAISE EXCEPTION '% is not reference data', tbl USING ERRCODE = 'insufficient_privilege';
          END IF;
          SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
                 string_agg('r.' || quote_ident(a.attname), ', ' ORDER BY a.attnum)
            INTO cols, picked
            FROM pg_attribute a
           WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attname NOT IN ('pushed_by', 'changed_at');
          SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
            INTO keys
            FROM pg_index i JOIN pg_attribute a
              ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
           WHERE i.indrelid = tbl::regclass AND i.indisprimary;
          SELECT string_agg(format('%I = EXCLUDED.%I', a.attname, a.attname), ', ')
            INTO sets
            FROM pg_attribute a
           WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attname NOT IN ('changed_at')
             AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid
                             AND i.indisprimary AND a.attnum = ANY (i.indkey));
          SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY a.attnum),
                 string_agg('EXCLUDED.' || quote_ident(a.attname), ', ' ORDER BY a.attnum)
            INTO mine, theirs
            FROM pg_attribute a
           WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attname NOT IN ('changed_at', 'pushed_by');
          -- An unchanged row is left alone: no write, no new changed_at, nothing to pull again.
          EXECUTE format(
            'INSERT INTO %I AS t (%s, pushed_by) '
            'SELECT DISTINCT ON (%s) %s, $2 FROM json_array_elements($1) WITH ORDINALITY e(v, o) '
            'CROSS JOIN LATERAL json_populate_record(NULL::%I, e.v) r '
            'ORDER BY %s, e.o DESC ON CONFLICT (%s) ',
            tbl, cols, keys, picked, tbl, keys, keys)
            || CASE WHEN mine IS NULL THEN 'DO NOTHING'  -- every column is part of the key
               ELSE format('DO UPDATE SET %s WHERE (%s, NULL) IS DISTINCT FROM (%s, NULL)',
                           sets, mine, theirs) END
            USING rows, session_user::text;
          GET DIAGNOSTICS n = ROW_COUNT;
          RETURN n;
        END $$"""
    )
    op.execute("REVOKE ALL ON FUNCTION counterpos_upsert_reference(text, json) FROM PUBLIC")
    for table in [*HISTORY, "inbox_record"]:
        op.execute(
            f'CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION counterpos_append_only()"
        )
    for table in [*REFERENCE, "role_permission"]:
        op.execute(
            f'CREATE TRIGGER {table}_touch BEFORE UPDATE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION counterpos_touch()"
        )
    # A station inserts only as itself; everybody may read (stations pull reference data).
    for table in [*HISTORY, *REFERENCE, "role_permission", "inbox_record"]:
        op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        op.execute(f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)')
        op.execute(
            f'CREATE POLICY insert_as_self ON "{table}" FOR INSERT '
            "WITH CHECK (pushed_by = current_user)"
        )
        op.execute(f'REVOKE ALL ON "{table}" FROM PUBLIC')


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS counterpos_upsert_reference(text, json)")
    for table in [*HISTORY, *REFERENCE, "role_permission", "inbox_record", "sync_station"]:
        op.execute(f'DROP TABLE IF EXISTS "{table}"')
    op.execute("DROP TABLE IF EXISTS sync_table")
    op.execute("DROP FUNCTION IF EXISTS counterpos_append_only()")
    op.execute("DROP FUNCTION IF EXISTS counterpos_touch()")
