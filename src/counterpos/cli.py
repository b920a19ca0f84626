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
    "doctor",
    "backup",
)


# Exit codes: 0 done, 1 done but something needs attention (a check failed), 2 refused (bad
# input, no permission, wrong PIN: nothing was changed), 70 an error nobody foresaw (logged).
UNEXPECTED = 70


def default_home() -> Path:
    """The data folder: --home, else COUNTERPOS_HOME, else the platform's user data folder."""
    env = os.environ.get("COUNTERPOS_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("CounterPOS", "CounterPOS"))


def _folder(text: str) -> Path:
    if not text.strip() or len(text) > 1000:
        raise argparse.ArgumentTypeError("give the data folder as a path (1 to 1000 characters)")
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterpos",
        description="CounterPOS: the cashiering client for a city hall's counter. "
        "With no command it opens the till.",
    )
    parser.add_argument(
        "--home",
        type=_folder,
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
        elif token == "--home" and rest and rest[0].strip():
            home = Path(rest.pop(0))
        elif token.startswith("--home=") and token.split("=", 1)[1].strip():
            home = Path(token.split("=", 1)[1])
        else:
            return None
    return argparse.Namespace(home=home, demo=demo, command=None)


def _not_text(argv: list[str]) -> str | None:
    """The first argument that is not valid text (undecodable bytes, lone surrogates)."""
    for i, arg in enumerate(argv, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return f"argument {i} is not valid text (it holds bytes that are not UTF-8); type it again."
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        code = _main(argv)
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


def _main(argv: list[str]) -> int:
    bad = _not_text(argv)
    if bad:
        print(f"counterpos: {bad}", file=sys.stderr)
        return 2
    args = _gui_only(argv)
    if args is None:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version, or argparse's own plain refusal
            return _exit_code(exc)
    try:
        args.home = (args.home or default_home()).expanduser().resolve()
    except (RuntimeError, OSError, ValueError) as exc:
        print(f"counterpos: the data folder {args.home} cannot be used ({exc}).", file=sys.stderr)
        return 2
    if args.command != "card" or getattr(args, "card_command", "") != "simulator":
        from counterpos.logging_setup import configure

        try:
            configure(args.home)  # the log file, with card numbers scrubbed from every line
        except OSError as exc:
            print(
                f"counterpos: the data folder {args.home} cannot be used "
                f"({exc.strerror or exc}); give another one with --home.",
                file=sys.stderr,
            )
            return 2
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
    raise SystemExit(main())
