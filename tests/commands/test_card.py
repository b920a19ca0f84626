"""`counterpos card simulator` as a real process, and `counterpos card resolve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterpos.cli import main
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.hardware.card_simulator import CardSimulator
from counterpos.hardware.card_terminal import TcpTerminal, TerminalUnreachable
from counterpos.services import config, sessions
from counterpos.services.access import auth
from counterpos.services.card.requests import charge
from counterpos.services.sale import catalog
from counterpos.store.models import CardRequest

SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def test_resolve_command_asks_the_terminal(home, station, capsys):
    sim = CardSimulator().start()
    try:
        config.set_value(station, "card.terminal", sim.url, None)
        maria = auth.login(station, "maria", "1111")
        drawer = sessions.open_session(station, maria, {"bill_20": 5})
        cart = Cart()
        cart.add(
            catalog.price_line(
                station, "utility_payment", details={"account_no": "10000000"}, amount_text="9.00"
            )
        )
        sim.push("timeout")

        class Mute(TcpTerminal):
            def status(self, request_id):
                from counterpos.hardware.card_terminal import TerminalTimeout

                raise TerminalTimeout("no answer")

        mute = Mute(sim.url, sale_timeout=0.5, call_timeout=1)
        try:
            r = charge(station, maria, drawer.session_id, cart, Money(900), terminal=mute)
        finally:
            mute.close()
        assert r.is_unknown
        assert main(["--home", str(home), "card", "resolve"]) == 0
        assert "approved" in capsys.readouterr().out
        with station.store.read() as s:
            assert s.get(CardRequest, r.request_id).status == "approved"
        assert main(["--home", str(home), "card", "resolve"]) == 0
        assert "No card request is waiting" in capsys.readouterr().out
    finally:
        sim.stop()
