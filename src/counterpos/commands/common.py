"""Helpers every command module shares: opening the station named by --home, signing a user
in (the PIN from a prompt, standard input or COUNTERPOS_PIN, never the command line), and
argument types that refuse bad input with a plain message."""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from datetime import date
from pathlib import Path

from counterpos.services.access import auth
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.station import Station

PIN_ENV = "COUNTERPOS_PIN"
NEW_PIN_ENV = "COUNTERPOS_NEW_PIN"
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9._-]{1,39}")


def open_station(
    args: argparse.Namespace, *, must_exist: bool = True, check_mark: bool = True
) -> Station:
    station = Station.open(args.home, check_mark=check_mark)
    if must_exist and not station.is_initialised():
        station.close()
        raise StateError(
            f"No station is set up in {args.home}; run `counterpos init --admin-name NAME` "
            "(or `counterpos init --demo`) first."
        )
    return station


def read_secret(prompt: str, env: str = PIN_ENV) -> str:
    """A PIN: from the environment variable `env`, else asked for at the terminal (not
    echoed), else the next line of standard input. Never from the command line."""
    value = os.environ.get(env)
    if value:
        return _plain(value)
    stdin = sys.stdin
    try:
        if stdin is not None and stdin.isatty():
            return _plain(getpass.getpass(prompt))
        line = stdin.readline() if stdin is not None else ""
    except EOFError:
        line = ""
    except UnicodeDecodeError:
        raise InputError("The PIN given on standard input is not text.", field="pin") from None
    except OSError:
        line = ""
    if not line:
        raise InputError(
            f"No PIN was given: type it when asked, give it on standard input, or set {env}.",
            field="pin",
        )
    return _plain(line.rstrip("\r\n"))


def _plain(pin: str) -> str:
    # A wrong PIN is a wrong PIN, whatever it holds: bounded, and always encodable.
    return pin[:64].encode("utf-8", "replace").decode("utf-8")


def sign_in(station: Station, username: str, permission: str | tuple[str, ...], what: str) -> Actor:
    """Sign `username` in for one command, as at the till (wrong PINs count toward the
    lockout; audited), and require `permission` (or any one of several)."""
    pin = read_secret(f"PIN for {username}: ")
    actor = auth.login(station, username, pin, action="login_cli")
    wanted = (permission,) if isinstance(permission, str) else permission
    if not any(actor.can(p) for p in wanted):
        raise PermissionDenied(
            f"{actor.full_name} ({actor.role.replace('_', ' ')}) may not {what}.", wanted[0]
        )
    return actor


def login_from_args(station: Station, username: str) -> Actor:
    """Log a user in for one command (the service checks what they may do)."""
    pin = read_secret(f"PIN for {username}: ")
    return auth.login(station, username, pin, action="login_cli")


def write_file(path: Path, data: bytes, what: str = "The PDF") -> None:
    """Write a file the user named; a folder, a missing folder or no permission is a plain
    refusal."""
    try:
        path.write_bytes(data)
    except (OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        raise StateError(f"{what} could not be saved to {path} ({why}).") from None


# --- argument types: each refuses with a message argparse prints plainly --------------------


def username(text: str) -> str:
    if not _USERNAME.fullmatch(text):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise argparse.ArgumentTypeError(
            f"{shown!r} is not a username (2 to 40 letters, digits, '.', '_' or '-', "
            "starting with a letter)"
        )
    return text


def day(text: str) -> date:
    """A date like 2026-11-22, within the years a counter's records can hold."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise argparse.ArgumentTypeError(f"{shown!r} is not a date like 2026-11-22")
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day of the calendar") from None
    if not 1900 <= value.year <= 9998:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range; give a date from 1900-01-01 to 9998-12-31"
        )
    return value


def whole(low: int, high: int):
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        t = text.strip()
        if not re.fullmatch(r"-?[0-9]{1,12}", t) or not low <= int(t) <= high:
            shown = text if len(text) <= 20 else text[:20] + "…"
            raise argparse.ArgumentTypeError(
                f"{shown!r} is not a whole number from {low} to {high}"
            )
        return int(t)

    parse.__name__ = "number"
    return parse


def seconds(low: float, high: float):
    """An argparse type: a number of seconds from `low` to `high`."""

    def parse(text: str) -> float:
        t = text.strip()
        if not re.fullmatch(r"[0-9]{1,6}(\.[0-9]{1,3})?", t) or not low <= float(t) <= high:
            shown = text if len(text) <= 20 else text[:20] + "…"
            raise argparse.ArgumentTypeError(
                f"{shown!r} is not a number of seconds from {low:g} to {high:g}"
            )
        return float(t)

    parse.__name__ = "seconds"
    return parse


def text(limit: int, what: str = "text"):
    """An argparse type: one line of text of at most `limit` characters."""

    def parse(value: str) -> str:
        if len(value) > limit:
            raise argparse.ArgumentTypeError(
                f"{what} is at most {limit} characters ({len(value):,} given)"
            )
        if re.search(r"[\x00-\x1f\x7f]", value):
            raise argparse.ArgumentTypeError(f"{what} takes one line of plain text")
        return value

    parse.__name__ = "text"
    return parse


def file_path(value: str) -> Path:
    """An argparse type: a file's path, 1 to 1,024 characters of plain text."""
    if not value.strip() or len(value) > 1024 or re.search(r"[\x00-\x1f\x7f]", value):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise argparse.ArgumentTypeError(f"{shown!r} is not a file name (1 to 1,024 characters)")
    return Path(value)


def add_user_option(parser: argparse.ArgumentParser, who: str = "who signs in") -> None:
    parser.add_argument(
        "--user",
        required=True,
        type=username,
        metavar="NAME",
        help=f"{who}; the PIN is asked for, read from standard input or from ${PIN_ENV}",
    )
