"""Card settings: refusing ones that would not work, and opening the terminal they name."""

from __future__ import annotations

import re

from counterpos.domain import card_fee
from counterpos.hardware import card_terminal as ct
from counterpos.services import settings
from counterpos.services.errors import DeviceError, InputError
from counterpos.services.station import Station

# What `terminal_for` returns: the till holds one for the length of a card payment.
CardTerminal = ct.CardTerminal


def check_setting(key: str, value: str) -> None:
    """Refuse a card setting that would not work (called by config_service.set_value)."""
    if key == "card.convenience_fee":
        try:
            card_fee.parse_policy(value)
        except card_fee.CardFeeError as exc:
            raise InputError(exc, field=key) from exc
    elif key == "card.terminal":
        v = value.strip()
        if v != ct.STANDALONE and not re.fullmatch(r"tcp://[A-Za-z0-9.\-]+:[0-9]{1,5}", v):
            raise InputError(
                "card.terminal is 'standalone' or tcp://HOST:PORT (like tcp://127.0.0.1:9400).",
                field=key,
            )
    elif key.endswith("_seconds") and not (value.isdigit() and 0 < int(value) <= 600):
        raise InputError("{key} takes a whole number of seconds from 1 to 600.", field=key, key=key)


_TRAINING_SIMULATOR: list = []  # the one simulator a training store's payments go to


def training_terminal_url() -> str:
    """The simulated terminal of training mode, started in this process the first time."""
    if not _TRAINING_SIMULATOR:
        from counterpos.services.card.simulator import start  # noqa: PLC0415

        _TRAINING_SIMULATOR.append(start())
    return f"tcp://127.0.0.1:{_TRAINING_SIMULATOR[0].port}"


def terminal_for(station: Station) -> ct.CardTerminal:
    """The terminal named by the station's `card.terminal` setting; in a training store always
    the simulator (no real card is charged in class)."""
    with station.store.read() as s:
        url = settings.get(s, "card.terminal")
        if settings.get(s, "station.training") == "on":
            url = training_terminal_url()
        sale_timeout = float(settings.get_int(s, "card.sale_timeout_seconds"))
        call_timeout = float(settings.get_int(s, "card.status_timeout_seconds"))
    try:
        return ct.open_terminal(url, sale_timeout=sale_timeout, call_timeout=call_timeout)
    except ct.TerminalError as exc:
        raise DeviceError(exc) from exc
