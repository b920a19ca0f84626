"""The real `counterpos` process fed what crashed it before (issue 13, section 7) and random
arguments: undecodable bytes on the command line, empty and 100,000-character session ids,
the calendar's ends, a pasted printer profile, a broken printer address, a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpos.services.station import DB_FILE
from tests.conftest import PINS

pytestmark = pytest.mark.reliability

SRC = str(Path(__file__).resolve().parents[2] / "src")


def counterpos(home: Path, *args, pin: str = PINS["admin"], stdin: bytes = b""):
    env = {**os.environ, "PYTHONPATH": SRC, "COUNTERPOS_PIN": pin}
    return subprocess.run(
        [sys.executable, "-m", "counterpos", "--home", os.fsencode(home), *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        start_new_session=True,  # no terminal, as a script or a service runs it
    )


@pytest.fixture
def home(template_home, tmp_path):
    target = tmp_path / "home"
    target.mkdir()
    (target / DB_FILE).write_bytes((template_home / DB_FILE).read_bytes())
    return target


BEFORE = [  # each of these ended in a traceback before issue 13
    (["config", "set", "city.name", b"\xff", "--user", "admin"], "not valid text"),
    (["config", "set", b"city.\xfe", "x", "--user", "admin"], "not valid text"),
    (["report", "eod", "--session", "", "--user", "sofia"], "at least the first 4"),
    (["report", "eod", "--session", "a" * 100_000, "--user", "sofia"], "at most 64"),
    (["report", "eod", "--date", "9999-12-31", "--user", "sofia"], "out of range"),
    (["report", "eod", "--date", "0001-01-01", "--user", "sofia"], "out of range"),
    (["audit", "list", "--since", "0001-01-01", "--user", "sofia"], "out of range"),
    (["config", "set", "printer.profile", "p" * 10_000, "--user", "admin"], "at most 60"),
    (["config", "set", "printer.url", "tcp://[::1", "--user", "admin"], "not one CounterPOS"),
    (["config", "set", "auth.lockout_minutes", "99999999999999", "--user", "admin"], "1440"),
    (["init", "--admin-name", "boss"], "already has users"),
    (["receipt", "reprint", "T1-000001", "--user", "maria"], "No PIN was given"),
]


@pytest.mark.parametrize(("args", "said"), BEFORE, ids=[str(i) for i in range(len(BEFORE))])
def test_what_crashed_is_now_a_plain_refusal(home, args, said, figures):
    pin = PINS["sofia"] if "sofia" in args else PINS["admin"]
    if "maria" in args:
        pin = ""  # no PIN anywhere: no terminal, an empty stdin, no variable
    done = counterpos(home, *args, pin=pin)
    err = done.stderr.decode("utf-8", "replace")
    figures("cli (real process)")["inputs tried"] += 1
    assert done.returncode == 2, err
    assert said in err and "Traceback" not in err and len(err) < 2_000, err


def test_a_closed_pipe_ends_the_report_quietly(home, figures):
    env = {**os.environ, "PYTHONPATH": SRC, "COUNTERPOS_PIN": PINS["sofia"]}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counterpos",
            "--home",
            str(home),
            "audit",
            "list",
            "--user",
            "sofia",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()
    err = proc.stderr.read()
    figures("cli (real process)")["inputs tried"] += 1
    assert proc.wait(timeout=120) == 141 and err == b"", err


COMMANDS = [
    ["config", "get", "{}"],
    ["config", "set", "city.phone", "{}", "--user", "admin"],
    ["receipt", "show", "{}"],
    ["report", "eod", "--session", "{}", "--user", "sofia"],
    ["audit", "list", "--target", "{}", "--user", "sofia"],
    ["user", "add", "{}", "--name", "Pat", "--user", "admin"],
    ["drawer", "no-sale", "--reason", "{}", "--user", "sofia"],
]


@settings(
    max_examples=int(os.environ.get("COUNTERPOS_FUZZ_PROCESS_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    template=st.sampled_from(COMMANDS),
    value=st.binary(min_size=0, max_size=300).filter(lambda b: b"\x00" not in b),
)
def test_random_bytes_on_the_command_line(home, template, value, figures):
    """Raw bytes as the OS hands them over, valid UTF-8 or not."""
    args = [value if a == "{}" else a for a in template]
    pin = PINS["sofia"] if "sofia" in template else PINS["admin"]
    done = counterpos(home, *args, pin=pin)
    err = done.stderr.decode("utf-8", "replace")
    figures("cli (real process)")["inputs tried"] += 1
    assert done.returncode in (0, 1, 2), err
    assert "Traceback" not in err
    if done.returncode == 2:
        assert err.strip()
