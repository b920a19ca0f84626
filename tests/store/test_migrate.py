"""Migrating a store (store/migrate.py, db/migrations/): schema and rules arrive, copied first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from counterpos.resources_path import data_path
from counterpos.services.sale import customers
from counterpos.services.sale.catalog import rule_in_effect
from counterpos.services.seed import seed_catalog
from counterpos.store.database import make_engine
from counterpos.store.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    migrate,
    script_head,
    stamped_revision,
)
from counterpos.store.models import (
    DrawerClose,
    Service,
)
from tests.store.full_sale import sell

SEEDED = ("role", "role_permission", "gl_account", "service", "fee_schedule")


def store_at_0004(db: Path) -> Engine:
    """A store as release 0004 made it, with its catalog seeded (the columns it had then)."""
    seeded = make_engine(db.with_name(f"seed-{db.name}"))
    migrate(seeded, None)
    with Session(seeded) as s, s.begin():
        seed_catalog(s)
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), "0004")
    with seeded.connect() as source, engine.begin() as target:
        for table in SEEDED:
            had = {c["name"] for c in inspect(target).get_columns(table)}
            rows = [
                {k: v for k, v in row.items() if k in had}
                for row in source.execute(text(f"SELECT * FROM {table}")).mappings()
            ]
            names = ", ".join(rows[0])
            marks = ", ".join(f":{k}" for k in rows[0])
            target.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), rows)
    seeded.dispose()
    return engine


def test_upgrade_from_0004_brings_tables_and_rules(tmp_path):
    db = tmp_path / "old.sqlite"
    engine = store_at_0004(db)
    with Session(engine) as s, s.begin():
        # A catalog as an older release seeded it: citations priced by an entered amount.
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


def test_upgrading_an_existing_store_indexes_its_customers(station):
    with station.store.read() as s:
        total = s.execute(text("SELECT count(*) FROM customer")).scalar()
        some = s.execute(text("SELECT last_name FROM customer ORDER BY customer_no")).scalar()
    command.downgrade(alembic_config(station.store.engine), "0006")
    with station.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM customer_search")).scalar() == 0
    assert station.store.migrate()
    assert current_revision(station.store.engine) == head_revision(station.store.engine)
    with station.store.read() as s:
        for table in ("customer_search", "customer_search_last", "customer_search_key"):
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == total, table
    hits = customers.search(station, some)
    assert hits and all(some.lower() in h.name.lower() for h in hits[:1])


def test_license_numbers_move_to_their_own_documents_and_back(station):
    """0017_s4_14 moves the licenses out of the customers' rows into one document each;
    its downgrade puts them back in the rows; the tag is found after the upgrade."""
    with station.store.read() as s:
        tag, last = s.execute(
            text(
                "SELECT l.tag_no, c.last_name FROM license l JOIN customer c "
                "ON c.id = l.customer_id WHERE l.tag_no != '' ORDER BY l.license_no LIMIT 1"
            )
        ).one()
        documents = s.execute(text("SELECT count(*) FROM customer_search_license")).scalar()
        held = s.execute(text("SELECT count(*) FROM license")).scalar()
    assert documents == held
    command.downgrade(alembic_config(station.store.engine), "0016_s3_14b")
    with station.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM customer_search WHERE licenses != ''")).scalar()
    assert station.store.migrate()
    with station.store.read() as s:
        assert not s.execute(
            text("SELECT count(*) FROM customer_search WHERE licenses != ''")
        ).scalar()
    assert any(last in h.name for h in customers.search(station, tag))


def test_a_store_is_copied_before_its_schema_changes(tmp_path):
    db = tmp_path / "old.sqlite"
    engine = store_at_0004(db)
    assert migrate(engine, db)
    assert current_revision(engine) == head_revision(engine)
    copy = tmp_path / "old.before-0004.sqlite"
    copied = make_engine(copy)
    try:
        assert current_revision(copied) == "0004"  # the store as it was, catalog and all
        assert "citation" not in inspect(copied).get_table_names()
        with Session(copied) as s:
            assert s.scalar(select(Service.code).where(Service.code == "bus_pass")) == "bus_pass"
    finally:
        copied.dispose()
    assert not migrate(engine, db)  # at the head already: nothing to do, nothing copied
    assert sorted(p.name for p in tmp_path.iterdir() if "before" in p.name) == [copy.name]
    engine.dispose()


def test_a_new_store_is_not_copied(tmp_path):
    db = tmp_path / "new.sqlite"
    engine = make_engine(db)
    assert migrate(engine, db)
    assert [p.name for p in tmp_path.iterdir() if "before" in p.name] == []
    engine.dispose()


APPEND_ONLY = (
    "sale",
    "sale_line",
    "tender",
    "ledger_entry",
    "issued_document",
    "audit_event",
    "drawer_close",
)


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_history_tables_refuse_update_and_delete(station, cashier, drawer, table):
    sell(station, cashier, drawer)
    with station.store.write() as s:
        s.add(
            DrawerClose(
                session_id=drawer.session_id,
                closed_by=cashier.user_id,
                counted_cash_cents=17000,
                expected_cash_cents=17000,
                over_short_cents=0,
            )
        )
    with station.store.read() as s:
        row_id = s.execute(text(f"SELECT id FROM {table} LIMIT 1")).scalar()
    assert row_id
    for statement in (
        f"UPDATE {table} SET id = id WHERE id = :id",
        f"DELETE FROM {table} WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="append-only"), station.store.write() as s:
            s.execute(text(statement), {"id": row_id})
    with station.store.read() as s:
        assert (
            s.execute(text(f"SELECT count(*) FROM {table} WHERE id = :id"), {"id": row_id}).scalar()
            == 1
        )


UTILITY_DESK = (
    "meter",
    "meter_event",
    "meter_read",
    "read_review",
    "read_import",
    "rate_schedule",
    "holiday",
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


def test_the_utility_desk_migration_builds_what_the_models_describe(tmp_path):
    """0013 (issue 18) and store/models agree on every table, column, index and unique key."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from counterpos.store.models import Base

    engine = make_engine(tmp_path / "desk.sqlite")
    migrate(engine, None)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    mine = [d for d in diff if any(f"<{t}>" in str(d) or f"'{t}'" in str(d) for t in UTILITY_DESK)]
    assert mine == []
    with engine.connect() as conn:
        kinds = conn.execute(text("SELECT kind FROM rate_schedule ORDER BY kind")).scalars().all()
        assert kinds == ["delinquency", "leak_policy", "water_rates"]
        assert conn.execute(text("SELECT count(*) FROM holiday")).scalar() > 50
    engine.dispose()


