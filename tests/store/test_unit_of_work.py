"""The store keeps a sale whole (store/unit_of_work.py): all or none, even killed mid-sale."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counterpos.services.sale import sales
from counterpos.store.models import Sale
from tests.store.full_sale import WRITTEN_BY_A_SALE, counts, full_cart, sell, two_tenders

SRC = Path(__file__).resolve().parents[2] / "src"


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
