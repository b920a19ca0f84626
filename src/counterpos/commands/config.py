"""`counterpos config get|set`: read and change station settings."""

from __future__ import annotations

import argparse

from counterpos.commands.common import open_station
from counterpos.services import config as config_service


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "config",
        help="get or set station settings",
        description="Read or change this station's settings.",
    )
    cs = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    g = cs.add_parser("get", help="print one setting, or all of them with their meaning")
    g.add_argument("key", nargs="?")
    g.set_defaults(func=run_get)
    s = cs.add_parser("set", help="change a setting")
    s.add_argument("key")
    s.add_argument("value")
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
    station = open_station(args, must_exist=False)
    config_service.set_value(station, args.key, args.value, actor=None)
    print(f"{args.key} = {args.value}")
    return 0
