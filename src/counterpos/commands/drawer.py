"""`counterpos drawer test|no-sale`: open the cash drawer to test it, or an audited no-sale."""

from __future__ import annotations

import argparse

from counterpos.commands.common import add_user_option, login_from_args, open_station, sign_in, text
from counterpos.services.devices import drawer_kick
from counterpos.services.drawer import no_sale


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "drawer", help="test or open the cash drawer", description="The cash drawer."
    )
    ds = p.add_subparsers(dest="drawer_command", metavar="ACTION", required=True)
    test = ds.add_parser(
        "test",
        help="open the drawer once",
        description="Open the cash drawer (drawer.port) and report success or the exact "
        "failure. It is a drawer open like a no-sale: it needs the no_sale permission and is "
        "audited as the user who signs in.",
    )
    add_user_option(test, "who opens it (no_sale)")
    test.set_defaults(func=run_test)
    ns = ds.add_parser(
        "no-sale",
        help="open the drawer without a sale (needs the no_sale permission)",
        description="Open the drawer without a sale; audited with who, when and why. "
        "Asks for the PIN, or reads COUNTERPOS_PIN.",
    )
    add_user_option(ns, "who opens it (a supervisor)")
    ns.add_argument(
        "--reason", required=True, type=text(200, "the reason"), help="why the drawer is opened"
    )
    ns.set_defaults(func=run_no_sale)


def run_test(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = sign_in(station, args.user, "no_sale", "open the drawer without a sale")
    print(drawer_kick.drawer_test(station, actor.username))
    return 0


def run_no_sale(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    print(no_sale.no_sale(station, actor, args.reason))
    return 0
