"""The finance office: deposits, bank statements, journals, returned payments, payment files.

Revision ID: c0004_i17
Revises: c0007_i19
Create Date: 2026-11-30

The office works on the central database through its own database roles, made here:
`<db>_finance` (every finance login is a member), `<db>_finance_clerk` and
`<db>_finance_supervisor` (a login is a member of one of them). They read everything, write the
office's own tables, and write station history only as the office itself: sales, lines,
tenders, sessions, closes and ledger entries of the virtual station `OFFICE` (lockbox, online,
mail and autopay payments, returned-payment reversals). They never UPDATE or DELETE history,
never write a station's rows, and hold no right at all on the audit trail or the other
stations' records. Verifying a deposit and posting a journal belong to the supervisor role;
the database refuses them to a clerk's login, and refuses a deposit verified by the person who
prepared it, whoever asks.

Office tables carry no `pushed_by` column, so the stations' group is granted nothing on them
(sync/central.py grants only tables with `pushed_by`). Records of the office are never updated
or deleted: a state is a new row (a verification, a banking, a posting, an export, a match).
"""

from alembic import op

revision = "c0004_i17"
down_revision = "c0007_i19"
branch_labels = None
depends_on = None

OFFICE = "OFFICE"  # the office's station code; no station may use it

# History tables the office writes as OFFICE, and how a row shows it is the office's.
OFFICE_ROWS = {
    "drawer_session": f"station_code = '{OFFICE}'",
    "sale": f"station_code = '{OFFICE}'",
    "ledger_entry": f"station_code = '{OFFICE}'",
    "sale_line": f"EXISTS (SELECT 1 FROM sale x WHERE x.id = sale_id AND x.station_code = '{OFFICE}')",
    "tender": f"EXISTS (SELECT 1 FROM sale x WHERE x.id = sale_id AND x.station_code = '{OFFICE}')",
    "drawer_close": (
        "EXISTS (SELECT 1 FROM drawer_session x WHERE x.id = session_id "
        f"AND x.station_code = '{OFFICE}')"
    ),
}

