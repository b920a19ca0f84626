"""`counterpos init`: create a station store, optionally filled with the demo city."""

from __future__ import annotations

import argparse
import getpass
import os

from counterpos.commands.common import open_station
from counterpos.services.access import users
from counterpos.services.central import sync
from counterpos.services.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create (or migrate) this station's store",
        description="Create this station's store, migrate it, and load the default fee schedule. "
        "A new station says where its store lives: --machine (every login of this computer "
        "shares it: a counter PC) or --user-only (this login only); --home names a folder.",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--machine",
        dest="scope",
        action="store_const",
        const="machine",
        help="the machine-wide folder (C:\\ProgramData\\CounterPOS, /var/lib/counterpos, "
        "/Library/Application Support/CounterPOS): run once as administrator",
    )
    where.add_argument(
        "--user-only",
        dest="scope",
        action="store_const",
        const="user",
        help="this user's own data folder: a PC with a single login",
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
        help="without --demo: create this first supervisor (asks for a PIN, or reads "
        "COUNTERPOS_PIN). Not needed when counterpos.toml names a central database: the "
        "station takes its users from there",
    )
    p.add_argument("--name", default=None, help="the first supervisor's full name")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from counterpos.services.home import DB_FILE, machine_home, user_home

    source = getattr(args, "home_source", "option")
    if getattr(args, "scope", None) and source in ("option", "env"):
        raise InputError(
            "--home (or COUNTERPOS_HOME) names the folder; leave out --machine and --user-only."
        )
    if source in ("machine", "user") and not args.demo and not (args.home / DB_FILE).exists():
        raise InputError(
            "Say where this station's store lives: `counterpos init --machine` on a counter PC "
            f"(every login of it shares {machine_home()}; run it once as administrator), or "
            f"`counterpos init --user-only` for a PC with one login ({user_home()})."
        )
    station = open_station(args, must_exist=False)
    if args.station:
        station.set_code(args.station)
    else:
        station.set_code(station.code)
    if args.demo:
        from counterpos.demo.city import load_demo

        summary = load_demo(station)
        print(summary)
    elif not args.admin and sync.needs_users_from_centre(station):
        # Attached to a centre (counterpos.toml or an earlier `sync connect`): no local user.
        problem = sync.take_users(station)
        print(problem or "Took this station's users from the central database.")
    elif not station.is_initialised():
        try:
            username = args.admin or input("First supervisor's username: ").strip()
            full_name = args.name or input("Full name: ").strip() or username
            pin = os.environ.get("COUNTERPOS_PIN") or getpass.getpass(
                "PIN (at least 6 digits for a supervisor): "
            )
        except EOFError:  # no one to type: run by configuration management
            raise InputError(
                "No one is there to type the first supervisor's details: give --admin NAME "
                "--name 'FULL NAME' and the PIN in COUNTERPOS_PIN, or name a central database "
                "in counterpos.toml so the station takes its users from there."
            ) from None
        users.add_user(station, username, full_name, "supervisor", pin)
        print(f"Created supervisor {username}.")
    print(f"Station {station.code} is ready in {args.home}")
    return 0
