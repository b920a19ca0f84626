"""The `counterpos` command tree: global options here, one module per group in commands/."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from pathlib import Path

# Each module in counterpos.commands exposes `register(subparsers)`, which adds its parser(s)
# and sets `func` (a callable taking the parsed args and returning an exit code). Add a command
# group by adding it here: its name, the module that registers it, and its one-line help. Only
# the module of the command being run is imported; the others stand in with this line (so
# `counterpos --help` lists every command without loading the database layers behind them).
# tests/test_cli.py checks that each line here is the one its module registers.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "create (or migrate) this station's store"),
    "user": ("user", "add, list or disable users"),
    "config": ("config", "get or set station settings"),
    "receipt": ("receipt", "show or reprint receipts"),
    "tags": ("tags", "animal tag blocks per station"),
    "certificate": ("tags", "print or save an issued certificate or permit"),
    "passport": ("passport", "passport acceptance log"),
    "report": ("report", "end-of-day reports"),
    "audit": ("audit", "check or list the audit trail"),
    "card": ("card", "card terminal tools"),
    "printer": ("printer", "test the receipt printer"),
    "drawer": ("drawer", "test or open the cash drawer"),
    "central": ("central", "set up the central PostgreSQL database"),
    "sync": ("sync", "send sales to the central database and fetch reference data"),
}
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))


def default_home() -> Path:
    """The data folder when no option names one (services/home.py has the whole order)."""
    from counterpos.services.home import choose

    return choose().path


def build_parser(command: str | None = None, *, full: bool = False) -> argparse.ArgumentParser:
    """The command tree: `command`'s module for real, the others by name and help line only
    (`full`: every module for real)."""
    from counterpos.version import version

    parser = argparse.ArgumentParser(
        prog="counterpos",
        description="CounterPOS: the cashiering client for a city hall's counter. "
        "With no command it opens the till.",
    )
    parser.add_argument(
        "--home",
        type=Path,
        default=None,
        help="data folder (default: $COUNTERPOS_HOME, else the folder `counterpos init` chose)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="with no command: start on demo data, creating it on first run",
    )
    parser.add_argument("--version", action="version", version=f"counterpos {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = COMMANDS[command][0] if command in COMMANDS else None
    for name, (module, help_line) in COMMANDS.items():
        if name in sub.choices:  # registered along with another name of its module
            continue
        if full or module == wanted:
            importlib.import_module(f"counterpos.commands.{module}").register(sub)
        else:
            sub.add_parser(name, help=help_line)
    return parser


def _command_of(argv: list[str]) -> str | None:
    """The command named in argv, past the global options; None when there is none."""
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--home":
            if rest:
                rest.pop(0)
        elif not token.startswith("-"):
            return token
    return None


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


def run() -> int:
    """The `counterpos` program (the script, `python -m counterpos`, the bundle): main() with
    every unhandled error of the process logged (counterpos.faults)."""
    return main(install_fault_hooks=True)


def main(argv: list[str] | None = None, *, install_fault_hooks: bool = False) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _gui_only(argv)
    if args is None:
        args = build_parser(_command_of(argv)).parse_args(argv)
    from counterpos.services.home import choose, is_machine_home

    home = choose(args.home, getattr(args, "scope", None), demo=bool(args.demo))
    args.home = home.path.expanduser().resolve()
    args.home_source = home.source  # how it was found: option, env, machine-chosen, ...
    if os.name == "posix" and is_machine_home(args.home):
        os.umask(0o002)  # files of the shared store stay writable by the counterpos group
    if args.command != "card" or getattr(args, "card_command", "") != "simulator":
        from counterpos.logging_setup import configure

        # A folder this user may not write: no log file; opening the store says so, plainly.
        with contextlib.suppress(OSError):
            configure(args.home)  # the log file, with card numbers scrubbed from every line
        if install_fault_hooks:
            from counterpos import faults

            faults.install(args.home / "logs")
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
    raise SystemExit(run())
