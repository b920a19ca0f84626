"""Schema for the counter services' own records: citations, tag inventory, passports, refunds.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import json
import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Services whose captured details changed with this revision, and those whose fee rule did
# (late penalties and citations are now priced from the record's dates and amounts).
CHANGED_FIELDS = (
    "utility_deposit",
    "start_service",
    "animal_license",
    "animal_late_penalty",
    "passport_execution",
    "business_license_new",
    "business_license_renewal",
    "bus_pass",
)
CHANGED_RULES = ("citation", "citation_late_penalty", "animal_late_penalty")

# Money and numbered stock that must never be rewritten: a void is a new row, not an edit.
APPEND_ONLY = ("citation_payment", "tag_movement", "passport_mailing", "refund_request")


def upgrade() -> None:
    op.create_table(
        "citation",
        sa.Column("citation_no", sa.String(20), primary_key=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("violation", sa.String(120), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("plate", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "citation_payment",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "citation_no", sa.String(20), sa.ForeignKey("citation.citation_no"), nullable=False
        ),
        sa.Column("sale_line_id", sa.String(36), sa.ForeignKey("sale_line.id"), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("penalty_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_citation_payment_citation_no", "citation_payment", ["citation_no"])
    op.create_index("ix_citation_payment_sale_line_id", "citation_payment", ["sale_line_id"])
    op.create_table(
        "tag_block",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("first_no", sa.Integer(), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        sa.Column("assigned_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_tag_block_year", "tag_block", ["year"])
    op.create_index("ix_tag_block_station_code", "tag_block", ["station_code"])
    op.create_table(
        "tag_movement",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("sale_line_id", sa.String(36), sa.ForeignKey("sale_line.id"), nullable=True),
        sa.Column("license_no", sa.String(30), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_tag_movement_year", "tag_movement", ["year"])
    op.create_index("ix_tag_movement_station_code", "tag_movement", ["station_code"])
    op.create_index("ix_tag_movement_year_number", "tag_movement", ["year", "number"])
    op.create_table(
        "passport_application",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("sale_id", sa.String(36), sa.ForeignKey("sale.id"), nullable=False),
        sa.Column("sale_line_id", sa.String(36), sa.ForeignKey("sale_line.id"), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("executed_on", sa.Date(), nullable=False),
        sa.Column("clerk", sa.String(40), nullable=False),
        sa.Column("applicant_name", sa.String(120), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("form_type", sa.String(10), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("dos_payment_kind", sa.String(20), nullable=False),
        sa.Column("dos_payment_no", sa.String(30), nullable=False),
        sa.Column("dos_amount_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_passport_application_sale_id", "passport_application", ["sale_id"])
    op.create_index("ix_passport_application_executed_on", "passport_application", ["executed_on"])
    op.create_table(
        "passport_mailing",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "application_id",
            sa.String(36),
            sa.ForeignKey("passport_application.id"),
            nullable=False,
        ),
        sa.Column("mailed_on", sa.Date(), nullable=False),
        sa.Column("tracking_no", sa.String(40), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_passport_mailing_application_id", "passport_mailing", ["application_id"])
    op.create_table(
        "refund_request",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("utility_account.id"), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("pay_to", sa.String(120), nullable=False),
        sa.Column("mail_to", sa.String(200), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("requested_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_refund_request_account_id", "refund_request", ["account_id"])
    with op.batch_alter_table("license") as batch:
        batch.add_column(
            sa.Column("status", sa.String(20), nullable=False, server_default="issued")
        )
    _upgrade_catalog()
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: record a reversal instead'); END"
            )


def _upgrade_catalog() -> None:
    """A store seeded before this revision gets the new fields and rules (a new store is seeded
    after migrating, so it has none yet). Rules are added as schedules, never edited."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM service")).scalar() == 0:
        return
    from counterpos.services.seed import CATALOG_EFFECTIVE_FROM, load_catalog_file

    services = {s["code"]: s for s in load_catalog_file()["services"]}
    now = datetime.utcnow()
    for code in CHANGED_FIELDS:
        bind.execute(
            sa.text("UPDATE service SET fields = :f WHERE code = :c"),
            {"f": json.dumps(services[code].get("fields", [])), "c": code},
        )
    for code in CHANGED_RULES:
        bind.execute(
            sa.text(
                "INSERT INTO fee_schedule (id, service_code, effective_from, rule, created_by, "
                "created_at) SELECT :id, :c, :d, :r, 'migration 0005', :t "
                "WHERE EXISTS (SELECT 1 FROM service WHERE code = :c)"
            ),
            {
                "id": str(uuid.uuid4()),
                "c": code,
                "d": CATALOG_EFFECTIVE_FROM,
                "r": json.dumps(services[code]["rule"]),
                "t": now,
            },
        )


def downgrade() -> None:
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    with op.batch_alter_table("license") as batch:
        batch.drop_column("status")
    for table in (
        "refund_request",
        "passport_mailing",
        "passport_application",
        "tag_movement",
        "tag_block",
        "citation_payment",
        "citation",
    ):
        op.drop_table(table)
