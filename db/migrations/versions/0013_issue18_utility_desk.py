"""The utility desk: meters, reads, rates, billing runs and bills, notices, work orders,
arrangements, SB 998 protections, disconnections and calculated adjustments (issue 18).

Every table but the rate schedules and holidays (reference data, handed down by the centre) is
history: rows are only ever added, and triggers refuse UPDATE and DELETE. A new store gets the
default rates, policies and holidays of db/seed/utility.json; a store that already has a
catalog also gets the two GL accounts the bills credit and the new permissions.

Revision ID: 0013
Revises: 0010
Create Date: 2026-11-30
"""

import json
import uuid
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

from counterpos.resources_path import data_path

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None

HISTORY = (
    "meter",
    "meter_event",
    "meter_read",
    "read_review",
    "read_import",
    "billing_run",
    "bill",
    "bill_penalty",
    "notice",
    "notice_event",
    "work_order",
    "work_order_event",
    "payment_arrangement",
    "arrangement_event",
    "shutoff_protection",
    "service_action",
    "adjustment_calc",
)
REFERENCE = ("rate_schedule", "holiday")


def upgrade() -> None:
    op.create_table(
        "meter",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("serial", sa.String(20), nullable=False),
        sa.Column("size", sa.String(8), nullable=False),
        sa.Column("make", sa.String(40), nullable=False),
        sa.Column("model", sa.String(40), nullable=False),
        sa.Column("dials", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("serial", name="uq_meter_serial"),
    )
    op.create_table(
        "meter_event",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("meter_id", sa.String(36), sa.ForeignKey("meter.id"), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=True),
        sa.Column("service_address", sa.String(200), nullable=False),
        sa.Column("address_key", sa.String(200), nullable=False),
        sa.Column("location", sa.String(80), nullable=False),
        sa.Column("route", sa.String(12), nullable=False),
        sa.Column("route_seq", sa.Integer(), nullable=False),
        sa.Column("read_id", sa.String(36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_meter_event_meter_id", "meter_event", ["meter_id"])
    op.create_index("ix_meter_event_account_id", "meter_event", ["account_id"])
    op.create_index("ix_meter_event_address_key", "meter_event", ["address_key"])
    op.create_table(
        "meter_read",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("meter_id", sa.String(36), sa.ForeignKey("meter.id"), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=True),
        sa.Column("read_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("rollover", sa.Boolean(), nullable=False),
        sa.Column("consumption", sa.Integer(), nullable=True),
        sa.Column("previous_read_id", sa.String(36), nullable=True),
        sa.Column("review", sa.String(16), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("replaces_id", sa.String(36), nullable=True),
        sa.Column("import_id", sa.String(36), nullable=True),
        sa.Column("reader", sa.String(20), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_meter_read_account_id", "meter_read", ["account_id"])
    op.create_index("ix_meter_read_read_on", "meter_read", ["read_on"])
    op.create_index("ix_meter_read_replaces_id", "meter_read", ["replaces_id"])
    op.create_table(
        "read_review",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("read_id", sa.String(36), sa.ForeignKey("meter_read.id"), nullable=False),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("consumption", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("read_id", name="uq_read_review_read_id"),
    )
    op.create_table(
        "read_import",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("layout", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("held", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("imported_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("sha256", name="uq_read_import_sha256"),
    )
    op.create_table(
        "rate_schedule",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_rate_schedule_kind", "rate_schedule", ["kind"])
    op.create_table(
        "holiday",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "billing_run",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("run_no", sa.String(24), nullable=False),
        sa.Column("cycle", sa.String(7), nullable=False),
        sa.Column("route", sa.String(12), nullable=False),
        sa.Column("bill_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("schedule_id", sa.String(36), nullable=True),
        sa.Column("reverses_id", sa.String(36), nullable=True),
        sa.Column("bills", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("run_no", name="uq_billing_run_run_no"),
    )
    op.create_index("ix_billing_run_cycle", "billing_run", ["cycle"])
    op.create_index("ix_billing_run_reverses_id", "billing_run", ["reverses_id"])
    op.create_table(
        "bill",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("bill_no", sa.String(24), nullable=False),
        sa.Column("run_id", sa.String(36), sa.ForeignKey("billing_run.id"), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("cycle", sa.String(7), nullable=False),
        sa.Column("route", sa.String(12), nullable=False),
        sa.Column("bill_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("meter_size", sa.String(8), nullable=False),
        sa.Column("customer_class", sa.String(30), nullable=False),
        sa.Column("consumption", sa.Integer(), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("read_ids", sa.JSON(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("ledger_entry_id", sa.String(36), nullable=True),
        sa.Column("reverses_id", sa.String(36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("bill_no", name="uq_bill_bill_no"),
    )
    op.create_index("ix_bill_run_id", "bill", ["run_id"])
    op.create_index("ix_bill_cycle", "bill", ["cycle"])
    op.create_index("ix_bill_reverses_id", "bill", ["reverses_id"])
    op.create_table(
        "bill_penalty",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("bill_id", sa.String(36), sa.ForeignKey("bill.id"), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("past_due_cents", sa.Integer(), nullable=False),
        sa.Column("percent", sa.String(12), nullable=False),
        sa.Column("cents", sa.Integer(), nullable=False),
        sa.Column("ledger_entry_id", sa.String(36), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("bill_id", name="uq_bill_penalty_bill_id"),
    )
    op.create_index("ix_bill_penalty_account_id", "bill_penalty", ["account_id"])
    op.create_table(
        "notice",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("notice_no", sa.String(24), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("run_id", sa.String(36), nullable=True),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=True),
        sa.Column("customer_id", sa.String(36), sa.ForeignKey("customer.id"), nullable=True),
        sa.Column("license_id", sa.String(36), sa.ForeignKey("license.id"), nullable=True),
        sa.Column("bill_id", sa.String(36), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("shutoff_on", sa.Date(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("addressee", sa.String(120), nullable=False),
        sa.Column("mail_to", sa.String(200), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("notice_no", name="uq_notice_notice_no"),
        sa.UniqueConstraint("key", name="uq_notice_key"),
    )
    op.create_index("ix_notice_kind", "notice", ["kind"])
    op.create_index("ix_notice_run_id", "notice", ["run_id"])
    op.create_index("ix_notice_account_id", "notice", ["account_id"])
    op.create_index("ix_notice_issued_on", "notice", ["issued_on"])
    op.create_table(
        "notice_event",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("notice_id", sa.String(36), sa.ForeignKey("notice.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_notice_event_notice_id", "notice_event", ["notice_id"])
    op.create_table(
        "work_order",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("wo_no", sa.String(24), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("meter_id", sa.String(36), sa.ForeignKey("meter.id"), nullable=True),
        sa.Column("read_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("wo_no", name="uq_work_order_wo_no"),
    )
    op.create_index("ix_work_order_account_id", "work_order", ["account_id"])
    op.create_table(
        "work_order_event",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("work_order_id", sa.String(36), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("finding", sa.String(20), nullable=False),
        sa.Column("repaired_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_work_order_event_work_order_id", "work_order_event", ["work_order_id"])
    op.create_table(
        "payment_arrangement",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("arrangement_no", sa.String(24), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("arrears_cents", sa.Integer(), nullable=False),
        sa.Column("forgiven_cents", sa.Integer(), nullable=False),
        sa.Column("instalments", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("approved_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("arrangement_no", name="uq_payment_arrangement_arrangement_no"),
    )
    op.create_index("ix_payment_arrangement_account_id", "payment_arrangement", ["account_id"])
    op.create_table(
        "arrangement_event",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "arrangement_id", sa.String(36), sa.ForeignKey("payment_arrangement.id"), nullable=False
        ),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_arrangement_event_arrangement_id", "arrangement_event", ["arrangement_id"])
    op.create_table(
        "shutoff_protection",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("condition", sa.String(16), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_shutoff_protection_account_id", "shutoff_protection", ["account_id"])
    op.create_table(
        "service_action",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("notice_id", sa.String(36), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_service_action_account_id", "service_action", ["account_id"])
    op.create_index("ix_service_action_on_date", "service_action", ["on_date"])
    op.create_table(
        "adjustment_calc",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("calc_no", sa.String(24), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("calculation", sa.JSON(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("ledger_entry_id", sa.String(36), nullable=False),
        sa.Column("work_order_id", sa.String(36), nullable=True),
        sa.Column("bill_ids", sa.JSON(), nullable=False),
        sa.Column("entered_by", sa.String(40), nullable=False),
        sa.Column("approved_by", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("calc_no", name="uq_adjustment_calc_calc_no"),
    )
    op.create_index("ix_adjustment_calc_account_id", "adjustment_calc", ["account_id"])
    op.create_index("ix_meter_read_meter_id_read_on", "meter_read", ["meter_id", "read_on"])
    op.create_index("ix_bill_account_id_cycle", "bill", ["account_id", "cycle"])
    op.create_index("ix_bill_ledger_entry_id", "bill", ["ledger_entry_id"])
    # What is still unpaid skips reversed charges (standing.UNPAID): without this index the
    # delinquency run scanned the whole ledger once per charge.
    op.create_index("ix_ledger_entry_reverses_id", "ledger_entry", ["reverses_id"])
    for table in HISTORY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: record a new row instead'); END"
            )
    _seed(op.get_bind())


def _seed(bind) -> None:
    """Default rates, policies and holidays; GL accounts and permissions for a seeded store."""
    with open(data_path("db") / "seed" / "utility.json", encoding="utf-8") as fh:
        data = json.load(fh)
    now = datetime.utcnow()
    for sched in data["schedules"]:
        bind.execute(
            sa.text(
                "INSERT INTO rate_schedule (id, kind, effective_from, body, created_by, created_at) "
                "VALUES (:id, :k, :d, :b, 'migration 0013', :t)"
            ),
            {
                "id": str(uuid.uuid4()),
                "k": sched["kind"],
                "d": date.fromisoformat(sched["effective_from"]),
                "b": json.dumps(sched["body"]),
                "t": now,
            },
        )
    for h in data["holidays"]:
        bind.execute(
            sa.text("INSERT INTO holiday (day, name, kind) VALUES (:d, :n, 'holiday')"),
            {"d": date.fromisoformat(h["day"]), "n": h["name"]},
        )
    if bind.execute(sa.text("SELECT count(*) FROM gl_account")).scalar():
        for gl in data["gl_accounts"]:
            bind.execute(
                sa.text(
                    "INSERT INTO gl_account (code, name, fund_code, fund_name, misc_allowed) "
                    "SELECT :c, :n, :fc, :fn, 0 WHERE NOT EXISTS "
                    "(SELECT 1 FROM gl_account WHERE code = :c)"
                ),
                {"c": gl["code"], "n": gl["name"], "fc": gl["fund_code"], "fn": gl["fund_name"]},
            )
    for permission, roles in data["permissions"].items():
        for role in roles:
            bind.execute(
                sa.text(
                    "INSERT INTO role_permission (role, permission) SELECT :r, :p "
                    "WHERE EXISTS (SELECT 1 FROM role WHERE name = :r) AND NOT EXISTS "
                    "(SELECT 1 FROM role_permission WHERE role = :r AND permission = :p)"
                ),
                {"r": role, "p": permission},
            )


def downgrade() -> None:
    for table in HISTORY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    with open(data_path("db") / "seed" / "utility.json", encoding="utf-8") as fh:
        data = json.load(fh)
    for permission in data["permissions"]:
        op.execute(
            sa.text("DELETE FROM role_permission WHERE permission = :p").bindparams(p=permission)
        )
    op.drop_index("ix_ledger_entry_reverses_id", "ledger_entry")
    for table in reversed((*HISTORY[:5], *REFERENCE, *HISTORY[5:])):
        op.drop_table(table)
