"""Starts the till: the login window first, the store opened behind it, demo data if asked."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from counterpos.ui.gui_thread_gc import GuiThreadGarbageCollector
from counterpos.ui.login_window import LoginWindow
from counterpos.ui.startup import StoreOpener

if TYPE_CHECKING:
    from counterpos.services.backups import BackupScheduler
    from counterpos.ui.warmup import WarmUp

# Set by bench/startup.py: "shown" prints a timestamp and exits once the login window has
# painted; "ready" waits until the store is open and sign-in is possible (and the window
# painted); "signed-in:MS" then, MS milliseconds later (a cashier typing), signs in as
# COUNTERPOS_BENCH_SIGN_IN ("user:pin") and prints how long the next screen took to paint.
BENCH_ENV = "COUNTERPOS_BENCH_EXIT_ON_SHOWN"


def load_style(app: QApplication, theme: str = "", font_scale: str = "") -> None:
    """The one palette, type scale and style sheet (ui/theme.py); `theme` "high_contrast"
    (or the environment's COUNTERPOS_THEME, else the station's ui.theme once it is open)."""
    from counterpos.resources_path import data_path
    from counterpos.ui import theme as themes

    icon = data_path("resources") / "icons" / "counterpos.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    try:
        qss = (data_path("resources") / "styles" / "till.qss").read_text(encoding="utf-8")
    except OSError:
        qss = ""  # the palette and fonts still apply; nothing a cashier needs is lost
    scale = themes.scale_of(font_scale or os.environ.get("COUNTERPOS_FONT_SCALE", "") or 100)
    themes.apply(app, qss, theme or os.environ.get("COUNTERPOS_THEME", "") or "calm", scale)


class _FirstPaint(QObject):
    """Calls back once, after the watched window's first paint."""

    def __init__(self, window, callback) -> None:
        super().__init__(window)
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            QTimer.singleShot(0, callback)
        return False


