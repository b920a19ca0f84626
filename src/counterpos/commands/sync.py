"""`counterpos sync [--once] | status | connect | failed | retry`: sync with the centre."""

from __future__ import annotations

import argparse
import sys
import time

from counterpos.commands.common import (
    add_user_option,
    open_station,
    seconds,
    sign_in,
    text,
    whole,
)
from counterpos.services import config as config_service
from counterpos.services.central import continuity
from counterpos.services.central import sync as sync_service


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sync",
        help="send sales to the central database and fetch reference data",
        description="With --once: one push and pull, then exit. With no action: keep syncing "
        "in the foreground (backing off while the centre is away) until Ctrl-C.",
    )
    p.add_argument("--once", action="store_true", help="run one full push and pull, then exit")
    p.add_argument(
        "--interval", type=seconds(0.01, 86_400), default=30.0, help="seconds between cycles"
    )
    p.add_argument(
        "--batch",
        type=whole(1, 100_000),
        default=sync_service.DEFAULT_BATCH,
        help="records per central transaction",
    )
    p.set_defaults(func=run_sync)
    ss = p.add_subparsers(dest="sync_command", metavar="ACTION")
    st = ss.add_parser("status", help="pending counts and the last success")
    st.set_defaults(func=run_status)
    c = ss.add_parser("connect", help="point this station at the central database")
    c.add_argument("url", type=text(500, "the address"), help="postgresql+psycopg://ROLE@HOST/DB")
    c.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (the line after the PIN, unless the PIN "
        "comes from COUNTERPOS_PIN)",
    )
    add_user_option(c, "who changes the setting (edit_settings)")
    c.set_defaults(func=run_connect)
    f = ss.add_parser("failed", help="list records the central database refused")
    add_user_option(f, "who looks (view_reports)")
    f.set_defaults(func=run_failed)
    r = ss.add_parser("retry", help="queue the refused records again")
    add_user_option(r, "who resends them (edit_settings)")
    r.set_defaults(func=run_retry)
    rn = ss.add_parser(
        "resolve-numbers",
        help="let receipt numbers go on after the centre's highest (a restored store)",
    )
    add_user_option(rn, "the supervisor who lets them go on (close_any_session)")
    rn.add_argument(
        "--note", required=True, type=text(500, "a note"), help="why the numbers were behind"
    )
    rn.set_defaults(func=run_resolve_numbers)


def run_sync(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    if not sync_service.central_url(station):
        print("No central database is set; this station works alone.")
        return 1
    if args.once:
        report = sync_service.run_once(station, batch_size=args.batch)
        print("\n".join(report.lines()))
        return 0
    worker = sync_service.start_worker(station, interval=args.interval, batch_size=args.batch)
    try:
        while worker.is_alive():
            time.sleep(1)
    finally:
        worker.stop()
    return 0


def run_status(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    state = sync_service.status(station)
    print(state.text)
    print(f"central.url: {sync_service.central_url(station) or '(none)'}")
    print(
        f"last success: {state.last_success:%Y-%m-%d %H:%M:%S}"
        if state.last_success
        else "last success: never"
    )
    if state.last_error:
        print(f"last error: {state.last_error}")
    counts = sync_service.pending_counts(station)
    print(f"pending: {sum(counts.values())}")
    for table, n in sorted(counts.items()):
        print(f"  {table}: {n}")
    print(f"set aside: {state.failed}")
    from counterpos.services.central import station_report
    from counterpos.version import version

    approved = station_report.approved_version(station)
    print(f"version: {version()} (approved: {approved or 'not known yet'})")
    notice = station_report.update_notice(station)
    if notice:
        print(notice)
    return 0


def run_connect(args: argparse.Namespace) -> int:
    station = open_station(args)
    config_service.check("central.url", args.url)
    actor = sign_in(station, args.user, "edit_settings", "change settings")
    password = sys.stdin.readline().strip() if args.password_stdin else None
    where = sync_service.connect(station, args.url, password, actor_name=actor.username)
    print(f"central.url = {sync_service.central_url(station)}")
    if where:
        print(f"password kept in {where}")
    return 0


def run_failed(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "view_reports", "see records the central database refused")
    rows = sync_service.failed_records(station, actor)
    if not rows:
        print("No records are set aside.")
    for r in rows:
        print(f"#{r.outbox_id} {r.table_name} {r.record_id} (tries {r.attempts}): {r.error}")
    return 0


def run_retry(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "edit_settings", "resend records")
    print(f"{sync_service.retry_failed(station, actor)} record(s) queued again.")
    return 0


def run_resolve_numbers(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "close_any_session", "resolve receipt numbering")
    last, high = continuity.resolve(station, actor, args.note)
    print(
        f"Receipt numbers go on after {high:06d} (this store's last was {last:06d}); "
        "recorded in the audit trail."
    )
    return 0
