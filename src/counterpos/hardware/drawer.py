"""The cash drawer: kick bytes over a serial port (pyserial) or through the receipt printer."""

from __future__ import annotations

import serial  # pyserial

from counterpos.hardware.device_worker import seconds
from counterpos.hardware.printer_backends import TermiosError, serial_open_message

DEFAULT_KICK = "1b700019fa"  # ESC p 0 25 250: pin 2, 50 ms on, 500 ms off


class DrawerFault(Exception):
    """The drawer could not be opened; str() is the message for the cashier."""


def parse_kick(hex_text: str) -> bytes:
    text = (hex_text or DEFAULT_KICK).replace(" ", "").replace(":", "")
    try:
        data = bytes.fromhex(text)
    except ValueError as exc:
        raise DrawerFault(
            f"drawer.kick {hex_text!r} is not hex bytes (like {DEFAULT_KICK})."
        ) from exc
    if not data or len(data) > 16:
        raise DrawerFault("drawer.kick must be 1 to 16 bytes.")
    return data


def kick_serial(port: str, baud: int, kick: bytes, timeout: float) -> None:
    """Open the port, write the kick, close. Raises DrawerFault with a plain message."""
    try:
        conn = serial.Serial(port, baud, timeout=timeout, write_timeout=timeout)
    except (serial.SerialException, OSError, TermiosError, ValueError) as exc:
        raise DrawerFault(serial_open_message(port, exc)) from exc
    try:
        with conn:
            written = conn.write(kick)
            conn.flush()
            if written != len(kick):
                raise DrawerFault(f"The drawer on {port} took only {written} of {len(kick)} bytes.")
    except serial.SerialTimeoutException as exc:
        raise DrawerFault(
            f"The drawer on {port} did not take the signal within {seconds(timeout)}."
        ) from exc
    except (serial.SerialException, OSError, TermiosError) as exc:
        raise DrawerFault(f"The drawer adapter on {port} was unplugged or failed ({exc}).") from exc
