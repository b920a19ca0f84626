"""The central PostgreSQL database: engines, schema migrations and station roles."""

from __future__ import annotations

import json
import re
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from counterpos.resources_path import data_path

if TYPE_CHECKING:  # Alembic loads when the centre's schema is looked at, not at every import
    from alembic.config import Config

VERSION_TABLE = "central_alembic_version"
# What a station may read of other stations' ledger entries: enough for a balance.
LEDGER_SHARED = (
    "id",
    "account_id",
    "entry_type",
    "amount_cents",
    "station_code",
    "sale_line_id",
    "reverses_id",
    "created_at",
    "pushed_by",
    "changed_at",
)


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(data_path("db") / "central_migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return ctx.get_current_revision()


def init(engine: Engine) -> tuple[str | None, str | None]:
    """Create or upgrade the central schema; re-grant station rights on any new table."""
    from alembic import command

    before = current_revision(engine)
    command.upgrade(alembic_config(engine), "head")
    after = current_revision(engine)
    with engine.begin() as conn:
        _grant_group(conn)
        apply_inbox(conn)
    return before, after


def apply_inbox(conn) -> dict[str, int]:
    """Copy inbox records of tables the centre now knows into those tables (idempotent).

    History records go in as their station pushed them, if their `station_code` (when the
    table has one) is that station's; a record of reference data becomes that station's
    `station_change`, applied under the centre's rules like any other. The inbox keeps its
    rows (it is append-only): it stays the record of what arrived.
    """
    done = {}
    waiting = conn.execute(text("SELECT DISTINCT table_name FROM inbox_record")).scalars().all()
    known = set(data_tables(conn)) - {"inbox_record", "station_change"}
    reference = _tables_of_kind(conn, "reference")
    changes = _exists(
        conn, "SELECT 1 FROM information_schema.tables WHERE table_name = 'station_change'"
    )
    for table in sorted(set(waiting) & known):
        if table in reference and changes:
            done[table] = conn.execute(
                text(
                    "INSERT INTO station_change (table_name, record_id, payload, digest, "
                    "pushed_by) SELECT table_name, record_id, payload, md5(payload::text), "
                    "pushed_by FROM inbox_record WHERE table_name = :t ORDER BY changed_at "
                    "ON CONFLICT DO NOTHING"
                ),
                {"t": table},
            ).rowcount
            continue
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
        own = (
            " AND r.station_code IS NOT DISTINCT FROM "
            "(SELECT code FROM sync_station s WHERE s.role_name = i.pushed_by)"
            if "station_code" in cols
            else ""
        )
        done[table] = conn.execute(
            text(
                f'INSERT INTO "{table}" ({names}) SELECT {picked} FROM inbox_record i '
                f'CROSS JOIN LATERAL jsonb_populate_record(NULL::"{table}", i.payload) r '
                f"WHERE i.table_name = :t{own} ON CONFLICT DO NOTHING"
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


def _tables_of_kind(conn, kind: str) -> set[str]:
    return set(
        conn.execute(
            text("SELECT table_name FROM sync_table WHERE kind = :k"), {"k": kind}
        ).scalars()
    )


def _exists(conn, sql: str, **params) -> bool:
    return conn.execute(text(sql), params).first() is not None


def _grant_group(conn) -> str:
    """The rights every station role holds through the group (re-applied by every init).

    History tables: INSERT (row-level security checks each row is the station's own) and
    SELECT (of its own rows). Reference tables: SELECT only; users through the
    `station_app_user` view, which shows a PIN hash only where the user may sign in. Nothing
    else: no UPDATE, DELETE or TRUNCATE, and not the administrator's upsert function.
    """
    group = group_role(conn)
    if not _exists(conn, "SELECT 1 FROM pg_roles WHERE rolname = :r", r=group):
        conn.execute(text(f'CREATE ROLE "{group}" NOLOGIN'))
    reference = _tables_of_kind(conn, "reference")
    trusting = not _exists(
        conn, "SELECT 1 FROM information_schema.tables WHERE table_name = 'station_change'"
    )  # a schema before c0003 (kept only for a downgrade)
    for table in data_tables(conn):
        conn.execute(text(f'REVOKE ALL ON "{table}" FROM "{group}"'))
        if trusting:
            conn.execute(text(f'GRANT SELECT, INSERT ON "{table}" TO "{group}"'))
        elif table in reference:
            if table != "app_user":
                conn.execute(text(f'GRANT SELECT ON "{table}" TO "{group}"'))
        elif table == "ledger_entry":  # every station's entries, for balances; not their memos
            cols = ", ".join(LEDGER_SHARED)
            conn.execute(text(f'GRANT INSERT, SELECT ({cols}) ON "{table}" TO "{group}"'))
        else:
            conn.execute(text(f'GRANT SELECT, INSERT ON "{table}" TO "{group}"'))
    conn.execute(text(f'GRANT SELECT ON sync_station, sync_table TO "{group}"'))
    if trusting:
        conn.execute(
            text(f'GRANT EXECUTE ON FUNCTION counterpos_upsert_reference(text, json) TO "{group}"')
        )
        return group
    conn.execute(
        text(f'REVOKE ALL ON FUNCTION counterpos_upsert_reference(text, json) FROM "{group}"')
    )
    conn.execute(text(f'GRANT SELECT ON station_app_user, station_claim TO "{group}"'))
    conn.execute(text(f'GRANT USAGE ON SEQUENCE station_change_id_seq TO "{group}"'))
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


# --- what stations sent that the centre holds for its administrator -------------------------


def held_changes(conn, station_code: str | None = None) -> list:
    """Changes to reference data stations sent that no rule lets them make, oldest first."""
    sql = (
        "SELECT c.id, c.table_name, c.record_id, c.payload, c.reason, c.pushed_by, "
        "coalesce(s.code, '') AS station_code, c.changed_at FROM station_change c "
        "LEFT JOIN sync_station s ON s.role_name = c.pushed_by WHERE c.status = 'held'"
    )
    params = {}
    if station_code:
        sql += " AND s.code = :s"
        params["s"] = station_code.strip().upper()
    return list(conn.execute(text(sql + " ORDER BY c.id"), params))


def decide_changes(
    engine: Engine, ids: list[int] | None, *, apply: bool, station_code: str | None = None
) -> int:
    """The administrator applies (or refuses) held changes: the given ids, or all of them
    (of one station). An applied user is allowed at the station that sent it."""
    done = 0
    with engine.begin() as conn:
        rows = held_changes(conn, station_code)
        if ids is not None:
            wanted = set(ids)
            rows = [r for r in rows if r.id in wanted]
            missing = wanted - {r.id for r in rows}
            if missing:
                raise ValueError(
                    f"No held change {', '.join(map(str, sorted(missing)))}: "
                    "see `counterpos central changes`."
                )
        for row in rows:
            if apply:
                payload = dict(row.payload)
                if row.table_name == "app_user":
                    had = conn.execute(
                        text("SELECT stations FROM app_user WHERE id = :i"), {"i": row.record_id}
                    ).scalar()
                    stations = list(had or [])
                    if row.station_code and "*" not in stations:
                        stations = sorted({*stations, row.station_code})
                    payload["stations"] = stations
                conn.execute(
                    text("SELECT counterpos_upsert_reference(:t, CAST(:rows AS json))"),
                    {"t": row.table_name, "rows": json.dumps([payload])},
                )
            conn.execute(
                text(
                    "UPDATE station_change SET status = :st, decided_by = current_user, "
                    "decided_at = now() WHERE id = :i"
                ),
                {"st": "approved" if apply else "refused", "i": row.id},
            )
            done += 1
    return done


def allow_billing(engine: Engine, code: str, allow: bool = True) -> bool:
    """Whether a station may send bill and late-fee charges (the utility desk's billing
    station); c0005_i18's `insert_billing` policy reads this."""
    code = code.strip().upper()
    with engine.begin() as conn:
        done = conn.execute(
            text("UPDATE sync_station SET may_bill = :b WHERE code = :c RETURNING may_bill"),
            {"b": allow, "c": code},
        ).scalar()
    if done is None:
        raise ValueError(f"The central database has no station {code!r}; add it first.")
    return bool(done)


def allow_user(engine: Engine, username: str, stations: list[str]) -> list[str]:
    """Which stations a user may sign in at ('*': all); the others get no PIN hash."""
    codes = sorted({c.strip().upper() for c in stations if c.strip()})
    if not codes or not all(c == "*" or re.fullmatch(r"[A-Z0-9]{1,12}", c) for c in codes):
        raise ValueError("Name one or more station codes, like CH1, or * for all.")
    with engine.begin() as conn:
        done = conn.execute(
            text("UPDATE app_user SET stations = :s WHERE username = :u RETURNING stations"),
            {"s": codes, "u": username.strip().lower()},
        ).scalar()
    if done is None:
        raise ValueError(f"The central database has no user {username!r}.")
    return list(done)
