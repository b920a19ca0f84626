"""`counterpos receipt show|reprint NO`: show a saved receipt as text, or reprint it."""

from __future__ import annotations

import argparse

from counterpos.commands.common import (
    add_user_option,
    file_path,
    login_from_args,
    open_station,
    text,
    whole,
)
from counterpos.domain.receipt_document import render_text
from counterpos.services.devices import reprint
from counterpos.services.sale import receipts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "receipt",
        help="show or reprint receipts",
        description="Look at and reprint saved receipts.",
    )
    rs = p.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    show = rs.add_parser("show", help="print a receipt as text")
    show.add_argument(
        "number", type=text(40, "a receipt number"), help="receipt number, like CH1-000123"
    )
    show.add_argument(
        "--width", type=whole(24, 200), default=42, help="characters per line (default 42)"
    )
    show.set_defaults(func=run_show)
    again = rs.add_parser(
        "reprint",
        help="print a receipt again, marked REPRINT (or save it as PDF)",
        description="Reprint a saved receipt on printer.url, marked REPRINT #n; recorded and "
        "audited. Asks for the PIN, or reads COUNTERPOS_PIN.",
    )
    again.add_argument(
        "number", type=text(40, "a receipt number"), help="receipt number, like CH1-000123"
    )
    add_user_option(again, "who reprints it")
    again.add_argument(
        "--pdf", type=file_path, metavar="FILE", help="save a PDF copy instead of printing"
    )
    again.set_defaults(func=run_reprint)


def run_show(args: argparse.Namespace) -> int:
    station = open_station(args)
    doc = receipts.receipt_document(station, args.number)
    print("\n".join(render_text(doc, args.width)))
    return 0


def run_reprint(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    if args.pdf:
        outcome = reprint.save_pdf(station, actor, args.number, args.pdf)
    else:
        outcome = reprint.reprint(station, actor, args.number)
    print(outcome.message)
    if outcome.note and outcome.note != str(args.pdf):
        print(outcome.note)
    return 0
