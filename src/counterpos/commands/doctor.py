"""`counterpos doctor [--accept-loss --user NAME]`: check the store in full, or accept lost work."""

from __future__ import annotations

import argparse

from counterpos.commands.common import open_station, sign_in, username
from counterpos.services import store_health
from counterpos.services.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "doctor",
        help="check the store in full (read-only), and name the newest backup",
        description="Check the station's store: the file, SQLite's full integrity check and "
        "foreign keys, the station's high-water mark (work the store may have lost) and the "
        "backups. Changes nothing. With --accept-loss, an administrator accepts work the store "
        "lost that no backup holds: numbering moves past the last receipt issued.",
    )
    p.add_argument(
        "--accept-loss",
        action="store_true",
        help="accept the work the store lost (needs --user, an administrator)",
    )
    p.add_argument(
        "--user",
        type=username,
        metavar="NAME",
        default=None,
        help="with --accept-loss: the administrator (PIN asked for, on standard input, or "
        "$COUNTERPOS_PIN)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.accept_loss:
        if not args.user:
            raise InputError("--accept-loss needs --user NAME (an administrator).", field="user")
        station = open_station(args, check_mark=False)
        try:
            actor = sign_in(station, args.user, "manage_store", "accept lost work in the store")
            print(store_health.accept_loss(station, actor))
        finally:
            station.close()
        return 0
    checkup = store_health.doctor(args.home)
    print(f"Store: {checkup.store}")
    for note in checkup.notes:
        print(f"  {note}")
    for problem in checkup.problems:
        print(f"PROBLEM: {problem}")
    print("OK" if checkup.ok else "NOT OK")
    return 0 if checkup.ok else 1
