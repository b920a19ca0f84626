"""`counterpos init`: create a station store, optionally filled with the demo city."""

from __future__ import annotations

import argparse
import getpass

from counterpos.commands.common import open_station
from counterpos.services.access import users


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create (or migrate) this station's store",
        description="Create this station's store in --home, migrate it, and load the default fee schedule.",
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help="fill it with the demo city: users, 5,000 customers, 30 days of sales",
    )
    p.add_argument(
        "--station",
        metavar="CODE",
        default=None,
        help="station code, the prefix of receipt numbers (default CH1)",
    )
    p.add_argument(
        "--admin",
        metavar="USERNAME",
        default=None,
        help="without --demo: create this first supervisor (asks for a PIN)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    if args.station:
        station.set_code(args.station)
    else:
        station.set_code(station.code)
    if args.demo:
        from counterpos.demo.city import load_demo

        summary = load_demo(station)
        print(summary)
    elif not station.is_initialised():
        username = args.admin or input("First supervisor's username: ").strip()
        full_name = input("Full name: ").strip() or username
        pin = getpass.getpass("PIN (4-12 digits): ")
        users.add_user(station, username, full_name, "supervisor", pin)
        print(f"Created supervisor {username}.")
    print(f"Station {station.code} is ready in {args.home}")
    return 0
