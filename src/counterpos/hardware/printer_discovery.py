"""What printers and serial ports this computer has, each as a printer.url IT can paste in.

Windows: the printers installed in Windows (the spooler, through pywin32), as win32://NAME.
Linux and macOS: the CUPS queues (`lpstat -v`), as cups://QUEUE. Everywhere: the serial ports
pyserial finds (`serial.tools.list_ports`), as serial://PORT?baud=9600.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FoundPrinter:
    """One place a receipt could go."""

    url: str  # a printer.url value that prints there
    kind: str  # "Windows printer", "CUPS queue", "serial port"
    detail: str  # its driver and port, device URI, or USB description
    note: str = ""  # what stops this user from using it, if anything


@dataclass
class Discovery:
    found: list[FoundPrinter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # why a source found nothing


def discover(timeout: float = 5.0) -> Discovery:
    """Every printer and serial port this computer offers, with a note for each source that
    could not be asked."""
    result = Discovery()
    if sys.platform == "win32":
        _spooler_printers(result)
    else:
        _cups_queues(result, timeout)
    _serial_ports(result)
    return result


def _spooler_printers(result: Discovery) -> None:
    try:
        import win32print
    except ImportError:
        result.notes.append(
            "Windows printers cannot be listed: the pywin32 package is missing (the CounterPOS "
            "installer includes it; from source: pip install 'counterpos[windows]')."
        )
        return
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    for info in win32print.EnumPrinters(flags, None, 2):
        name = info["pPrinterName"]
        detail = f"driver {info['pDriverName']}, port {info['pPortName']}"
        result.found.append(FoundPrinter(f"win32://{name}", "Windows printer", detail))
    if not any(p.kind == "Windows printer" for p in result.found):
        result.notes.append("Windows has no printers installed.")


def _cups_queues(result: Discovery, timeout: float) -> None:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        result.notes.append("CUPS is not installed on this computer (no `lpstat` command).")
        return
    try:
        done = subprocess.run(
            [lpstat, "-v"],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},  # lpstat's own words, to parse
        )
    except subprocess.TimeoutExpired:
        result.notes.append(f"CUPS did not answer within {timeout:g} seconds.")
        return
    queues = parse_lpstat_devices(done.stdout)
    for queue, device in queues:
        result.found.append(FoundPrinter(f"cups://{queue}", "CUPS queue", device))
    if not queues:
        why = done.stderr.strip().removeprefix("lpstat: ").rstrip(".")
        if "scheduler is not running" in why.lower():
            result.notes.append("CUPS is installed but not running (its scheduler, cupsd).")
        elif done.returncode != 0 and why and "no destinations" not in why.lower():
            result.notes.append(f"CUPS could not be asked for its queues: {why}.")
        else:
            result.notes.append("CUPS has no printer queues.")


def parse_lpstat_devices(text: str) -> list[tuple[str, str]]:
    """(queue, device URI) from `lpstat -v` in the C locale ("device for Q: URI")."""
    out = []
    for line in text.splitlines():
        if line.startswith("device for ") and ": " in line:
            queue, device = line.removeprefix("device for ").split(": ", 1)
            out.append((queue.strip(), device.strip()))
    return out


def _serial_ports(result: Discovery) -> None:
    try:
        from serial.tools import list_ports
    except ImportError:  # pyserial is a dependency; a broken install still gets a plain word
        result.notes.append("Serial ports cannot be listed: the pyserial package is missing.")
        return
    ports = sorted(list_ports.comports(include_links=True), key=lambda p: p.device)
    for port in ports:
        device = port.device
        url = f"serial://{device}?baud=9600"  # serial:///dev/ttyUSB0, serial://COM3
        about = [p for p in (port.description, port.hwid) if p and p != "n/a"]
        note = ""
        if os.name == "posix" and not os.access(device, os.R_OK | os.W_OK):
            note = (
                "this user may not open it: on Linux add the user to the dialout group "
                "(sudo usermod -aG dialout USER), then log in again"
            )
        result.found.append(FoundPrinter(url, "serial port", ", ".join(about) or device, note))
    if not ports:
        result.notes.append(
            "No serial ports were found (a USB serial adapter appears here once plugged in)."
        )
