"""`counterpos printer test|status|profiles`: test page, online/paper status, the profiles."""

from __future__ import annotations

import argparse

from counterpos.commands.common import add_user_option, open_station, sign_in
from counterpos.services.devices import printing


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "printer", help="test the receipt printer", description="The receipt printer."
    )
    ps = p.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    test = ps.add_parser(
        "test",
        help="print a test page (sizes, Spanish letters, barcode, cut)",
        description="Print a test page on printer.url and report success or the exact "
        "failure; recorded as the user who signs in (edit_settings).",
    )
    add_user_option(test, "who tests the printer (edit_settings)")
    test.set_defaults(func=run_test)
    status = ps.add_parser(
        "status",
        help="ask the printer whether it is online and has paper (tcp and serial printers)",
    )
    status.set_defaults(func=run_status)
    profiles = ps.add_parser("profiles", help="list the printer profiles")
    profiles.set_defaults(func=run_profiles)


def run_test(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "edit_settings", "test the printer")
    outcome = printing.print_test_page(station, actor.username)
    print(outcome.message)
    if outcome.note:
        print(outcome.note)
    return 0


def run_status(args: argparse.Namespace) -> int:
    station = open_station(args, must_exist=False)
    print(printing.printer_status(station))
    return 0


def run_profiles(args: argparse.Namespace) -> int:
    for p in printing.printer_profiles():
        print(f"{p.name:20} {p.chars:3} chars  {p.codepage.upper():6}  cut {p.cut:8} {p.label}")
    return 0
