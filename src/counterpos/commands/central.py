"""`counterpos central init|add-station`: set up the central PostgreSQL database."""

from __future__ import annotations

import argparse
import os

from counterpos.commands.common import text
from counterpos.services import config as config_service
from counterpos.services.central import admin


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "central",
        help="set up the central PostgreSQL database",
        description="Create or upgrade the central database and register stations. URL is "
        "postgresql+psycopg://ADMIN@HOST/DB (or $COUNTERPOS_CENTRAL_ADMIN_URL).",
    )
    cs = p.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    init = cs.add_parser("init", help="create or upgrade the central schema")
    init.add_argument(
        "url", nargs="?", type=text(500, "the address"), help="administrator's database URL"
    )
    init.set_defaults(func=run_init)
    add = cs.add_parser("add-station", help="register a station and create its database role")
    add.add_argument("code", type=text(12, "a station code"), help="station code, like CH1")
    add.add_argument("--url", type=text(500, "the address"), help="administrator's database URL")
    add.add_argument(
        "--password",
        type=text(200, "the password"),
        help="the role's password (default: a new random one)",
    )
    add.set_defaults(func=run_add_station)


def _admin_url(value: str | None) -> str:
    url = value or os.environ.get("COUNTERPOS_CENTRAL_ADMIN_URL", "")
    if not url:
        raise SystemExit("counterpos: give the administrator's database URL")
    config_service.check("central.url", url)  # an address that does not parse is refused here
    return url


def run_init(args: argparse.Namespace) -> int:
    before, after = admin.init(_admin_url(args.url))
    if before == after:
        print(f"The central database is up to date (schema {after}).")
    else:
        print(f"Central database schema: {before or 'empty'} -> {after}.")
    return 0


def run_add_station(args: argparse.Namespace) -> int:
    info = admin.add_station(_admin_url(args.url), args.code, args.password)
    print(f"Station {info['station']} registered; database role {info['role']}.")
    print("Connection settings for the station:")
    print(f"  central.url = {info['url']}")
    print(f"  password    = {info['password']}")
    print("On the station run (the password is read from standard input and kept out of")
    print("the settings, in the keyring or a file only its user can read):")
    print(f"  counterpos sync connect '{info['url']}' --password-stdin")
    return 0
