"""The centre trusts no station: reference data is the administrator's, history is the station's own.

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-01

Until this revision any station role could rewrite reference data through
`counterpos_upsert_reference` (SECURITY DEFINER), insert history rows in another station's
name, and read every station's sales, audit trail, check payers and PIN hashes. From here on:

- Reference tables (users, roles, permissions, services, fees, GL accounts, citations, tag
  blocks, customers, accounts, licenses) are written by the schema's owner (the
  administrator) only. Station roles may SELECT them (app_user through `station_app_user`,
  which shows a PIN hash only to a station the user is allowed at) and may not INSERT,
  UPDATE or call the upsert function.
- A station's changes to reference rows travel as its own history: one `station_change` row
  each. A trigger owned by the administrator applies the ones stations may make (a new
  customer, account or license; a customer's contact details; an account's status; a
  license's status and terms) and holds the rest (users, roles, permissions, fees, GL
  accounts, citations, tag blocks, services, other columns) for an administrator, who applies
  or leaves each (`sync/central.apply_change`).
- Row-level security ties every history row to the role pushing it: its `station_code` is that
  role's station, and a row linked to a sale, sale line, drawer session or passport
  application links to one that role pushed. A station reads back only what it pushed, plus
  every station's ledger entries (without their memos) for balances.
- (station, receipt number) and (station, audit sequence) are claimed once: a second claim is
  refused. Rows that arrived before this revision keep their duplicates (the continuity report
  names them); the claims are filled from them here.
"""

from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

REFERENCE = [
    "gl_account",
    "service",
    "fee_schedule",
    "role",
    "role_permission",
    "app_user",
    "customer",
    "utility_account",
    "license",
    "citation",
    "tag_block",
]

MINE = "(SELECT code FROM sync_station WHERE role_name = current_user)"


def _own(parent: str, column: str) -> str:
    return (
        f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = {column} AND p.pushed_by = current_user)'
    )


# The check every history row a station inserts must pass, beyond `pushed_by = current_user`.
# Linked rows (a sale's lines, a session's close) must point at a row the same role pushed:
# parents are inserted before their children within a batch (sync/push.py), and a batch
# commits before the next one is sent.
HISTORY_CHECK = {
    "sale": f"station_code = {MINE}",
    "sale_line": _own("sale", "sale_line.sale_id"),
    "tender": _own("sale", "tender.sale_id"),
    "issued_document": _own("sale", "issued_document.sale_id"),
    "ledger_entry": (
        f"station_code = {MINE} AND entry_type <> ALL (ARRAY['charge', 'penalty']) "
        "AND abs(amount_cents) <= 100000000 "
        f"AND (sale_line_id IS NULL OR {_own('sale_line', 'ledger_entry.sale_line_id')}) "
        "AND (entry_type <> 'payment' OR sale_line_id IS NOT NULL)"
    ),
    "audit_event": f"station_code = {MINE}",
    "drawer_session": f"station_code = {MINE}",
    "drawer_close": _own("drawer_session", "drawer_close.session_id"),
    "citation_payment": _own("sale_line", "citation_payment.sale_line_id"),
    "tag_movement": f"station_code = {MINE}",
    "passport_application": (
        f"station_code = {MINE} AND {_own('sale', 'passport_application.sale_id')}"
    ),
    "passport_mailing": _own("passport_application", "passport_mailing.application_id"),
    "refund_request": "true",
    "paid_in_out": f"station_code = {MINE}",
    "inbox_record": "true",
}

# What a station may change in reference data by itself: insert a new row, and which
# columns of an existing row. Everything else it sends is held for an administrator.
RULES = [
    ("customer", True, ["first_name", "last_name", "business_name", "phone", "email",
                        "mailing_address"]),
    ("utility_account", True, ["status"]),
    ("license", True, ["tag_no", "description", "issued_on", "expires_on", "details", "status",
                       "sale_line_id"]),
]  # fmt: skip


