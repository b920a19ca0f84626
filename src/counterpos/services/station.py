"""The station: its data folder, its store, and the set-up every start needs."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.receipt_number import ReceiptNumberError, check_station_code
from counterpos.services import settings, store_health
from counterpos.services.errors import InputError, StateError
from counterpos.services.home import HomeNotWritable, prepare
from counterpos.services.seed import seed_catalog
from counterpos.store.high_water import MarkKeeper
from counterpos.store.models import ReceiptSequence, User
from counterpos.store.models import Station as StationRow
from counterpos.store.unit_of_work import Store

if TYPE_CHECKING:
    from counterpos.services.opening import PageCheck

DB_FILE = store_health.DB_FILE


class Station:
    """An opened station store. Every service function takes one of these first."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        try:
            prepare(self.home)  # made if missing; a folder we may not write is a plain message
        except HomeNotWritable as exc:
            raise StateError(exc) from exc
        self.store = Store(self.home / DB_FILE)
        self._code: str | None = None
        self.keeper: MarkKeeper | None = None
        # Why counterpos.toml was not applied at this start ("" when it was, or there is none).
        self.config_problem = ""
        self.config_applied: list = []  # what it changed at this start (station_config.Change)

    @classmethod
    def open(
        cls,
        home: Path,
        *,
        check: bool = True,
        check_mark: bool = True,
        wal_was_there: bool | None = None,
        page_check: PageCheck | None = None,
    ) -> Station:
        """Open (creating if needed) and migrate the store, and seed the catalog once.

        Before anything is trusted: the file is looked at (an empty, foreign or cut-short file,
        or a missing one where a station was, is refused: store_health.StoreDamaged names the
        newest backup), SQLite's quick_check runs, and the store's sequences are compared with
        the station's high-water mark (StoreBehind when it lost committed work). `check` False
        skips all of it (restoring, repairing); `check_mark` False only the refusal of a store
        behind its mark (the mark then keeps the higher figures). `wal_was_there` and
        `page_check`: the WAL looked at and the quick_check started before this was called
        (services/opening.py, the till's start); the check's answer is awaited here.
        """
        home = Path(home)
        if wal_was_there is None:
            wal_was_there = store_health.wal_present(home)
        if check:
            store_health.check_file(home)
        station = cls(home)
        try:
            if check:
                store_health.check_pages(
                    home, page_check.problems() if page_check is not None else None
                )
            station.store.migrate()
            with station.store.write() as s:
                seed_catalog(s)
            start = store_health.check_mark(
                station, refuse=check and check_mark, wal_was_there=wal_was_there
            )
        except store_health.StoreDamaged:
            station.close()
            raise
        except store_health.DATABASE_ERRORS as exc:
            station.close()
            raise store_health.damaged(home, str(getattr(exc, "orig", None) or exc)) from exc
        except BaseException:
            station.close()
            raise
        station.keeper = store_health.keep_mark(station, start)
        from counterpos.services.station_config import apply_at_start

        station.config_problem = apply_at_start(station)  # counterpos.toml, if there is one
        return station

    @property
    def code(self) -> str:
        if self._code is None:
            with self.store.read() as s:
                self._code = settings.get(s, "station.code")
        return self._code

    def forget_code(self) -> None:
        self._code = None

    def setting(self, key: str) -> str:
        with self.store.read() as s:
            return settings.get(s, key)

    def is_initialised(self) -> bool:
        with self.store.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))

    def set_code(self, code: str, name: str | None = None) -> str:
        """Name this station. Refused once it has issued a receipt under another code."""
        with self.store.write() as s:
            code = self.set_code_in(s, code, name)
        self._code = code
        return code

    def set_code_in(self, s: Session, code: str, name: str | None = None) -> str:
        """`set_code` inside the caller's write transaction."""
        try:
            code = check_station_code(code)
        except ReceiptNumberError as exc:
            raise InputError(exc, field="station") from exc
        current = settings.get(s, "station.code")
        seq = s.get(ReceiptSequence, current)
        if seq is not None and seq.last_value > 0 and current != code:
            raise InputError(
                "This station has issued receipts as {current}; its code cannot change.",
                current=current,
            )
        settings.put(s, "station.code", code)
        if name:
            settings.put(s, "station.name", name)
        if s.scalar(select(StationRow).where(StationRow.code == code)) is None:
            s.add(StationRow(code=code, name=name or settings.get(s, "station.name")))
        if s.get(ReceiptSequence, code) is None:
            s.add(ReceiptSequence(station_code=code, last_value=0))
        return code

    def close(self) -> None:
        if self.keeper is not None:
            self.keeper.stop()
            # A commit another process left pending (it crashed) is settled here.
            with contextlib.suppress(*store_health.DATABASE_ERRORS):
                self.keeper.settle(*store_health.store_counters(self))
            self.keeper = None
        self.store.close()
