"""Card settings (services/card/settings.py): ones that would not work are refused; the terminal."""

from __future__ import annotations

import pytest

from counterpos.services import config
from counterpos.services.card.settings import terminal_for
from counterpos.services.errors import InputError


def test_fee_setting_is_checked(station):
    with pytest.raises(InputError, match="percentage"):
        config.set_value(station, "card.convenience_fee", "25%", None)
    with pytest.raises(InputError, match="standalone"):
        config.set_value(station, "card.terminal", "http://x", None)


@pytest.mark.parametrize("value", ["0", "601", "ten", "1.5"])
def test_terminal_timeouts_are_whole_seconds_up_to_ten_minutes(station, value):
    for key in ("card.sale_timeout_seconds", "card.status_timeout_seconds"):
        with pytest.raises(InputError, match="whole number of seconds from 1 to 600"):
            config.set_value(station, key, value, None)


def test_terminal_for_opens_the_terminal_the_setting_names(station, card_simulator):
    assert not terminal_for(station).integrated  # standalone until a terminal is named
    config.set_value(station, "card.terminal", card_simulator.url, None)
    config.set_value(station, "card.sale_timeout_seconds", "30", None)
    terminal = terminal_for(station)
    assert terminal.integrated and terminal.url == card_simulator.url
    assert (terminal.sale_timeout, terminal.call_timeout) == (30.0, 10.0)
    assert terminal_for(station) is terminal  # one terminal per device and timeouts
    assert terminal.sale("one", 100).status == "approved"
