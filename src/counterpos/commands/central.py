"""`counterpos central init|add-station|receipts|changes|apply|allow-user|allow-billing`: the
central database."""

from __future__ import annotations

import argparse
import os

from counterpos.commands.common import text, username, whole
from counterpos.services import config as config_service
from counterpos.services.central import admin, continuity

CODE = text(12, "a station code")
URL = text(500, "the address")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "central",
        help="set up the central PostgreSQL database",
        description="Create or upgrade the central database and register stations. URL is "
        "postgresql+psycopg://ADMIN@HOST/DB (or $COUNTERPOS_CENTRAL_ADMIN_URL).",
    )
    cs = p.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    init = cs.add_parser("init", help="create or upgrade the central schema")
    init.add_argument("url", nargs="?", type=URL, help="administrator's database URL")
    init.set_defaults(func=run_init)
    add = cs.add_parser("add-station", help="register a station and create its database role")
    add.add_argument("code", type=CODE, help="station code, like CH1")
    add.add_argument("--url", type=URL, help="administrator's database URL")
    add.add_argument(
        "--password",
        type=text(200, "the password"),
        help="the role's password (default: a new random one)",
    )
    add.set_defaults(func=run_add_station)
    stations = cs.add_parser(
        "stations",
        help="each station's version, last sync and newest error",
        description="Every registered station as the centre last heard from it: its version "
        "(marked when older than the approved one), when it last synced, what waits, and its "
        "newest error.",
    )
    stations.add_argument("--url", help="administrator's database URL")
    stations.set_defaults(func=run_stations)
    approve = cs.add_parser(
        "approve-version",
        help="the version every station should run",
        description="Approve a version for every station. A station that runs an older one "
        "says so at its login window and in `counterpos sync status`.",
    )
    approve.add_argument("version", help="like 1.4.2")
    approve.add_argument("--url", help="administrator's database URL")
    approve.set_defaults(func=run_approve)
    setting = cs.add_parser(
        "setting",
        help="settings kept at the centre, per station or for every station",
        description="Settings kept at the centre, changed in one place: each station pulls its "
        "own (else every station's) at its next sync. Every change is kept with who and when.",
    )
    ss = setting.add_subparsers(dest="setting_command", metavar="ACTION", required=True)
    sset = ss.add_parser("set", help="set KEY to VALUE for STATION (or all)")
    sset.add_argument("station", help="a station code, or all")
    sset.add_argument("key")
    sset.add_argument("value")
    sset.add_argument("--url", help="administrator's database URL")
    sset.set_defaults(func=run_setting_set)
    sunset = ss.add_parser("unset", help="stop setting KEY for STATION (or all)")
    sunset.add_argument("station", help="a station code, or all")
    sunset.add_argument("key")
    sunset.add_argument("--url", help="administrator's database URL")
    sunset.set_defaults(func=run_setting_unset)
    slist = ss.add_parser("list", help="what the centre sets (for STATION)")
    slist.add_argument("station", nargs="?")
    slist.add_argument("--url", help="administrator's database URL")
    slist.set_defaults(func=run_setting_list)
    rc = cs.add_parser(
        "receipts", help="every station's receipt numbers: gaps and duplicates named"
    )
    rc.add_argument("--station", type=CODE, help="one station's code, like CH1")
    rc.add_argument("--url", type=URL, help="administrator's database URL")
    rc.set_defaults(func=run_receipts)
    ch = cs.add_parser("changes", help="reference data stations sent that waits for you")
    ch.add_argument("--station", type=CODE, help="one station's code")
    ch.add_argument("--url", type=URL, help="administrator's database URL")
    ch.set_defaults(func=run_changes)
    ap = cs.add_parser("apply", help="apply (or --refuse) held changes")
    ap.add_argument(
        "ids",
        nargs="*",
        type=whole(1, 999_999_999_999),
        help="change numbers (see `central changes`)",
    )
    ap.add_argument("--all", action="store_true", help="every held change (of --station)")
    ap.add_argument("--station", type=CODE, help="one station's code")
    ap.add_argument("--refuse", action="store_true", help="refuse them instead")
    ap.add_argument("--url", type=URL, help="administrator's database URL")
    ap.set_defaults(func=run_apply)
    al = cs.add_parser("allow-user", help="the stations a user may sign in at (* for all)")
    al.add_argument("username", type=username)
    al.add_argument("stations", nargs="+", type=CODE, help="station codes, or *")
    al.add_argument("--url", type=URL, help="administrator's database URL")
    al.set_defaults(func=run_allow_user)
    ab = cs.add_parser("allow-billing", help="let a station send utility bills and late fees")
    ab.add_argument("code", help="station code, like CH1")
    ab.add_argument("--off", action="store_true", help="stop it instead")
    ab.add_argument("--url", help="administrator's database URL")
    ab.set_defaults(func=run_allow_billing)


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


