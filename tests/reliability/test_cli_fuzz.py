"""Fuzzing every argument of the real `counterpos` command tree (cli.main, in-process): any
text, pasted pages, 5,000-digit numbers, the calendar's ends, lone surrogates, control
characters. Each input gets a plain message or does its job: no traceback, exit code 2 for a
refusal, nothing half-written, and what was accepted is stored exactly once."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpos.cli import UNEXPECTED, main
from counterpos.services import settings as schema
from counterpos.services.clock import local_today
from counterpos.services.station import DB_FILE, Station
from tests.conftest import PINS

pytestmark = pytest.mark.reliability

EXAMPLES = int(os.environ.get("COUNTERPOS_FUZZ_EXAMPLES", "60"))

NASTY = [
    "",
    " ",
    "-",
    "--",
    "%",
    "%%%%",
    "____",
    "\\",
    "'; DROP TABLE sale; --",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "\udcff",
    "\ud800",
    "caf\udce9",
    "tcp://[::1",
    "x" * 100_000,
    "1" * 5_000,
    "9" * 10_000,
    "4111 1111 1111 1111",
    "4111.1111.1111.1111",
    "../../../../etc/passwd",
    "a\nb",
    "\t",
    "\x1b[31mred",
    "\u202eevil",
    "NaN",
    "inf",
    "-1",
    "0",
    "1e309",
    "１２３４",
    "٣",
    "ﬁ",
    "admin",
    "T1-000001",
    "T1-999999",
    "AN-2026-00001",
    "postgresql+psycopg://r@h/db",
]

# Text a real command line can carry: anything but NUL (the undecodable bytes of a POSIX argv
# arrive as lone surrogates, which the strategy includes).
ARG = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=40),
    st.text(
        alphabet=st.characters(blacklist_characters="\x00", whitelist_categories=("Cs", "Nd")),
        max_size=40,
    ),
    st.text(alphabet="0123456789", min_size=4_300, max_size=6_000),
    st.text(alphabet=st.characters(blacklist_characters="\x00"), min_size=1_000, max_size=3_000),
)


@pytest.fixture
def busy_home(template_home, tmp_path, monkeypatch):
    """A station after a day: three sales, a closed session, a backup. The fuzzing runs with
    the working folder in tmp, so a fuzzed relative path lands there."""
    from counterpos.services import backups, sessions
    from counterpos.services.drawer import close
    from counterpos.services.drawer.close import ClosingCount
    from tests.conftest import login
    from tests.sale_helpers import cash, ring

    home = tmp_path / "home"
    home.mkdir()
    (home / DB_FILE).write_bytes((template_home / DB_FILE).read_bytes())
    st_ = Station.open(home)
    try:
        maria = login(st_, "maria")
        d = sessions.open_session(st_, maria, {"bill_20": 5})
        for cents in (1_000, 2_500, 4_000):
            ring(st_, maria, d.session_id, cents, cash(cents))
        sheet = close.closing_sheet(st_, maria, d.session_id)
        close.close_session(
            st_,
            maria,
            d.session_id,
            ClosingCount(
                {"bill_100": 1, "bill_20": 1, "bill_10": 1, "bill_5": 1},
                frozenset(i.tender_id for i in sheet.items),
            ),
            approval=__import__("counterpos.services.access.overrides", fromlist=["x"]).approve(
                st_, maria, "sofia", PINS["sofia"], "accept_over_short"
            ),
            note="fuzz day",
        )
        backups.make_backup(st_, force=True)
    finally:
        st_.close()
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("COUNTERPOS_NEW_PIN", "2468")
    return home


def run(argv: list[str], pin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ["COUNTERPOS_PIN"] = pin
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _stdin(io.StringIO("")),
    ):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _stdin(stream):
    import sys

    saved = sys.stdin
    sys.stdin = stream
    try:
        yield
    finally:
        sys.stdin = saved


BUSINESS = (
    "sale",
    "sale_line",
    "tender",
    "ledger_entry",
    "paid_in_out",
    "drawer_session",
    "drawer_close",
    "tag_block",
    "issued_document",
    "customer",
    "utility_account",
    "card_request",
)


def fingerprint(home: Path) -> tuple:
    """What a refused command must leave as it was (sign-in bookkeeping, audit events and
    records of failed prints are written on purpose and left out)."""
    conn = sqlite3.connect(home / DB_FILE)
    try:
        counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in BUSINESS)
        users = tuple(conn.execute("SELECT username, role, active FROM app_user ORDER BY 1"))
        values = tuple(conn.execute("SELECT key, value FROM setting ORDER BY 1"))
        return counts, users, values
    finally:
        conn.close()


def sound(home: Path) -> None:
    conn = sqlite3.connect(home / DB_FILE)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        for key, value in conn.execute("SELECT key, value FROM setting"):
            if key in schema.BY_KEY and key != "central.url":
                assert schema.is_valid(key, value), (key, value[:80])
    finally:
        conn.close()


def check_one(home: Path, argv: list[str], pin: str, tally, stored=None) -> None:
    before = fingerprint(home)
    code, out, err = run(["--home", str(home), *argv], pin)
    tally["inputs tried"] += 1
    assert code != UNEXPECTED, err
    assert code in (0, 1, 2), (code, err[:300])
    assert "Traceback" not in err and "Traceback" not in out
    assert len(err) < 5_000, err[:300]
    if code == 2:
        tally["refused"] += 1
        assert err.strip(), "a refusal says why"
        assert fingerprint(home) == before, "a refused command changed the store"
    else:
        tally["accepted"] += 1
        if stored is not None and stored(home, before):
            tally["stored"] += 1
    sound(home)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TODAY = local_today().isoformat()
# One argument fuzzed at a time, the rest valid: (argv with {} where the fuzzed text goes,
# whose PIN is in $COUNTERPOS_PIN).
CASES: dict[str, tuple[list[str], str]] = {
    "--home": (["--home", "{}", "config", "get", "station.code"], "admin"),
    "init --station": (["init", "--station", "{}", "--user", "admin"], "admin"),
    "init --admin-name": (["init", "--admin-name", "{}"], "admin"),
    "init --full-name": (["init", "--admin-name", "it", "--full-name", "{}"], "admin"),
    "user add NAME": (["user", "add", "{}", "--name", "Pat Lee", "--user", "admin"], "admin"),
    "user add --name": (["user", "add", "pat", "--name", "{}", "--user", "admin"], "admin"),
    "user add --role": (
        ["user", "add", "pat", "--name", "Pat", "--role", "{}", "--user", "admin"],
        "admin",
    ),
    "user add --user": (["user", "add", "pat", "--name", "Pat", "--user", "{}"], "admin"),
    "user disable NAME": (["user", "disable", "{}", "--user", "admin"], "admin"),
    "config get KEY": (["config", "get", "{}"], "admin"),
    "config set KEY": (["config", "set", "{}", "1", "--user", "admin"], "admin"),
    "receipt show NO": (["receipt", "show", "{}"], "admin"),
    "receipt show --width": (["receipt", "show", "T1-000001", "--width", "{}"], "admin"),
    "receipt reprint NO": (["receipt", "reprint", "{}", "--user", "maria"], "maria"),
    "receipt reprint --pdf": (
        ["receipt", "reprint", "T1-000001", "--pdf", "{}", "--user", "maria"],
        "maria",
    ),
    "certificate NO": (["certificate", "{}"], "admin"),
    "certificate --pdf": (["certificate", "AN-2026-00001", "--pdf", "{}"], "admin"),
    "tags assign-block --station": (
        [
            "tags",
            "assign-block",
            "--station",
            "{}",
            "--first",
            "900",
            "--last",
            "901",
            "--user",
            "sofia",
        ],
        "sofia",
    ),
    "tags assign-block --first": (
        [
            "tags",
            "assign-block",
            "--station",
            "T2",
            "--first",
            "{}",
            "--last",
            "950",
            "--user",
            "sofia",
        ],
        "sofia",
    ),
    "tags assign-block --year": (
        [
            "tags",
            "assign-block",
            "--station",
            "T2",
            "--year",
            "{}",
            "--first",
            "960",
            "--last",
            "961",
            "--user",
            "sofia",
        ],
        "sofia",
    ),
    "tags list --year": (["tags", "list", "--year", "{}"], "admin"),
    "passport log --date": (["passport", "log", "--date", "{}", "--user", "james"], "james"),
    "passport log --pdf": (["passport", "log", "--pdf", "{}", "--user", "james"], "james"),
    "report eod --session": (["report", "eod", "--session", "{}", "--user", "sofia"], "sofia"),
    "report eod --date": (["report", "eod", "--date", "{}", "--user", "sofia"], "sofia"),
    "report eod --width": (
        ["report", "eod", "--date", TODAY, "--width", "{}", "--user", "sofia"],
        "sofia",
    ),
    "report eod --pdf": (
        ["report", "eod", "--date", TODAY, "--pdf", "{}", "--user", "sofia"],
        "sofia",
    ),
    "report eod --deposit": (
        ["report", "eod", "--date", TODAY, "--deposit", "{}", "--user", "sofia"],
        "sofia",
    ),
    "audit list --action": (["audit", "list", "--action", "{}", "--user", "sofia"], "sofia"),
    "audit list --by": (["audit", "list", "--by", "{}", "--user", "sofia"], "sofia"),
    "audit list --since": (["audit", "list", "--since", "{}", "--user", "sofia"], "sofia"),
    "audit list --until": (["audit", "list", "--until", "{}", "--user", "sofia"], "sofia"),
    "audit list --target": (["audit", "list", "--target", "{}", "--user", "sofia"], "sofia"),
    "audit list --limit": (["audit", "list", "--limit", "{}", "--user", "sofia"], "sofia"),
    "audit verify --user": (["audit", "verify", "--user", "{}"], "sofia"),
    "card resolve --user": (["card", "resolve", "--user", "{}"], "maria"),
    "drawer no-sale --reason": (
        ["drawer", "no-sale", "--reason", "{}", "--user", "sofia"],
        "sofia",
    ),
    "printer test --user": (["printer", "test", "--user", "{}"], "admin"),
    "sync connect URL": (["sync", "connect", "{}", "--user", "admin"], "admin"),
    "sync --interval": (["sync", "--once", "--interval", "{}"], "admin"),
    "sync --batch": (["sync", "--once", "--batch", "{}"], "admin"),
    "sync failed --user": (["sync", "failed", "--user", "{}"], "sofia"),
    "doctor --user": (["doctor", "--accept-loss", "--user", "{}"], "admin"),
    "restore FILE": (["restore", "{}", "--user", "admin"], "admin"),
}
PATHS = {
    "receipt reprint --pdf",
    "certificate --pdf",
    "passport log --pdf",
    "report eod --pdf",
    "report eod --deposit",
    "restore FILE",
    "--home",
}


def _argv(template: list[str], value: str, case: str) -> list[str]:
    if case in PATHS:  # a fuzzed file or folder name, kept inside the test's own folder
        value = value.replace("/", "_").replace("\\", "_")
        if value in (".", ".."):
            value += "_"
    return [value if a == "{}" else a for a in template]


def _stored_user(home: Path, before: tuple) -> bool:
    users_before = {u[0] for u in before[1]}
    conn = sqlite3.connect(home / DB_FILE)
    try:
        names = [r[0] for r in conn.execute("SELECT username FROM app_user")]
    finally:
        conn.close()
    new = set(names) - users_before
    assert len(names) == len(set(names)), "a user doubled"
    return bool(new)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_argument(busy_home, case, figures):
    template, who = CASES[case]
    tally = figures("cli fuzz (in-process)")
    stored = _stored_user if case.startswith("user add") else None

    @FUZZ
    @given(value=ARG)
    def fuzz(value):
        check_one(busy_home, _argv(template, value, case), PINS[who], tally, stored)

    fuzz()


@pytest.mark.parametrize("key", [k.key for k in schema.KNOWN])
def test_every_setting(busy_home, key, figures):
    """`config set KEY VALUE` for every key: kept exactly as the schema keeps it, or refused
    with what is allowed."""
    tally = figures("cli fuzz (in-process)")

    def stored(home: Path, before: tuple) -> bool:
        conn = sqlite3.connect(home / DB_FILE)
        try:
            rows = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchall()
        finally:
            conn.close()
        assert len(rows) <= 1
        return bool(rows) and (key, rows[0][0]) not in before[2]

    @FUZZ
    @given(value=ARG)
    def fuzz(value):
        if key == "central.url" and value.strip():
            value = "postgresql+psycopg://r@h/db?x=" + value  # parsed and stored, never dialled
        argv = ["config", "set", key, value, "--user", "admin"]
        before_value = _setting(busy_home, key)
        check_one(busy_home, argv, PINS["admin"], tally, stored)
        after = _setting(busy_home, key)
        if after != before_value:  # what is kept is what the schema makes of the input
            assert after == schema.check(key, value) or key == "central.url"

    fuzz()


def _setting(home: Path, key: str) -> str | None:
    conn = sqlite3.connect(home / DB_FILE)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def test_the_audit_chain_holds_after_the_fuzzing(busy_home, figures):
    """A last pass over a store that took every kind of refusal: its chain verifies."""
    for value in NASTY:
        check_one(
            busy_home,
            ["audit", "list", "--target", value[:80] or "x", "--user", "sofia"],
            PINS["sofia"],
            figures("cli fuzz (in-process)"),
        )
    code, out, err = run(
        ["--home", str(busy_home), "audit", "verify", "--user", "sofia"], PINS["sofia"]
    )
    assert code == 0 and out.startswith("OK"), out + err
