"""`counterpos user add|list|disable`: manage the people who log in at this station."""

from __future__ import annotations

import argparse
import os
import sys

from counterpos.commands.common import (
    NEW_PIN_ENV,
    add_user_option,
    open_station,
    read_secret,
    sign_in,
    text,
    username,
)
from counterpos.services.access import users
from counterpos.services.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "user", help="add, list or disable users", description="Manage the users of this station."
    )
    us = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = us.add_parser(
        "add",
        help="add a user (needs manage_users)",
        description="Add a user. You sign in with --user (your PIN: asked for, the first line "
        "of standard input, or COUNTERPOS_PIN); the new user's PIN is asked for, read from the "
        "next line of standard input, or from COUNTERPOS_NEW_PIN.",
    )
    add.add_argument("username", type=username)
    add.add_argument(
        "--name", required=True, type=text(80, "a full name"), help="the person's full name"
    )
    add.add_argument(
        "--role",
        default="cashier",
        type=text(40, "a role"),
        help="cashier, senior_cashier, supervisor or admin",
    )
    add_user_option(add, "who adds the user (manage_users)")
    add.set_defaults(func=run_add)
    ls = us.add_parser("list", help="list users")
    ls.set_defaults(func=run_list)
    dis = us.add_parser("disable", help="disable a user (history keeps their name)")
    dis.add_argument("username", type=username)
    add_user_option(dis, "who disables the user (manage_users)")
    dis.set_defaults(func=run_disable)


def run_add(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "manage_users", "manage users")
    pin = read_secret(
        f"PIN for {args.username} (4-12 digits; a supervisor's or administrator's at least 6): ",
        NEW_PIN_ENV,
    )
    at_terminal = sys.stdin is not None and sys.stdin.isatty()
    if (
        at_terminal
        and not os.environ.get(NEW_PIN_ENV)
        and read_secret("The same PIN again: ", NEW_PIN_ENV) != pin
    ):
        raise InputError("The two PINs differ; nobody was added.", field="pin")
    view = users.add_user(station, args.username, args.name, args.role, pin, actor=actor)
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
    actor = sign_in(station, args.user, "manage_users", "manage users")
    users.disable_user(station, args.username, actor=actor)
    print(f"Disabled {args.username}.")
    return 0
