"""`counterpos training on|off|status`: a supervisor switches the station into training mode."""

from __future__ import annotations

import argparse

from counterpos.commands.common import login_from_args, open_station
from counterpos.services.training import mode


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "training",
        help="switch the station into training mode and back (supervisor)",
        description="In training the till opens a separate store seeded with the demo city: "
        "every receipt and slip says TRAINING, nothing syncs and the card terminal is the "
        "simulator. Each switch is recorded in the station's own audit trail.",
    )
    ts = p.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    for name, helptext, func in (
        ("on", "switch into training (the training store is prepared first)", run_on),
        ("off", "switch back to the station's own store", run_off),
    ):
        a = ts.add_parser(name, help=helptext)
        a.add_argument(
            "--user", required=True, help="supervisor's username (PIN asked, or COUNTERPOS_PIN)"
        )
        a.add_argument("--note", default="", help="why (the class, the trainer)")
        a.set_defaults(func=func)
    s = ts.add_parser("status", help="say whether the station is in training")
    s.set_defaults(func=run_status)


def run_on(args: argparse.Namespace) -> int:
    from counterpos.demo.city import load_demo

    station = open_station(args)
    actor = login_from_args(station, args.user)
    training = mode.open_training(station, seed=load_demo)
    training.close()
    mode.switch(station, actor, True, args.note)
    print(
        f"Station {station.code} is in training: the till opens {mode.training_home(args.home)} "
        "(the demo city). Receipts say TRAINING, nothing syncs, cards go to the simulator."
    )
    return 0


def run_off(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    mode.switch(station, actor, False, args.note)
    print(f"Station {station.code} is back on its own store; the switch is in the audit trail.")
    return 0


def run_status(args: argparse.Namespace) -> int:
    station = open_station(args)
    if mode.is_switched_on(station):
        print(f"training (the till opens {mode.training_home(args.home)})")
    else:
        print("live")
    return 0
