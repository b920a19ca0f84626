"""A real PostgreSQL for sync tests: $COUNTERPOS_TEST_PG_URL, else one started by pgserver.

Each test gets its own fresh database (and its station roles are dropped afterwards).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from counterpos.services.central import sync as sync_service
from counterpos.services.station import Station
from counterpos.sync import central


@dataclass
class PgServer:
    """The server under test; `stop()`/`start()` only when we started it ourselves."""

    base_url: str  # postgresql+psycopg://user@host/postgres
    server: object | None = None

    def url(self, database: str) -> str:
        return make_url(self.base_url).set(database=database).render_as_string(False)

    def conninfo(self, database: str = "postgres") -> str:
        u = make_url(self.url(database))
        return u.set(drivername="postgresql").render_as_string(False)

    def stop(self) -> None:
        from pgserver import pg_ctl

        pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=self.server.pgdata, user=self.server.system_user
        )

    def start(self) -> None:
        self.server.ensure_postgres_running()


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory) -> PgServer:
    env = os.environ.get("COUNTERPOS_TEST_PG_URL")
    if env:
        yield PgServer(central.normalise_url(env).render_as_string(False))
        return
    pgserver = pytest.importorskip("pgserver")
    pgdata = Path("/tmp") / f"counterpos-pg-{uuid.uuid4().hex[:8]}"
    server = pgserver.get_server(pgdata, cleanup_mode="delete")
    uri = server.get_uri()  # postgresql://postgres:@/postgres?host=/socket/dir
    yield PgServer(central.normalise_url(uri).render_as_string(False), server)
    server.cleanup()


@pytest.fixture
def central_url(pg_server) -> str:
    """The administrator's URL of a brand-new, initialised central database."""
    name = f"cpos_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url(name)
    engine = central.make_central_engine(url)
    central.init(engine)
    yield url
    try:
        central.drop_database_roles(engine)
    finally:
        engine.dispose()
        with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def attach(station: Station, admin_url: str, code: str | None = None) -> dict:
    """Register the station centrally and connect it as its own role."""
    engine = central.make_central_engine(admin_url)
    try:
        info = central.add_station(engine, code or station.code)
    finally:
        engine.dispose()
    sync_service.connect(station, info["url"], info["password"])
    return info


def admin_query(admin_url: str, sql: str, params=None) -> list[tuple]:
    u = make_url(admin_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(u) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []
