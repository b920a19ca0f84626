"""`counterpos config get|set`: read and change station settings."""

from __future__ import annotations

import argparse

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
