"""Starting the till (no subcommand): the GUI on this station's store."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from counterpos.ui.app import run

    return run(args.home, demo=args.demo)
