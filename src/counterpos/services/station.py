"""The station: its data folder, its store, and the set-up every start needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from counterpos.domain.receipt_number import ReceiptNumberError, check_station_code
from counterpos.services import settings
from counterpos.services.errors import InputError, StateError
from counterpos.services.home import HomeNotWritable, prepare
from counterpos.services.seed import seed_catalog
from counterpos.store.models import ReceiptSequence, User
from counterpos.store.models import Station as StationRow
from counterpos.store.unit_of_work import Store

DB_FILE = "counterpos.sqlite"


class Station:
    """An opened station store. Every service function takes one of these first."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        try:
            prepare(self.home)  # made if missing; a folder we may not write is a plain message
        except HomeNotWritable as exc:
            raise StateError(str(exc)) from exc
        self.store = Store(self.home / DB_FILE)
        self._code: str | None = None
        # Why counterpos.toml was not applied at this start ("" when it was, or there is none).
        self.config_problem = ""
        self.config_applied: list = []  # what it changed at this start (station_config.Change)

    @classmethod
    def open(cls, home: Path) -> Station:
        """Open (creating if needed) and migrate the store, and seed the catalog once."""
        station = cls(home)
        station.store.migrate()
        with station.store.write() as s:
            seed_catalog(s)
        from counterpos.services.station_config import apply_at_start

        station.config_problem = apply_at_start(station)  # counterpos.toml, if there is one
        return station

    @property
    def code(self) -> str:
        if self._code is None:
            with self.store.read() as s:
                self._code = settings.get(s, "station.code")
        return self._code

    def setting(self, key: str) -> str:
        with self.store.read() as s:
            return settings.get(s, key)

    def is_initialised(self) -> bool:
        with self.store.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))

    def set_code(self, code: str, name: str | None = None) -> str:
        """Name this station. Refused once it has issued a receipt under another code."""
        try:
            code = check_station_code(code)
        except ReceiptNumberError as exc:
            raise InputError(str(exc), field="station") from exc
        with self.store.write() as s:
            current = settings.get(s, "station.code")
            seq = s.get(ReceiptSequence, current)
            if seq is not None and seq.last_value > 0 and current != code:
                raise InputError(
                    f"This station has issued receipts as {current}; its code cannot change."
                )
            settings.put(s, "station.code", code)
            if name:
                settings.put(s, "station.name", name)
            if s.scalar(select(StationRow).where(StationRow.code == code)) is None:
                s.add(StationRow(code=code, name=name or settings.get(s, "station.name")))
            if s.get(ReceiptSequence, code) is None:
                s.add(ReceiptSequence(station_code=code, last_value=0))
        self._code = code
        return code

    def close(self) -> None:
        self.store.close()
