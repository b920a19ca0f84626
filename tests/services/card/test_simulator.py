"""The training card terminal started through services/card/simulator.py, on a real socket."""

from __future__ import annotations

import pytest

from counterpos.hardware.card_terminal import TcpTerminal
from counterpos.services.card import simulator
from counterpos.services.errors import InputError


def test_a_started_simulator_answers_by_its_script():
    sim = simulator.start(0, "decline, partial:5.00")
    terminal = TcpTerminal(sim.url, sale_timeout=5, connect_timeout=1)
    try:
        assert terminal.sale("one", 1000).status == "declined"
        assert terminal.sale("two", 1000).approved_cents == 500
        assert terminal.sale("three", 1000).status == "approved"
    finally:
        terminal.close()
        sim.stop()


@pytest.mark.parametrize(
    "script, says", [("explode", "unknown outcome 'explode'"), ("partial", "partial needs a value")]
)
def test_a_bad_script_is_refused_before_anything_listens(script, says):
    with pytest.raises(InputError, match=says) as err:
        simulator.start(0, script)
    assert err.value.field == "script"
    with pytest.raises(InputError, match=says):
        simulator.run(0, script)  # would serve in the foreground; refused first


def test_script_of_reads_the_steps():
    assert simulator.script_of(" Approve,wait:2 ,") == ["approve", "wait:2"]
