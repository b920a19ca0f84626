"""`counterpos card ...`: the terminal simulator, and asking the terminal about open requests."""

from __future__ import annotations

import argparse

from counterpos.commands.common import add_user_option, open_station, sign_in, text, whole


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("card", help="card terminal tools", description="Card terminal tools.")
    cs = p.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    sim = cs.add_parser(
        "simulator",
        help="run the simulated card terminal (training, demo)",
        description="Run a simulated semi-integrated card terminal on 127.0.0.1 until Ctrl-C. "
        "Point a station at it with `counterpos config set card.terminal tcp://127.0.0.1:PORT`.",
    )
    sim.add_argument("--port", type=whole(1, 65535), default=9400, help="TCP port (default 9400)")
    sim.add_argument(
        "--script",
        default="",
        type=text(2000, "the script"),
        help="outcomes of the next sales, comma-separated: approve, decline, cancel, "
        "partial:AMOUNT, timeout, timeout-decline, lost, wait:SECONDS (then approve)",
    )
    sim.set_defaults(func=run_simulator)
    res = cs.add_parser(
        "resolve",
        help="settle card payments after a crash: no answer yet, or approved and not on a sale",
        description="Ask the terminal for the status of every pending or unknown card request "
        "and record its answer; then list every approved card payment that is not on a saved "
        "sale. Attach one by ringing the same sale again at the till (the payment screen "
        "offers it), or void it at the terminal: --void ID --user SUPERVISOR. Needs a user "
        "who may take payments (sell); voiding needs a supervisor.",
    )
    res.add_argument(
        "--void",
        metavar="ID",
        default="",
        type=text(64, "a card payment id"),
        help="void this approved card payment at the terminal (its id or last 8 characters)",
    )
    add_user_option(res, "who resolves them (sell)")
    res.set_defaults(func=run_resolve)


def run_simulator(args: argparse.Namespace) -> int:
    from counterpos.services.card import simulator
    from counterpos.services.errors import InputError

    try:
        simulator.run(args.port, args.script)
    except InputError as exc:
        print(f"counterpos: {exc}")
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from counterpos.commands.common import login_from_args
    from counterpos.services.card import unattached
    from counterpos.services.card.requests import resolve_pending

    station = open_station(args)
    if args.void:
        request_id = unattached.find(station, args.void)
        actor = login_from_args(station, args.user)  # the service requires a supervisor
        result = unattached.void_unattached(station, actor, request_id)
        print(f"{result.request_id}  {result.approved}  {result.status}.")
        return 0
    sign_in(station, args.user, "sell", "resolve card payments")
    results = resolve_pending(station)
    for r in results:
        print(f"{r.request_id}  {r.requested}  {r.status}: {r.message()}")
    waiting = [r for r in results if r.is_unknown]
    orphans = unattached.unattached(station)
    for r in orphans:
        print(
            f"{r.request_id}  {r.approved}  approved, NOT ON A SALE: {unattached.describe(r)}. "
            "Ring the same sale again at the till and attach it in the payment screen, or "
            f"void it: counterpos card resolve --void {r.request_id[-8:]} --user SUPERVISOR"
        )
    if not results and not orphans:
        print("No card payment is waiting for an answer or for its sale.")
    return 1 if waiting or orphans else 0