class TillApp(QObject):
    """Owns the login window, the store opener and, once open, the station and screen flow."""

    USERS_WATCH_MS = 3000  # how often a new station looks whether its users have arrived

    def __init__(self, app: QApplication, home: Path, demo: bool) -> None:
        super().__init__()
        self.app = app
        self.home = Path(home)
        self.demo = demo
        self.station = None
        self.flow = None
        self.progress = None
        self.sync_worker = None  # started once the store is open, if central.url is set
        self.backups: BackupScheduler | None = None  # started once the store is open
        self.update_notice = ""  # set when the centre approved a newer version
        # Loads the screens after sign-in once the store is open; stopped when a sign-in starts.
        self.warmup: WarmUp | None = None
        self.bench = os.environ.get(BENCH_ENV, "")
        self.bench_steps: set[str] = set()
        self._store_opening = False  # started once, after the login window's first paint
        self.login = LoginWindow()
        self.opener = StoreOpener()
        self.opener.opened.connect(self._opened)
        self.opener.demo_loaded.connect(self._ready)
        self.opener.failed.connect(self._failed)
        self.login.signing_in.connect(self._stop_warmup)

    # Opens the store anyway if the window has not painted by then (hidden, minimised).
    OPEN_WITHOUT_PAINT_MS = 1000

    def start(self) -> None:
        """Show the login window; the store starts opening once it has painted.

        Only SQLite's page check of the store starts before (in a thread; SQLite runs it
        outside the interpreter's lock, so it takes the other CPU, not the paint's time).
        Nothing else heavy runs before the first paint: the store opener's thread imports SQLAlchemy
        and the models and would share the interpreter with the window's paint, and the version
        label reads package metadata (importlib.metadata and the email parser, ~50 ms); a queued
        call (QTimer.singleShot(0)) runs before the paint, not after it.
        """
        self.opener.begin(self.home)  # SQLite's page check only: it leaves the paint alone
        self.login.show()
        self.login.username.setFocus()
        _FirstPaint(self.login, self._painted)
        QTimer.singleShot(self.OPEN_WITHOUT_PAINT_MS, self._open_store)

    def _painted(self) -> None:
        if self.bench == "1" or self.bench == "shown":
            self._bench_exit("shown")
        elif self.bench == "ready" or self.bench.startswith("signed-in"):
            self._bench_step("painted")  # the figure needs both: the window painted, the store open
        self._open_store()

    def _open_store(self) -> None:
        if not self._store_opening:
            self._store_opening = True
            self.opener.open(self.home)

    def _show_version(self) -> None:
        from counterpos.version import version

        self.login.show_version(version())
        self.version_label = self.login.version_label

    def _bench_step(self, step: str) -> None:
        self.bench_steps.add(step)
        if self.bench_steps >= {"painted", "store open"}:
            if self.bench == "ready":
                self._bench_exit("ready")
            after = int(self.bench.partition(":")[2] or 0)
            QTimer.singleShot(after, self._bench_sign_in)

    def _bench_sign_in(self) -> None:
        user, _, pin = os.environ.get("COUNTERPOS_BENCH_SIGN_IN", "maria:1111").partition(":")
        self.login.username.setText(user)
        self.login.pin.setText(pin)
        pressed = time.time()
        self.login.submit()
        flow = self.flow
        shown = flow and (flow.till or flow.drawer_dialog or flow.office)
        if shown is None:
            print(f"COUNTERPOS_FAILED {self.login.error.text()}", file=sys.stderr, flush=True)
            os._exit(1)

        def painted() -> None:
            print(f"COUNTERPOS_SIGNED_IN {time.time() - pressed:.6f}", flush=True)
            os._exit(0)

        _FirstPaint(shown, painted)

    def _bench_exit(self, what: str) -> None:
        print(f"COUNTERPOS_{what.upper()} {time.time():.6f}", flush=True)
        # The store may still be opening in its worker thread; end without waiting for it.
        os._exit(0)

    def _opened(self, station, has_users: bool) -> None:
        self.station = station
        if getattr(self, "version_label", None) is None:
            # after what makes sign-in possible, which this handler does first
            QTimer.singleShot(0, self._show_version)
        if has_users:
            self._ready(station)
        elif self.demo:
            self._load_demo()
        else:
            from counterpos.ui.demo_offer_dialog import DemoOfferDialog

            offer = DemoOfferDialog(str(self.home), self.login)
            offer.accepted.connect(self._load_demo)
            offer.rejected.connect(self.app.quit)
            self.offer = offer
            offer.open()

    def _load_demo(self) -> None:
        self.progress = QProgressDialog(
            self.tr("Preparing the demo city… this takes a few seconds."), "", 0, 0, self.login
        )
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(self.tr("CounterPOS"))
        self.progress.setMinimumDuration(0)
        self.progress.setModal(True)
        self.progress.show()
        self.login.set_notice(self.tr("Preparing the demo city…"))
        self.opener.load_demo(self.station)

    def _ready(self, station) -> None:
        from counterpos.ui.flow import CounterFlow

        flow = CounterFlow(station, self.login)
        flow.store_switched.connect(self._reopen)
        self.flow = flow
        from counterpos.services.central import attachment

        if attachment.central_url(station):
            from counterpos.services.central import sync

            self.sync_worker = sync.start_worker(station)
            self.flow.sync_worker = self.sync_worker
        wanted = station.setting("ui.theme")
        scale = station.setting("ui.font_scale")
        if (wanted and not os.environ.get("COUNTERPOS_THEME") and wanted != "calm") or (
            scale not in ("", "100") and not os.environ.get("COUNTERPOS_FONT_SCALE")
        ):
            load_style(self.app, wanted, scale)
        from counterpos.services.backups import BackupScheduler

        self.backups = BackupScheduler(station).start()
        self.login.set_station(station)
        from counterpos.services.central import station_report

        if getattr(station, "config_problem", ""):  # counterpos.toml refused; nothing applied
            self.login.set_notice(
                self.tr("The station's configuration file was not applied: {why}").format(
                    why=station.config_problem
                )
            )
        if self.opener.first_sync_problem:  # a new station whose users are not here yet
            self.login.set_notice(self.opener.first_sync_problem)
            # The sync worker keeps trying; say so when someone may sign in after all.
            self.users_watch = QTimer(self)
            self.users_watch.setInterval(self.USERS_WATCH_MS)
            self.users_watch.timeout.connect(self._users_arrived)
            self.users_watch.start()
        versions = station_report.behind(station)  # an older version than the city approved
        if versions is not None:
            self.update_notice = self.tr(
                "This station runs CounterPOS {running}; the city has approved {approved}. "
                "Sales work as usual; ask IT to install the new version."
            ).format(running=versions[0], approved=versions[1])
            self.login.set_notice(self.update_notice)
        if self.progress is not None:
            self.progress.close()
            self.progress = None
            self.login.set_notice(self.tr("Demo city ready: sign in as maria, PIN 1111."))
        if self.bench == "ready" or self.bench.startswith("signed-in"):
            self._bench_step("store open")
        from counterpos.ui import warmup

        self.warmup = warmup.start()  # the till and the rest load while the cashier types

    def _stop_warmup(self) -> None:
        """Before the sign-in imports anything: one thread imports at a time (ui/warmup.py)."""
        if self.warmup is not None:
            self.warmup.stop()

    def _reopen(self) -> None:
        """Training was switched on or off: open the store the station now names."""
        if self.sync_worker is not None:
            self.sync_worker.stop()
            self.sync_worker = None
        if self.flow is not None:
            self.login.logged_in.disconnect(self.flow.logged_in)
            self.flow.deleteLater()
            self.flow = None
        if self.station is not None:
            self.station.close()
            self.station = None
        self.login.place.setText(self.tr("Opening the store…"))
        self.opener.open(self.home)

    def _users_arrived(self) -> None:
        if self.station is None or not self._anyone_may_sign_in(self.station):
            return
        self.users_watch.stop()
        self.login.set_notice(
            self.tr("This station's users have arrived from the central database: sign in.")
        )

    @staticmethod
    def _anyone_may_sign_in(station) -> bool:
        from counterpos.services.central import attachment

        return attachment.anyone_may_sign_in(station)

    def _failed(self, message: str) -> None:
        if self.progress is not None:
            self.progress.close()
        if self.bench:  # no one is there to close a dialog: say it and stop
            print(f"COUNTERPOS_FAILED {message}", file=sys.stderr, flush=True)
            self.app.exit(1)
            return
        QMessageBox.critical(
            self.login,
            self.tr("CounterPOS cannot start"),
            self.tr("The store in {home} could not be opened:\n\n{message}").format(
                home=self.home, message=message
            ),
        )
        self.app.exit(1)


def run(home: Path, demo: bool) -> int:
    """Run the till on the station in `home` until the window is closed; return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("CounterPOS")
    from counterpos import faults
    from counterpos.ui.fault_dialog import FaultReporter, install_qt_message_handler

    install_qt_message_handler()
    reporter = FaultReporter(Path(home) / "logs" / "counterpos.log", app)
    faults.install(Path(home) / "logs", on_error=reporter.report)  # logged, then the dialog
    load_style(app)
    collector = GuiThreadGarbageCollector(app)  # never in a printing or card worker thread
    till = TillApp(app, home, demo)
    till.start()
    code = app.exec()
    if till.sync_worker is not None:
        till.sync_worker.stop()
    if till.backups is not None:
        till.backups.stop()
    if till.station is not None:
        till.station.close()
    collector.timer.stop()
    return code
