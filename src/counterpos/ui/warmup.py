"""Loads, in a background thread, what the screens after sign-in need, once the store is open.

The login window asks only for the store and the access service, so a cashier can sign in as
soon as the store is open; the till window, the drawer count, the tender and what they
import (reports, receipts, the printer and drawer drivers) load here meanwhile, while the
cashier types, so the first screen after sign-in is not slower for it.

Two threads importing at once can meet in a cycle of module imports and see a module half
made, so the sign-in first calls `WarmUp.stop`: the module being loaded is finished, nothing
more is started, and from then on only the GUI thread imports. A failure here is only logged:
the screen that needs the module imports it again and reports the error where it belongs.
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


class WarmUp:
    """The background loading; `stop()` before the GUI thread imports anything itself."""

    def __init__(self) -> None:
        self._stopped = threading.Event()
        self._one_at_a_time = threading.Lock()  # held while a module loads
        self.thread = threading.Thread(target=self._run, name="sign-in-warm-up", daemon=True)

    def start(self) -> WarmUp:
        self.thread.start()
        return self

    def _run(self) -> None:
        try:
            for name in MODULES:
                with self._one_at_a_time:
                    if self._stopped.is_set():
                        return
                    importlib.import_module(name)
            with self._one_at_a_time:
                if self._stopped.is_set():
                    return
                from counterpos.services.access import auth

                auth.nobody_hash()  # an unknown username then costs the same from the first try
        except Exception:
            log.warning("warming up the screens after sign-in failed", exc_info=True)

    def stop(self) -> None:
        """Let the module being loaded finish, start no other; returns when none is loading."""
        self._stopped.set()
        with self._one_at_a_time:
            pass


def start() -> WarmUp:
    """Start the warm-up."""
    return WarmUp().start()
