"""Card tests run against the simulated terminal over real TCP, with the station pointed at it."""

from __future__ import annotations

import pytest

from counterpos.hardware.card_terminal import TcpTerminal
from counterpos.services import config


@pytest.fixture
def card_terminal(station, card_simulator):
    """A TCP terminal to the simulator, with short timeouts (a sale waits 1 s, a status or a
    cancel 3 s); the station's `card.terminal` setting names the simulator too."""
    config.set_value(station, "card.terminal", card_simulator.url, None)
    terminal = TcpTerminal(
        card_simulator.url, sale_timeout=1.0, call_timeout=3.0, connect_timeout=1.0
    )
    yield terminal
    terminal.close()
