"""Payment terminal interface: replies, errors, the standalone adapter and the TCP adapter.

The station never sees card data: it sends an amount with a request id and gets back approved
or not, the approved amount, the brand, the last four digits, an approval code and the
terminal's reference. Each terminal has one worker thread fed by a queue; every call has a
timeout. `cancel` goes straight to the terminal on its own connection, because the worker is
busy waiting for the very sale being cancelled.
"""

from __future__ import annotations

import json
import queue
import socket
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlparse

from counterpos.domain.pan_guard import scrub

APPROVED = "approved"
DECLINED = "declined"
CANCELLED = "cancelled"
NOT_FOUND = "not_found"  # the terminal never received the request
IN_PROGRESS = "in_progress"
VOIDED = "voided"
REFUNDED = "refunded"
STANDALONE = "standalone"

BRANDS = ("visa", "mastercard", "amex", "discover", "jcb", "diners", "unionpay", "other")


class TerminalError(Exception):
    """The terminal answered something we cannot use, or refused the command."""


class TerminalUnreachable(TerminalError):
    """Nothing was sent: the terminal could not be reached. Safe to try again."""


class TerminalTimeout(TerminalError):
    """The request was sent but no answer came in time: the outcome is UNKNOWN."""


@dataclass(frozen=True, slots=True)
class TerminalReply:
    """What the terminal says about one request. Never holds a full card number."""

    request_id: str
    status: str
    requested_cents: int = 0
    approved_cents: int = 0
    brand: str = ""
    last4: str = ""
    approval_code: str = ""
    terminal_ref: str = ""
    reason: str = ""

    @property
    def partial(self) -> bool:
        return self.status == APPROVED and 0 < self.approved_cents < self.requested_cents

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> TerminalReply:
        try:
            last4 = str(data.get("last4", ""))
            if last4 and (len(last4) != 4 or not last4.isdigit()):
                raise TerminalError("The terminal sent a card number where the last four belong.")
            # Whatever a terminal sends, a card number in a text field goes no further.
            return cls(
                request_id=str(data["request_id"]),
                status=str(data["status"]),
                requested_cents=int(data.get("requested_cents", 0)),
                approved_cents=int(data.get("approved_cents", 0)),
                brand=scrub(str(data.get("brand", "")), "")[:20].lower(),
                last4=last4,
                approval_code=scrub(str(data.get("approval_code", "")), "")[:20],
                terminal_ref=scrub(str(data.get("terminal_ref", "")), "")[:40],
                reason=scrub(str(data.get("reason", "")))[:120],
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise TerminalError(f"The terminal sent a reply we cannot read: {exc}") from exc


class CardTerminal(Protocol):
    """What every terminal adapter offers."""

    url: str
    integrated: bool  # False: the cashier runs the card elsewhere and keys the result in

    def sale(self, request_id: str, amount_cents: int) -> TerminalReply: ...
    def status(self, request_id: str) -> TerminalReply: ...
    def void(self, request_id: str) -> TerminalReply: ...
    def refund(self, request_id: str, amount_cents: int) -> TerminalReply: ...
    def cancel(self, request_id: str) -> TerminalReply: ...
    def batch_total(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


class StandaloneTerminal:
    """A separate terminal the station cannot talk to: the cashier keys in what it printed."""

    url = STANDALONE
    integrated = False

    def _refuse(self, *_args: Any) -> TerminalReply:
        raise TerminalError(
            "This station's card terminal is standalone: run the card on the terminal and "
            "key in the approval code, brand and last four digits."
        )

    sale = status = void = refund = cancel = _refuse

    def batch_total(self) -> dict[str, Any]:
        raise TerminalError("Read the batch total from the standalone terminal's own report.")

    def close(self) -> None:
        pass


class DeviceWorker:
    """One thread and one queue for one device: calls run in order, one at a time."""

    def __init__(self, name: str) -> None:
        self._queue: queue.Queue[tuple[Future, Any, tuple] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, fn, args = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed to the caller, who decides
                future.set_exception(exc)

    def submit(self, fn: Any, *args: Any) -> Future:
        future: Future = Future()
        self._queue.put((future, fn, args))
        return future

    def stop(self) -> None:
        self._queue.put(None)


class TcpTerminal:
    """A semi-integrated terminal spoken to in line-delimited JSON over TCP."""

    integrated = True

    def __init__(
        self,
        url: str,
        *,
        sale_timeout: float = 90.0,
        call_timeout: float = 10.0,
        connect_timeout: float = 3.0,
    ) -> None:
        parsed = urlparse(url)
        if parsed.scheme != "tcp" or not parsed.hostname or not parsed.port:
            raise TerminalError(
                f"A card terminal address looks like tcp://127.0.0.1:9400, not {url!r}."
            )
        self.url = url
        self.host, self.port = parsed.hostname, parsed.port
        self.sale_timeout = sale_timeout
        self.call_timeout = call_timeout
        self.connect_timeout = connect_timeout
        self._worker = DeviceWorker(f"card-terminal {self.host}:{self.port}")

    # -- wire ---------------------------------------------------------------------------
    def _exchange(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise TerminalUnreachable(
                f"The card terminal at {self.host}:{self.port} does not answer ({exc.strerror or exc})."
            ) from exc
        with sock:
            try:
                sock.settimeout(self.connect_timeout)
                sock.sendall((json.dumps(message) + "\n").encode())
            except OSError as exc:
                # We cannot tell whether the terminal read it: treat as unknown.
                raise TerminalTimeout(f"The card terminal connection broke ({exc}).") from exc
            sock.settimeout(timeout)
            buf = b""
            try:
                while b"\n" not in buf:
                    chunk = sock.recv(4096)
                    if not chunk:
                        raise TerminalTimeout("The card terminal hung up without answering.")
                    buf += chunk
                    if len(buf) > 65536:
                        raise TerminalError("The card terminal's answer is too long.")
            except TimeoutError as exc:
                raise TerminalTimeout("The card terminal did not answer in time.") from exc
            except OSError as exc:
                raise TerminalTimeout(f"The card terminal connection broke ({exc}).") from exc
        try:
            reply = json.loads(buf.split(b"\n", 1)[0])
        except ValueError as exc:
            raise TerminalError("The card terminal sent a reply we cannot read.") from exc
        if not isinstance(reply, dict):
            raise TerminalError("The card terminal sent a reply we cannot read.")
        if reply.get("error"):
            raise TerminalError(str(reply["error"])[:200])
        return reply

    def _call(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Run one exchange on the device's worker; wait no longer than its timeout."""
        future = self._worker.submit(self._exchange, message, timeout)
        # The worker may first finish an earlier call; allow for that, but never wait forever.
        margin = self.connect_timeout * 2 + 1.0
        try:
            return future.result(timeout=timeout + margin)
        except TimeoutError as exc:
            future.cancel()
            raise TerminalTimeout("The card terminal is busy and did not answer in time.") from exc

    def sale(self, request_id: str, amount_cents: int) -> TerminalReply:
        data = self._call(
            {"op": "sale", "request_id": request_id, "amount_cents": amount_cents},
            self.sale_timeout,
        )
        return TerminalReply.from_wire(data)

    def status(self, request_id: str) -> TerminalReply:
        return TerminalReply.from_wire(
            self._call({"op": "status", "request_id": request_id}, self.call_timeout)
        )

    def void(self, request_id: str) -> TerminalReply:
        return TerminalReply.from_wire(
            self._call({"op": "void", "request_id": request_id}, self.call_timeout)
        )

    def refund(self, request_id: str, amount_cents: int) -> TerminalReply:
        return TerminalReply.from_wire(
            self._call(
                {"op": "refund", "request_id": request_id, "amount_cents": amount_cents},
                self.call_timeout,
            )
        )

    def cancel(self, request_id: str) -> TerminalReply:
        # Not queued: the worker is busy with the sale this cancels.
        return TerminalReply.from_wire(
            self._exchange({"op": "cancel", "request_id": request_id}, self.call_timeout)
        )

    def batch_total(self) -> dict[str, Any]:
        return self._call({"op": "batch_total"}, self.call_timeout)

    def close(self) -> None:
        self._worker.stop()


_open: dict[tuple[str, float, float], CardTerminal] = {}
_open_lock = threading.Lock()


def open_terminal(
    url: str, *, sale_timeout: float = 90.0, call_timeout: float = 10.0
) -> CardTerminal:
    """The terminal for a `card.terminal` setting; one per address (one worker per device)."""
    url = (url or STANDALONE).strip()
    if url == STANDALONE:
        return StandaloneTerminal()
    key = (url, sale_timeout, call_timeout)
    with _open_lock:
        terminal = _open.get(key)
        if terminal is None:
            terminal = TcpTerminal(url, sale_timeout=sale_timeout, call_timeout=call_timeout)
            _open[key] = terminal
        return terminal
