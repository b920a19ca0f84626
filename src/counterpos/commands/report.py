"""`counterpos report eod`: the Z report (text, or PDF) and the bank deposit slip."""

from __future__ import annotations

import argparse
from datetime import date

from counterpos.commands.common import (
    add_user_option,
    day,
    file_path,
    login_from_args,
    open_station,
    text,
    whole,
)
from counterpos.domain import deposit_slip, z_report
from counterpos.services.drawer import eod
from counterpos.services.errors import StateError


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
        "--session",
        metavar="ID",
        type=text(64, "a session id"),
        help="drawer session id (or the 8 characters the reports print)",
    )
    scope.add_argument(
        "--date", metavar="YYYY-MM-DD", type=day, help="every session opened that day"
    )
    e.add_argument("--pdf", type=file_path, metavar="FILE", help="write the Z report PDF here")
    e.add_argument(
        "--deposit", type=file_path, metavar="FILE", help="write the deposit slip PDF here"
    )
    add_user_option(e, "who runs the report (view_reports, or the cashier of the session)")
    e.add_argument(
        "--width", type=whole(24, 200), default=42, help="characters per line (default 42)"
    )
    e.set_defaults(func=run_eod)


def run_eod(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    session_id = eod.resolve_session(station, args.session) if args.session is not None else None
    day_: date | None = args.date if session_id is None else None
    # With --pdf the service writes (and audits) the PDF of the very report printed here.
    if args.pdf:
        z = eod.z_report_pdf(station, actor, args.pdf, session_id=session_id, day=day_).document
    else:
        z = eod.z_report(station, actor, session_id=session_id, day=day_)
    print("\n".join(z_report.render_text(z, args.width)))
    if args.pdf:
        print(f"\nZ report written to {args.pdf}")
    try:
        if args.deposit:
            slip = eod.deposit_slip_pdf(
                station, actor, args.deposit, session_id=session_id, day=day_
            ).document
        else:
            slip = eod.deposit_slip(station, actor, session_id=session_id, day=day_)
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