def upgrade() -> None:
    # Reference data: the administrator's alone. The function stays for the administrator
    # (applying a held change); no station may run it.
    op.execute("REVOKE ALL ON FUNCTION counterpos_upsert_reference(text, json) FROM PUBLIC")
    op.execute(
        """DO $$ DECLARE r record; BEGIN
          FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE current_database() || '_station%'
          LOOP
            EXECUTE format('REVOKE ALL ON FUNCTION counterpos_upsert_reference(text, json) FROM %I',
                           r.rolname);
          END LOOP;
        END $$"""
    )
    for table in REFERENCE:
        op.execute(f'DROP POLICY IF EXISTS insert_as_self ON "{table}"')
        op.execute(f'DROP POLICY IF EXISTS read_all ON "{table}"')
        op.execute(f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)')
    # Which stations a user may sign in at: '*' for all. A station sees a user's PIN hash only
    # where the user is allowed; elsewhere the user comes down disabled and without it.
    op.execute("ALTER TABLE app_user ADD COLUMN stations text[] NOT NULL DEFAULT '{}'")
    op.execute("UPDATE app_user SET stations = '{*}'")  # as before this revision: everywhere
    op.execute(
        """CREATE VIEW station_app_user WITH (security_barrier) AS
        SELECT u.id, u.username, u.full_name, u.role,
               CASE WHEN a.ok THEN u.pin_hash ELSE '' END AS pin_hash,
               (u.active AND a.ok) AS active, u.failed_attempts, u.locked_until, u.created_at,
               u.changed_at
          FROM app_user u
          CROSS JOIN LATERAL (
            SELECT '*' = ANY (u.stations) OR EXISTS (
              SELECT 1 FROM sync_station s
               WHERE s.role_name = current_user AND s.code = ANY (u.stations)) AS ok) a"""
    )

    # History: each row is the pushing station's own.
    for table, check in HISTORY_CHECK.items():
        op.execute(f'DROP POLICY IF EXISTS insert_as_self ON "{table}"')
        op.execute(f'DROP POLICY IF EXISTS read_all ON "{table}"')
        op.execute(
            f'CREATE POLICY insert_own ON "{table}" FOR INSERT '
            f"WITH CHECK (pushed_by = current_user AND {check})"
        )
        if table == "ledger_entry":  # balances need every station's entries
            op.execute(f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)')
        else:
            op.execute(
                f'CREATE POLICY read_own ON "{table}" FOR SELECT USING (pushed_by = current_user)'
            )

    # A station's changes to reference rows: its own history, applied under RULES or held.
    op.execute(
        """CREATE TABLE station_change (
          id bigserial PRIMARY KEY,
          table_name text NOT NULL,
          record_id text NOT NULL,
          payload jsonb NOT NULL,
          digest text NOT NULL,
          status text NOT NULL DEFAULT 'new'
            CHECK (status IN ('new', 'applied', 'held', 'approved', 'refused')),
          reason text NOT NULL DEFAULT '',
          decided_by text NOT NULL DEFAULT '',
          decided_at timestamptz,
          pushed_by text NOT NULL DEFAULT current_user,
          changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
          CONSTRAINT uq_station_change UNIQUE (pushed_by, table_name, record_id, digest)
        )"""
    )
    op.execute("CREATE INDEX ix_station_change_status ON station_change (status)")
    op.execute(
        """CREATE TABLE station_change_rule (
          table_name text PRIMARY KEY,
          may_insert boolean NOT NULL,
          may_update text[] NOT NULL
        )"""
    )
    for table, may_insert, columns in RULES:
        cols = ", ".join(f'"{c}"' for c in columns)
        op.execute(
            f"INSERT INTO station_change_rule VALUES ('{table}', {str(may_insert).lower()}, "
            f"'{{{cols}}}')"
        )
    op.execute(
        r"""CREATE FUNCTION counterpos_apply_station_change() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        DECLARE
          rule station_change_rule; cols text; picked text; keycol text; exists_ boolean;
          changed text[]; allowed text[]; refused text[]; sets text; outcome text := 'held'; why text := '';
        BEGIN
          SELECT * INTO rule FROM station_change_rule WHERE table_name = NEW.table_name;
          IF NOT FOUND THEN
            why := 'stations may not change ' || NEW.table_name || '; an administrator decides';
          ELSE
            SELECT a.attname INTO keycol FROM pg_index i JOIN pg_attribute a
              ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
             WHERE i.indrelid = NEW.table_name::regclass AND i.indisprimary;
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', NEW.table_name, keycol)
              INTO exists_ USING NEW.payload ->> keycol;
            IF NOT exists_ THEN
              IF rule.may_insert THEN
                SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
                       string_agg('r.' || quote_ident(a.attname), ', ' ORDER BY a.attnum)
                  INTO cols, picked
                  FROM pg_attribute a
                 WHERE a.attrelid = NEW.table_name::regclass AND a.attnum > 0
                   AND NOT a.attisdropped AND a.attname NOT IN ('pushed_by', 'changed_at');
                EXECUTE format('INSERT INTO %I (%s, pushed_by) SELECT %s, $2 '
                               'FROM jsonb_populate_record(NULL::%I, $1) r',
                               NEW.table_name, cols, picked, NEW.table_name)
                  USING NEW.payload, NEW.pushed_by;
                outcome := 'applied';
              ELSE
                why := 'stations may not add to ' || NEW.table_name;
              END IF;
            ELSE
              -- The columns this change would alter, compared as the centre's own types.
              EXECUTE format(
                'SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys($1) k '
                'WHERE k NOT IN (''pushed_by'', ''changed_at'') '
                'AND (to_jsonb(jsonb_populate_record(NULL::%I, $1)) -> k) IS DISTINCT FROM '
                '(SELECT to_jsonb(t) -> k FROM %I t WHERE %I = $1 ->> %L)',
                NEW.table_name, NEW.table_name, keycol, keycol)
                INTO changed USING NEW.payload;
              allowed := ARRAY(SELECT unnest(changed) INTERSECT SELECT unnest(rule.may_update));
              refused := ARRAY(SELECT unnest(changed) EXCEPT SELECT unnest(rule.may_update));
              IF cardinality(allowed) > 0 THEN
                SELECT string_agg(format('%I = r.%I', c, c), ', ') INTO sets FROM unnest(allowed) c;
                EXECUTE format('UPDATE %I t SET %s FROM jsonb_populate_record(NULL::%I, $1) r '
                               'WHERE t.%I = $1 ->> %L',
                               NEW.table_name, sets, NEW.table_name, keycol, keycol)
                  USING NEW.payload;
              END IF;
              IF cardinality(refused) > 0 THEN
                why := 'stations may not change ' || NEW.table_name || '.'
                       || array_to_string(refused, ', ' || NEW.table_name || '.');
              ELSE
                outcome := 'applied';
              END IF;
            END IF;
          END IF;
          UPDATE station_change SET status = outcome, reason = why, decided_at = now(),
                 decided_by = CASE WHEN outcome = 'applied' THEN 'rule' ELSE '' END
           WHERE id = NEW.id;
          RETURN NULL;
        END $$"""
    )
    op.execute("REVOKE ALL ON FUNCTION counterpos_apply_station_change() FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER station_change_apply AFTER INSERT ON station_change "
        "FOR EACH ROW EXECUTE FUNCTION counterpos_apply_station_change()"
    )
    op.execute("ALTER TABLE station_change ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY insert_own ON station_change FOR INSERT "
        "WITH CHECK (pushed_by = current_user AND status = 'new' AND reason = '' "
        "AND decided_by = '')"
    )
    op.execute(
        "CREATE POLICY read_own ON station_change FOR SELECT USING (pushed_by = current_user)"
    )
    op.execute("REVOKE ALL ON station_change, station_change_rule FROM PUBLIC")
    op.execute("DELETE FROM sync_table WHERE table_name = 'station_change'")

    # Every receipt number and audit sequence of a station is claimed once.
    op.execute(
        """CREATE TABLE station_claim (
          station_code text NOT NULL,
          series text NOT NULL CHECK (series IN ('receipt', 'audit')),
          number bigint NOT NULL,
          label text NOT NULL,
          CONSTRAINT pk_station_claim PRIMARY KEY (station_code, series, number)
        )"""
    )
    op.execute(
        """INSERT INTO station_claim
        SELECT station_code, 'receipt', sequence, min(receipt_no) FROM (
          SELECT station_code, sequence, receipt_no FROM sale WHERE kind <> 'void'
          UNION ALL SELECT station_code, sequence, receipt_no FROM paid_in_out) x
        GROUP BY station_code, sequence"""
    )
    op.execute(
        """INSERT INTO station_claim
        SELECT station_code, 'audit', seq, min(id) FROM audit_event GROUP BY station_code, seq"""
    )
    for table, series, number, label, where in (
        ("sale", "receipt", "sequence", "receipt_no", "WHERE kind <> 'void'"),
        ("paid_in_out", "receipt", "sequence", "receipt_no", ""),
        ("audit_event", "audit", "seq", "id", ""),
    ):
        op.execute(
            f"""CREATE FUNCTION counterpos_claim_{table}() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
            BEGIN
              INSERT INTO station_claim (station_code, series, number, label)
              SELECT station_code, '{series}', {number}, {label} FROM new_rows {where};
              RETURN NULL;
            EXCEPTION WHEN unique_violation THEN
              RAISE EXCEPTION 'the centre already holds this {series} number of this station'
                USING ERRCODE = 'unique_violation',
                      DETAIL = 'a second record with one station''s {series} number is refused';
            END $$"""
        )
        op.execute(f"REVOKE ALL ON FUNCTION counterpos_claim_{table}() FROM PUBLIC")
        op.execute(
            f'CREATE TRIGGER {table}_claim AFTER INSERT ON "{table}" '
            "REFERENCING NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION counterpos_claim_{table}()"
        )
    op.execute("ALTER TABLE station_claim ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY read_own ON station_claim FOR SELECT USING (station_code = {MINE})")
    op.execute("REVOKE ALL ON station_claim FROM PUBLIC")


