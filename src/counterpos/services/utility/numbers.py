"""Numbers of the utility desk's records: <station>-<letter><sequence>, unique across stations."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

WIDTH = {"B": 7, "N": 7, "W": 5, "R": 4, "A": 5, "C": 5}


def next_numbers(
    session: Session, column: InstrumentedAttribute, station_code: str, letter: str, count: int = 1
) -> list[str]:
    """`count` new numbers after this station's highest (inside the write transaction)."""
    prefix = f"{station_code}-{letter}"
    # A range over the unique index: LIKE would not use it.
    top = session.scalar(
        select(func.max(column)).where(column >= prefix, column < prefix + "\uffff")
    )
    start = int(top[len(prefix) :]) + 1 if top and top[len(prefix) :].isdigit() else 1
    width = WIDTH[letter]
    return [f"{prefix}{n:0{width}d}" for n in range(start, start + count)]


def next_number(
    session: Session, column: InstrumentedAttribute, station_code: str, letter: str
) -> str:
    return next_numbers(session, column, station_code, letter)[0]
