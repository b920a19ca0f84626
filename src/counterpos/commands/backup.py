"""`counterpos backup [--list]` and `counterpos restore FILE --user NAME`: the store's backups."""

from __future__ import annotations

import argparse

from counterpos.commands.common import file_path, open_station, read_secret, username
from counterpos.services import backups


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser(
        "backup",
        help="back the store up now (or list the backups)",
        description="Copy the station's store, while it is in use, into backup.folder (default: "
        "the backups folder of the data folder; best on another disk). The till also backs up "
        "after each drawer close and every backup.interval_minutes.",
    )
    b.add_argument("--list", action="store_true", help="list the backups, newest first")
    b.set_defaults(func=run_backup)
    r = sub.add_parser(
        "restore",
        help="put a backup in place of the store (an administrator)",
        description="Put a backup in place of the station's store. Close the till first. The "
        "store it replaces is kept beside it. A backup older than what the station already did "
        "is refused unless --accept-older; numbering then continues after the last receipt the "
        "station issued, so no number is used twice.",
    )
    r.add_argument("file", type=file_path, help="the backup file")
    r.add_argument(
        "--user",
        required=True,
        type=username,
        metavar="NAME",
        help="the administrator (manage_store); PIN asked for, on standard input or in "
        "$COUNTERPOS_PIN",
    )
    r.add_argument(
        "--accept-older",
        action="store_true",
        help="restore a backup older than the station's work (that work is lost here)",
    )
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    try:
        where = backups.folder(station)
        if args.list:
            found = backups.list_backups(where)
            if not found:
                print(f"No backups in {where}.")
            for info in found:
                print(f"{info.when_local}  last receipt {info.last_receipt:<14} {info.path}")
            return 0
        made = backups.make_backup(station)
    finally:
        station.close()
    if made is None:
        last = backups.newest(where)
        print(f"Nothing changed since the newest backup, {last.path if last else where}.")
    else:
        print(f"Backed up to {made.path} (last receipt {made.last_receipt}).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    pin = read_secret(f"PIN for {args.user}: ")
    print(backups.restore(args.home, args.file, args.user, pin, accept_older=args.accept_older))
    return 0
