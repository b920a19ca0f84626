"""The station store's first schema: catalog, people, accounts, sales, audit, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Financial history is append-only: a void, refund or adjustment is a new row pointing at the
# old one. The store refuses an UPDATE or DELETE of these tables outright.
APPEND_ONLY = (
    "sale",
    "sale_line",
    "tender",
    "ledger_entry",
    "issued_document",
    "audit_event",
    "drawer_close",
)


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.Column("approver", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=80), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_event_seq")),
    )
    op.create_index(op.f("ix_audit_event_action"), "audit_event", ["action"], unique=False)
    op.create_index(op.f("ix_audit_event_at"), "audit_event", ["at"], unique=False)
    op.create_table(
        "customer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_no", sa.String(length=20), nullable=False),
        sa.Column("first_name", sa.String(length=60), nullable=False),
        sa.Column("last_name", sa.String(length=60), nullable=False),
        sa.Column("business_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("mailing_address", sa.String(length=200), nullable=False),
        sa.Column("is_senior", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("customer_no", name=op.f("uq_customer_customer_no")),
    )
    op.create_table(
        "gl_account",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("fund_code", sa.String(length=20), nullable=False),
        sa.Column("fund_name", sa.String(length=80), nullable=False),
        sa.Column("misc_allowed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_gl_account")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    op.create_index(op.f("ix_outbox_sent_at"), "outbox", ["sent_at"], unique=False)
    op.create_table(
        "receipt_sequence",
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("station_code", name=op.f("pk_receipt_sequence")),
    )
    op.create_table(
        "role",
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_role")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "station",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station")),
        sa.UniqueConstraint("code", name=op.f("uq_station_code")),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["role"], ["role.name"], name=op.f("fk_app_user_role_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "role_permission",
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("permission", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["role"], ["role.name"], name=op.f("fk_role_permission_role_role")),
        sa.PrimaryKeyConstraint("role", "permission", name=op.f("pk_role_permission")),
    )
    op.create_table(
        "service",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("gl_account", sa.String(length=20), nullable=False),
        sa.Column("hotkey", sa.String(length=10), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gl_account"], ["gl_account.code"], name=op.f("fk_service_gl_account_gl_account")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service")),
    )
    op.create_table(
        "utility_account",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_no", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("service_address", sa.String(length=200), nullable=False),
        sa.Column("customer_class", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_utility_account_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_utility_account")),
        sa.UniqueConstraint("account_no", name=op.f("uq_utility_account_account_no")),
    )
    op.create_index(
        op.f("ix_utility_account_customer_id"), "utility_account", ["customer_id"], unique=False
    )
    op.create_table(
        "drawer_session",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opening_float_cents", sa.Integer(), nullable=False),
        sa.Column("opening_count", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_drawer_session_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drawer_session")),
    )
    op.create_index(
        op.f("ix_drawer_session_station_code"), "drawer_session", ["station_code"], unique=False
    )
    op.create_index(op.f("ix_drawer_session_user_id"), "drawer_session", ["user_id"], unique=False)
    op.create_table(
        "fee_schedule",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("service_code", sa.String(length=40), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("rule", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_code"], ["service.code"], name=op.f("fk_fee_schedule_service_code_service")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_schedule")),
    )
    op.create_index(
        op.f("ix_fee_schedule_service_code"), "fee_schedule", ["service_code"], unique=False
    )
    op.create_table(
        "sale",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=24), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("original_sale_id", sa.String(length=36), nullable=True),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("approver_id", sa.String(length=36), nullable=True),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("change_cents", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["app_user.id"], name=op.f("fk_sale_approver_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_sale_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["original_sale_id"], ["sale.id"], name=op.f("fk_sale_original_sale_id_sale")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["drawer_session.id"], name=op.f("fk_sale_session_id_drawer_session")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_sale_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_sale_receipt_no")),
    )
    op.create_index(op.f("ix_sale_created_at"), "sale", ["created_at"], unique=False)
    op.create_index(op.f("ix_sale_customer_id"), "sale", ["customer_id"], unique=False)
    op.create_index(op.f("ix_sale_session_id"), "sale", ["session_id"], unique=False)
    op.create_table(
        "sale_line",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("gl_account", sa.String(length=20), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["utility_account.id"],
            name=op.f("fk_sale_line_account_id_utility_account"),
        ),
        sa.ForeignKeyConstraint(
            ["gl_account"], ["gl_account.code"], name=op.f("fk_sale_line_gl_account_gl_account")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_sale_line_sale_id_sale")),
        sa.ForeignKeyConstraint(
            ["service_code"], ["service.code"], name=op.f("fk_sale_line_service_code_service")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_line")),
    )
    op.create_index(op.f("ix_sale_line_sale_id"), "sale_line", ["sale_id"], unique=False)
    op.create_table(
        "tender",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("tendered_cents", sa.Integer(), nullable=False),
        sa.Column("change_cents", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("payer", sa.String(length=80), nullable=False),
        sa.Column("card_brand", sa.String(length=20), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=False),
        sa.ForeignKeyConstraint(["sale_id"], ["sale.id"], name=op.f("fk_tender_sale_id_sale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tender")),
    )
    op.create_index(op.f("ix_tender_sale_id"), "tender", ["sale_id"], unique=False)
    op.create_table(
        "issued_document",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("sale_line_id", sa.String(length=36), nullable=False),
        sa.Column("doc_type", sa.String(length=30), nullable=False),
        sa.Column("doc_no", sa.String(length=30), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sale.id"], name=op.f("fk_issued_document_sale_id_sale")
        ),
        sa.ForeignKeyConstraint(
            ["sale_line_id"],
            ["sale_line.id"],
            name=op.f("fk_issued_document_sale_line_id_sale_line"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
    )
    op.create_index(op.f("ix_issued_document_doc_no"), "issued_document", ["doc_no"], unique=False)
    op.create_index(
        op.f("ix_issued_document_sale_id"), "issued_document", ["sale_id"], unique=False
    )
    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("entry_type", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("sale_line_id", sa.String(length=36), nullable=True),
        sa.Column("reverses_id", sa.String(length=36), nullable=True),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["utility_account.id"],
            name=op.f("fk_ledger_entry_account_id_utility_account"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["ledger_entry.id"],
            name=op.f("fk_ledger_entry_reverses_id_ledger_entry"),
        ),
        sa.ForeignKeyConstraint(
            ["sale_line_id"], ["sale_line.id"], name=op.f("fk_ledger_entry_sale_line_id_sale_line")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
    )
    op.create_index(
        op.f("ix_ledger_entry_account_id"), "ledger_entry", ["account_id"], unique=False
    )
    op.create_index(
        op.f("ix_ledger_entry_created_at"), "ledger_entry", ["created_at"], unique=False
    )
    op.create_index(
        op.f("ix_ledger_entry_sale_line_id"), "ledger_entry", ["sale_line_id"], unique=False
    )
    op.create_table(
        "license",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("license_no", sa.String(length=30), nullable=False),
        sa.Column("tag_no", sa.String(length=30), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("sale_line_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_license_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["sale_line_id"], ["sale_line.id"], name=op.f("fk_license_sale_line_id_sale_line")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_license")),
        sa.UniqueConstraint("license_no", name=op.f("uq_license_license_no")),
    )
    op.create_index(op.f("ix_license_customer_id"), "license", ["customer_id"], unique=False)
    op.create_index(op.f("ix_license_tag_no"), "license", ["tag_no"], unique=False)
    op.create_table(
        "drawer_close",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(length=36), nullable=False),
        sa.Column("counted_cash_cents", sa.Integer(), nullable=False),
        sa.Column("expected_cash_cents", sa.Integer(), nullable=False),
        sa.Column("over_short_cents", sa.Integer(), nullable=False),
        sa.Column("closing_count", sa.JSON(), nullable=False),
        sa.Column("approver_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(["approver_id"], ["app_user.id"], name=op.f("fk_drawer_close_approver_id_app_user")),
        sa.ForeignKeyConstraint(["closed_by"], ["app_user.id"], name=op.f("fk_drawer_close_closed_by_app_user")),
        sa.ForeignKeyConstraint(["session_id"], ["drawer_session.id"], name=op.f("fk_drawer_close_session_id_drawer_session")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drawer_close")),
        sa.UniqueConstraint("session_id", name=op.f("uq_drawer_close_session_id")),
    )
    op.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5("
        "customer_id UNINDEXED, name, accounts, address, phone, licenses, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: record a reversal instead'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("the first schema is not downgraded; restore the backup instead")
