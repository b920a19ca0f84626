"""Training mode: a separate store seeded with the demo city, receipts and slips that say
TRAINING, nothing synced, the simulator as the card terminal, and every switch audited."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import select

from counterpos.demo.city import load_demo
from counterpos.documents.receipt_pdf import render_pdf
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import TRAINING_MARK, render_text
from counterpos.services import config, sessions
from counterpos.services.card.settings import training_terminal_url
from counterpos.services.central import sync
from counterpos.services.devices.slips import paid_slip
from counterpos.services.drawer import paid_in_out
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.sale import receipts
from counterpos.services.training import mode
from counterpos.store.models import AuditEvent
from tests.conftest import login
from tests.sale_helpers import cash, ring


def small_demo(station) -> None:
    load_demo(station, customers=20, history_days=0)


@pytest.fixture
def training(station):
    config.set_value(station, "printer.url", "preview:", None)
    st = mode.open_training(station, seed=small_demo)
    yield st
    st.close()


def events(station, action: str) -> list[AuditEvent]:
    with station.store.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_training_store_is_separate_seeded_and_marked(station, training):
    assert training.home == station.home / "training"
    assert mode.is_training(training) and not mode.is_training(station)
    assert training.setting("city.name") == "City of Mission Vista"
    assert training.is_initialised()
    assert training.setting("printer.url") == station.setting("printer.url")
    # Opening it again keeps what the class did (no second seeding).
    again = mode.open_training(station, seed=lambda st: pytest.fail("seeded twice"))
    again.close()


def test_a_supervisor_switches_and_each_switch_is_audited(station, training, supervisor):
    assert not mode.is_switched_on(station)
    assert mode.home_to_open(station.home) == station.home
    mode.switch(station, supervisor, True, "Monday class")
    assert mode.is_switched_on(station)
    assert mode.home_to_open(station.home) == station.home / "training"
    with pytest.raises(StateError, match="already in training"):
        mode.switch(station, supervisor, True)
    mode.switch(station, supervisor, False)
    assert mode.home_to_open(station.home) == station.home
    (on,), (off,) = events(station, "training_on"), events(station, "training_off")
    assert on.actor == "sofia" and on.details["note"] == "Monday class"
    assert off.actor == "sofia"
    assert events(training, "training_on") == []  # the station's own trail, not the class's


def test_a_cashier_may_not_switch_and_the_training_store_cannot_switch(station, training, cashier):
    with pytest.raises(PermissionDenied):
        mode.switch(station, cashier, True)
    assert not mode.is_switched_on(station)
    with pytest.raises(StateError, match="station's own store"):
        mode.switch(training, login(training, "sofia"), False)
    with pytest.raises(InputError, match="counterpos training"):
        config.set_value(station, "station.mode", "training", None)


def test_receipts_and_slips_of_the_training_store_say_training(training):
    maria = login(training, "maria")
    sid = sessions.open_session(training, maria, {"bill_20": 5}).session_id
    done = ring(training, maria, sid, 1_250, cash(2_000))
    doc = receipts.receipt_document(training, done.receipt_no)
    text = "\n".join(render_text(doc))
    assert doc.training and text.count(TRAINING_MARK) >= 2
    assert render_pdf(doc).startswith(b"%PDF")
    sofia = login(training, "sofia")
    own = sessions.open_session(training, sofia, {"bill_20": 1}).session_id
    paid = paid_in_out.record(training, sofia, own, "in", Money(500), "Practice")
    assert TRAINING_MARK in "\n".join(render_text(paid_slip(training, paid.receipt_no)))


def test_a_live_receipt_does_not_say_training(station, cashier, drawer):
    done = ring(station, cashier, drawer.session_id, 1_250, cash(2_000))
    assert TRAINING_MARK not in "\n".join(
        render_text(receipts.receipt_document(station, done.receipt_no))
    )


def test_nothing_syncs_from_the_training_store(training):
    assert sync.central_url(training) == ""
    with pytest.raises(InputError, match="never syncs"):
        config.set_value(training, "central.url", "postgresql://x@127.0.0.1/c", None)
    with pytest.raises(InputError, match="never syncs"):
        sync.connect(training, "postgresql://x@127.0.0.1/c")


def test_the_training_card_terminal_is_the_simulator(training):
    url = training_terminal_url()
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass  # something listens: the simulator this process started
    assert training_terminal_url() == url  # one simulator, not one per payment
