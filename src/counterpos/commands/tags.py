"""`counterpos tags assign-block` / `tags list`: animal tag stock per station, and `certificate`."""

from __future__ import annotations

import argparse

from counterpos.commands.common import (
    add_user_option,
    file_path,
    open_station,
    sign_in,
    text,
    whole,
    write_file,
)
from counterpos.services.clock import local_today
from counterpos.services.counter import certificates, tag_inventory


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tags",
        help="animal tag blocks per station",
        description="Hand each station its own block of the year's animal tag numbers, so two "
        "stations never issue the same tag, even offline.",
    )
    ts = p.add_subparsers(dest="tags_command", metavar="ACTION", required=True)
    a = ts.add_parser("assign-block", help="give a station a block of tag numbers (supervisor)")
    a.add_argument(
        "--station", required=True, type=text(12, "a station code"), help="station code, like CH2"
    )
    a.add_argument(
        "--year", type=whole(2000, 2999), default=None, help="license year (default: this year)"
    )
    a.add_argument(
        "--first", type=whole(1, 999_999), required=True, help="first tag number of the block"
    )
    a.add_argument(
        "--last", type=whole(1, 999_999), required=True, help="last tag number of the block"
    )
    add_user_option(a, "the supervisor who hands it out")
    a.set_defaults(func=run_assign)
    ls = ts.add_parser("list", help="list the tag blocks this store knows")
    ls.add_argument("--year", type=whole(2000, 2999), default=None)
    ls.set_defaults(func=run_list)

    c = sub.add_parser("certificate", help="print or save an issued certificate or permit")
    c.add_argument(
        "number",
        type=text(40, "a document number"),
        help="license, permit or pass number, like AN-2026-00012",
    )
    c.add_argument("--pdf", type=file_path, default=None, help="write the PDF here")
    c.add_argument(
        "--width", type=whole(24, 200), default=42, help="characters per line for the text form"
    )
    c.set_defaults(func=run_certificate)


def run_assign(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "edit_fees", "hand out tag blocks")
    year = args.year or local_today().year
    block = tag_inventory.assign_block(station, actor, args.station, year, args.first, args.last)
    print(
        f"Station {block.station_code} issues {year} tags {block.first_no}–{block.last_no} "
        f"({block.last_no - block.first_no + 1} tags)."
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    station = open_station(args)
    blocks = tag_inventory.list_blocks(station, args.year)
    if not blocks:
        print("No tag blocks yet; a supervisor assigns them with `counterpos tags assign-block`.")
    for b in blocks:
        size = b.last_no - b.first_no + 1
        print(f"{b.year}  {b.station_code:<8} {b.first_no:>6}–{b.last_no:<6} {b.issued}/{size} out")
    return 0


def run_certificate(args: argparse.Namespace) -> int:
    station = open_station(args)
    if args.pdf:
        write_file(args.pdf, certificates.certificate_pdf(station, args.number))
        print(f"Wrote {args.pdf}")
    else:
        print("\n".join(certificates.certificate_text(station, args.number, args.width)))
    return 0
