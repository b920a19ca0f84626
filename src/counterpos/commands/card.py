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
        help="ask the terminal about card requests with no answer yet",
        description="Ask the terminal for the status of every pending or unknown card request "
        "and record its answer. Needs a user who may take payments (sell).",
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
    from counterpos.services.card.requests import resolve_pending

    station = open_station(args)
    sign_in(station, args.user, "sell", "resolve card payments")
    results = resolve_pending(station)
    if not results:
        print("No card request is waiting for an answer.")
    for r in results:
        print(f"{r.request_id}  {r.requested}  {r.status}: {r.message()}")
    return 0 if all(not r.is_unknown for r in results) else 1
