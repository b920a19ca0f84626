"""Starting the till: the login window first, the store opened behind it, the demo city on request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.ui.app import TillApp

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def start(qtbot, styled, tmp_path):
    apps = []

    def make(home, demo: bool) -> TillApp:
        app = TillApp(styled, home, demo)
        qtbot.addWidget(app.login)
        app.start()
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.station is not None:
            app.station.close()


@pytest.mark.demo_city
def test_with_demo_an_empty_store_gets_the_demo_city_while_a_wait_message_shows(
    qtbot, start, tmp_path
):
    app = start(tmp_path / "new", demo=True)
    assert app.login.isVisible()
    qtbot.waitUntil(lambda: app.progress is not None, timeout=15000)
    assert "Preparing the demo city" in app.progress.labelText()
    qtbot.waitUntil(lambda: app.flow is not None, timeout=60000)
    assert app.progress is None
    assert "maria, PIN 1111" in app.login.notice.text()
    assert "City of Mission Vista" in app.login.place.text()
    assert app.station.is_initialised()


@pytest.mark.demo_city
def test_without_demo_an_empty_store_offers_the_demo_and_explains_init(qtbot, start, tmp_path):
    app = start(tmp_path / "new", demo=False)
    qtbot.waitUntil(lambda: getattr(app, "offer", None) is not None, timeout=15000)
    assert app.offer.isVisible()
    texts = " ".join(label.text() for label in app.offer.findChildren(type(app.login.place)))
    assert "counterpos --home" in texts and "init" in texts
    app.offer.accept()
    qtbot.waitUntil(lambda: app.flow is not None, timeout=60000)
    assert app.station.is_initialised()


def test_a_set_up_store_goes_straight_to_sign_in(qtbot, start, home):
    app = start(home, demo=False)
    qtbot.waitUntil(lambda: app.flow is not None, timeout=15000)
    assert getattr(app, "offer", None) is None and app.progress is None
    assert "station T1" in app.login.place.text()


def test_the_start_path_paints_before_loading_the_database_layers(tmp_path):
    """Importing what runs before the first paint must not pull in SQLAlchemy or Alembic."""
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    probe = (
        "import sys; from counterpos.cli import _gui_only; from counterpos.ui import app; "
        "assert _gui_only(['--home', 'x', '--demo']).demo; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'counterpos.services.station') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# The real start (ui/app.run) on a real store, stopped at the login window's first paint, where
# bench/startup.py's "login window shown" figure is taken.
PAINT_PROBE = """
import json, os, sys, threading
from pathlib import Path
os.environ["COUNTERPOS_BENCH_EXIT_ON_SHOWN"] = "shown"
from counterpos.ui import app
def stop(self, what):
    loaded = [m for m in ("sqlalchemy", "importlib.metadata", "counterpos.services.station")
              if m in sys.modules]
    threads = sorted(t.name for t in threading.enumerate() if t.name == "store-open")
    print(json.dumps({"what": what, "loaded": loaded, "threads": threads,
                      "opening": getattr(self, "_store_opening", None)}))
    sys.stdout.flush()
    os._exit(0)
app.TillApp._bench_exit = stop
app.run(Path(sys.argv[1]), demo=False)
"""


def test_the_login_window_paints_before_the_store_opens_or_the_version_is_read(home):
    """Before the first paint nothing heavy runs beside it: no store-opening thread importing
    SQLAlchemy, no package metadata read for the version label (it was a queued call, which
    runs before the paint, and made the window 2.4x the bare one); both start after it. Only
    SQLite's page check may have started: it runs outside the interpreter's lock."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", PAINT_PROBE, str(home)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"what": "shown", "loaded": [], "threads": [], "opening": False}


def test_the_store_opens_once_after_the_first_paint(qtbot, start, home):
    app = start(home, demo=False)
    assert not app._store_opening  # shown, not yet painted: nothing started
    qtbot.waitUntil(lambda: app.flow is not None, timeout=15000)
    assert app._store_opening
    app._open_store()  # the fallback timer firing after the paint opens nothing twice
    qtbot.wait(50)
    assert app.station is app.flow.station


LATER_SCREENS = (
    "reportlab",
    "escpos",
    "serial",
    "psycopg",
    "alembic",
    "counterpos.documents",
    "counterpos.hardware",
    "counterpos.sync.push",
    "counterpos.ui.till",
    "counterpos.ui.tender",
    "counterpos.ui.controls.drawer_open_dialog",
    "counterpos.ui.back_office",
    "counterpos.services.sale",
    "counterpos.services.utility",
    "counterpos.services.office",
    "counterpos.services.card",
    # the tables of sales, bills and accounts (store/models loads a model's module when named)
    "counterpos.store.models.sale",
    "counterpos.store.models.billing",
    "counterpos.store.models.meter",
    "counterpos.store.models.utility_account",
)

