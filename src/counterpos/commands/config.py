"""`counterpos config get|set`: read and change station settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from counterpos.commands.common import add_user_option, open_station, sign_in, text
from counterpos.services import config as config_service


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "config",
        help="get or set station settings",
        description="Read or change this station's settings.",
    )
    cs = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    g = cs.add_parser("get", help="print one setting, or all of them with their meaning")
    g.add_argument("key", nargs="?", type=text(80, "a setting's name"))
    g.set_defaults(func=run_get)
    s = cs.add_parser(
        "set",
        help="change a setting (needs edit_settings)",
        description="Change a setting. The value is checked (type, range, format) before it "
        "is kept, and the change is audited as the user who signs in.",
    )
    s.add_argument("key", type=text(80, "a setting's name"))
    s.add_argument("value")
    add_user_option(s, "who changes it (edit_settings)")
    s.set_defaults(func=run_set)
    chk = cs.add_parser(
        "check",
        help="check counterpos.toml (or FILE) without applying it",
        description="Read the station's configuration file and check every value; a bad one "
        "is named with its line. Default file: counterpos.toml in the data folder, or "
        "$COUNTERPOS_CONFIG.",
    )
    chk.add_argument("file", nargs="?", type=Path)
    chk.set_defaults(func=run_check)
    app = cs.add_parser(
        "apply",
        help="apply counterpos.toml (or FILE) now: all of it, or nothing when a value is bad",
        description="Apply the configuration file now (the station also applies it at every "
        "start); each changed setting is audited.",
    )
    app.add_argument("file", nargs="?", type=Path)
    app.set_defaults(func=run_apply)


def run_get(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    if args.key:
        print(config_service.get_value(station, args.key))
        return 0
    for key, value, help_text in config_service.describe(station):
        print(f"{key} = {value}\n    {help_text}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    station = open_station(args)
    # Check the value before asking for a PIN: a typo costs no sign-in attempt.
    kept = config_service.check(args.key, args.value)
    actor = sign_in(station, args.user, "edit_settings", "change settings")
    if config_service.set_value(station, args.key, args.value, actor):
        print(f"{args.key} = {config_service.get_value(station, args.key)}")
    else:
        print(f"{args.key} is already {kept}; nothing changed.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from counterpos.services import station_config

    path = args.file or station_config.config_path(args.home)
    config = station_config.read(path, station_config.default_check(args.home))
    print(f"{path}: {len(config.values)} setting(s), all good.")
    for key, value in config.values.items():
        print(f"  {key} = {value}")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    from counterpos.services import station_config
    from counterpos.services.central.station_settings import managed_keys

    station = open_station(args, must_exist=False)
    path = args.file or station_config.config_path(args.home)
    if not path.exists():
        print(f"There is no {path}; nothing to apply.")
        return 0
    skip = managed_keys(station)
    # Opening the station applied the file already; report that, and anything left.
    changes = station.config_applied + station_config.apply(station, path, skip=skip)
    for change in changes:
        print(f"{change.key}: {change.old or '(empty)'} -> {change.new}")
    for key in sorted(skip):
        print(f"{key}: set at the centre for this station; the file's value is not used")
    if not changes:
        print(f"{path}: every setting already as the file says.")
    return 0