def test_an_existing_store_gets_the_bills_gl_accounts_and_the_new_permissions(tmp_path):
    db = tmp_path / "old.sqlite"
    engine = store_at_0004(db)
    migrate(engine, db)
    with engine.connect() as conn:
        gls = conn.execute(
            text("SELECT code, fund_code FROM gl_account WHERE code IN ('4401', '4450')")
        ).all()
        assert sorted(gls) == [("4401", "510"), ("4450", "520")]
        perms = (
            conn.execute(text("SELECT role FROM role_permission WHERE permission = 'run_billing'"))
            .scalars()
            .all()
        )
        assert perms == ["supervisor"]


def test_0010_keeps_the_outbox_and_never_reuses_its_ids(tmp_path):
    """Migration 0010 (issue 13): the outbox rebuilt with AUTOINCREMENT, every row kept."""
    engine = make_engine(tmp_path / "old.sqlite")
    command.upgrade(alembic_config(engine), "0007")
    with engine.begin() as c:
        for i in range(1, 6):
            c.execute(
                text(
                    "INSERT INTO outbox (id, record_id, table_name, payload, created_at, "
                    "attempts, error, state) VALUES (:i, :r, 'sale', '{}', '2026-11-01', 0, '', "
                    ":s)"
                ),
                {"i": i, "r": f"r{i}", "s": "sent" if i < 3 else "pending"},
            )
    command.upgrade(alembic_config(engine), "0010")
    with engine.begin() as c:
        rows = c.execute(text("SELECT id, record_id, state FROM outbox ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [
            (1, "r1", "sent"),
            (2, "r2", "sent"),
            (3, "r3", "pending"),
            (4, "r4", "pending"),
            (5, "r5", "pending"),
        ]
        assert "orphaned_at" in {c["name"] for c in inspect(c).get_columns("card_request")}
        c.execute(text("DELETE FROM outbox WHERE id = 5"))
        c.execute(
            text(
                "INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error) "
                "VALUES ('r6', 'sale', '{}', '2026-11-01', 0, '')"
            )
        )
        assert c.execute(text("SELECT max(id) FROM outbox")).scalar() == 6  # 5 is not reused
        indexes = {i["name"] for i in inspect(c).get_indexes("outbox")}
        assert {"ix_outbox_pending", "ix_outbox_failed"} <= indexes
    command.downgrade(alembic_config(engine), "0007")
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM outbox")).scalar() == 5
        assert "orphaned_at" not in {c["name"] for c in inspect(c).get_columns("card_request")}
    engine.dispose()


def test_0016_sends_customers_who_asked_for_spanish_to_the_centre_once(tmp_path):
    """Migration 0016_s3_16b: a Spanish preference set before the centre kept it is queued,
    with every column, as the outbox queues a changed customer; English ones are not."""
    import json

    from counterpos.store.models import Customer, OutboxRow
    from counterpos.store.outbox import row_payload

    engine = make_engine(tmp_path / "old.sqlite")
    command.upgrade(alembic_config(engine), "0011")
    with engine.begin() as c:
        for no, language in (("C-1", "es"), ("C-2", "en")):
            c.execute(
                text(
                    "INSERT INTO customer (id, customer_no, first_name, last_name, "
                    "business_name, phone, email, mailing_address, is_senior, "
                    "preferred_language, created_at) VALUES (:i, :n, 'Ana', 'Núñez', '', '', "
                    "'', '1 Oak St', 1, :l, '2026-11-01 10:00:00.123456')"
                ),
                {"i": f"id-{no}", "n": no, "l": language},
            )
    command.upgrade(alembic_config(engine), "0016_s3_16b")
    with Session(engine) as s:
        [queued] = s.scalars(select(OutboxRow)).all()
        spanish = s.get(Customer, "id-C-1")
        assert queued.record_id == "id-C-1" and queued.table_name == "customer"
        assert queued.state == "pending" and queued.created_at.year >= 2026
        # The very payload `enqueue` would have written for the customer as stored.
        assert json.loads(queued.payload) == json.loads(json.dumps(row_payload(spanish)))
    engine.dispose()


def test_the_head_read_from_the_files_is_alembics(tmp_path):
    engine = make_engine(tmp_path / "any.sqlite")
    try:
        assert script_head() is not None and script_head() == head_revision(engine)
    finally:
        engine.dispose()


def copy_versions(tmp_path: Path) -> Path:
    versions = tmp_path / "versions"
    versions.mkdir()
    for f in (data_path("db") / "migrations" / "versions").glob("*.py"):
        (versions / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return versions


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ('revision = "x1"\ndown_revision = ("0011", "0009")\n', "a merge"),
        ('revision = "x1"\ndown_revision = "0007"\n', "a second head (a branch)"),
        ('revision = f"x{1}"\ndown_revision = "0011"\n', "a line it cannot read"),
        ('revision = "x1"\ndown_revision = "gone"\n', "a parent that is not there"),
    ],
)
def test_anything_but_one_plain_chain_is_left_to_alembic(tmp_path, extra, why):
    versions = copy_versions(tmp_path)
    assert script_head(versions) is not None
    (versions / "9999_extra.py").write_text(extra, encoding="utf-8")
    assert script_head(versions) is None, why


