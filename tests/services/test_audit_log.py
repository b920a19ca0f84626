"""Reading the audit trail (services/audit_log.py): a supervisor's filtered list of events."""

from __future__ import annotations

import pytest

from counterpos.services import audit_log
from tests.conftest import login


def test_list_filters_and_needs_a_supervisor(busy_station, cashier):
    from counterpos.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        audit_log.list_events(busy_station, cashier)
    sofia = login(busy_station, "sofia")
    sales = audit_log.list_events(busy_station, sofia, action="sale")
    assert [e.action for e in sales] == ["sale"] * 3
    assert sales[0].seq > sales[-1].seq
    mine = audit_log.list_events(busy_station, sofia, user="maria")
    assert {"login", "session_open", "sale"} <= {e.action for e in mine}
    from counterpos.services.clock import local_today

    assert audit_log.list_events(busy_station, sofia, since=local_today(), action="sale")
    from datetime import timedelta

    assert not audit_log.list_events(busy_station, sofia, until=local_today() - timedelta(days=1))


def test_the_actions_on_record_are_listed_once_each(busy_station):
    listed = audit_log.actions(busy_station)
    assert listed == sorted(set(listed))
    assert {"login", "session_open", "sale"} <= set(listed)


def test_the_ends_of_the_calendar_list_everything_or_nothing(busy_station, supervisor):
    from datetime import date

    every = audit_log.list_events(busy_station, supervisor, since=date.min, until=date.max)
    assert every and every == audit_log.list_events(busy_station, supervisor)
    assert audit_log.list_events(busy_station, supervisor, since=date.max) == []
    assert audit_log.list_events(busy_station, supervisor, until=date(1, 1, 1)) == []


# -- issue 13, section 5: what the chain alone missed -------------------------------------------

import json  # noqa: E402
import sqlite3  # noqa: E402
from datetime import datetime  # noqa: E402

from counterpos.services.audit import event_hash  # noqa: E402


