"""Opening the station's store at the till's start, with SQLite's page check running beside
the loading of the store's own libraries.

`Station.open` checks the file (header, size), runs SQLite's quick_check over every page and
only then trusts the store. On a store of a few months the quick_check takes a few tenths of
a second of SQLite's own work, and importing SQLAlchemy and the models about as long of
Python's; SQLite lets go of the interpreter while it checks, so here the check starts first,
in a thread of its own, and `Station.open` waits for its answer before anything is read or
written. Nothing is skipped: a damaged store is refused exactly as before.

Stdlib and store/file_check only at import: this runs while the login window is painted.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from counterpos.services.home import DB_FILE
from counterpos.store import file_check

if TYPE_CHECKING:
    from counterpos.services.station import Station


class PageCheck:
    """SQLite's quick_check of one file, run in its own thread; `problems()` waits for it."""

    def __init__(self, db_path: Path) -> None:
        self._problems: list[str] = []
        self._thread = threading.Thread(
            target=self._run, args=(db_path,), name="store-page-check", daemon=True
        )
        self._thread.start()

    def _run(self, db_path: Path) -> None:
        self._problems = file_check.run_check(db_path, full=False, limit=5)

    def problems(self) -> list[str]:
        self._thread.join()
        return self._problems


class Begun:
    """What is looked at before SQLite opens anything, and the page check started: the first
    half of `open_station`, which the till starts before its login window paints (SQLite's
    check runs outside the interpreter's lock, so it does not slow the paint)."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        db = self.home / DB_FILE
        # Looked at before SQLite opens anything (opening a WAL store makes the file).
        self.wal_was_there = file_check.sidecars(db)[0].exists()
        self.pages: PageCheck | None = None
        if db.exists() and file_check.inspect_file(db) is None:
            self.pages = PageCheck(db)  # a file refused by its header is refused by Station.open


def open_station(home: Path, begun: Begun | None = None) -> Station:
    """`Station.open(home)`, its quick_check overlapping the import of the store's libraries;
    `begun` (for the same home) is a check started earlier, else one starts now."""
    home = Path(home)
    if begun is None or begun.home != home:
        begun = Begun(home)
    from counterpos.services.station import Station

    return Station.open(home, wal_was_there=begun.wal_was_there, page_check=begun.pages)
