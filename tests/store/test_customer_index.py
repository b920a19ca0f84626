"""The customer lookup index: a row put again unchanged is not rewritten; a changed one is."""

from __future__ import annotations

from sqlalchemy import text

from counterpos.store import customer_index


def _row(customer_id: str, last: str, phone: str = "") -> customer_index.IndexRow:
    return customer_index.make_row(
        customer_id, f"C-{customer_id}", "Ana", last, "", phone, "1 Main St", ["100200"], [], []
    )


def _changes(conn) -> int:
    return conn.connection.dbapi_connection.total_changes


def _found(conn, word: str) -> list[str]:
    return list(
        conn.execute(
            text(
                "SELECT k.customer_id FROM customer_search_last s JOIN customer_search_key k "
                "ON k.search_rowid = s.rowid WHERE customer_search_last MATCH :w"
            ),
            {"w": word},
        ).scalars()
    )


def test_an_unchanged_row_is_left_as_it_is(station):
    with station.store.write() as s:
        conn = s.connection()
        first = customer_index.put(conn, _row("x1", "Quintanilla"))
        before = _changes(conn)
        again = customer_index.put(conn, _row("x1", "Quintanilla"))
        assert again == first
        assert _changes(conn) == before  # nothing deleted, nothing inserted


def test_a_changed_row_is_rewritten_and_found_by_its_new_values(station):
    with station.store.write() as s:
        conn = s.connection()
        customer_index.put(conn, _row("x2", "Quintanilla"))
        before = _changes(conn)
        customer_index.put(conn, _row("x2", "Zamorano", phone="555-0100"))
        assert _changes(conn) > before
        assert _found(conn, "zamorano") == ["x2"]
        assert _found(conn, "quintanilla") == []
