"""Revision 0005 on a store seeded before it: new tables, and the changed catalog rules arrive."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from counterpos.services.sale.catalog import rule_in_effect
from counterpos.services.seed import seed_catalog
from counterpos.store.database import make_engine
from counterpos.store.migrate import alembic_config, migrate
from counterpos.store.models import Service


def test_upgrade_from_0004_brings_tables_and_rules(tmp_path):
    db = tmp_path / "old.sqlite"
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), "0004")
    with Session(engine) as s, s.begin():
        # A catalog as an older release seeded it: citations priced by an entered amount.
        seed_catalog(s)
        s.execute(
            text("UPDATE fee_schedule SET rule = :r WHERE service_code = 'citation'"),
            {"r": '{"kind": "entered", "min_cents": 1, "max_cents": 10000000}'},
        )
        s.execute(text("UPDATE service SET fields = '[]' WHERE code = 'bus_pass'"))
    assert "citation" not in inspect(engine).get_table_names()
    assert migrate(engine, db)
    tables = set(inspect(engine).get_table_names())
    assert {
        "citation",
        "citation_payment",
        "tag_block",
        "tag_movement",
        "passport_application",
        "passport_mailing",
        "refund_request",
    } <= tables
    with Session(engine) as s:
        assert rule_in_effect(s, "citation", date.today())["kind"] == "attribute"
        assert rule_in_effect(s, "citation_late_penalty", date.today())["kind"] == "late_fixed"
        fields = s.scalar(select(Service.fields).where(Service.code == "bus_pass"))
        assert [f["name"] for f in fields][:2] == ["pass_type", "card_no"]
        assert s.execute(text("SELECT status FROM license")).all() == []
    engine.dispose()


def test_new_tables_refuse_rewriting_history(tmp_path):
    engine = make_engine(tmp_path / "new.sqlite")
    migrate(engine, None)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO tag_block (id, year, station_code, first_no, last_no, "
                "assigned_by, created_at) VALUES ('b', 2026, 'T1', 1, 9, 's', '2026-01-01')"
            )
        )
        c.execute(
            text(
                "INSERT INTO tag_movement (id, year, number, station_code, kind, "
                "license_no, created_at) VALUES ('m', 2026, 1, 'T1', 'issue', '', "
                "'2026-01-01')"
            )
        )
    for sql in ("UPDATE tag_movement SET kind = 'return'", "DELETE FROM tag_movement"):
        with (
            pytest.raises((IntegrityError, OperationalError), match="append-only"),
            engine.begin() as c,
        ):
            c.execute(text(sql))
    engine.dispose()
