"""The store: read sessions and write transactions (BEGIN IMMEDIATE) on the station's file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

import counterpos.store.outbox  # noqa: F401  (registers the outbox flush hook)
from counterpos.store import pan_boundary
from counterpos.store.database import make_engine, write_engine
from counterpos.store.migrate import migrate


class Store:
    """One SQLite file. `write()` is one transaction: all of it commits, or none of it."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(db_path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(self.path)
        pan_boundary.install(self.engine)  # no card number reaches the file (domain/pan_guard.py)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(write_engine(self.engine), expire_on_commit=False)

    @property
    def writer_sessions(self) -> sessionmaker:
        """The factory of `write()` sessions (store/high_water.py listens on its commits)."""
        return self._writer

    def migrate(self) -> bool:
        return migrate(self.engine, self.path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
