"""Devices at the counter: receipt printer, cash drawer, card terminal, scanner parsing."""

import logging as _logging


def _import_escpos_quietly() -> None:
    """python-escpos calls logging.basicConfig() when imported, which would print every INFO
    line of the app on the cashier's console; keep the root logger as the app configured it."""
    root = _logging.getLogger()
    before = list(root.handlers)
    try:
        import escpos.capabilities  # noqa: F401
    except ImportError:  # printing reports its own plain message when escpos is missing
        return
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)


_import_escpos_quietly()
