"""`counterpos init`: create a station store, optionally filled with the demo city.

Provisioning an empty store is the one change made without signing in: `--admin-name NAME`
creates its first administrator, the PIN read from standard input or COUNTERPOS_PIN (asked
for only at a terminal). A station named to a central database (counterpos.toml or an earlier
`sync connect`) takes its users from there instead. Once the store has users, changing its
code needs `--user`.
"""

from __future__ import annotations

import argparse
import os
import sys

from counterpos.commands.common import (
    PIN_ENV,
    open_station,
    read_secret,
    sign_in,
    text,
    username,
)
from counterpos.services import config as config_service
from counterpos.services.access import users
from counterpos.services.central import sync
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station

FIRST_ROLE = "admin"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create (or migrate) this station's store",
        description="Create this station's store, migrate it, and load the default fee schedule. "
        "A new station says where its store lives: --machine (every login of this computer "
        "shares it: a counter PC) or --user-only (this login only); --home names a folder. "
        "On an empty store, --admin-name creates its first administrator (PIN from standard "
        "input or COUNTERPOS_PIN; asked for at a terminal).",
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
        type=text(12, "a station code"),
        default=None,
        help="station code, the prefix of receipt numbers (default CH1)",
    )
    p.add_argument(
        "--admin-name",
        "--admin",
        dest="admin_name",
        metavar="USERNAME",
        type=username,
        default=None,
        help="without --demo, on an empty store: create this first administrator (the PIN on "
        "standard input or in COUNTERPOS_PIN). Not needed when counterpos.toml names a central "
        "database: the station takes its users from there",
    )
    p.add_argument(
        "--full-name",
        "--name",
        dest="full_name",
        metavar="TEXT",
        type=text(80, "a full name"),
        default=None,
        help="the first administrator's full name (default: the username)",
    )
    p.add_argument(
        "--user",
        metavar="NAME",
        type=username,
        default=None,
        help="on a store that is set up already: who changes its station code (edit_settings)",
    )
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
    try:
        if station.is_initialised():
            return _existing(station, args)
        return _provision(station, args)
    finally:
        station.close()


def _existing(station: Station, args: argparse.Namespace) -> int:
    if args.admin_name:
        raise StateError(
            "This station already has users; add one with `counterpos user add NAME --name "
            "'Full Name' --role ROLE --user YOU`."
        )
    if args.demo:
        raise StateError("This station is set up already; --demo only fills an empty store.")
    if args.station and args.station.strip().upper() != station.code:
        if not args.user:
            raise InputError(
                "This station is set up; changing its code needs --user NAME (a user who may "
                "change settings).",
                field="user",
            )
        actor = sign_in(station, args.user, "edit_settings", "change settings")
        config_service.set_value(station, "station.code", args.station, actor)
    print(f"Station {station.code} is ready in {args.home}")
    return 0


def _provision(station: Station, args: argparse.Namespace) -> int:
    station.set_code(args.station or station.code)
    if args.demo:
        from counterpos.demo.city import load_demo

        print(load_demo(station))
        print(f"Station {station.code} is ready in {args.home}")
        return 0
    name = args.admin_name
    if not name and sync.needs_users_from_centre(station):
        # Attached to a centre (counterpos.toml or an earlier `sync connect`): no local user.
        problem = sync.take_users(station)
        print(problem or "Took this station's users from the central database.")
        print(f"Station {station.code} is ready in {args.home}")
        return 0
    if not name:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise InputError(
                "Give the first administrator with --admin-name NAME (the PIN on standard "
                "input or in COUNTERPOS_PIN), name a central database in counterpos.toml so the "
                "station takes its users from there, or use --demo.",
                field="admin_name",
            )
        try:
            name = username(input("First administrator's username: ").strip())
        except (argparse.ArgumentTypeError, EOFError) as exc:
            raise InputError(str(exc) or "No username was given.", field="admin_name") from None
    pin = read_secret(f"PIN for {name} (at least 6 digits): ")
    if sys.stdin is not None and sys.stdin.isatty() and not os.environ.get(PIN_ENV):
        again = read_secret("The same PIN again: ")
        if again != pin:
            raise InputError("The two PINs differ; nothing was created.", field="pin")
    view = users.add_user(station, name, args.full_name or name, FIRST_ROLE, pin)
    print(f"Created administrator {view.username}.")
    print(f"Station {station.code} is ready in {args.home}")
    return 0
