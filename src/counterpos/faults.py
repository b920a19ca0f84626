"""Every unhandled error is logged: sys.excepthook, threading.excepthook, and faulthandler for a
crash of Python itself; the newest error is also kept on its own for the centre to see.

The standard library and domain/ only, so the command line and the till install it before
anything else can fail.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from counterpos.domain.pan_guard import scrub

LAST_ERROR_FILE = "last-error.txt"  # one line: UTC time, tab, where and what
FAULT_FILE = "faults.log"  # faulthandler's tracebacks of a hard crash (no Python left to log)
MAX_LINE = 500

log = logging.getLogger("counterpos.fault")

ErrorCallback = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class LastErrorHandler(logging.Handler):
    """Keeps the newest ERROR (or worse) of the log in logs/last-error.txt, first line only.

    It sits on the root logger beside the log file, behind the same card-number scrubber."""

    def __init__(self, log_dir: Path) -> None:
        super().__init__(logging.ERROR)
        self.path = Path(log_dir) / LAST_ERROR_FILE

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage().strip().splitlines()
            what = text[0] if text else ""
            if record.exc_info and record.exc_info[1] is not None:
                exc = record.exc_info[1]
                what = f"{what}: {type(exc).__name__}: {exc}".strip(": ")
            when = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds")
            # The exception's own text is not covered by the log's scrubber: scrub it here.
            line = scrub(f"{when}\t{record.name}: {what}")[:MAX_LINE]
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(line + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except Exception:
            self.handleError(record)


def last_error(log_dir: Path) -> tuple[datetime | None, str]:
    """The newest error kept by LastErrorHandler: (when, what), or (None, "")."""
    try:
        line = (Path(log_dir) / LAST_ERROR_FILE).read_text(encoding="utf-8").strip()
        when, what = line.split("\t", 1)
        return datetime.fromisoformat(when), what
    except (OSError, ValueError):
        return None, ""


class _Hooks:
    on_error: ErrorCallback | None = None
    fault_file: IO[Any] | None = None
    installed = False


def install(log_dir: Path | None, on_error: ErrorCallback | None = None) -> None:
    """Log every unhandled error (main thread and others); `on_error` is called after the main
    thread's (the till shows the cashier a plain dialog). Safe to call again: the last
    `on_error` wins. With `log_dir`, a hard crash's traceback goes to logs/faults.log."""
    _Hooks.on_error = on_error
    if log_dir is not None and _Hooks.fault_file is None:
        try:
            Path(log_dir).mkdir(parents=True, exist_ok=True)
            _Hooks.fault_file = open(Path(log_dir) / FAULT_FILE, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
            faulthandler.enable(file=_Hooks.fault_file, all_threads=True)
        except OSError:
            _Hooks.fault_file = None
    if _Hooks.installed:
        return
    _Hooks.installed = True
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("Unhandled error", exc_info=(exc_type, exc, tb))
    if sys.stderr is not None:  # a console program shows it too; a windowed one has none
        sys.__excepthook__(exc_type, exc, tb)
    callback = _Hooks.on_error
    if callback is not None:
        try:
            callback(exc_type, exc, tb)
        except Exception:
            log.exception("The error dialog itself failed")


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "?"
    exc = args.exc_value if args.exc_value is not None else args.exc_type()
    log.error(
        "Unhandled error in thread %s", name, exc_info=(args.exc_type, exc, args.exc_traceback)
    )
