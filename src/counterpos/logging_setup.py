"""The app's logging: a log file in the data folder, with card numbers scrubbed from every line.

The scrubber sits on the root logger, and every log record is scrubbed as it is made (the
record factory), so a handler added later, a logger that does not propagate and a library's own
logger are all covered. It masks card numbers however they are written (domain/pan_guard.py:
any separators, any script's digits, inside longer digit runs), in the message, its arguments,
an attached traceback and the stack.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from counterpos.domain.pan_guard import scrub
from counterpos.faults import LastErrorHandler

LOG_DIR = "logs"
LOG_FILE = "counterpos.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LEVEL_ENV = "COUNTERPOS_LOG_LEVEL"  # DEBUG, INFO (default), WARNING, ERROR
# Libraries whose INFO lines drowned the app's own (37 of 38 lines of the demo's log were
# Alembic's): they log warnings and errors only.
QUIET = ("alembic",)


class PanScrubFilter(logging.Filter):
    """Replaces anything that could be a full card number in a record before it is written.

    The message is formatted here (msg % args) and scrubbed, and so is the text of an attached
    exception, so neither a formatted argument nor a traceback can carry a card number out.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_pan_scrubbed", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw parts, scrubbed
            message = f"{record.msg} {record.args}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        record._pan_scrubbed = True
        return True


_SCRUBBER = PanScrubFilter()


class _ScrubbingFactory:
    """A log record factory that scrubs each record as it is made (wraps the one in place)."""

    def __init__(self, base) -> None:
        self.base = base

    def __call__(self, *args, **kwargs) -> logging.LogRecord:
        record = self.base(*args, **kwargs)
        _SCRUBBER.filter(record)
        return record


def install_scrubber(logger: logging.Logger | None = None) -> PanScrubFilter:
    """Scrub every record: the filter on the root logger (or `logger`), and the record factory
    so that records reaching any handler, whenever it was added, are scrubbed already."""
    logger = logger or logging.getLogger()
    if _SCRUBBER not in logger.filters:
        logger.addFilter(_SCRUBBER)
    if not isinstance(logging.getLogRecordFactory(), _ScrubbingFactory):
        logging.setLogRecordFactory(_ScrubbingFactory(logging.getLogRecordFactory()))
    return _SCRUBBER


def configure(home: Path, level: int | None = None) -> Path:
    """Log to <home>/logs/counterpos.log (rotated), every record scrubbed. Returns the file.

    The level is `level`, else $COUNTERPOS_LOG_LEVEL, else INFO. The newest error also goes to
    <home>/logs/last-error.txt (the station reports it to the centre; see faults.py).
    """
    if level is None:
        level = level_from_env()
    log_dir = Path(home) / LOG_DIR
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    install_scrubber(root)
    if not any(
        isinstance(h, logging.handlers.RotatingFileHandler)
        and Path(h.baseFilename) == path.resolve()
        for h in root.handlers
    ):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    for old in [h for h in root.handlers if isinstance(h, LastErrorHandler)]:
        root.removeHandler(old)  # one home per process: the newest error goes to its folder
    root.addHandler(LastErrorHandler(log_dir))
    install_scrubber(root)
    return path


def level_from_env(default: int = logging.INFO) -> int:
    """$COUNTERPOS_LOG_LEVEL as a logging level: a name (debug, INFO, ...) or a number."""
    value = os.environ.get(LEVEL_ENV, "").strip()
    if not value:
        return default
    if value.isdigit():
        return int(value)
    level = logging.getLevelName(value.upper())
    return level if isinstance(level, int) else default
