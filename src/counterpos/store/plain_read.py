"""Plain reads on a sale's hot path: a Core SELECT compiled once, run on the driver's cursor.

A sale makes some twenty small reads (the drawer, the owner, the tags, the permits, the index
row ...), and SQLAlchemy's per-statement machinery (execution context, events, parameter and
result objects) costs ten times what SQLite spends on each. These run the statement SQLAlchemy
compiled, in the caller's transaction, with every parameter and every result value through its
column type's own conversion, as `Connection.execute` would give them.

SELECTs, and two writes whose values the card-number guard (which watches what SQLAlchemy
sends in INSERT and UPDATE) has nothing to look at: the one counter a sale moves (the receipt
number's UPDATE ... RETURNING: the station's code and an integer) and a new license's lookup
document (its number and tag, from the license row the guard checked as it was written). Only
SQLite's driver; a statement with an expanding parameter (`IN` of a list) or a dialect not
SQLite's goes through SQLAlchemy as usual.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Select, TextClause
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

_Plan = tuple[str, tuple[tuple[str, Any, Any], ...], tuple, Any]
# By the statement's identity: each entry holds its statement, so no other takes its id.
_PLANS: dict[tuple[int, str], tuple[Any, _Plan | None]] = {}


def _plan(statement: Select | TextClause | TextualSelect, conn: Connection) -> _Plan | None:
    dialect = conn.dialect
    key = (id(statement), dialect.name)
    known = _PLANS.get(key)
    if known is not None:
        return known[1]
    plan: _Plan | None = None
    compiled = statement.compile(dialect=dialect)
    if dialect.name == "sqlite" and compiled.positional and "POSTCOMPILE" not in compiled.string:
        processors = compiled._bind_processors
        binds = tuple(
            (
                name,
                None if compiled.binds[name].required else compiled.binds[name].effective_value,
                processors.get(name),
            )
            for name in compiled.positiontup or ()
        )
        columns = compiled._result_columns
        results = tuple(
            (at, proc)
            for at, col in enumerate(columns)
            if (proc := col.type._cached_result_processor(dialect, None)) is not None
        )
        # A text() statement names its columns only when it runs (`_text_row`).
        row = _named([col.keyname for col in columns]) if columns else None
        plan = (compiled.string, binds, results, row)
    _PLANS[key] = (statement, plan)  # the callers' statements are module constants
    return plan


def _named(keys: list[str]) -> Any:
    return namedtuple("row", keys, rename=True)


_TEXT_ROWS: dict[str, Any] = {}


def _text_row(sql: str, description: Any) -> Any:
    row = _TEXT_ROWS.get(sql)
    if row is None:
        row = _TEXT_ROWS[sql] = _named([d[0] for d in description])
    return row


_CONNECTION = "plain_read.connection"  # session.info: (its transaction, its connection)


def connection_of(where: Session | Connection) -> Connection:
    """The connection of `where`'s transaction: `Session.connection()`, remembered for the
    transaction (a sale makes some twenty reads, and each `Session.connection()` costs more
    than the read). A new transaction, or a closed connection, asks the session again."""
    if not isinstance(where, Session):
        return where
    transaction = where.get_transaction()
    known = where.info.get(_CONNECTION)
    if known is not None and known[0] is transaction and not known[1].closed:
        return known[1]
    conn = where.connection()
    where.info[_CONNECTION] = (where.get_transaction(), conn)
    return conn


def rows(
    where: Session | Connection,
    statement: Select | TextClause | TextualSelect,
    params: Mapping[str, Any],
) -> list[Any]:
    """Every row of `statement` (named tuples: by position or by column key)."""
    conn = connection_of(where)
    plan = _plan(statement, conn)
    if plan is None:
        return list(conn.execute(statement, dict(params)).all())
    sql, binds, results, row = plan
    values = []
    for name, default, convert in binds:
        value = params.get(name, default)
        values.append(value if convert is None else convert(value))
    driver = conn.connection.driver_connection
    assert driver is not None  # a live connection inside the caller's transaction
    try:
        cursor = driver.execute(sql, values)
        fetched = cursor.fetchall()
    except conn.dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would raise it
        raise DBAPIError.instance(sql, values, exc, conn.dialect.loaded_dbapi.Error) from exc
    if cursor.description is None:  # a write that returns nothing
        return []
    if row is None:
        row = _text_row(sql, cursor.description)
    if results:
        out = []
        for raw in fetched:
            cells = list(raw)
            for at, convert in results:
                cells[at] = convert(cells[at])
            out.append(row._make(cells))
        return out
    return [row._make(raw) for raw in fetched]


def first(
    where: Session | Connection,
    statement: Select | TextClause | TextualSelect,
    params: Mapping[str, Any],
) -> Any:
    """The first row, or None."""
    found = rows(where, statement, params)
    return found[0] if found else None


def scalar(
    where: Session | Connection,
    statement: Select | TextClause | TextualSelect,
    params: Mapping[str, Any],
) -> Any:
    """The first column of the first row, or None."""
    found = rows(where, statement, params)
    return found[0][0] if found else None