def _when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "never"


def run_stations(args: argparse.Namespace) -> int:
    from counterpos.domain.versions import is_older

    rows, approved = admin.station_statuses(_admin_url(args.url))
    print(f"Approved version: {approved or 'none set (counterpos central approve-version)'}")
    print(f"{'station':8} {'version':12} {'last sync':16} {'waiting':>7} {'set aside':>9}  host")
    for r in rows:
        version = r.version or "-"
        if approved and r.version and is_older(r.version, approved):
            version += " (old)"
        print(
            f"{r.code:8} {version:12} {_when(r.last_sync_at):16} {r.pending:7} {r.failed:9}"
            f"  {r.host or '-'} {r.platform}".rstrip()
        )
        if r.last_error:
            print(f"{'':8} newest error {_when(r.last_error_at)}: {r.last_error}")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    before = admin.approve_version(_admin_url(args.url), args.version)
    print(f"Approved version: {before or 'none'} -> {args.version.strip()}.")
    print("Each station learns it at its next sync.")
    return 0


def run_setting_set(args: argparse.Namespace) -> int:
    from counterpos.services.central import station_settings

    old = station_settings.admin_set(_admin_url(args.url), args.station, args.key, args.value)
    who = "every station" if args.station.lower() in ("all", "*") else args.station.upper()
    print(f"{args.key} for {who}: {old if old is not None else '(not set)'} -> {args.value}")
    print("Each station takes it at its next sync.")
    return 0


def run_setting_unset(args: argparse.Namespace) -> int:
    from counterpos.services.central import station_settings

    old = station_settings.admin_set(_admin_url(args.url), args.station, args.key, None)
    print(f"{args.key} is no longer set at the centre (it was {old!r}).")
    print("Stations keep the value they have.")
    return 0


def run_setting_list(args: argparse.Namespace) -> int:
    from counterpos.services.central import station_settings

    for r in station_settings.admin_list(_admin_url(args.url), args.station):
        who = "all" if r.station_code == "*" else r.station_code
        print(f"{who:8} {r.key} = {r.value}    ({r.changed_by}, {_when(r.changed_at)})")
    return 0


def run_receipts(args: argparse.Namespace) -> int:
    stations = continuity.central_report(_admin_url(args.url), args.station)
    if not stations:
        print(
            "The central database holds no receipt numbers"
            + (f" of {args.station.upper()}." if args.station else ".")
        )
        return 0
    for st in stations:
        print("\n".join(st.lines()))
    return 0 if all(st.ok for st in stations) else 1


def run_changes(args: argparse.Namespace) -> int:
    held = admin.held_changes(_admin_url(args.url), args.station)
    if not held:
        print("No change waits for an administrator.")
        return 0
    for c in held:
        print(f"{c.id:>6}  {c.sent_at}  {c.station_code or '?':<6} {c.table_name} {c.record_id}")
        print(f"        {c.reason}")
        print(f"        {c.summary}")
    print(f"{len(held)} change(s) held. Apply with `counterpos central apply ID...` (or --all).")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    if not args.ids and not args.all:
        raise SystemExit("counterpos: give change numbers, or --all")
    n = admin.decide_changes(
        _admin_url(args.url),
        None if args.all else args.ids,
        apply=not args.refuse,
        station_code=args.station,
    )
    print(f"{'Refused' if args.refuse else 'Applied'} {n} change(s).")
    return 0


def run_allow_user(args: argparse.Namespace) -> int:
    stations = admin.allow_user(_admin_url(args.url), args.username, args.stations)
    print(f"{args.username} may sign in at: {', '.join(stations)}.")
    return 0


def run_allow_billing(args: argparse.Namespace) -> int:
    may = admin.allow_billing(_admin_url(args.url), args.code, not args.off)
    print(f"{args.code.upper()} {'may' if may else 'may not'} send utility bills and late fees.")
    return 0
