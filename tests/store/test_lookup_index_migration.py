"""Migration 0007 rebuilds the lookup index from a store's existing customers."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from counterpos.services.sale import customers
from counterpos.store.migrate import alembic_config, current_revision


def test_upgrading_an_existing_store_indexes_its_customers(station):
    with station.store.read() as s:
        total = s.execute(text("SELECT count(*) FROM customer")).scalar()
        some = s.execute(text("SELECT last_name FROM customer ORDER BY customer_no")).scalar()
    command.downgrade(alembic_config(station.store.engine), "0006")
    with station.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM customer_search")).scalar() == 0
    assert station.store.migrate()
    assert current_revision(station.store.engine) == "0007"
    with station.store.read() as s:
        for table in ("customer_search", "customer_search_last", "customer_search_key"):
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == total, table
    hits = customers.search(station, some)
    assert hits and all(some.lower() in h.name.lower() for h in hits[:1])
