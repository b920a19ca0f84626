"""Gap-free numbers the office hands out (journals, deposits, its receipts), inside a transaction."""

from __future__ import annotations

from sqlalchemy import Connection, text


def next_number(conn: Connection, name: str) -> int:
    """The next number of the series `name`; the row lock keeps concurrent takers in line, and
    a rolled-back transaction gives its number back."""
    conn.execute(
        text("INSERT INTO office_counter (name) VALUES (:n) ON CONFLICT (name) DO NOTHING"),
        {"n": name},
    )
    return conn.execute(
        text(
            "UPDATE office_counter SET last_value = last_value + 1 WHERE name = :n "
            "RETURNING last_value"
        ),
        {"n": name},
    ).scalar_one()
