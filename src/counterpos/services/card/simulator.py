"""The simulated card terminal for training and the demo, started for `counterpos card simulator`."""

from __future__ import annotations

from counterpos.hardware.card_simulator import CardSimulator, parse_script, serve
from counterpos.services.errors import InputError


def script_of(text: str) -> list[str]:
    """The outcomes of the next sales, from 'approve,decline,partial:10.00'; InputError names
    the outcome that is not known."""
    try:
        return parse_script(text)
    except ValueError as exc:
        raise InputError(exc, field="script") from exc


def start(port: int = 0, script: str = "") -> CardSimulator:
    """A simulator listening on 127.0.0.1 in the background (port 0: a free one); `stop()` it."""
    return CardSimulator(port, script_of(script)).start()


def run(port: int, script: str = "") -> None:
    """Run a simulator in the foreground until Ctrl-C; a bad script is refused before it starts."""
    serve(port, script_of(script))
