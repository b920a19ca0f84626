"""Issue 19 tried as city IT would: a fresh counter PC, no terminal on it.

The centre is set up from the administrator's desk (`central add-station`, `central setting`).
The counter PC gets only what an installer's `/CONFIG=` or configuration management drops in:
counterpos.toml in its data folder. Nobody types anything there: the till starts, applies the
file, takes its users and settings from the centre, and reaches sign-in. When the printer then
fails, IT finds it in the station's log and in `central stations`, without visiting the PC.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.pg, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def counterpos(*args: str, home: Path | None = None, stdin: str = "", **env: str):
    """The real program, as configuration management or a scheduled task runs it: no terminal."""
    e = {k: v for k, v in os.environ.items() if k not in ("COUNTERPOS_HOME", "COUNTERPOS_PIN")}
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), e.get("PYTHONPATH")]))
    e["QT_QPA_PLATFORM"] = "offscreen"
    if home is not None:
        e["COUNTERPOS_HOME"] = str(home)  # stands for C:\ProgramData\CounterPOS here
    e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "counterpos", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=e,
        timeout=180,
        start_new_session=True,  # no controlling terminal
    )


def ok(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def add_station(admin_url: str, code: str) -> tuple[str, str]:
    out = ok(counterpos("central", "add-station", code, "--url", admin_url))
    url = re.search(r"central\.url = (\S+)", out).group(1)
    password = re.search(r"password +=\s+(\S+)", out).group(1)
    return url, password


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once it is closed


def test_a_fresh_counter_pc_is_installed_configured_and_diagnosed_without_a_terminal(
    tmp_path, central_url
):
    admin = central_url
    # The first station (the supervisor's PC) brings the city's first user to the centre.
    ch1 = tmp_path / "ch1"
    ok(
        counterpos(
            "init", "--station", "CH1", "--admin", "boss", "--name", "Bea Boss",
            home=ch1, COUNTERPOS_PIN="654321",
        )
    )  # fmt: skip
    url1, password1 = add_station(admin, "CH1")
    ok(
        counterpos(
            "sync", "connect", url1, "--password-stdin", "--user", "boss",
            home=ch1, stdin=password1 + "\n", COUNTERPOS_PIN="654321",
        )
    )  # fmt: skip
    ok(counterpos("sync", "--once", home=ch1))
    ok(counterpos("central", "apply", "--all", "--url", admin))
    ok(counterpos("central", "allow-user", "boss", "CH1", "CH2", "--url", admin))

    # At the administrator's desk: the new station, and settings for it kept at the centre.
    url2, password2 = add_station(admin, "CH2")
    ok(counterpos("central", "setting", "set", "all", "receipt.footer_en", "Mission Vista", "--url", admin))  # fmt: skip
    ok(counterpos("central", "setting", "set", "CH2", "printer.timeout", "2", "--url", admin))

    # The counter PC: an empty data folder and the file configuration management dropped in.
    ch2 = tmp_path / "ProgramData" / "CounterPOS"
    ch2.mkdir(parents=True)
    with_password = make_url(url2).set(password=password2).render_as_string(hide_password=False)
    port = closed_port()
    (ch2 / "counterpos.toml").write_text(
        f"""# dropped in by configuration management
[station]
code = "CH2"
name = "City Hall counter 2"

[central]
url = "{with_password}"

[printer]
url = "tcp://127.0.0.1:{port}"
timeout = 5   # the centre sets 2 for CH2; the centre wins
""",
        encoding="utf-8",
    )
    started = counterpos(home=ch2, COUNTERPOS_BENCH_EXIT_ON_SHOWN="ready")
    assert started.returncode == 0, started.stderr
    assert "COUNTERPOS_READY" in started.stdout  # sign-in, not the demo city's offer

    assert ok(counterpos("config", "get", "station.code", home=ch2)).split()[-1] == "CH2"
    assert "tcp://127.0.0.1" in ok(counterpos("config", "get", "printer.url", home=ch2))
    assert ok(counterpos("config", "get", "printer.timeout", home=ch2)).split()[-1] == "2"
    assert "Mission Vista" in ok(counterpos("config", "get", "receipt.footer_en", home=ch2))
    users = ok(counterpos("user", "list", home=ch2))
    assert "boss" in users and "Bea Boss" in users
    assert password2 not in (ch2 / "counterpos.sqlite").read_bytes().decode("latin-1")

    # A cashier calls: the printer does not print. The plain message, then the log.
    printed = counterpos("printer", "test", "--user", "boss", home=ch2, COUNTERPOS_PIN="654321")
    assert printed.returncode != 0
    assert "Traceback" not in printed.stderr
    log = (ch2 / "logs" / "counterpos.log").read_text(encoding="utf-8")
    assert "counterpos.toml applied" in log
    assert "took its users from the central database" in log
    assert "Settings from the centre: " in log and "printer.timeout" in log
    assert f"127.0.0.1:{port}" in log  # the failed print, with the printer it went to
    assert not [line for line in log.splitlines() if " INFO " in line and "alembic" in line]
    assert password2 not in log
    newest = (ch2 / "logs" / "last-error.txt").read_text(encoding="utf-8")
    assert f"127.0.0.1:{port}" in newest

    # ... and from the administrator's desk, after the station's next sync.
    ok(counterpos("sync", "--once", home=ch2))
    stations = ok(counterpos("central", "stations", "--url", admin))
    block = stations.split("\nCH2", 1)[1]
    assert "newest error" in block and f"127.0.0.1:{port}" in block