# The real start (ui/app.run) on a real store, stopped where bench/startup.py's "store open,
# sign-in possible" figure is taken; then a real PIN check through the access service.
START_PROBE = """
import json, os, sys
from pathlib import Path
os.environ["COUNTERPOS_BENCH_EXIT_ON_SHOWN"] = "ready"
from counterpos.ui import app, warmup
warmup.start = lambda: None  # what the start itself loads, not what it loads afterwards
later = json.loads(sys.argv[2])
def loaded():
    return sorted(m for m in sys.modules if any(m == x or m.startswith(x + ".") for x in later))
def stop(self, what):
    at_ready = loaded()
    from counterpos.services.access import auth
    actor = auth.login(self.station, "maria", "1111")
    print(json.dumps({"ready": at_ready, "signed_in": loaded(), "who": actor.username}))
    sys.stdout.flush()
    os._exit(0)
app.TillApp._bench_exit = stop
app.run(Path(sys.argv[1]), demo=False)
"""


def test_the_store_opens_and_a_pin_is_checked_without_loading_the_later_screens(home):
    """The sign-in path loads the store and the access service, nothing the till, the tender,
    the documents or the printer need: those load after the store is open (ui/warmup.py)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", START_PROBE, str(home), json.dumps(LATER_SCREENS)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["who"] == "maria"  # the store was open and the PIN really checked
    assert got["ready"] == [] and got["signed_in"] == []


def test_a_supervisor_switches_training_on_and_off_from_the_till(qtbot, start, home, drive):
    from counterpos.demo.city import load_demo
    from counterpos.services.station import Station
    from counterpos.services.training import mode
    from tests.ui.conftest import open_till

    live = Station.open(home)  # the training store prepared small (the till would seed it whole)
    mode.open_training(live, seed=lambda st: load_demo(st, customers=20, history_days=0)).close()
    live.close()
    app = start(home, demo=False)
    qtbot.waitUntil(lambda: app.flow is not None, timeout=15000)

    def switch(username: str, pin: str) -> None:
        till = open_till(qtbot, drive, (app.login, app.flow), "sofia", "333333")
        flow = app.flow
        till.training_action.trigger()
        dialog = till.dialog
        drive.type(dialog.username, username)
        drive.type(dialog.pin, pin)
        drive.type(dialog.note, "class")
        drive.press(dialog.note, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.flow is not None and app.flow is not flow, timeout=30000)

    switch("sofia", "333333")
    assert mode.is_training(app.station) and app.login.training.isVisible()
    switch("sofia", "333333")  # signed against the station's own store, not the class's
    assert not mode.is_training(app.station) and not app.login.training.isVisible()
    assert [e.action for e in events(app.station)] == ["training_on", "training_off"]


def events(station):
    from sqlalchemy import select

    from counterpos.store.models import AuditEvent

    with station.store.read() as s:
        return list(
            s.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.in_(("training_on", "training_off")))
                .order_by(AuditEvent.seq)
            )
        )


def test_the_login_window_shows_the_version_and_the_app_its_icon(qtbot, start, home):
    from counterpos.version import version

    app = start(home, demo=False)
    qtbot.waitUntil(lambda: getattr(app, "version_label", None) is not None, timeout=15000)
    assert app.version_label.text() == f"Version {version()}"
    qtbot.waitUntil(app.version_label.isVisible, timeout=5000)  # shown by a queued call
    assert not app.app.windowIcon().isNull()


def test_a_station_behind_the_approved_version_says_so_at_the_login_window(qtbot, start, home):
    from counterpos.services.central import station_report
    from counterpos.services.station import Station
    from counterpos.store.models import SyncStatus
    from counterpos.version import version

    station = Station(home)  # what the centre answered at the last sync
    with station.store.write() as s:
        s.add(SyncStatus(key=station_report.APPROVED, value="999.0"))
    station.close()
    app = start(home, demo=False)
    qtbot.waitUntil(lambda: app.flow is not None, timeout=15000)
    assert app.login.notice.text() == (
        f"This station runs CounterPOS {version()}; the city has approved 999.0. "
        "Sales work as usual; ask IT to install the new version."
    )


def test_a_station_on_the_approved_version_shows_no_notice(qtbot, start, home):
    app = start(home, demo=False)
    qtbot.waitUntil(lambda: app.flow is not None, timeout=15000)
    assert app.update_notice == "" and app.login.notice.text() == ""


def test_a_new_station_attached_to_a_centre_takes_no_demo_and_says_why_no_one_can_sign_in(
    qtbot, start, tmp_path
):
    """counterpos.toml names a central database that cannot be reached: no demo offer (the
    station's users come from the centre), a plain notice, and the sync worker keeps trying."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path / "ch5"
    home.mkdir()
    (home / "counterpos.toml").write_text(
        f'[station]\ncode = "CH5"\n[central]\n'
        f'url = "postgresql+psycopg://counterpos_station_ch5@127.0.0.1:{port}/counterpos"\n'
    )
    app = start(home, demo=False)
    qtbot.waitUntil(lambda: app.flow is not None, timeout=30000)
    assert getattr(app, "offer", None) is None and not app.station.is_initialised()
    notice = app.login.notice.text()
    assert "No one can sign in at station CH5 yet" in notice and "cannot be reached" in notice
    assert app.sync_worker is not None
    app.sync_worker.stop()
    # The users arrive later (here added directly, as the worker's pull would write them).
    from counterpos.services.access import users

    app.users_watch.setInterval(50)
    users.add_user(app.station, "bea", "Bea Boss", "supervisor", "654321")
    qtbot.waitUntil(lambda: "users have arrived" in app.login.notice.text(), timeout=5000)
    assert not app.users_watch.isActive()
