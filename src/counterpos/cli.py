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
    "doctor": ("doctor", "check the store in full (read-only), and name the newest backup"),
    "backup": ("backup", "back the store up now (or list the backups)"),
    "restore": ("backup", "put a backup in place of the store (an administrator)"),
    "office": (
        "office",
        "the finance office: reconcile, deposit, bank, journal, returns, payment files",
    ),
    "training": ("training", "switch the station into training mode and back (supervisor)"),
    "utility": ("utility", "the utility desk: meters, reads, billing, notices"),
}
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))

# Exit codes: 0 done, 1 done but something needs attention (a check failed), 2 refused (bad
# input, no permission, wrong PIN: nothing was changed), 70 an error nobody foresaw (logged).
UNEXPECTED = 70


def default_home() -> Path:
    """The data folder when no option names one (services/home.py has the whole order)."""
    from counterpos.services.home import choose

    return choose().path


def _folder(text: str) -> Path:
    if not text.strip() or len(text) > 1000:
        raise argparse.ArgumentTypeError("give the data folder as a path (1 to 1000 characters)")
    path = Path(text)
    if any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in path.parts):
        # File systems refuse a name longer than 255 bytes: say so before anything opens it.
        raise argparse.ArgumentTypeError(
            "give the data folder as a path whose folder names are at most 255 characters"
        )
    return path


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
        type=_folder,
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


def _not_text(argv: list[str]) -> str | None:
    """The first argument that is not valid text (undecodable bytes, lone surrogates)."""
    for i, arg in enumerate(argv, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return f"argument {i} is not valid text (it holds bytes that are not UTF-8); type it again."
    return None


def main(argv: list[str] | None = None, *, install_fault_hooks: bool = False) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        code = _main(argv, install_fault_hooks)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last words
        return code
    except BrokenPipeError:
        # The reader went away (`counterpos report eod | head`): stop quietly, as a pipe should.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141


def _exit_code(exc: SystemExit) -> int:
    if isinstance(exc.code, str):
        print(exc.code, file=sys.stderr)
        return 2
    return int(exc.code or 0)


def _main(argv: list[str], install_fault_hooks: bool) -> int:
    bad = _not_text(argv)
    if bad:
        print(f"counterpos: {bad}", file=sys.stderr)
        return 2
    args = _gui_only(argv)
    if args is None:
        try:
            args = build_parser(_command_of(argv)).parse_args(argv)
        except SystemExit as exc:  # --help, --version, or argparse's own plain refusal
            return _exit_code(exc)
    from counterpos.services.home import choose, is_machine_home

    try:
        home = choose(args.home, getattr(args, "scope", None), demo=bool(args.demo))
        args.home = home.path.expanduser().resolve()
    except (RuntimeError, OSError, ValueError) as exc:
        print(f"counterpos: the data folder {args.home} cannot be used ({exc}).", file=sys.stderr)
        return 2
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
    except SystemExit as exc:
        return _exit_code(exc)
    except BrokenPipeError:
        raise
    except Exception as exc:  # a plain message, never a traceback
        from counterpos.services.errors import CounterError

        if isinstance(exc, CounterError):
            print(f"counterpos: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("COUNTERPOS_DEBUG"):
            raise
        import logging

        logging.getLogger("counterpos.cli").exception("command failed: %s", args.command)
        print(
            f"counterpos: the command failed unexpectedly ({type(exc).__name__}). Each change "
            "is saved whole or not at all, so nothing was half-written; the log in "
            f"{args.home / 'logs'} has the details.",
            file=sys.stderr,
        )
        return UNEXPECTED


if __name__ == "__main__":
    raise SystemExit(run())
