"""`counterpos card simulator` as a real process, and `counterpos card resolve`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterpos.cli import main
from counterpos.domain.money import Money
from counterpos.hardware.card_terminal import TcpTerminal, TerminalUnreachable
from counterpos.services import config
from counterpos.services.card.requests import charge
from counterpos.store.models import CardRequest
from tests.conftest import free_port
from tests.services.card.card_support import utility_cart

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.mark.e2e
def test_simulator_command_serves_its_script(tmp_path):
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counterpos",
            "--home",
            str(tmp_path),
            "card",
            "simulator",
            "--port",
            str(port),
            "--script",
            "decline,partial:5.00",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    t = TcpTerminal(f"tcp://127.0.0.1:{port}", sale_timeout=5, connect_timeout=1)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                first = t.sale("one", 1000)
                break
            except TerminalUnreachable:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert first.status == "declined"
        assert t.sale("two", 1000).approved_cents == 500
        assert t.sale("three", 1000).status == "approved"
        assert t.batch_total()["total_cents"] == 1500
    finally:
        t.close()
        proc.terminate()
        out, _err = proc.communicate(timeout=10)
    assert f"tcp://127.0.0.1:{port}" in out


def test_simulator_command_refuses_a_bad_script(tmp_path, capsys):
    assert main(["--home", str(tmp_path), "card", "simulator", "--script", "explode"]) == 2
    assert "unknown outcome" in capsys.readouterr().out


def test_resolve_command_asks_the_terminal(
    home, station, cashier, drawer, card_simulator, capsys, monkeypatch, signed
):
    config.set_value(station, "card.terminal", card_simulator.url, None)
    cart = utility_cart(station, "9.00")
    card_simulator.push("timeout")

    class Mute(TcpTerminal):
        def status(self, request_id):
            from counterpos.hardware.card_terminal import TerminalTimeout

            raise TerminalTimeout("no answer")

    mute = Mute(card_simulator.url, sale_timeout=0.5, call_timeout=1)
    try:
        r = charge(station, cashier, drawer.session_id, cart, Money(900), terminal=mute)
    finally:
        mute.close()
    assert r.is_unknown
    # the terminal says approved: now an approved card payment that is on no sale
    assert main(["--home", str(home), "card", "resolve", *signed("maria")]) == 1
    out = capsys.readouterr().out
    assert "approved" in out and "NOT ON A SALE" in out and r.request_id[-8:] in out
    with station.store.read() as s:
        row = s.get(CardRequest, r.request_id)
        assert row.status == "approved" and row.orphaned_at is not None
    # a cashier may not void it alone; a supervisor does
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    args = ["--home", str(home), "card", "resolve", "--void", r.request_id[-8:]]
    assert main([*args, "--user", "maria"]) != 0
    assert "a supervisor must approve" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", "333333")
    assert main([*args, "--user", "sofia"]) == 0
    assert "voided" in capsys.readouterr().out
    assert card_simulator.records[r.request_id].status == "voided"
    assert main(["--home", str(home), "card", "resolve", *signed("maria")]) == 0
    assert "No card payment is waiting" in capsys.readouterr().out
