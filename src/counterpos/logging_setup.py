"""The app's logging: a log file in the data folder, with card numbers scrubbed from every line."""

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
        return True


def install_scrubber(logger: logging.Logger | None = None) -> PanScrubFilter:
    """Put the scrubber on every handler of `logger` (the root logger by default)."""
    logger = logger or logging.getLogger()
    flt = PanScrubFilter()
    for handler in logger.handlers:
        if not any(isinstance(f, PanScrubFilter) for f in handler.filters):
            handler.addFilter(flt)
    return flt


def configure(home: Path, level: int | None = None) -> Path:
    """Log to <home>/logs/counterpos.log (rotated), every handler scrubbed. Returns the file.

    The level is `level`, else $COUNTERPOS_LOG_LEVEL, else INFO. The newest error also goes to
    <home>/logs/last-error.txt (the station reports it to the centre; see faults.py).
    """
    if level is None:
        level = level_from_env()
    log_dir = Path(home) / LOG_DIR
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
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
