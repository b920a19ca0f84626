"""Every command that reads reports or the audit trail, or changes anything, signs a user in
(commands/common.py): `--user NAME`, the PIN never on the command line, the permission checked,
wrong PINs counted toward the lockout as at the till, and the change audited as that user."""

from __future__ import annotations

import pytest

from counterpos.cli import main
from counterpos.services.clock import local_today
from tests.conftest import PINS, audit_events

# Each command that needs a sign-in, with a user who may and one who may not run it.
SIGNED = {
    "user add": (["user", "add", "newbie", "--name", "New Bie"], "admin", "maria"),
    "user disable": (["user", "disable", "james"], "admin", "maria"),
    "config set": (["config", "set", "city.phone", "(555) 010-2000"], "admin", "james"),
    "report eod": (["report", "eod", "--date", local_today().isoformat()], "sofia", "maria"),
    "audit verify": (["audit", "verify"], "sofia", "maria"),
    "audit list": (["audit", "list"], "sofia", "maria"),
    "card resolve": (["card", "resolve"], "maria", None),
    "printer test": (["printer", "test"], "admin", "maria"),
    "drawer test": (["drawer", "test"], "sofia", "maria"),
    "drawer no-sale": (["drawer", "no-sale", "--reason", "change for the bank"], "sofia", "maria"),
    "tags assign-block": (
        ["tags", "assign-block", "--station", "T1", "--first", "1", "--last", "9"],
        "sofia",
        "maria",
    ),
    "passport log": (["passport", "log"], "james", "maria"),
    "sync failed": (["sync", "failed"], "sofia", "maria"),
    "sync retry": (["sync", "retry"], "admin", "maria"),
    "sync connect": (["sync", "connect", "postgresql+psycopg://r@h/db"], "admin", "maria"),
    "init --station": (["init", "--station", "T9"], "admin", "maria"),
    "doctor --accept-loss": (["doctor", "--accept-loss"], "admin", "sofia"),
    "sync resolve-numbers": (
        ["sync", "resolve-numbers", "--note", "restored from an older copy"],
        "sofia",
        "maria",
    ),
}


def run(home, args, user=None, pin=None, monkeypatch=None) -> int:
    if monkeypatch is not None:
        if pin is None:
            monkeypatch.delenv("COUNTERPOS_PIN", raising=False)
        else:
            monkeypatch.setenv("COUNTERPOS_PIN", pin)
    return main(["--home", str(home), *args, *(["--user", user] if user else [])])


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_without_a_user_nothing_runs(home, station, name, capsys):
    args, _, _ = SIGNED[name]
    assert run(home, args) == 2
    err = capsys.readouterr().err
    assert "--user" in err and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_without_a_pin_nothing_runs(home, station, name, capsys, monkeypatch):
    args, user, _ = SIGNED[name]
    before = len(audit_events(station, "setting_change", "user_add", "user_disable"))
    assert run(home, args, user, None, monkeypatch) == 2  # no terminal, nothing on stdin
    assert "No PIN was given" in capsys.readouterr().err
    assert len(audit_events(station, "setting_change", "user_add", "user_disable")) == before


@pytest.mark.parametrize("name", sorted(n for n in SIGNED if SIGNED[n][2]))
def test_a_user_without_the_permission_is_refused(home, station, name, capsys, monkeypatch):
    args, _, other = SIGNED[name]
    before = len(audit_events(station, "setting_change", "user_add", "user_disable"))
    assert run(home, args, other, PINS[other], monkeypatch) == 2
    err = capsys.readouterr().err
    assert "may not" in err and "Traceback" not in err
    assert len(audit_events(station, "setting_change", "user_add", "user_disable")) == before


def test_a_pin_on_the_command_line_is_not_an_option(home, station, capsys):
    args = ["config", "set", "city.phone", "1", "--user", "admin", "--pin", "9999"]
    assert main(["--home", str(home), *args]) == 2
    assert "unrecognized arguments: --pin" in capsys.readouterr().err


def test_wrong_pins_lock_the_user_as_at_the_till(home, station, capsys, monkeypatch):
    args = ["config", "set", "city.phone", "(555) 010-2000"]
    for left in (4, 3, 2, 1):
        assert run(home, args, "admin", "0000", monkeypatch) == 2
        assert f"{left} {'try' if left == 1 else 'tries'} left" in capsys.readouterr().err
    assert run(home, args, "admin", "0000", monkeypatch) == 2
    assert "is locked for 15 minutes" in capsys.readouterr().err
    assert run(home, args, "admin", PINS["admin"], monkeypatch) == 2  # the right PIN, too late
    assert "locked" in capsys.readouterr().err
    failed = audit_events(station, "login_failed")
    assert [e.details["for"] for e in failed][-6:] == ["login_cli"] * 6
    assert len(audit_events(station, "lockout")) == 1
    assert audit_events(station, "setting_change") == []


def test_the_change_is_audited_as_the_user_who_signed_in(home, station, capsys, monkeypatch):
    args = ["config", "set", "auth.max_failures", "3"]
    assert run(home, args, "admin", PINS["admin"], monkeypatch) == 0
    assert capsys.readouterr().out.strip() == "auth.max_failures = 3"
    (event,) = audit_events(station, "setting_change")
    assert (event.actor, event.target, event.details) == (
        "admin",
        "auth.max_failures",
        {"old": "5", "new": "3"},
    )
    assert audit_events(station, "login_cli")[-1].actor == "admin"


def test_a_username_that_is_not_one_is_refused_before_anything(home, station, capsys):
    for bad in ("x" * 100_000, "ad min", "4111111111111111", "\u00e9lan"):
        assert main(["--home", str(home), "audit", "verify", "--user", bad]) == 2
        err = capsys.readouterr().err
        assert "is not a username" in err and len(err) < 500
    assert audit_events(station, "login_failed") == []


@pytest.mark.parametrize(
    "name",
    ["", "x" * 2_000, "a\nb", "bell\x07"],
    ids=["empty", "a page", "newline", "control"],
)
def test_a_file_name_that_is_not_one_is_refused_plainly(home, station, name, capsys, tmp_path):
    args = ["passport", "log", "--pdf", name, "--user", "james"]
    assert main(["--home", str(home), *args]) == 2
    err = capsys.readouterr().err
    assert "is not a file name" in err and len(err) < 500


def test_a_pdf_that_cannot_be_written_is_a_plain_refusal(home, station, capsys, monkeypatch):
    monkeypatch.setenv("COUNTERPOS_PIN", PINS["james"])
    folder = home / "no" / "such" / "folder" / "log.pdf"
    for target in (home, folder):  # a folder, then a folder that is not there
        assert (
            main(
                ["--home", str(home), "passport", "log", "--pdf", str(target)] + ["--user", "james"]
            )
            == 2
        )
        err = capsys.readouterr().err
        assert "could not be saved to" in err and "Traceback" not in err
    assert not folder.parent.exists()
