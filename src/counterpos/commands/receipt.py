"""`counterpos receipt show NO`: print a saved receipt as text."""

from __future__ import annotations

import argparse

from counterpos.commands.common import open_station
from counterpos.domain.receipt_document import render_text
from counterpos.services import receipts


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("receipt", help="show receipts", description="Look at saved receipts.")
    rs = p.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    show = rs.add_parser("show", help="print a receipt as text")
    show.add_argument("number", help="receipt number, like CH1-000123")
    show.add_argument("--width", type=int, default=42, help="characters per line (default 42)")
    show.set_defaults(func=run_show)


def run_show(args: argparse.Namespace) -> int:
    station = open_station(args)
    doc = receipts.receipt_document(station, args.number)
    print("\n".join(render_text(doc, args.width)))
    return 0
