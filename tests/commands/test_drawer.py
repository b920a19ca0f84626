"""`counterpos drawer test` (commands/drawer.py) on a pty, and with no port there."""

from __future__ import annotations

from counterpos.cli import main
from tests.printing_support import (
    KICK,
    set_setting,
)


def test_drawer_test_on_a_pty(station, drawer_pty, capsys, signed):
    assert main(["--home", str(station.home), "drawer", "test", *signed("sofia")]) == 0
    assert drawer_pty.read_available(len(KICK)) == KICK
    assert f"The drawer opened ({drawer_pty.path})." in capsys.readouterr().out


def test_drawer_test_missing_port(station, capsys, tmp_path, signed):
    set_setting(station, "drawer.port", str(tmp_path / "ttyS9"))
    assert main(["--home", str(station.home), "drawer", "test", *signed("sofia")]) == 2
    assert f"There is no serial port {tmp_path / 'ttyS9'}" in capsys.readouterr().err
