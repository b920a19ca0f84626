"""The station's configuration file, counterpos.toml: what configuration management drops in.

    # C:\\ProgramData\\CounterPOS\\counterpos.toml  (or /var/lib/counterpos/counterpos.toml)
    [station]
    code = "CH2"
    [printer]
    url = "win32://EPSON TM-T88V Receipt"
    profile = "epson-tm-t88"
    [drawer]
    port = "printer"
    [central]
    url = "postgresql+psycopg://counterpos_station_ch2@db.city.example/counterpos"
    [card]
    terminal = "tcp://10.20.0.31:9400"

Each `[table]` + key is one setting (`printer.url`; `printer.url = ...` at the top works too).
The file is read with tomllib, every value is checked before any is applied, and a bad one is
refused with its key, its line and what it may be. Applied changes are audited like
`config set` (actor "counterpos.toml"); a key the centre manages for this station
(services/central/station_settings.py) is left to the centre.

Checking goes through one small interface, `Check = (key, value) -> None`, raising InputError
whose message says what the value may be: `default_check` is the settings schema
(settings.check), the same checks `config set` makes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from counterpos.domain.pan_guard import scrub
from counterpos.services import audit, settings
from counterpos.services.errors import InputError
from counterpos.services.station import Station

log = logging.getLogger(__name__)

FILE_NAME = "counterpos.toml"
ENV = "COUNTERPOS_CONFIG"  # names another file
ACTOR = "counterpos.toml"

Check = Callable[[str, str], None]


class ConfigFileError(InputError):
    """counterpos.toml cannot be used as it is; str() names the file, line, key and why."""


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    values: dict[str, str]  # setting key -> value, as text
    lines: dict[str, int]  # setting key -> its line in the file (1-based)


@dataclass(frozen=True)
class Change:
    key: str
    old: str
    new: str


def config_path(home: Path) -> Path:
    """$COUNTERPOS_CONFIG, else counterpos.toml in the data folder."""
    env = os.environ.get(ENV, "").strip()
    return Path(env).expanduser() if env else Path(home) / FILE_NAME


def default_check(home: Path) -> Check:
    """The settings schema (services/settings.check) as one (key, value) -> None: the checks
    `counterpos config set` makes, types and ranges included."""

    def check(key: str, value: str) -> None:
        settings.check(key, value)

    return check


def read(path: Path, check: Check) -> ConfigFile:
    """Read and check the whole file; ConfigFileError names the first bad key and its line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigFileError(
            "{path} cannot be read ({strerror}).", path=path, strerror=exc.strerror
        ) from exc
    text = raw.decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigFileError("{path}: this is not valid TOML: {exc}.", path=path, exc=exc) from exc
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    for key, value in _flatten(data):
        line = find_line(text, key)
        where = f"{path}, line {line}" if line else str(path)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ConfigFileError(
                "{where}: {key} must be text or a whole number.", where=where, key=key
            )
        as_text = str(value)
        try:
            check(key, as_text)
        except (InputError, ValueError) as exc:
            shown = scrub(as_text)  # a card number typed into the file is not repeated back
            raise ConfigFileError(
                "{where}: {key} = {shown!r}: {exc}", where=where, key=key, shown=shown, exc=exc
            ) from exc
        values[key] = as_text
        if line:
            lines[key] = line
    return ConfigFile(path, values, lines)


def _flatten(data: dict, prefix: str = ""):
    for name, value in data.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{key}.")
        else:
            yield key, value


def find_line(text: str, key: str) -> int | None:
    """The line where `key` (like printer.url) is given: `[printer]` then `url = ...`, or
    `printer.url = ...` (quoted or not)."""
    table = ""
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.split("#", 1)[0].strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", line)
        if header:
            table = _unquote(header.group(1))
            continue
        if "=" not in line:
            continue
        left = _unquote(line.split("=", 1)[0].strip())
        full = f"{table}.{left}" if table else left
        if full == key:
            return number
    return None


def _unquote(dotted: str) -> str:
    return ".".join(part.strip().strip('"').strip("'") for part in dotted.split("."))


def apply(
    station: Station,
    path: Path | None = None,
    check: Check | None = None,
    *,
    skip: frozenset[str] = frozenset(),
) -> list[Change]:
    """Apply counterpos.toml to the station: all of it or, when a value is bad, none of it.

    Only values that differ are written, each audited; keys in `skip` (managed at the centre)
    are left alone. No file: nothing to do."""
    path = path or config_path(station.home)
    if not path.exists():
        return []
    config = read(path, check or default_check(station.home))
    changes = []
    # station.code first: the one value the store itself may refuse (a station that issued
    # receipts keeps its code), so a refusal comes before anything else is written.
    ordered = sorted(config.values.items(), key=lambda item: item[0] != "station.code")
    for key, value in ordered:
        if key in skip:
            log.info(
                "%s: %s is set at the centre for this station; the file's value waits", path, key
            )
            continue
        with contextlib.suppress(InputError):  # kept as the schema keeps it (`config set`)
            value = settings.check(key, value)
        old = station.setting(key)
        if key == "central.url":
            from counterpos.services.central.sync import central_url, connect

            if value.strip() and central_url(station) != _without_password(value):
                connect(station, value, actor_name=ACTOR)
                changes.append(Change(key, old, _without_password(value)))
            continue
        if old == value:
            continue
        if key == "station.code":
            station.set_code(value)
            _audit(station, key, old, value)
        else:
            with station.store.write() as s:
                settings.put(s, key, value)
                audit.record(
                    s,
                    station.code,
                    "setting_change",
                    actor=ACTOR,
                    target=key,
                    details={"old": old, "new": value, "file": str(path)},
                )
        changes.append(Change(key, old, value))
    if changes:
        log.info("%s applied: %s", path, ", ".join(c.key for c in changes))
    return changes


def apply_at_start(station: Station) -> str:
    """Apply counterpos.toml as the station opens; a bad file changes nothing and is logged
    (the centre sees it as the station's newest error) and returned, for the login window.
    The station starts either way, on the settings it had."""
    path = config_path(station.home)
    if not path.exists():
        return ""
    from counterpos.services.central.station_settings import managed_keys

    try:
        station.config_applied = apply(station, path, skip=managed_keys(station))
    except InputError as exc:
        log.error("%s was not applied: %s", path, exc)
        return str(exc)
    except Exception as exc:  # the file must never keep the till from starting
        log.exception("%s was not applied", path)
        return f"{path}: {exc}"
    return ""


def _audit(station: Station, key: str, old: str, new: str) -> None:
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "setting_change",
            actor=ACTOR,
            target=key,
            details={"old": old, "new": new},
        )


def _without_password(url: str) -> str:
    from counterpos.sync.central import normalise_url

    return normalise_url(url)._replace(password=None).render_as_string(hide_password=False)
