"""Fixtures every test can use: a fresh station store per test, seeded like a small demo city."""

from __future__ import annotations

import gc
import os
import shutil
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counterpos.demo.city import add_demo_customers, load_demo_file  # noqa: E402
from counterpos.hardware.card_simulator import CardSimulator  # noqa: E402
from counterpos.services import sessions, settings  # noqa: E402
from counterpos.services.access import auth, overrides, pin, users  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.store.models import AuditEvent  # noqa: E402
from counterpos.sync import central  # noqa: E402
from counterpos.ui.gui_thread_gc import collect_due  # noqa: E402

THRESHOLDS = gc.get_threshold()


def pytest_configure(config) -> None:
    # As in the app (ui/gui_thread_gc.py): the cyclic collector must never run in a printing or
    # card worker thread, where it could destroy a Qt object; it runs after each test instead.
    gc.disable()


class _RememberingHasher:
    """The real argon2id hasher, remembering the outcome of each (hash, PIN) it has checked.

    A check costs about 0.16 s of a core by design (services/access/pin.py), and the suite
    checks the same few demo PINs against the same template hashes thousands of times. The
    outcome is a pure function of the pair, so each distinct pair is checked once by argon2
    itself; hashing (a new salt every time) is never remembered.
    """

    def __init__(self, real) -> None:
        self._real = real
        self._outcomes: dict[tuple[str, str], BaseException | bool] = {}

    def verify(self, stored: str, given: str) -> bool:
        key = (stored, given)
        if key not in self._outcomes:
            try:
                self._outcomes[key] = self._real.verify(stored, given)
            except VerificationError as exc:  # a mismatch is an exception in argon2-cffi
                self._outcomes[key] = exc
        outcome = self._outcomes[key]
        if isinstance(outcome, BaseException):
            raise type(outcome)(*outcome.args)
        return outcome

    def __getattr__(self, name: str):
        return getattr(self._real, name)


pin._HASHER = _RememberingHasher(pin._HASHER)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread():
    yield
    collect_due(THRESHOLDS)


# Demo logins (also in the README): username -> PIN
PINS = {"maria": "1111", "james": "2222", "sofia": "333333", "admin": "999999"}
TEST_CUSTOMERS = 300


@pytest.fixture(scope="session")
def template_home(tmp_path_factory) -> Path:
    """One seeded store built per test run; each test gets its own copy of the file."""
    home = tmp_path_factory.mktemp("template")
    station = Station.open(home)
    station.set_code("T1", "Test counter")
    data = load_demo_file()
    with station.store.write() as s:
        for key in ("name", "address", "phone"):
            settings.put(s, f"city.{key}", data["city"][key])
    for u in data["users"]:
        users.add_user(station, u["username"], u["full_name"], u["role"], u["pin"])
    add_demo_customers(station, data, TEST_CUSTOMERS)
    station.close()  # the last connection's close checkpoints the WAL into the file
    assert not (home / f"{DB_FILE}-wal").exists()
    return home


@pytest.fixture
def home(template_home, tmp_path) -> Path:
    target = tmp_path / "home"
    target.mkdir()
    shutil.copy(template_home / DB_FILE, target / DB_FILE)
    return target


@pytest.fixture
def station(home) -> Station:
    st = Station.open(home)
    yield st
    st.close()


@pytest.fixture
def empty_station(tmp_path) -> Station:
    """A migrated store with the default catalog and no users."""
    st = Station.open(tmp_path / "empty")
    yield st
    st.close()


def login(station: Station, username: str):
    return auth.login(station, username, PINS[username])


def audit_events(station: Station, *actions: str) -> list[AuditEvent]:
    """The audit events of these actions, oldest first."""
    with station.store.read() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action.in_(actions)).order_by(AuditEvent.seq)
            )
        )


@pytest.fixture
def cashier(station):
    return login(station, "maria")


@pytest.fixture
def supervisor(station):
    return login(station, "sofia")


@pytest.fixture
def approval(station):
    """Grants one supervisor override: `approval(actor, "void")` is Sofia's approval of one
    void by `actor`; `who=` names another approver."""

    def grant(actor, permission: str, who: str = "sofia"):
        return overrides.approve(station, actor, who, PINS[who], permission)

    return grant


@pytest.fixture
def drawer(station, cashier):
    """The cashier's open drawer session with a $100.00 float."""
    return sessions.open_session(
        station, cashier, {"bill_20": 4, "bill_10": 1, "bill_1": 5, "coin_25": 20}
    )


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def card_simulator():
    """The training card terminal (hardware/card_simulator.py), listening on a free loopback
    port; it approves every sale unless a test pushes other outcomes."""
    sim = CardSimulator().start()
    yield sim
    sim.stop()


@pytest.fixture
def loopback_printer(station):
    """A network printer on 127.0.0.1 (printing_support.LoopbackPrinter), set as the station's
    printer; it keeps every job it receives."""
    from tests.printing_support import LoopbackPrinter, set_setting

    printer = LoopbackPrinter()
    set_setting(station, "printer.url", printer.url)
    yield printer
    printer.close()


@pytest.fixture
def drawer_pty(station):
    """A pseudo-terminal as the station's cash drawer port (9600 baud); the test reads the
    bytes the drawer would get from its other end."""
    from tests.printing_support import PtyPort, set_setting

    port = PtyPort()
    set_setting(station, "drawer.port", port.path)
    set_setting(station, "drawer.baud", "9600")
    yield port
    port.close()


# A real PostgreSQL for the tests marked pg: $COUNTERPOS_TEST_PG_URL, else one started by
# pgserver. Each test gets its own fresh central database (its station roles dropped after).


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
