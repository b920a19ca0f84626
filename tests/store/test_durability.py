"""The store keeps a sale whole: all of it or none, gap-free numbers, even when killed mid-sale."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.sale import catalog, sales
from counterpos.store.models import (
    AuditEvent,
    DrawerClose,
    IssuedDocument,
    LedgerEntry,
    OutboxRow,
    ReceiptSequence,
    Sale,
    SaleLine,
    TenderRow,
    UtilityAccount,
)
from counterpos.store.outbox import row_payload

SRC = Path(__file__).resolve().parents[2] / "src"
WRITTEN_BY_A_SALE = (Sale, SaleLine, TenderRow, LedgerEntry, IssuedDocument, AuditEvent, OutboxRow)


def counts(station) -> dict[str, int]:
    with station.store.read() as s:
        out = {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in WRITTEN_BY_A_SALE
        }
        seq = s.get(ReceiptSequence, station.code)
        out["receipt_sequence"] = seq.last_value if seq else 0
        return out


def an_account(station) -> str:
    with station.store.read() as s:
        return s.scalar(select(UtilityAccount.account_no).order_by(UtilityAccount.account_no))


def full_cart(station) -> Cart:
    """A sale touching every table: a bill payment (ledger) and a yard sale permit (document)."""
    start = date.today() + timedelta(days=3)
    return Cart(
        [
            catalog.price_line(
                station,
                "utility_payment",
                details={"account_no": an_account(station)},
                amount_text="45.10",
            ),
            catalog.price_line(
                station,
                "yard_sale_permit",
                details={"address": "77 Durable Way", "start_date": start, "days": "2"},
            ),
        ]
    )


def two_tenders() -> list[Tender]:
    return [
        Tender("check", Money(4000), reference="2231", payer="Ana Reyes"),
        Tender("cash", Money(3000)),
    ]


def sell(station, cashier, drawer) -> sales.CompletedSale:
    return sales.complete_sale(
        station, cashier, drawer.session_id, full_cart(station), two_tenders()
    )


def test_pragmas_are_in_force_on_readers_and_writers(station):
    for ctx in (station.store.read, station.store.write):
        with ctx() as s:
            conn = s.connection()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


@pytest.mark.parametrize(
    "table", ["sale_line", "tender", "ledger_entry", "issued_document", "audit_event", "outbox"]
)
def test_a_write_failing_part_way_leaves_nothing(station, cashier, drawer, table):
    before = counts(station)
    with station.store.write() as s:
        s.execute(
            text(
                f"CREATE TRIGGER test_fail BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            )
        )
    with pytest.raises(DBAPIError, match="injected failure"):
        sell(station, cashier, drawer)
    assert counts(station) == before
    with station.store.write() as s:
        s.execute(text("DROP TRIGGER test_fail"))
    done = sell(station, cashier, drawer)
    assert done.receipt_no == f"T1-{before['receipt_sequence'] + 1:06d}"


def sale_in_flight(session: Session, sales_before: int) -> str | None:
    """Inside a transaction: the receipt number of a sale it has written but not committed."""
    if session.scalar(select(func.count()).select_from(Sale)) <= sales_before:
        return None
    return session.scalar(select(Sale.receipt_no).order_by(Sale.sequence.desc()).limit(1))


def test_a_commit_failing_after_every_row_was_flushed_leaves_nothing(station, cashier, drawer):
    before = counts(station)
    flushed: dict[str, int] = {}

    def fail(session: Session) -> None:
        if not sale_in_flight(session, before["sale"]):
            return
        flushed.update(
            {
                m.__tablename__: session.scalar(select(func.count()).select_from(m))
                for m in WRITTEN_BY_A_SALE
            }
        )
        raise RuntimeError("disk went away")

    cart = full_cart(station)
    event.listen(Session, "before_commit", fail)
    try:
        with pytest.raises(RuntimeError, match="disk went away"):
            sales.complete_sale(station, cashier, drawer.session_id, cart, two_tenders())
    finally:
        event.remove(Session, "before_commit", fail)
    assert flushed["sale"] == before["sale"] + 1  # the rows really were written...
    assert flushed["outbox"] > before["outbox"]
    assert counts(station) == before  # ...and rolled back
    done = sell(station, cashier, drawer)
    assert done.receipt_no == f"T1-{before['receipt_sequence'] + 1:06d}"


CHILD = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import event, func, select
    from sqlalchemy.orm import Session
    from counterpos.domain.cart import Cart
    from counterpos.domain.money import Money
    from counterpos.domain.tenders import Tender
    from counterpos.services.access import auth
    from counterpos.services.sale import catalog
    from counterpos.services import sessions
    from counterpos.services.sale import sales
    from counterpos.services.station import Station
    from counterpos.store.models import Sale

    station = Station.open(sys.argv[1])
    actor = auth.login(station, "maria", "1111")
    drawer = sessions.current_session(station, actor)
    line = catalog.price_line(
        station, "misc_receipt", details={"gl_account": "4810", "memo": "Copies"}, amount_text="3"
    )

    with station.store.read() as s:
        sales_before = s.scalar(select(func.count()).select_from(Sale))

    @event.listens_for(Session, "before_commit")
    def hang(session):
        if session.scalar(select(func.count()).select_from(Sale)) > sales_before:
            # The sale is written, its transaction open: tell the parent and wait.
            receipt = session.scalar(select(Sale.receipt_no).order_by(Sale.sequence.desc()))
            print("ready", receipt, flush=True)
            time.sleep(120)

    sales.complete_sale(station, actor, drawer.session_id, Cart([line]), [Tender("cash", Money(500))])
    print("committed", flush=True)
    """
)


