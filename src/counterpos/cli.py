"""The `counterpos` command tree: global options here, one module per group in commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

# Each module in counterpos.commands exposes `register(subparsers)`, which adds its parser(s)
# and sets `func` (a callable taking the parsed args and returning an exit code). Add a command
# group by adding its module name here.
COMMAND_MODULES = (
    "init",
    "user",
    "config",
    "receipt",
    "tags",
    "passport",
    "report",
    "audit",
    "card",
    "printer",
    "drawer",
    "central",
    "sync",
    "training",
)


def default_home() -> Path:
    """The data folder: --home, else COUNTERPOS_HOME, else the platform's user data folder."""
    env = os.environ.get("COUNTERPOS_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("CounterPOS", "CounterPOS"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterpos",
        description="CounterPOS: the cashiering client for a city hall's counter. "
        "With no command it opens the till.",
    )
    parser.add_argument(
        "--home",
        type=Path,
        default=None,
        help="data folder (default: $COUNTERPOS_HOME or the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="with no command: start on demo data, creating it on first run",
    )
    parser.add_argument(
        "--version", action="version", version=f"counterpos {__import__('counterpos').__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"counterpos.commands.{name}").register(sub)
    return parser


def _gui_only(argv: list[str]) -> argparse.Namespace | None:
    """Parse `[--home DIR] [--demo]` alone, so opening the till skips importing every command."""
    home: Path | None = None
    demo = False
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--demo":
            demo = True
        elif token == "--home" and rest:
            home = Path(rest.pop(0))
        elif token.startswith("--home="):
            home = Path(token.split("=", 1)[1])
        else:
            return None
    return argparse.Namespace(home=home, demo=demo, command=None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _gui_only(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    args.home = (args.home or default_home()).expanduser().resolve()
    if args.command != "card" or getattr(args, "card_command", "") != "simulator":
        from counterpos.logging_setup import configure

        configure(args.home)  # the log file, with card numbers scrubbed from every line
    if args.command is None:
        from counterpos.commands.gui import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a plain message, not a traceback, for known errors
        from counterpos.services.errors import CounterError

        if isinstance(exc, CounterError):
            print(f"counterpos: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    raise SystemExit(main())