TABLES = [
    # A hash-chained record of every office action, written in the action's own transaction.
    """CREATE TABLE office_audit_event (
      seq bigint PRIMARY KEY,
      id text NOT NULL UNIQUE,
      at timestamp NOT NULL,
      action text NOT NULL,
      actor text NOT NULL,
      approver text NOT NULL DEFAULT '',
      target text NOT NULL DEFAULT '',
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL
    )""",
    # Gap-free numbers: journals, deposits, the office's receipts.
    """CREATE TABLE office_counter (
      name text PRIMARY KEY,
      last_value bigint NOT NULL DEFAULT 0
    )""",
    # Accounts of the office's own journal lines (cash in bank, card clearing, ...).
    """CREATE TABLE office_account (
      code text PRIMARY KEY,
      name text NOT NULL,
      purpose text NOT NULL UNIQUE,
      fund_code text NOT NULL,
      fund_name text NOT NULL,
      bank_last4 text NOT NULL DEFAULT ''
    )""",
    # Funds whose money the city only collects: their credits are owed to that body.
    """CREATE TABLE office_fund (
      fund_code text PRIMARY KEY,
      due_to text NOT NULL
    )""",
    """CREATE TABLE office_deposit (
      id text PRIMARY KEY,
      deposit_no bigint NOT NULL UNIQUE,
      business_day date NOT NULL,
      bag_no text NOT NULL,
      bank_account text NOT NULL,
      prepared_by text NOT NULL,
      prepared_by_name text NOT NULL,
      prepared_at timestamp NOT NULL,
      currency_cents bigint NOT NULL,
      coin_cents bigint NOT NULL,
      checks_cents bigint NOT NULL,
      eft_cents bigint NOT NULL DEFAULT 0,
      total_cents bigint NOT NULL,
      itemised jsonb NOT NULL,
      CONSTRAINT ck_office_deposit_total
        CHECK (total_cents = currency_cents + coin_cents + checks_cents + eft_cents)
    )""",
    "CREATE INDEX ix_office_deposit_day ON office_deposit (business_day)",
    """CREATE TABLE office_deposit_session (
      session_id text PRIMARY KEY,
      deposit_id text NOT NULL REFERENCES office_deposit (id)
    )""",
    "CREATE INDEX ix_office_deposit_session_deposit ON office_deposit_session (deposit_id)",
    """CREATE TABLE office_deposit_event (
      id text PRIMARY KEY,
      deposit_id text NOT NULL REFERENCES office_deposit (id),
      state text NOT NULL CHECK (state IN ('verified', 'banked')),
      by_user text NOT NULL,
      by_name text NOT NULL,
      at timestamp NOT NULL,
      banked_on date,
      note text NOT NULL DEFAULT '',
      CONSTRAINT uq_office_deposit_event UNIQUE (deposit_id, state)
    )""",
    """CREATE TABLE office_journal (
      id text PRIMARY KEY,
      journal_no bigint NOT NULL UNIQUE,
      business_day date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('day', 'reversal', 'correction')),
      corrects_id text REFERENCES office_journal (id),
      prepared_by text NOT NULL,
      prepared_by_name text NOT NULL,
      prepared_at timestamp NOT NULL,
      memo text NOT NULL DEFAULT '',
      debit_cents bigint NOT NULL,
      credit_cents bigint NOT NULL,
      sources jsonb NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX ix_office_journal_day ON office_journal (business_day)",
    """CREATE TABLE office_journal_line (
      journal_id text NOT NULL REFERENCES office_journal (id),
      line_no integer NOT NULL,
      account_code text NOT NULL,
      account_name text NOT NULL,
      fund_code text NOT NULL,
      fund_name text NOT NULL,
      debit_cents bigint NOT NULL CHECK (debit_cents >= 0),
      credit_cents bigint NOT NULL CHECK (credit_cents >= 0),
      memo text NOT NULL DEFAULT '',
      PRIMARY KEY (journal_id, line_no)
    )""",
    """CREATE TABLE office_journal_post (
      journal_id text PRIMARY KEY REFERENCES office_journal (id),
      posted_by text NOT NULL,
      posted_by_name text NOT NULL,
      posted_at timestamp NOT NULL
    )""",
    """CREATE TABLE office_journal_export (
      id text PRIMARY KEY,
      journal_id text NOT NULL REFERENCES office_journal (id),
      export_no integer NOT NULL,
      format text NOT NULL,
      is_copy boolean NOT NULL,
      sha256 text NOT NULL,
      by_user text NOT NULL,
      at timestamp NOT NULL,
      CONSTRAINT uq_office_journal_export UNIQUE (journal_id, export_no)
    )""",
    """CREATE TABLE office_bank_statement (
      id text PRIMARY KEY,
      sha256 text NOT NULL UNIQUE,
      file_name text NOT NULL,
      format text NOT NULL,
      bank_account text NOT NULL,
      lines integer NOT NULL,
      credits_cents bigint NOT NULL,
      debits_cents bigint NOT NULL,
      imported_by text NOT NULL,
      imported_at timestamp NOT NULL
    )""",
    """CREATE TABLE office_bank_line (
      id text PRIMARY KEY,
      statement_id text NOT NULL REFERENCES office_bank_statement (id),
      line_no integer NOT NULL,
      posted_on date NOT NULL,
      type_code text NOT NULL,
      amount_cents bigint NOT NULL,
      bank_ref text NOT NULL DEFAULT '',
      customer_ref text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX ix_office_bank_line_posted ON office_bank_line (posted_on)",
    """CREATE TABLE office_bank_match (
      bank_line_id text PRIMARY KEY REFERENCES office_bank_line (id),
      item_kind text NOT NULL,
      item_key text NOT NULL,
      matched_by text NOT NULL,
      matched_at timestamp NOT NULL,
      CONSTRAINT uq_office_bank_match_item UNIQUE (item_kind, item_key)
    )""",
    # Payment files (lockbox, online/IVR) and mail batches, each posted as one virtual session.
    """CREATE TABLE office_payment_batch (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('lockbox', 'online', 'mail', 'ach')),
      sha256 text UNIQUE,
      file_name text NOT NULL DEFAULT '',
      control_total_cents bigint,
      session_id text NOT NULL,
      payments integer NOT NULL,
      total_cents bigint NOT NULL,
      suspense_cents bigint NOT NULL,
      imported_by text NOT NULL,
      imported_at timestamp NOT NULL
    )""",
    """CREATE TABLE office_remittance (
      id text PRIMARY KEY,
      batch_id text NOT NULL REFERENCES office_payment_batch (id),
      line_no integer NOT NULL,
      confirmation_no text NOT NULL UNIQUE,
      account_no text NOT NULL,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      paid_on date NOT NULL,
      payer text NOT NULL DEFAULT '',
      check_no text NOT NULL DEFAULT '',
      sale_id text,
      suspense_reason text NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX ix_office_remittance_batch ON office_remittance (batch_id)",
    """CREATE TABLE office_suspense_resolution (
      remittance_id text PRIMARY KEY REFERENCES office_remittance (id),
      action text NOT NULL CHECK (action IN ('apply', 'refund')),
      account_no text NOT NULL DEFAULT '',
      sale_id text,
      note text NOT NULL DEFAULT '',
      by_user text NOT NULL,
      at timestamp NOT NULL
    )""",
    # Returned checks and ACH returns; the flag makes the account cash-only for a while.
    """CREATE TABLE office_returned_payment (
      id text PRIMARY KEY,
      tender_id text NOT NULL UNIQUE,
      sale_id text NOT NULL,
      receipt_no text NOT NULL,
      customer_id text,
      account_id text,
      amount_cents bigint NOT NULL,
      fee_cents bigint NOT NULL,
      occurrence integer NOT NULL,
      reason text NOT NULL,
      source text NOT NULL,
      returned_on date NOT NULL,
      cash_only_until date,
      reversal_sale_id text NOT NULL,
      by_user text NOT NULL,
      at timestamp NOT NULL
    )""",
    "CREATE INDEX ix_office_returned_payment_customer ON office_returned_payment (customer_id)",
    """CREATE TABLE office_account_flag (
      id text PRIMARY KEY,
      customer_id text,
      account_id text,
      flag text NOT NULL,
      until date NOT NULL,
      reason text NOT NULL,
      created_at timestamp NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )""",
    "CREATE INDEX ix_office_account_flag_account ON office_account_flag (account_id)",
    # Autopay: enrolments (account number masked; the full number is kept only to build the
    # bank file), NACHA files sent, and the entries in them.
    """CREATE TABLE office_autopay (
      id text PRIMARY KEY,
      account_no text NOT NULL,
      account_id text NOT NULL,
      holder text NOT NULL,
      routing_no text NOT NULL,
      bank_account_no text NOT NULL,
      bank_account_masked text NOT NULL,
      bank_account_type text NOT NULL CHECK (bank_account_type IN ('checking', 'savings')),
      enrolled_by text NOT NULL,
      enrolled_at timestamp NOT NULL,
      prenote_file_id text,
      cancelled_at timestamp
    )""",
    "CREATE UNIQUE INDEX uq_office_autopay_active ON office_autopay (account_id) "
    "WHERE cancelled_at IS NULL",
    """CREATE TABLE office_ach_file (
      id text PRIMARY KEY,
      file_no bigint NOT NULL UNIQUE,
      run_date date NOT NULL,
      effective_date date NOT NULL,
      entries integer NOT NULL,
      prenotes integer NOT NULL,
      debit_cents bigint NOT NULL,
      sha256 text NOT NULL,
      batch_id text,
      created_by text NOT NULL,
      created_at timestamp NOT NULL
    )""",
    """CREATE TABLE office_ach_entry (
      trace_no text PRIMARY KEY,
      file_id text NOT NULL REFERENCES office_ach_file (id),
      autopay_id text NOT NULL REFERENCES office_autopay (id),
      kind text NOT NULL CHECK (kind IN ('prenote', 'debit')),
      amount_cents bigint NOT NULL,
      tender_id text
    )""",
    """CREATE TABLE office_ach_return (
      trace_no text PRIMARY KEY REFERENCES office_ach_entry (trace_no),
      return_code text NOT NULL,
      file_sha256 text NOT NULL,
      returned_payment_id text,
      by_user text NOT NULL,
      at timestamp NOT NULL
    )""",
    """CREATE TABLE office_login_failure (
      id text PRIMARY KEY,
      username text NOT NULL,
      at timestamp NOT NULL
    )""",
    "CREATE INDEX ix_office_login_failure ON office_login_failure (username, at)",
    """CREATE TABLE office_report (
      id text PRIMARY KEY,
      kind text NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      format text NOT NULL,
      sha256 text NOT NULL,
      by_user text NOT NULL,
      at timestamp NOT NULL
    )""",
]

APPEND_ONLY = [
    "office_audit_event",
    "office_account",
    "office_deposit",
    "office_deposit_session",
    "office_deposit_event",
    "office_journal",
    "office_journal_line",
    "office_journal_post",
    "office_journal_export",
    "office_bank_statement",
    "office_bank_line",
    "office_bank_match",
    "office_payment_batch",
    "office_remittance",
    "office_suspense_resolution",
    "office_returned_payment",
    "office_account_flag",
    "office_ach_file",
    "office_ach_entry",
    "office_ach_return",
    "office_login_failure",
    "office_report",
]
# What only a supervisor's login may write.
SUPERVISOR_ONLY = ["office_journal_post", "office_returned_payment", "office_suspense_resolution"]

# Indexes the office's reading needs on the stations' tables.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_drawer_session_opened_at ON drawer_session (opened_at)",
    "CREATE INDEX IF NOT EXISTS ix_drawer_close_session_id ON drawer_close (session_id)",
    "CREATE INDEX IF NOT EXISTS ix_sale_session_id ON sale (session_id)",
    "CREATE INDEX IF NOT EXISTS ix_ledger_entry_sale_line_id ON ledger_entry (sale_line_id)",
    "CREATE INDEX IF NOT EXISTS ix_audit_event_station_changed "
    "ON audit_event (station_code, changed_at)",
    "CREATE INDEX IF NOT EXISTS ix_audit_event_station_at ON audit_event (station_code, at)",
    "CREATE INDEX IF NOT EXISTS ix_paid_in_out_session_id ON paid_in_out (session_id)",
]

ACCOUNTS = [
    # code, name, purpose, fund, fund name
    ("1010", "Cash in bank - city deposit account", "bank_counter", "999", "Pooled Cash"),
    ("1020", "Cash in bank - lockbox and online account", "bank_remote", "999", "Pooled Cash"),
    ("1050", "Card settlement clearing", "card_clearing", "999", "Pooled Cash"),
    ("1060", "Returned items receivable", "returned_items", "999", "Pooled Cash"),
    ("1090", "Paid-in / paid-out clearing", "paid_in_out", "100", "General Fund"),
    ("2050", "Refunds payable", "refunds_payable", "999", "Pooled Cash"),
    ("2090", "Unapplied payments (suspense)", "suspense", "999", "Pooled Cash"),
    ("4950", "Cash over and short", "over_short", "100", "General Fund"),
    ("1910", "Equity in pooled cash", "equity_in_pool", "", ""),
    ("2910", "Due to other funds (pooled cash)", "pool_due_to", "999", "Pooled Cash"),
]
FUNDS = [
    ("510", "Due to the Water Authority"),
    ("600", "Due to the Transit Agency"),
    ("900", "Due to the State of California"),
]
PERMISSIONS = {
    "finance_clerk": [
        "office",
        "prepare_deposit",
        "bank_deposit",
        "import_bank",
        "import_payments",
        "enter_mail_batch",
        "draft_journal",
        "export_journal",
        "enroll_autopay",
        "office_reports",
        "view_reports",
    ],
    "finance_supervisor": [
        "office",
        "prepare_deposit",
        "bank_deposit",
        "verify_deposit",
        "import_bank",
        "import_payments",
        "enter_mail_batch",
        "draft_journal",
        "post_journal",
        "export_journal",
        "return_payment",
        "resolve_suspense",
        "enroll_autopay",
        "run_autopay",
        "office_reports",
        "view_reports",
    ],
}

ROLES_SQL = """
DO $$
DECLARE
  db text := substr(regexp_replace(lower(current_database()), '[^a-z0-9_]', '_', 'g'), 1, 40);
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[db || '_finance', db || '_finance_clerk', db || '_finance_supervisor']
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
  EXECUTE format('GRANT %I TO %I', db || '_finance', db || '_finance_clerk');
  EXECUTE format('GRANT %I TO %I', db || '_finance', db || '_finance_supervisor');
END $$
"""


def _each_role(sql: str) -> None:
    """Run `sql` with {f}, {c}, {s} naming the finance, clerk and supervisor roles."""
    op.execute(
        "DO $$ DECLARE db text := substr(regexp_replace(lower(current_database()), "
        "'[^a-z0-9_]', '_', 'g'), 1, 40); BEGIN EXECUTE format("
        + "'"
        + sql.replace("'", "''").format(f="%1$I", c="%2$I", s="%3$I")
        + "', db || '_finance', db || '_finance_clerk', db || '_finance_supervisor'); END $$"
    )


def upgrade() -> None:
    for sql in TABLES:
        op.execute(sql)
    for sql in INDEXES:
        op.execute(sql)
    for table in APPEND_ONLY:
        op.execute(
            f'CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION counterpos_append_only()"
        )
    # A deposit is verified by someone other than its preparer, and banked only once verified.
    op.execute(
        """CREATE FUNCTION office_deposit_event_check() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE preparer text;
        BEGIN
          SELECT prepared_by INTO preparer FROM office_deposit WHERE id = NEW.deposit_id;
          IF NEW.state = 'verified' AND NEW.by_user = preparer THEN
            RAISE EXCEPTION 'a deposit is verified by someone other than its preparer'
              USING ERRCODE = 'check_violation';
          END IF;
          IF NEW.state = 'banked' AND NOT EXISTS (SELECT 1 FROM office_deposit_event
              WHERE deposit_id = NEW.deposit_id AND state = 'verified') THEN
            RAISE EXCEPTION 'a deposit is banked only after it is verified'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER office_deposit_event_check BEFORE INSERT ON office_deposit_event "
        "FOR EACH ROW EXECUTE FUNCTION office_deposit_event_check()"
    )
    # A journal balances to the cent, checked when its transaction commits.
    op.execute(
        """CREATE FUNCTION office_journal_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE d bigint; c bigint; hd bigint; hc bigint;
        BEGIN
          SELECT coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0) INTO d, c
            FROM office_journal_line WHERE journal_id = NEW.id;
          SELECT debit_cents, credit_cents INTO hd, hc FROM office_journal WHERE id = NEW.id;
          IF d <> c OR d <> hd OR c <> hc THEN
            RAISE EXCEPTION 'journal % does not balance: debits % credits %', NEW.journal_no, d, c
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NULL;
        END $$"""
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER office_journal_balanced AFTER INSERT ON office_journal "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION office_journal_balanced()"
    )
    # Only a balanced, posted journal is exported.
    op.execute(
        """CREATE FUNCTION office_journal_export_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM office_journal_post WHERE journal_id = NEW.journal_id) THEN
            RAISE EXCEPTION 'a journal is exported only once posted'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER office_journal_export_check BEFORE INSERT ON office_journal_export "
        "FOR EACH ROW EXECUTE FUNCTION office_journal_export_check()"
    )
    op.execute(
        "INSERT INTO office_account (code, name, purpose, fund_code, fund_name) VALUES "
        + ", ".join(f"('{c}', '{n}', '{p}', '{f}', '{fn}')" for c, n, p, f, fn in ACCOUNTS)
    )
    op.execute(
        "INSERT INTO office_fund (fund_code, due_to) VALUES "
        + ", ".join(f"('{f}', '{d}')" for f, d in FUNDS)
    )
    # The finance roles and what they may do, as reference data the stations pull (a finance
    # user is added at a station like any user, once its store has these roles).
    op.execute(
        "INSERT INTO role (name, label, rank) VALUES "
        "('finance_clerk', 'Finance clerk', 50), ('finance_supervisor', 'Finance supervisor', 60) "
        "ON CONFLICT (name) DO NOTHING"
    )
    op.execute(
        "INSERT INTO role_permission (role, permission) VALUES "
        + ", ".join(f"('{role}', '{p}')" for role, perms in PERMISSIONS.items() for p in perms)
        + " ON CONFLICT DO NOTHING"
    )
    op.execute(ROLES_SQL)
    tables = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    # Read everything: the stations' records and the office's own.
    op.execute(
        "DO $$ DECLARE db text := substr(regexp_replace(lower(current_database()), "
        "'[^a-z0-9_]', '_', 'g'), 1, 40); t text; BEGIN "
        f"FOR t IN {tables} LOOP "
        "EXECUTE format('GRANT SELECT ON %I TO %I', t, db || '_finance'); END LOOP; END $$"
    )
    office = [t for t in APPEND_ONLY if t not in SUPERVISOR_ONLY] + ["office_counter"]
    _each_role(f"GRANT INSERT ON {', '.join(office)} TO {{f}}")
    _each_role(f"GRANT INSERT ON {', '.join(SUPERVISOR_ONLY)} TO {{s}}")
    _each_role("GRANT UPDATE (last_value) ON office_counter TO {f}")
    # An enrolment is ended by stamping it cancelled; nothing else of it changes.
    _each_role(
        "GRANT INSERT ON office_autopay TO {f}; GRANT UPDATE (cancelled_at) ON office_autopay TO {f}"
    )
    _each_role("GRANT UPDATE (status) ON license TO {s}")
    _each_role(
        "REVOKE INSERT ON office_deposit_event FROM {f}; "
        "GRANT INSERT ON office_deposit_event TO {s}; "
        "GRANT INSERT ON office_deposit_event TO {c}"
    )
    # The clerk may record a banking, never a verification.
    op.execute("ALTER TABLE office_deposit_event ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY read_all ON office_deposit_event FOR SELECT USING (true)")
    _each_role(
        "CREATE POLICY supervisor_verifies ON office_deposit_event FOR INSERT TO {s} "
        "WITH CHECK (true); "
        "CREATE POLICY clerk_banks ON office_deposit_event FOR INSERT TO {c} "
        "WITH CHECK (state = 'banked')"
    )
    # Row-level security (c0003) shows a station only what it pushed; the office reads every
    # station's rows. Every table under row-level security gets a reading policy for it.
    op.execute(
        "DO $$ DECLARE db text := substr(regexp_replace(lower(current_database()), "
        "'[^a-z0-9_]', '_', 'g'), 1, 40); t text; BEGIN "
        "FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relrowsecurity LOOP "
        "EXECUTE format('CREATE POLICY office_reads ON %I FOR SELECT TO %I USING (true)', "
        "t, db || '_finance'); END LOOP; END $$"
    )
    # Station history: only the office's own rows, inserted as itself. c0003's `insert_own`
    # admits station roles only (a row's station is the role's); this permissive policy admits
    # the office's logins, and the restrictive one below holds them to the office's rows.
    for table, mine in OFFICE_ROWS.items():
        _each_role(f'GRANT INSERT ON "{table}" TO {{f}}')
        _each_role(
            f'CREATE POLICY office_inserts ON "{table}" FOR INSERT TO {{f}} '
            "WITH CHECK (pushed_by = current_user)"
        )
        _each_role(
            f'CREATE POLICY office_rows_only ON "{table}" AS RESTRICTIVE FOR INSERT TO {{f}} '
            f"WITH CHECK ({mine})"
        )
    # A returned check puts the license it paid for back to unpaid (pending payment).
    _each_role(
        "CREATE POLICY office_license_status ON license FOR UPDATE TO {s} "
        "USING (true) WITH CHECK (status = 'pending')"
    )
    _each_role("GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {f}")


def downgrade() -> None:
    for table, _ in OFFICE_ROWS.items():
        op.execute(f'DROP POLICY IF EXISTS office_rows_only ON "{table}"')
        op.execute(f'DROP POLICY IF EXISTS office_inserts ON "{table}"')
    op.execute(
        "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_policies "
        "WHERE schemaname = current_schema() AND policyname = 'office_reads' LOOP "
        "EXECUTE format('DROP POLICY office_reads ON %I', t); END LOOP; END $$"
    )
    op.execute("DROP POLICY IF EXISTS office_license_status ON license")
    for sql in reversed(TABLES):
        if sql.startswith("CREATE TABLE"):
            name = sql.split()[2]
            op.execute(f"DROP TABLE IF EXISTS {name} CASCADE")
    for fn in (
        "office_deposit_event_check",
        "office_journal_balanced",
        "office_journal_export_check",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    op.execute("DELETE FROM role_permission WHERE role IN ('finance_clerk', 'finance_supervisor')")
    op.execute("DELETE FROM role WHERE name IN ('finance_clerk', 'finance_supervisor')")
    op.execute(
        "DO $$ DECLARE db text := substr(regexp_replace(lower(current_database()), "
        "'[^a-z0-9_]', '_', 'g'), 1, 40); r text; BEGIN "
        "FOREACH r IN ARRAY ARRAY[db || '_finance_clerk', db || '_finance_supervisor', "
        "db || '_finance'] LOOP "
        "IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN "
        "EXECUTE format('DROP OWNED BY %I', r); EXECUTE format('DROP ROLE %I', r); "
        "END IF; END LOOP; END $$"
    )
