"""The customer lookup index: a row put again unchanged is not rewritten; a changed one is."""

from __future__ import annotations

from sqlalchemy import event, text

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


def _licensed(customer_id: str, last: str, licenses: list[str]) -> customer_index.IndexRow:
    return customer_index.make_row(
        customer_id, f"C-{customer_id}", "Ana", last, "", "", "1 Main St", [], [], licenses
    )


def _docs(conn) -> list[tuple[int, str]]:
    return [
        tuple(r)
        for r in conn.execute(
            text(f"SELECT rowid, licenses FROM {customer_index.LICENSE_TABLE} ORDER BY rowid")
        )
    ]


def _license_owners(conn, match: str) -> list[int]:
    return [
        customer_index.owner_of(r)
        for r in conn.execute(
            text(
                f"SELECT rowid FROM {customer_index.LICENSE_TABLE} "
                f"WHERE {customer_index.LICENSE_TABLE} MATCH :q ORDER BY rowid"
            ),
            {"q": match},
        ).scalars()
    ]


def test_a_new_license_adds_one_document_and_rewrites_nothing_else(empty_station):
    """A tag sold to a customer with many licenses writes one small document: neither the
    customer's row nor their other licenses' documents are deleted or rewritten."""
    station = empty_station
    licenses = [f"AN-2026-{n:05d} 2026-{n:05d}" for n in range(1, 41)]
    with station.store.write() as s:
        conn = s.connection()
        rowid = customer_index.put(conn, _licensed("d1", "Dogsworth", licenses))
        before = _docs(conn)
        assert len(before) == 40
        assert all(customer_index.owner_of(at) == rowid for at, _ in before)
        sent: list[str] = []

        def keep(_conn, _cursor, statement, *_args) -> None:
            sent.append(statement)

        event.listen(station.store.engine, "before_cursor_execute", keep)
        try:
            again = customer_index.put(
                conn, _licensed("d1", "Dogsworth", [*licenses, "AN-2026-00041 2026-00041"])
            )
        finally:
            event.remove(station.store.engine, "before_cursor_execute", keep)
        assert again == rowid
        written = [x for x in sent if not x.lstrip().upper().startswith("SELECT")]
        assert len(written) == 1 and written[0].startswith(
            f"INSERT INTO {customer_index.LICENSE_TABLE}"
        ), written
        after = _docs(conn)
        assert after[:40] == before  # the others kept their rowids and text
        assert _license_owners(conn, '{licenses} : "00041"*') == [rowid]
        assert _license_owners(conn, '{digits} : "600041"*') == [rowid]  # middle digits
        stored = conn.execute(
            text("SELECT licenses FROM customer_search WHERE rowid = :r"), {"r": rowid}
        ).scalar()
        assert stored == ""  # the customer's own row holds no license


def test_a_changed_tag_replaces_its_document_and_a_renamed_customer_takes_them_along(
    empty_station,
):
    station = empty_station
    with station.store.write() as s:
        conn = s.connection()
        customer_index.put(conn, _licensed("d3", "Mendez", []))  # a neighbour to move past
        first = customer_index.put(conn, _licensed("d2", "Barker", ["AN-1 2026-00007"]))
        customer_index.put(conn, _licensed("d2", "Barker", ["AN-1 2026-00099"]))  # a new tag
        assert _license_owners(conn, '"00007"*') == []
        assert _license_owners(conn, '"00099"*') == [first]
        moved = customer_index.put(conn, _licensed("d2", "Zuniga", ["AN-1 2026-00099"]))
        assert moved != first
        assert _license_owners(conn, '"00099"*') == [moved]
        assert [customer_index.owner_of(at) for at, _ in _docs(conn)] == [moved]


def test_a_license_added_to_an_indexed_customer_goes_after_their_last(empty_station):
    with empty_station.store.write() as s:
        conn = s.connection()
        assert not customer_index.add_license(conn, "d4", "AN-9", "2026-00009")  # no row yet
        licenses = ["AN-1 2026-00001", "AN-2 2026-00002"]
        rowid = customer_index.put(conn, _licensed("d4", "Hound", licenses))
        assert customer_index.add_license(conn, "d4", "AN-3", "2026-00003")
        assert customer_index.add_license(conn, "d4", "AN-3", "2026-00003")  # once only
        base = rowid << customer_index.LICENSE_SHIFT
        assert _docs(conn) == [
            (base, licenses[0]),
            (base + 1, licenses[1]),
            (base + 2, "AN-3 2026-00003"),
        ]
        before = _changes(conn)
        customer_index.put(conn, _licensed("d4", "Hound", [*licenses, "AN-3 2026-00003"]))
        assert _changes(conn) == before  # what `put` would have made of it: nothing to do