def downgrade() -> None:
    for table in ("sale", "paid_in_out", "audit_event"):
        op.execute(f'DROP TRIGGER IF EXISTS {table}_claim ON "{table}"')
        op.execute(f"DROP FUNCTION IF EXISTS counterpos_claim_{table}()")
    op.execute("DROP TABLE IF EXISTS station_claim")
    op.execute("DROP TABLE IF EXISTS station_change")
    op.execute("DROP FUNCTION IF EXISTS counterpos_apply_station_change()")
    op.execute("DROP TABLE IF EXISTS station_change_rule")
    op.execute("DROP VIEW IF EXISTS station_app_user")
    op.execute("ALTER TABLE app_user DROP COLUMN IF EXISTS stations")
    for table in HISTORY_CHECK:
        op.execute(f'DROP POLICY IF EXISTS insert_own ON "{table}"')
        op.execute(f'DROP POLICY IF EXISTS read_own ON "{table}"')
        op.execute(f'DROP POLICY IF EXISTS read_all ON "{table}"')
        op.execute(f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)')
        op.execute(
            f'CREATE POLICY insert_as_self ON "{table}" FOR INSERT '
            "WITH CHECK (pushed_by = current_user)"
        )
    for table in REFERENCE:
        op.execute(
            f'CREATE POLICY insert_as_self ON "{table}" FOR INSERT '
            "WITH CHECK (pushed_by = current_user)"
        )
