"""`counterpos printer list`: the printers and serial ports this computer has, as printer.url values."""

from __future__ import annotations

from counterpos.hardware.printer_discovery import Discovery, FoundPrinter, discover

__all__ = ["Discovery", "FoundPrinter", "find_printers"]


def find_printers(timeout: float = 5.0) -> Discovery:
    """Windows printers (or CUPS queues) and serial ports; nothing is opened or printed to."""
    return discover(timeout)
