"""The TCP terminal adapter against the simulator: its worker, timeouts, cancel and errors."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from counterpos.hardware.card_terminal import (
    StandaloneTerminal,
    TcpTerminal,
    TerminalError,
    TerminalReply,
    TerminalTimeout,
    TerminalUnreachable,
    open_terminal,
)


@pytest.fixture
def term(card_simulator):
    t = TcpTerminal(card_simulator.url, sale_timeout=1.0, call_timeout=2.0, connect_timeout=1.0)
    yield t
    t.close()


def raw(card_simulator, message: dict) -> dict:
    """Speak the protocol by hand: one JSON line out, one back."""
    with socket.create_connection(("127.0.0.1", card_simulator.port), timeout=3) as s:
        s.sendall((json.dumps(message) + "\n").encode())
        return json.loads(s.makefile().readline())


def test_sale_status_void_and_batch(card_simulator, term):
    reply = term.sale("r1", 1234)
    assert reply.status == "approved" and reply.approved_cents == 1234
    assert len(reply.last4) == 4 and reply.approval_code and reply.terminal_ref
    assert term.status("r1") == reply
    assert term.batch_total() == {"count": 1, "total_cents": 1234, "by_brand": {reply.brand: 1234}}
    assert term.void("r1").status == "voided"
    assert term.batch_total()["total_cents"] == 0
    assert term.status("nope").status == "not_found"


def test_the_same_request_sent_twice_is_charged_once(card_simulator, term):
    first = term.sale("same", 500)
    again = term.sale("same", 500)
    assert first == again and card_simulator.sales_received == 1


def test_refund_up_to_the_sale(card_simulator, term):
    term.sale("r", 1000)
    assert term.refund("r", 400).status == "approved"
    with pytest.raises(TerminalError, match="more than the sale"):
        term.refund("r", 700)
    assert term.refund("r", 600).status == "refunded"


def test_scripted_outcomes(card_simulator, term):
    card_simulator.push("decline", "cancel", "partial:2.50")
    assert term.sale("a", 1000).status == "declined"
    assert term.sale("b", 1000).status == "cancelled"
    partial = term.sale("c", 1000)
    assert partial.partial and partial.approved_cents == 250
    assert term.sale("d", 1000).status == "approved"  # script used up: approve


def test_timeout_is_unknown_not_declined(card_simulator, term):
    card_simulator.push("timeout")
    with pytest.raises(TerminalTimeout):
        term.sale("t", 1000)
    assert term.status("t").status == "approved"


def test_unreachable_terminal(card_simulator):
    port = card_simulator.port
    card_simulator.stop()
    t = TcpTerminal(f"tcp://127.0.0.1:{port}", connect_timeout=0.5)
    try:
        with pytest.raises(TerminalUnreachable):
            t.sale("x", 100)
    finally:
        t.close()


def test_cancel_reaches_the_terminal_while_the_worker_waits(card_simulator):
    card_simulator.push("wait:20")
    t = TcpTerminal(card_simulator.url, sale_timeout=30.0, call_timeout=2.0)
    box: dict = {}
    worker = threading.Thread(target=lambda: box.setdefault("r", t.sale("w", 900)))
    worker.start()
    deadline = time.monotonic() + 5
    while "w" not in card_simulator.records and time.monotonic() < deadline:
        time.sleep(0.02)
    t.cancel("w")
    worker.join(5)
    t.close()
    assert not worker.is_alive()
    assert box["r"].status == "cancelled" and box["r"].approved_cents == 0


def test_one_worker_runs_calls_in_order(card_simulator, term):
    card_simulator.push("wait:0.3")
    order: list[str] = []
    threads = [
        threading.Thread(target=lambda: order.append(term.sale("first", 100).request_id)),
    ]
    threads[0].start()
    time.sleep(0.05)
    threads.append(threading.Thread(target=lambda: order.append(term.status("first").request_id)))
    threads[1].start()
    for th in threads:
        th.join(5)
    # the status waited for the sale on the device's single worker
    assert order == ["first", "first"]
    assert term.status("first").status == "approved"


def test_a_reply_with_a_full_card_number_is_refused():
    with pytest.raises(TerminalError, match="card number"):
        TerminalReply.from_wire(
            {"request_id": "x", "status": "approved", "last4": "4111111111111111"}
        )


def test_error_replies_and_bad_addresses(card_simulator, term):
    assert "error" in raw(card_simulator, {"op": "void", "request_id": "none"})
    assert "error" in raw(card_simulator, {"op": "teleport"})
    with pytest.raises(TerminalError):
        term.void("none")
    with pytest.raises(TerminalError, match="tcp://"):
        TcpTerminal("http://127.0.0.1:1")


def test_standalone_refuses_to_run_cards():
    t = open_terminal("standalone")
    assert isinstance(t, StandaloneTerminal) and not t.integrated
    with pytest.raises(TerminalError, match="key in"):
        t.sale("x", 100)


def test_open_terminal_keeps_one_per_device(card_simulator):
    assert open_terminal(card_simulator.url) is open_terminal(card_simulator.url)


def test_card_numbers_in_a_reply_are_dropped():
    reply = TerminalReply.from_wire(
        {
            "request_id": "x",
            "status": "approved",
            "approval_code": "4111111111111111",
            "terminal_ref": "REF 4111-1111-1111-1111",
            "reason": "card 4111 1111 1111 1111",
            "last4": "1111",
        }
    )
    assert "4111111111111111" not in repr(reply).replace(" ", "").replace("-", "")
    assert reply.approval_code == "" and reply.terminal_ref == "REF "