def test_a_process_killed_mid_sale_leaves_no_sale_and_no_gap(station, cashier, drawer, home):
    first = sell(station, cashier, drawer)
    before = counts(station)
    env = dict(os.environ, PYTHONPATH=str(SRC))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline().split()
        assert line[:1] == ["ready"], child.stderr.read()
        in_flight = line[1]
        assert in_flight == f"T1-{before['receipt_sequence'] + 1:06d}"
        during = counts(station)  # the child's login is committed; its sale is not
        for key in ("sale", "sale_line", "tender", "ledger_entry", "receipt_sequence"):
            assert during[key] == before[key], key
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stderr.close()
    station.close()
    from counterpos.services.station import Station

    reopened = Station.open(home)
    try:
        assert counts(reopened) == during
        with reopened.store.read() as s:
            assert s.scalar(select(Sale).where(Sale.receipt_no == in_flight)) is None
        after = sell(reopened, cashier, drawer)
        assert after.receipt_no == in_flight  # the killed sale's number was never used
        assert int(after.receipt_no.split("-")[1]) == int(first.receipt_no.split("-")[1]) + 1
    finally:
        reopened.close()


def test_the_outbox_holds_every_synced_record_of_a_sale(station, cashier, drawer):
    done = sell(station, cashier, drawer)
    with station.store.read() as s:
        sale = s.get(Sale, done.sale_id)
        records = [sale, *sale.lines, *sale.tenders]
        records += s.scalars(
            select(LedgerEntry).where(LedgerEntry.sale_line_id.in_([x.id for x in sale.lines]))
        ).all()
        records += s.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == sale.id)).all()
        records += s.scalars(select(AuditEvent).where(AuditEvent.target == done.receipt_no)).all()
        assert {type(r).__tablename__ for r in records} == {
            "sale",
            "sale_line",
            "tender",
            "ledger_entry",
            "issued_document",
            "audit_event",
        }
        for record in records:
            rows = s.scalars(select(OutboxRow).where(OutboxRow.record_id == record.id)).all()
            assert len(rows) == 1, type(record).__tablename__
            payload = json.loads(rows[0].payload)
            assert rows[0].table_name == type(record).__tablename__
            assert payload["id"] == record.id
            # the payload is the stored row, column for column, as the central insert needs it
            assert payload == json.loads(json.dumps(row_payload(record), sort_keys=True))
            assert rows[0].sent_at is None


APPEND_ONLY = (
    "sale",
    "sale_line",
    "tender",
    "ledger_entry",
    "issued_document",
    "audit_event",
    "drawer_close",
)


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_history_tables_refuse_update_and_delete(station, cashier, drawer, table):
    sell(station, cashier, drawer)
    with station.store.write() as s:
        s.add(
            DrawerClose(
                session_id=drawer.session_id,
                closed_by=cashier.user_id,
                counted_cash_cents=17000,
                expected_cash_cents=17000,
                over_short_cents=0,
            )
        )
    with station.store.read() as s:
        row_id = s.execute(text(f"SELECT id FROM {table} LIMIT 1")).scalar()
    assert row_id
    for statement in (
        f"UPDATE {table} SET id = id WHERE id = :id",
        f"DELETE FROM {table} WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="append-only"), station.store.write() as s:
            s.execute(text(statement), {"id": row_id})
    with station.store.read() as s:
        assert (
            s.execute(text(f"SELECT count(*) FROM {table} WHERE id = :id"), {"id": row_id}).scalar()
            == 1
        )
