"""`counterpos passport log [--date D] [--pdf FILE]`: the day's passport acceptance log."""

from __future__ import annotations

import argparse

from counterpos.commands.common import (
    add_user_option,
    day,
    file_path,
    open_station,
    sign_in,
    write_file,
)
from counterpos.services.counter import passport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "passport",
        help="passport acceptance log",
        description="The facility's daily log of passport applications executed.",
    )
    ps = p.add_subparsers(dest="passport_command", metavar="ACTION", required=True)
    log = ps.add_parser("log", help="list (or save as PDF) one day's applications")
    log.add_argument("--date", type=day, default=None, help="day as YYYY-MM-DD (default: today)")
    log.add_argument("--pdf", type=file_path, default=None, help="write the log as a PDF here")
    add_user_option(log, "who reads it (passport or view_reports)")
    log.set_defaults(func=run_log)


def run_log(args: argparse.Namespace) -> int:
    station = open_station(args)
    sign_in(station, args.user, ("view_reports", "passport"), "read the passport log")
    if args.pdf:
        write_file(args.pdf, passport.acceptance_log_pdf(station, args.date))
        print(f"Wrote {args.pdf}")
        return 0
    entries = passport.acceptance_log(station, args.date)
    if not entries:
        print("No passport applications were executed that day.")
    for e in entries:
        mailed = f"mailed {e.mailed_on:%m/%d/%Y} {e.tracking_no}" if e.mailed_on else "not mailed"
        print(
            f"{e.receipt_no}  {e.applicant_name:<28} {e.form_type}  {e.dos_payment:<22} "
            f"{e.dos_amount.format():>9}  {mailed}"
        )
    return 0
