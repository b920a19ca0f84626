"""`counterpos printer test|status|profiles|list`: test page, status, profiles, this computer's printers."""

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
    listing = ps.add_parser(
        "list",
        help="the printers and serial ports this computer has, as printer.url values",
        description="List the printers installed in Windows (or the CUPS queues on Linux and "
        "macOS) and the serial ports, each as a printer.url value to pick one with "
        "`counterpos config set printer.url URL`. Nothing is printed or opened.",
    )
    listing.set_defaults(func=run_list)


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


def run_list(args: argparse.Namespace) -> int:
    from counterpos.services.devices.printer_list import find_printers

    found = find_printers()
    if found.found:
        print(
            "Printers and ports on this computer (pick one with: counterpos config set printer.url URL)"
        )
        width = max(len(p.url) for p in found.found)
        for p in found.found:
            print(f"  {p.url:{width}}  {p.kind}: {p.detail}")
            if p.note:
                print(f"  {'':{width}}  ({p.note})")
    else:
        print("No printers or serial ports were found on this computer.")
    for note in found.notes:
        print(f"Note: {note}")
    return 0
