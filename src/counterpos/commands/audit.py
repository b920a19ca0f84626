"""`counterpos audit verify|list`: check the hash chain, and list events with filters."""

from __future__ import annotations

import argparse
import json

from counterpos.commands.common import add_user_option, day, open_station, sign_in, text, whole
from counterpos.services import audit_log


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit", help="check or list the audit trail", description="The audit trail."
    )
    aus = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = aus.add_parser(
        "verify",
        help="check the hash chain, and every sale against its audit event and outbox copies",
        description="Check the hash-chained audit trail; every sale, void and refund against "
        "its audit event and the copies queued in the outbox; every receipt number used once; "
        "nothing removed from the outbox's end. Prints OK, or every problem found.",
    )
    add_user_option(v, "who checks it (view_reports)")
    v.set_defaults(func=run_verify)
    ls = aus.add_parser("list", help="list events, newest first")
    ls.add_argument(
        "--action",
        default="",
        type=text(40, "an action"),
        help="only this action (sale, void, login_failed, ...)",
    )
    ls.add_argument(
        "--by",
        dest="by",
        default="",
        type=text(40, "a username"),
        help="events done or approved by this username",
    )
    ls.add_argument("--since", type=day, help="from this date (YYYY-MM-DD)")
    ls.add_argument("--until", type=day, help="up to this date, inclusive")
    ls.add_argument(
        "--target",
        default="",
        type=text(80, "a target"),
        help="target containing this text (receipt no., ...)",
    )
    ls.add_argument(
        "--limit", type=whole(1, 100_000), default=100, help="at most this many (default 100)"
    )
    add_user_option(ls, "who looks (view_reports)")
    ls.set_defaults(func=run_list)


def run_verify(args: argparse.Namespace) -> int:
    station = open_station(args)
    sign_in(station, args.user, "view_reports", "look at the audit trail")
    check = audit_log.verify(station)
    if check.ok:
        print(
            f"OK: {check.checked} events, chain intact; every sale matches its audit event "
            "and its outbox copies; no receipt number or outbox row missing."
        )
        return 0
    where = f" at event {check.first_bad_seq}" if check.first_bad_seq is not None else ""
    print(f"BROKEN{where}: {check.problem}")
    for problem in check.problems[1:]:
        print(f"  also: {problem}")
    return 1


def run_list(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "view_reports", "look at the audit trail")
    events = audit_log.list_events(
        station,
        actor,
        action=args.action,
        user=args.by,
        since=args.since,
        until=args.until,
        text=args.target,
        limit=args.limit,
    )
    print(
        f"{'SEQ':>6} {'WHEN':<19} {'STN':<5} {'ACTION':<20} {'BY':<10} {'APPROVER':<10} TARGET / DETAILS"
    )
    for e in events:
        details = json.dumps(e.details, sort_keys=True, separators=(",", ":"))
        if len(details) > 60:
            details = details[:57] + "..."
        print(
            f"{e.seq:>6} {e.at:%Y-%m-%d %H:%M:%S} {e.station_code:<5} {e.action:<20} "
            f"{e.actor:<10} {e.approver:<10} {e.target} {details}"
        )
    return 0
