"""The central PostgreSQL database: engines, schema migrations and station roles."""

from __future__ import annotations

import re
import secrets

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from counterpos.resources_path import data_path

VERSION_TABLE = "central_alembic_version"


def normalise_url(url: str) -> URL:
    """Accept postgresql://, postgres:// or postgresql+psycopg:// and use psycopg 3."""
    u = make_url(url.strip())
    if u.get_backend_name() not in ("postgresql", "postgres"):
        raise ValueError("The central database must be PostgreSQL (postgresql+psycopg://...).")
    return u.set(drivername="postgresql+psycopg")


def make_central_engine(url: str | URL, password: str | None = None, **kw) -> Engine:
    u = normalise_url(str(url) if isinstance(url, str) else url.render_as_string(False))
    if password:
        u = u.set(password=password)
    kw.setdefault("pool_pre_ping", True)
    kw.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(u, **kw)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(data_path("db") / "central_migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return ctx.get_current_revision()


def init(engine: Engine) -> tuple[str | None, str | None]:
    """Create or upgrade the central schema; re-grant station rights on any new table."""
    before = current_revision(engine)
    command.upgrade(alembic_config(engine), "head")
    after = current_revision(engine)
    with engine.begin() as conn:
        _grant_group(conn)
        apply_inbox(conn)
    return before, after


def apply_inbox(conn) -> dict[str, int]:
    """Copy inbox records of tables the centre now knows into those tables (idempotent).

    The inbox keeps its rows (it is append-only): it stays the record of what arrived.
    """
    done = {}
    waiting = conn.execute(text("SELECT DISTINCT table_name FROM inbox_record")).scalars().all()
    known = set(data_tables(conn)) - {"inbox_record"}
    for table in sorted(set(waiting) & known):
        cols = [
            c
            for c in conn.execute(
                text(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                    "current_schema() AND table_name = :t AND column_name <> 'changed_at' "
                    "ORDER BY ordinal_position"
                ),
                {"t": table},
            ).scalars()
        ]
        names = ", ".join(f'"{c}"' for c in cols)
        picked = ", ".join("i.pushed_by" if c == "pushed_by" else f'r."{c}"' for c in cols)
        done[table] = conn.execute(
            text(
                f'INSERT INTO "{table}" ({names}) SELECT {picked} FROM inbox_record i '
                f'CROSS JOIN LATERAL jsonb_populate_record(NULL::"{table}", i.payload) r '
                "WHERE i.table_name = :t ON CONFLICT DO NOTHING"
            ),
            {"t": table},
        ).rowcount
    return done


def _database(conn) -> str:
    return conn.execute(text("SELECT current_database()")).scalar_one()


def _ident(name: str) -> str:
    name = re.sub(r"[^a-z0-9_]", "_", name.lower())
    return name[:63]


def group_role(conn) -> str:
    return _ident(f"{_database(conn)}_stations")


def station_role(conn, code: str) -> str:
    return _ident(f"{_database(conn)}_station_{code}")


def data_tables(conn) -> list[str]:
    """Every central table stations write to: those carrying a `pushed_by` column."""
    return list(
        conn.execute(
            text(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND column_name = 'pushed_by' ORDER BY table_name"
            )
        ).scalars()
    )


def _grant_group(conn) -> str:
    group = group_role(conn)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": group}).first()
    if not exists:
        conn.execute(text(f'CREATE ROLE "{group}" NOLOGIN'))
    for table in data_tables(conn):
        # INSERT and SELECT only: no UPDATE, DELETE or TRUNCATE on anything a station sends.
        conn.execute(text(f'GRANT SELECT, INSERT ON "{table}" TO "{group}"'))
    conn.execute(text(f'GRANT SELECT ON sync_station, sync_table TO "{group}"'))
    conn.execute(
        text(f'GRANT EXECUTE ON FUNCTION counterpos_upsert_reference(text, json) TO "{group}"')
    )
    return group


def add_station(engine: Engine, code: str, password: str | None = None) -> dict[str, str]:
    """Register a station and create (or re-key) its login role. Returns its settings."""
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{1,12}", code):
        raise ValueError("A station code is 1 to 12 letters or digits, like CH1.")
    password = password or secrets.token_urlsafe(24)
    with engine.begin() as conn:
        group = _grant_group(conn)
        role = station_role(conn, code)
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
        ).first()
        quoted_pw = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar_one()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(text(f'{verb} ROLE "{role}" LOGIN PASSWORD {quoted_pw}'))
        conn.execute(text(f'GRANT "{group}" TO "{role}"'))
        conn.execute(
            text(
                "INSERT INTO sync_station (code, role_name) VALUES (:c, :r) "
                "ON CONFLICT (code) DO NOTHING"
            ),
            {"c": code, "r": role},
        )
    url = engine.url._replace(username=role, password=None)
    return {
        "station": code,
        "role": role,
        "password": password,
        "url": url.render_as_string(hide_password=False),
    }


def drop_database_roles(engine: Engine) -> None:
    """Remove the station roles of this database (tests and decommissioning)."""
    with engine.begin() as conn:
        group = group_role(conn)
        roles = conn.execute(text("SELECT role_name FROM sync_station")).scalars().all()
        for role in roles:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": group}).first():
            conn.execute(text(f'DROP OWNED BY "{group}"'))
            conn.execute(text(f'DROP ROLE "{group}"'))
