"""Loads, in a background thread, what the screens after sign-in need, once the store is open.

The login window asks only for the store and the access service, so a cashier can sign in as
soon as the store is open; the till window, the drawer count, the tender and what they
import (reports, receipts, the printer and drawer drivers) load here meanwhile, while the
cashier types, so the first screen after sign-in is not slower for it. Python imports a module
once: whichever thread asks first loads it and the other waits for it, so a sign-in faster
than this warm-up simply finishes the loading itself. A failure here is only logged: the
screen that needs the module imports it again and reports the error where it belongs.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

# In the order they are needed after sign-in.
MODULES = (
    "counterpos.services.access.auth",
    "counterpos.services.access.users",
    "counterpos.services.sessions",
    "counterpos.ui.controls.drawer_open_dialog",
    "counterpos.ui.till.window",
    "counterpos.ui.tender.dialog",
)


def _run() -> None:
    try:
        for name in MODULES:
            importlib.import_module(name)
        from counterpos.services.access import auth

        auth.nobody_hash()  # an unknown username then costs the same from the first try
    except Exception:
        log.warning("warming up the screens after sign-in failed", exc_info=True)


def start() -> threading.Thread:
    """Start the warm-up; returns its (daemon) thread."""
    thread = threading.Thread(target=_run, name="sign-in-warm-up", daemon=True)
    thread.start()
    return thread
