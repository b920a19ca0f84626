"""The office's link to the central database: its finance login, and who is acting through it."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from counterpos.services import audit as station_audit
from counterpos.services import settings
from counterpos.services.actor import Actor
from counterpos.services.errors import CentralUnavailable, InputError, StateError
from counterpos.services.station import Station
from counterpos.sync.central import make_central_engine, normalise_url

OFFICE = "OFFICE"  # the office's station code at the centre (virtual sessions, its ledger entries)
PASSWORD_FILE = "office-password"
ROLES = {"clerk": "finance_clerk", "supervisor": "finance_supervisor"}


@dataclass
class Office:
    """The central database as the office reaches it, and the signed-in finance user."""

    engine: Engine
    actor: Actor
    city_name: str = ""

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            try:
                yield conn
            finally:
                conn.rollback()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One central transaction: everything in it commits, or none of it."""
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def _password_path(home: Path) -> Path:
    return Path(home) / PASSWORD_FILE


def connect(station: Station, actor_name: str, url: str, password: str | None = None) -> str:
    """Point this workstation's back office at the centre with a finance login."""
    try:
        u = normalise_url(url)
    except Exception as exc:
        raise InputError(f"That is not a PostgreSQL address: {exc}", field="url") from exc
    password = password or u.password
    plain = u._replace(password=None).render_as_string(hide_password=False)
    where = ""
    if password:
        path = _password_path(station.home)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            with contextlib.suppress(OSError):
                os.fchmod(fh.fileno(), 0o600)
            fh.write(password)
        where = str(path)
    with station.store.write() as s:
        old = settings.put(s, "office.url", plain)
        station_audit.record(
            s,
            station.code,
            "setting_change",
            actor=actor_name,
            target="office.url",
            details={"old": old, "new": plain},
        )
    return where


def open_office(station: Station, actor: Actor) -> Office:
    """The back office for a signed-in finance user; refused to anyone else."""
    actor.require("office", "use the finance office")
    url = station.setting("office.url").strip()
    if not url:
        raise StateError(
            "The back office is not connected to the central database: run "
            "`counterpos office connect URL` with a finance login first."
        )
    path = _password_path(station.home)
    password = path.read_text(encoding="utf-8").strip() if path.exists() else None
    engine = make_central_engine(url, password)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1 FROM office_counter LIMIT 1"))
    except Exception as exc:
        engine.dispose()
        raise CentralUnavailable(
            f"The central database cannot be reached as the office ({_first_line(exc)})."
        ) from exc
    return Office(engine, actor, station.setting("city.name"))


def _first_line(exc: BaseException) -> str:
    lines = [ln for ln in str(getattr(exc, "orig", exc)).splitlines() if ln.strip()]
    return lines[0] if lines else type(exc).__name__


def _ident(name: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", name.lower())[:63]


def finance_role(conn: Connection, which: str) -> str:
    """The database role of a finance group: "" (all), "clerk" or "supervisor"."""
    db = conn.execute(text("SELECT current_database()")).scalar_one()
    base = re.sub(r"[^a-z0-9_]", "_", db.lower())[:40] + "_finance"
    return base + (f"_{which}" if which else "")


def add_login(
    admin_engine: Engine, name: str, role: str, password: str | None = None
) -> dict[str, str]:
    """Create (or re-key) a finance login of the centre: role "clerk" or "supervisor"."""
    if role not in ROLES:
        raise InputError("A finance login is a clerk or a supervisor.", field="role")
    if not re.fullmatch(r"[a-z][a-z0-9_]{1,30}", name):
        raise InputError("A login name is 2 to 31 lower-case letters, digits or '_'.", field="name")
    password = password or secrets.token_urlsafe(24)
    with admin_engine.begin() as conn:
        group = finance_role(conn, role)
        login = _ident(f"{finance_role(conn, '')}_{name}")
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login})
        quoted = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar_one()
        verb = "ALTER" if exists.first() else "CREATE"
        conn.execute(text(f'{verb} ROLE "{login}" LOGIN PASSWORD {quoted}'))
        conn.execute(text(f'GRANT "{group}" TO "{login}"'))
    url = admin_engine.url._replace(username=login, password=None)
    return {
        "login": login,
        "role": role,
        "password": password,
        "url": url.render_as_string(hide_password=False),
    }


def add_login_at(admin_url: str, name: str, role: str) -> dict[str, str]:
    """`add_login` through the administrator's database URL (the command line's way in)."""
    try:
        engine = make_central_engine(admin_url)
    except Exception as exc:
        raise InputError(f"That is not a PostgreSQL address: {exc}", field="url") from exc
    try:
        return add_login(engine, name, role)
    finally:
        engine.dispose()


def drop_logins(admin_engine: Engine) -> None:
    """Remove this database's finance roles and logins (tests and decommissioning)."""
    with admin_engine.begin() as conn:
        base = finance_role(conn, "")
        roles = conn.execute(
            text(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY length(rolname) DESC"
            ),
            {"p": base.replace("_", r"\_") + "%"},
        ).scalars()
        for role in list(roles):
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))


def office_engine(url: str, password: str | None = None) -> Engine:
    return make_central_engine(url, password)
