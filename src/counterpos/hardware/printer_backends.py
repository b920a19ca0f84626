"""Where print jobs go, chosen by one setting, printer.url: tcp, serial, usb, file, cups, preview."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from counterpos.hardware.device_worker import seconds
from counterpos.hardware.escpos_decode import decode

SCHEMES = ("tcp", "serial", "usb", "file", "cups", "win32", "preview")
EXAMPLES = (
    "tcp://HOST:9100, serial:///dev/ttyS0?baud=38400, usb://04b8:0202, "
    "file:///dev/usb/lp0, cups://QUEUE, win32://Printer Name or preview:"
)
try:  # pyserial on POSIX raises termios.error (not an OSError) when a port vanishes mid-call
    from termios import error as TermiosError
except ImportError:  # Windows

    class TermiosError(Exception):  # type: ignore[no-redef]
        pass


DLE_EOT_ONLINE = b"\x10\x04\x01"
DLE_EOT_PAPER = b"\x10\x04\x04"


class PrinterFault(Exception):
    """The printer could not take the job. str() says what is wrong, for the cashier."""


class BadPrinterUrl(ValueError):
    """printer.url is not something we can print to; the message names the accepted forms."""


@dataclass(frozen=True)
class PrintJob:
    """Bytes for the printer, plus what the preview printer shows and names its files after."""

    data: bytes
    name: str = "job"  # file stem for the preview: the receipt number, "test-page", ...
    width: int = 42
    pdf: bytes | None = None  # the same receipt as PDF, kept by the preview printer


def _status_check(read_reply, write, where: str, timeout: float) -> None:
    """DLE EOT 1 (online) and 4 (paper); no answer within `timeout` is a fault."""
    for query in (DLE_EOT_ONLINE, DLE_EOT_PAPER):
        write(query)
        reply = read_reply(timeout)
        if not reply:
            raise PrinterFault(f"The printer at {where} did not answer within {seconds(timeout)}.")
        status = reply[-1]
        if query == DLE_EOT_PAPER and status & 0x60 == 0x60:
            raise PrinterFault(f"The printer at {where} is out of paper.")
        if query == DLE_EOT_ONLINE and status & 0x08:
            raise PrinterFault(
                f"The printer at {where} is offline (cover open, paper out or an error light)."
            )


class Backend:
    url: str
    supports_status = False

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        """Deliver the job; return a short note (e.g. a preview file). Raise PrinterFault."""
        raise NotImplementedError

    def describe(self) -> str:
        return self.url


class TcpBackend(Backend):
    supports_status = True

    def __init__(self, url: str, host: str, port: int) -> None:
        self.url, self.host, self.port = url, host, port

    def describe(self) -> str:
        return f"{self.host}:{self.port}"

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        where = self.describe()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=timeout)
        except ConnectionRefusedError as exc:
            raise PrinterFault(f"The printer at {where} refused the connection.") from exc
        except TimeoutError as exc:
            raise PrinterFault(
                f"The printer at {where} did not answer within {seconds(timeout)}."
            ) from exc
        except socket.gaierror as exc:
            raise PrinterFault(
                f"The printer name {self.host} is not known on this network."
            ) from exc
        except OSError as exc:
            raise PrinterFault(
                f"The printer at {where} cannot be reached ({exc.strerror})."
            ) from exc
        with sock:
            try:
                if check_status:

                    def read_reply(t: float) -> bytes:
                        sock.settimeout(t)
                        try:
                            return sock.recv(16)
                        except TimeoutError:
                            return b""

                    _status_check(read_reply, sock.sendall, where, min(timeout, 2.0))
                sock.settimeout(timeout)
                sock.sendall(job.data)
                sock.shutdown(socket.SHUT_WR)
            except TimeoutError as exc:
                raise PrinterFault(
                    f"The printer at {where} stopped taking data (timed out after {seconds(timeout)})."
                ) from exc
            except OSError as exc:
                raise PrinterFault(
                    f"The connection to the printer at {where} broke ({exc.strerror or exc})."
                ) from exc
        return f"sent {len(job.data)} bytes to {where}"


class SerialBackend(Backend):
    supports_status = True

    def __init__(self, url: str, port: str, baud: int) -> None:
        self.url, self.port, self.baud = url, port, baud

    def describe(self) -> str:
        return self.port

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        import serial  # pyserial

        try:
            conn = serial.Serial(self.port, self.baud, timeout=timeout, write_timeout=timeout)
        except (serial.SerialException, OSError, TermiosError, ValueError) as exc:
            raise PrinterFault(serial_open_message(self.port, exc)) from exc
        try:
            try:
                if check_status:

                    def read_reply(t: float) -> bytes:
                        conn.timeout = t
                        return conn.read(1)

                    def write(b: bytes) -> None:
                        conn.write(b)
                        conn.flush()

                    _status_check(read_reply, write, self.port, min(timeout, 2.0))
                conn.write(job.data)
                conn.flush()
            except serial.SerialTimeoutException as exc:
                raise PrinterFault(
                    f"The printer on {self.port} stopped taking data (timed out after {seconds(timeout)})."
                ) from exc
            except (serial.SerialException, OSError, TermiosError) as exc:
                raise PrinterFault(
                    f"The printer on {self.port} was disconnected while printing ({exc})."
                ) from exc
        finally:
            with contextlib.suppress(Exception):  # closing a vanished port may fail too
                conn.close()
        return f"sent {len(job.data)} bytes to {self.port}"


def serial_open_message(port: str, exc: Exception) -> str:
    err = getattr(exc, "errno", None)
    text = str(exc)
    if err == errno.ENOENT or "No such file" in text:
        return f"There is no serial port {port}. Is the cable or USB adapter plugged in?"
    if err == errno.EACCES or "Permission denied" in text:
        return f"This user may not use the serial port {port} (permission denied); ask IT."
    if err == errno.EBUSY or "busy" in text.lower():
        return f"The serial port {port} is in use by another program."
    return f"The serial port {port} cannot be opened ({text})."


class FileBackend(Backend):
    """A device file such as /dev/usb/lp0. It must exist: we never create a stray file."""

    def __init__(self, url: str, path: str) -> None:
        self.url, self.path = url, path

    def describe(self) -> str:
        return self.path

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError as exc:
            raise PrinterFault(
                f"The printer device {self.path} does not exist. Is the printer plugged in and switched on?"
            ) from exc
        except PermissionError as exc:
            raise PrinterFault(
                f"This user may not write to the printer device {self.path} (permission denied); ask IT."
            ) from exc
        except OSError as exc:
            raise PrinterFault(
                f"The printer device {self.path} cannot be opened ({exc.strerror})."
            ) from exc
        deadline = time.monotonic() + timeout
        view = memoryview(job.data)
        try:
            while view:
                try:
                    written = os.write(fd, view)
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise PrinterFault(
                            f"The printer device {self.path} stopped taking data (timed out after {seconds(timeout)})."
                        ) from None
                    time.sleep(0.02)
                    continue
                view = view[written:]
        except OSError as exc:
            raise PrinterFault(
                f"Writing to the printer device {self.path} failed ({exc.strerror})."
            ) from exc
        finally:
            os.close(fd)
        return f"wrote {len(job.data)} bytes to {self.path}"


class UsbBackend(Backend):
    def __init__(self, url: str, vendor: int, product: int) -> None:
        self.url, self.vendor, self.product = url, vendor, product

    def describe(self) -> str:
        return f"USB {self.vendor:04x}:{self.product:04x}"

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        try:
            import usb.core  # noqa: F401  (pyusb)
            from escpos.printer import Usb
        except ImportError as exc:
            raise PrinterFault(
                "USB printing needs the pyusb package and libusb; install them, or use "
                "file:///dev/usb/lp0 for the same printer."
            ) from exc
        try:
            printer = Usb(self.vendor, self.product, timeout=int(timeout * 1000))
            printer.open()
            # The job is already ESC/POS bytes: write them to the opened device's out endpoint
            # (python-escpos's public `device` and `out_ep`; pyusb's `write`).
            printer.device.write(printer.out_ep, job.data, printer.timeout)
            printer.close()
        except Exception as exc:  # pyusb raises several unrelated types
            raise PrinterFault(
                f"The USB printer {self.describe()} cannot be used ({exc})."
            ) from exc
        return f"sent {len(job.data)} bytes to {self.describe()}"


class CupsBackend(Backend):
    def __init__(self, url: str, queue: str) -> None:
        self.url, self.queue = url, queue

    def describe(self) -> str:
        return f"CUPS queue {self.queue}"

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        lp = shutil.which("lp")
        if lp is None:
            raise PrinterFault("CUPS is not installed on this computer (no `lp` command).")
        try:
            done = subprocess.run(
                [lp, "-d", self.queue, "-o", "raw", "-t", job.name],
                input=job.data,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise PrinterFault(f"CUPS did not take the job within {seconds(timeout)}.") from exc
        if done.returncode != 0:
            why = done.stderr.decode(errors="replace").strip() or f"exit code {done.returncode}"
            raise PrinterFault(f"CUPS refused the job for {self.queue}: {why}")
        return done.stdout.decode(errors="replace").strip()


class Win32Backend(Backend):
    """A printer installed in Windows (its spooler), sent the job as RAW bytes: win32://NAME.

    python-escpos's Win32Raw opens the printer and starts a RAW document; the bytes go through
    pywin32's WritePrinter. pywin32 is imported only here, so other systems never need it.
    """

    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = url, name

    def describe(self) -> str:
        return f"Windows printer {self.name}"

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        if sys.platform != "win32":
            raise PrinterFault(
                f"{self.url} is a Windows printer, and this computer is not running Windows. "
                "Use tcp://, serial://, cups:// or file:// here; `counterpos printer list` "
                "shows the printers this computer has."
            )
        try:
            import pywintypes
            import win32print
            from escpos.exceptions import DeviceNotFoundError
            from escpos.printer import Win32Raw
        except ImportError as exc:
            raise PrinterFault(
                "Printing to a Windows printer needs the pywin32 package, which the CounterPOS "
                "installer includes; from source: pip install 'counterpos[windows]'."
            ) from exc
        try:
            printer = Win32Raw(self.name)
            printer.open(job_name=f"CounterPOS {job.name}")
            try:
                win32print.WritePrinter(printer.device, job.data)
            finally:
                printer.close()
        except DeviceNotFoundError as exc:
            raise PrinterFault(
                f"There is no printer named {self.name!r} in Windows. "
                "`counterpos printer list` shows the printers this computer has."
            ) from exc
        except pywintypes.error as exc:
            raise PrinterFault(f"Windows could not print to {self.name} ({exc.strerror}).") from exc
        return f"sent {len(job.data)} bytes to {self.describe()}"


class PreviewBackend(Backend):
    """The default printer: writes what would print as text (+ PNG, + PDF) into a folder."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder

    def describe(self) -> str:
        return f"preview ({self.folder})"

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        from counterpos.hardware.preview_image import render_png

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            decoded = decode(job.data)
            lines = decoded.render(job.width)
            stem = self.folder / job.name
            stem.with_suffix(".txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            render_png(decoded.lines, stem.with_suffix(".png"), job.width)
            if job.pdf is not None:
                stem.with_suffix(".pdf").write_bytes(job.pdf)
        except OSError as exc:
            raise PrinterFault(
                f"The preview folder {self.folder} cannot be written ({exc.strerror})."
            ) from exc
        return str(stem.with_suffix(".txt"))


def open_backend(url: str, home: Path) -> Backend:
    """The backend for a printer.url value; raises BadPrinterUrl with the accepted forms."""
    url = (url or "preview:").strip()
    shown = url if len(url) <= 80 else url[:80] + "…"
    bad = BadPrinterUrl(
        f"The printer address {shown!r} is not one CounterPOS knows. Use {EXAMPLES}."
    )
    try:
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        parts.hostname  # noqa: B018 (a bracketed host that does not parse raises here)
    except ValueError:
        raise bad from None
    scheme = parts.scheme.lower()
    if scheme == "tcp":
        if not parts.hostname:
            raise bad
        try:
            tcp_port = parts.port or 9100
        except ValueError:
            raise bad from None
        return TcpBackend(url, parts.hostname, tcp_port)
    if scheme == "serial":
        port = unquote(parts.path or parts.netloc)
        if parts.netloc and parts.path:  # serial://COM3 or serial:///dev/ttyS0
            port = unquote(parts.netloc + parts.path)
        if not port:
            raise bad
        try:
            baud = int(query.get("baud", ["9600"])[0])
        except ValueError:
            raise bad from None
        return SerialBackend(url, port, baud)
    if scheme == "usb":
        try:
            vendor, product = (int(x, 16) for x in parts.netloc.split(":"))
        except ValueError:
            raise bad from None
        return UsbBackend(url, vendor, product)
    if scheme == "file":
        if not parts.path:
            raise bad
        return FileBackend(url, unquote(parts.path))
    if scheme == "cups":
        if not parts.netloc:
            raise bad
        return CupsBackend(url, unquote(parts.netloc))
    if scheme == "win32":
        # The printer's name as Windows shows it, spaces and backslashes included
        # (win32://EPSON TM-T88V Receipt, win32://\\server\Receipt when shared); %20 works too.
        name = unquote(url.split("://", 1)[1] if "://" in url else "").strip()
        if not name:
            raise bad
        return Win32Backend(url, name)
    if scheme == "preview":
        folder = Path(unquote(parts.path)) if parts.path else Path(home) / "preview"
        return PreviewBackend(url, folder)
    raise bad


def status_allowed(url: str, default: bool) -> bool:
    """`?status=off` on the URL turns the DLE EOT query off for a printer that never answers."""
    try:
        value = parse_qs(urlsplit(url).query).get("status", [""])[0].lower()
    except ValueError:
        return default
    if value in ("off", "0", "no", "false"):
        return False
    if value in ("on", "1", "yes", "true"):
        return True
    return default
