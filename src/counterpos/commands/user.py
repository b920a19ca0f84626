"""`counterpos user add|list|disable`: manage the people who log in at this station."""

from __future__ import annotations

import argparse
import getpass
import os

from counterpos.commands.common import open_station
from counterpos.services.access import users


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "user", help="add, list or disable users", description="Manage the users of this station."
    )
    us = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = us.add_parser("add", help="add a user (asks for the PIN, or reads COUNTERPOS_PIN)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's full name")
    add.add_argument(
        "--role", default="cashier", help="cashier, senior_cashier, supervisor or admin"
    )
    add.set_defaults(func=run_add)
    ls = us.add_parser("list", help="list users")
    ls.set_defaults(func=run_list)
    dis = us.add_parser("disable", help="disable a user (history keeps their name)")
    dis.add_argument("username")
    dis.set_defaults(func=run_disable)


def run_add(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    pin = os.environ.get("COUNTERPOS_PIN") or getpass.getpass(
        f"PIN for {args.username} (4-12 digits): "
    )
    view = users.add_user(station, args.username, args.name, args.role, pin)
    print(f"Added {view.username} ({view.full_name}) as {view.role}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    station = open_station(args)
    rows = users.list_users(station)
    print(f"{'USERNAME':<16} {'NAME':<28} {'ROLE':<16} STATUS")
    for u in rows:
        status = "disabled" if not u.active else ("locked" if u.locked else "active")
        print(f"{u.username:<16} {u.full_name:<28} {u.role:<16} {status}")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    station = open_station(args)
    users.disable_user(station, args.username)
    print(f"Disabled {args.username}.")
    return 0