def test_a_store_behind_the_head_is_still_migrated_through_alembic(tmp_path):
    db = tmp_path / "old.sqlite"
    engine = store_at_0004(db)
    assert stamped_revision(engine) == "0004"
    assert migrate(engine, db)  # the files' head is not the stamp: Alembic runs
    assert stamped_revision(engine) == script_head() == current_revision(engine)
    engine.dispose()


SALE_READ_INDEXES = {
    "issued_document": "ix_issued_document_doc_type_valid_from",
    "tag_movement": "ix_tag_movement_year_kind_number",
    "sale": "ix_sale_kind_original_sale_id",
}


def test_the_sale_read_indexes_are_built_as_the_models_describe(tmp_path):
    """0016_s3_14b: the indexes of a sale's reads exist, as store/models declares them, and the
    search for returned tags reads the block's returns through its index, not every tag."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from counterpos.services.counter.tag_inventory import _BACK_IN_STOCK
    from counterpos.store.models import Base

    engine = make_engine(tmp_path / "indexes.sqlite")
    migrate(engine, None)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        names = set(SALE_READ_INDEXES.values())
        assert [d for d in diff if any(n in str(d) for n in names)] == []
        for table, name in SALE_READ_INDEXES.items():
            assert name in {i["name"] for i in inspect(conn).get_indexes(table)}
        query = _BACK_IN_STOCK.params(year=2026, low=1, high=90_000)
        sql = str(query.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        assert "COVERING INDEX ix_tag_movement_year_kind_number" in plan  # the block's returns
        assert "(year=? AND number=?)" in plan  # then only their movements, by number
        assert "SCAN tag_movement" not in plan
    engine.dispose()


def test_every_change_to_the_catalog_moves_its_number(station):
    """0017_s4_14c: any insert, update or delete of a service or fee schedule row, by any
    writer, moves `catalog_version` (a sale keeps the catalog only while it stands still)."""
    import sqlite3

    con = sqlite3.connect(station.store.path, isolation_level=None)
    try:

        def number() -> int:
            return con.execute("SELECT n FROM catalog_version WHERE id = 1").fetchone()[0]

        changes = (
            "UPDATE service SET name = name || ' ' WHERE code = 'misc_receipt'",
            "INSERT INTO fee_schedule (id, service_code, effective_from, rule, created_by, "
            "created_at) VALUES ('fs-test', 'misc_receipt', '2030-01-01', "
            "'{\"kind\": \"entered\"}', 'test', '2026-12-01 00:00:00')",
            "UPDATE fee_schedule SET effective_from = '2031-01-01' WHERE id = 'fs-test'",
            "DELETE FROM fee_schedule WHERE id = 'fs-test'",
            "INSERT INTO service (code, name, category, gl_account, hotkey, sort_order, active, "
            "fields, companion_of) VALUES ('test_svc', 'Test', 'misc', '4810', '', 99, 1, "
            "'[]', '[]')",
            "DELETE FROM service WHERE code = 'test_svc'",
        )
        for sql in changes:
            before = number()
            con.execute(sql)
            assert number() == before + 1, sql
        before = number()
        con.execute("UPDATE setting SET value = value")  # not the catalog: it stands still
        assert number() == before
    finally:
        con.close()
