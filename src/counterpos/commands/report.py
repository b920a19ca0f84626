"""`counterpos report eod`: the Z report (text, or PDF) and the bank deposit slip."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from counterpos.commands.common import open_station
from counterpos.domain import deposit_slip, z_report
from counterpos.services.access import auth
from counterpos.services.drawer import eod
from counterpos.services.errors import InputError, StateError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="end-of-day reports", description="End-of-day reports.")
    rs = p.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    e = rs.add_parser(
        "eod",
        help="Z report and deposit slip of a session or a date",
        description="Print the Z report of one drawer session or of a whole date (all "
        "stations) as text; write it and the bank deposit slip as PDFs.",
    )
    scope = e.add_mutually_exclusive_group(required=True)
    scope.add_argument(
        "--session", metavar="ID", help="drawer session id (or its first 8 characters)"
    )
    scope.add_argument("--date", metavar="YYYY-MM-DD", help="every session opened that day")
    e.add_argument("--pdf", type=Path, metavar="FILE", help="write the Z report PDF here")
    e.add_argument("--deposit", type=Path, metavar="FILE", help="write the deposit slip PDF here")
    e.add_argument("--user", default="admin", help="who runs the report (default admin)")
    e.add_argument("--width", type=int, default=42, help="characters per line (default 42)")
    e.set_defaults(func=run_eod)


def run_eod(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = auth.actor_for(station, args.user)
    if args.session:
        scope = {"session_id": eod.resolve_session(station, args.session)}
    else:
        try:
            scope = {"day": date.fromisoformat(args.date)}
        except ValueError as exc:
            raise InputError(f"{args.date!r} is not a date like 2026-11-22.", field="date") from exc
    # With --pdf the service writes (and audits) the PDF of the very report printed here.
    if args.pdf:
        z = eod.z_report_pdf(station, actor, args.pdf, **scope).document
    else:
        z = eod.z_report(station, actor, **scope)
    print("\n".join(z_report.render_text(z, args.width)))
    if args.pdf:
        print(f"\nZ report written to {args.pdf}")
    try:
        if args.deposit:
            slip = eod.deposit_slip_pdf(station, actor, args.deposit, **scope).document
        else:
            slip = eod.deposit_slip(station, actor, **scope)
    except StateError as exc:
        if args.deposit:
            raise
        print(f"\n({exc})")
        return 0
    print()
    print("\n".join(deposit_slip.render_text(slip, args.width)))
    if args.deposit:
        print(f"\nDeposit slip written to {args.deposit}")
    return 0
