"""Opens the station's store (and loads the demo city) off the GUI thread, reporting back by signal."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal


class StoreOpener(QObject):
    """Runs `Station.open(home)` (and `load_demo` when asked) in a plain worker thread; a
    station switched into training opens its training store instead.

    The login window is on screen while this runs; the heavy imports (SQLAlchemy, Alembic)
    and the migration check happen here instead of before the first paint.
    """

    opened = Signal(object, bool)  # station, has users
    demo_loaded = Signal(object)  # station
    failed = Signal(str)

    # Why a new station attached to a centre has no users after its first sync ("" if it has).
    first_sync_problem = ""

    # The page check started by `begin` (services/opening.Begun), taken by the next `open`.
    begun = None

    def begin(self, home: Path) -> None:
        """Start SQLite's page check of the store now, before the window paints: it runs
        outside the interpreter's lock, on the other CPU; `open` imports the rest later."""
        try:
            from counterpos.services.opening import Begun

            self.begun = Begun(home)
        except OSError:
            self.begun = None  # `open` looks again and says what is wrong

    def open(self, home: Path) -> None:
        begun, self.begun = self.begun, None
        threading.Thread(
            target=self._open, args=(home, begun), name="store-open", daemon=True
        ).start()

    def load_demo(self, station) -> None:
        threading.Thread(
            target=self._load_demo, args=(station,), name="demo-load", daemon=True
        ).start()

    def _open(self, home: Path, begun=None) -> None:
        try:
            from counterpos.services.opening import open_station

            station = open_station(home, begun)  # its page check runs beside the imports
            from counterpos.services.central import attachment

            if attachment.needs_users_from_centre(station):
                # Attached to a centre (counterpos.toml): its users come from there, not a demo.
                from counterpos.services.central import sync

                self.first_sync_problem = sync.take_users(station)
                self.opened.emit(station, True)
                return

            from counterpos.services.training import mode

            if mode.is_switched_on(station):  # a supervisor switched it into training
                from counterpos.demo.city import load_demo

                live, station = station, mode.open_training(station, seed=load_demo)
                live.close()
            self.opened.emit(station, station.is_initialised())
        except Exception as exc:  # shown to the person starting the till, not swallowed
            self.failed.emit(self.plain(exc))

    @staticmethod
    def plain(exc: Exception) -> str:
        """What the start-up dialog says: a service's own message (a damaged store names its
        newest backup and how to restore it), never raw exception text."""
        from counterpos.services.errors import CounterError

        if isinstance(exc, CounterError):
            return str(exc)
        logging.getLogger(__name__).error("the store could not be opened", exc_info=exc)
        return QCoreApplication.translate(
            "StoreOpener",
            "An unexpected error stopped the start ({kind}); the log file in the data folder "
            "has the details. `counterpos doctor` checks the store.",
        ).format(kind=type(exc).__name__)

    def _load_demo(self, station) -> None:
        try:
            from counterpos.demo.city import load_demo

            load_demo(station)
            self.demo_loaded.emit(station)
        except Exception as exc:
            self.failed.emit(self.plain(exc))