def _raw(station) -> sqlite3.Connection:
    """The store's file opened by hand, the append-only triggers dropped: an attacker's view."""
    station.close()
    con = sqlite3.connect(station.store.path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    return con


def _last_sale(con):
    return con.execute(
        "SELECT id, receipt_no, total_cents FROM sale WHERE kind = 'sale' ORDER BY sequence DESC"
    ).fetchone()


def _verify(station) -> audit_log.audit.ChainCheck:
    check = audit_log.verify(station)
    assert not check.ok
    return check


def test_an_untouched_store_passes_every_check(busy_station):
    check = audit_log.verify(busy_station)
    assert check.ok and check.problems == ()


def test_an_appended_forged_event_without_an_outbox_copy_is_found(busy_station):
    con = _raw(busy_station)
    seq, prev = con.execute(
        "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    at = datetime(2026, 11, 29, 12, 0)
    details = {"permission": "void"}
    digest = event_hash(
        prev, seq + 1, at.isoformat(), "T1", "override_granted", "maria", "sofia", "", details
    )
    con.execute(
        "INSERT INTO audit_event (id, seq, station_code, at, action, actor, approver, target, "
        "details, prev_hash, hash) VALUES (?, ?, 'T1', ?, 'override_granted', 'maria', 'sofia', "
        "'', ?, ?, ?)",
        ("forged-0001", seq + 1, at.isoformat(sep=" "), json.dumps(details), prev, digest),
    )
    con.commit()
    con.close()
    check = _verify(busy_station)
    assert check.first_bad_seq == seq + 1
    assert "override_granted" in check.problem and "no copy in the outbox" in check.problem


def test_a_sale_whose_amounts_were_changed_is_found(busy_station):
    con = _raw(busy_station)
    sale_id, receipt_no, total = _last_sale(con)
    con.execute("UPDATE sale SET total_cents = 100 WHERE id = ?", (sale_id,))
    con.execute("UPDATE sale_line SET amount_cents = 100 WHERE sale_id = ?", (sale_id,))
    con.execute(
        "UPDATE tender SET amount_cents = 100, tendered_cents = 100 WHERE sale_id = ?", (sale_id,)
    )
    con.commit()
    con.close()
    problems = " | ".join(_verify(busy_station).problems)
    assert f"receipt {receipt_no} does not match its audit event" in problems
    assert (
        f"sale {receipt_no} differs from the copy queued when it was written (total_cents)"
        in problems
    )
    assert "sale line" in problems and "tender" in problems


def test_a_changed_sale_is_found_even_with_its_outbox_copies_rewritten(busy_station):
    """The copies made to agree: the hash-chained audit event still holds the amounts."""
    con = _raw(busy_station)
    sale_id, receipt_no, total = _last_sale(con)
    con.execute("UPDATE sale SET total_cents = 100 WHERE id = ?", (sale_id,))
    con.execute("UPDATE sale_line SET amount_cents = 100 WHERE sale_id = ?", (sale_id,))
    con.execute(
        "UPDATE tender SET amount_cents = 100, tendered_cents = 100 WHERE sale_id = ?", (sale_id,)
    )
    for table, key in (("sale", "id"), ("sale_line", "sale_id"), ("tender", "sale_id")):
        for (rid,) in con.execute(f"SELECT id FROM {table} WHERE {key} = ?", (sale_id,)).fetchall():
            (payload,) = con.execute(
                "SELECT payload FROM outbox WHERE record_id = ?", (rid,)
            ).fetchone()
            data = json.loads(payload)
            for field in ("total_cents", "amount_cents", "tendered_cents"):
                if field in data:
                    data[field] = 100
            con.execute(
                "UPDATE outbox SET payload = ? WHERE record_id = ?", (json.dumps(data), rid)
            )
    con.commit()
    con.close()
    check = _verify(busy_station)
    assert check.problems == (
        f"receipt {receipt_no} does not match its audit event {check.first_bad_seq} (total_cents)",
    )


def test_a_tender_changed_from_cash_to_check_is_found(busy_station):
    con = _raw(busy_station)
    sale_id, receipt_no, _ = _last_sale(con)
    con.execute(
        "UPDATE tender SET kind = 'check', reference = '1001' WHERE sale_id = ?", (sale_id,)
    )
    con.commit()
    con.close()
    problems = " | ".join(_verify(busy_station).problems)
    assert (
        f"receipt {receipt_no} does not match its audit event" in problems and "tenders" in problems
    )


def _remove_last_sale(con, *, number_too: bool, outbox_sequence_too: bool = False) -> str:
    """The last sale removed entirely: its rows, its audit event, its outbox copies, and (with
    `number_too`) its number given back to the sequence."""
    sale_id, receipt_no, _ = _last_sale(con)
    rows = [("sale", sale_id)]
    for table in ("sale_line", "tender", "issued_document"):
        rows += [
            (table, r)
            for (r,) in con.execute(f"SELECT id FROM {table} WHERE sale_id = ?", (sale_id,))
        ]
    lines = [r for t, r in rows if t == "sale_line"]
    rows += [
        ("ledger_entry", r)
        for (r,) in con.execute(
            f"SELECT id FROM ledger_entry WHERE sale_line_id IN ({','.join('?' * len(lines))})",
            lines,
        )
    ]
    (event_id,) = con.execute(
        "SELECT id FROM audit_event WHERE target = ?", (receipt_no,)
    ).fetchone()
    rows.append(("audit_event", event_id))
    for table, rid in rows:
        con.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
        con.execute("DELETE FROM outbox WHERE record_id = ?", (rid,))
    if number_too:
        con.execute("UPDATE receipt_sequence SET last_value = last_value - 1")
    if outbox_sequence_too:
        con.execute(
            "UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM outbox) WHERE name = 'outbox'"
        )
    con.commit()
    con.close()
    return receipt_no


def test_the_last_sale_removed_entirely_with_its_event_copies_and_number_is_found(busy_station):
    con = _raw(busy_station)
    top = con.execute("SELECT max(id) FROM outbox").fetchone()[0]
    receipt_no = _remove_last_sale(con, number_too=True)
    check = _verify(busy_station)
    assert receipt_no not in " ".join(check.problems)  # nothing names it any more ...
    assert check.problems[-1].startswith("outbox rows ")  # ... but the outbox's own sequence
    assert check.problems[-1].endswith(f"to {top} were removed from its end")


def test_the_last_sale_removed_with_its_number_kept_is_found(busy_station):
    con = _raw(busy_station)
    receipt_no = _remove_last_sale(con, number_too=False, outbox_sequence_too=True)
    check = _verify(busy_station)
    assert check.problems == (f"receipt numbers missing: {receipt_no}",)


def test_a_printed_receipt_removed_with_everything_else_is_found(busy_station, cashier, drawer):
    """Even with the outbox's sequence set back too: the receipt was printed."""
    from counterpos.services.devices import printing

    with busy_station.store.read() as s:
        receipt_no = s.scalar(
            audit_log.select(audit_log.Sale.receipt_no)
            .order_by(audit_log.Sale.sequence.desc())
            .limit(1)
        )
    printing.print_receipt(busy_station, cashier, receipt_no)
    con = _raw(busy_station)
    assert _remove_last_sale(con, number_too=True, outbox_sequence_too=True) == receipt_no
    check = _verify(busy_station)
    assert check.problems[0].startswith(f"receipt {receipt_no} was printed (")
    assert check.problems[0].endswith("but is not in the store")


def test_numbers_a_supervisor_let_the_sequence_skip_are_not_missing(station, cashier, drawer):
    """A store restored from an older copy goes on after the centre's highest number once a
    supervisor resolves it (services/central/continuity): the numbers skipped were issued by
    the newer copy and are at the centre. Any other gap is still named."""
    from counterpos.domain.tenders import Tender
    from counterpos.services.central import continuity
    from counterpos.services.sale import sales
    from tests.services.card.card_support import utility_cart

    def sell() -> str:
        cart = utility_cart(station, "12.00")
        done = sales.complete_sale(
            station, cashier, drawer.session_id, cart, [Tender("cash", cart.total)]
        )
        return done.receipt_no

    assert sell() == "T1-000001"
    with station.store.write() as s:  # what the last pull learnt from the centre
        continuity.note_central_high(s, 4)
    assert continuity.resolve(station, login(station, "sofia"), "restored an older copy") == (1, 4)
    assert sell() == "T1-000005"
    check = audit_log.verify(station)
    assert check.ok, check.problems
    # a number taken and not used after the skip is named, the skipped ones still not
    con = _raw(station)
    con.execute("UPDATE receipt_sequence SET last_value = last_value + 1")
    con.commit()
    con.close()
    assert _verify(station).problems == ("receipt numbers missing: T1-000006",)
