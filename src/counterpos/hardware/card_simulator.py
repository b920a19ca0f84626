"""A simulated semi-integrated card terminal: a real TCP server speaking line-delimited JSON.

For training mode, the demo and tests. Each request is one JSON line and gets one JSON line back:

    {"op": "sale", "request_id": ID, "amount_cents": N}   -> a reply (see TerminalReply)
    {"op": "status", "request_id": ID}                     -> what became of that request
    {"op": "void", "request_id": ID}                        -> voided (same batch)
    {"op": "refund", "request_id": ID, "amount_cents": N}  -> refunded
    {"op": "cancel", "request_id": ID}                      -> stops a sale waiting at the pin pad
    {"op": "batch_total"}                                   -> {"count", "total_cents", "by_brand"}

Sales follow a script of outcomes, one per new sale, then `approve`:
`approve`, `decline`, `cancel` (cancelled at the pin pad), `partial:AMOUNT` (approves at most
AMOUNT), `timeout` (approves but never answers), `timeout-decline` (declines, never answers),
`lost` (never received: status says not_found), `wait:SECONDS` (the customer takes that long at
the pin pad; Cancel from the station stops it). A sale sent again with the same request id gets
the first answer back: the simulator never charges one request twice.
"""

from __future__ import annotations

import json
import socketserver
import threading
import time
from dataclasses import dataclass, field
from typing import Any

TEST_CARDS = (("visa", "1111"), ("mastercard", "4444"), ("amex", "0005"), ("discover", "1117"))
OUTCOMES = ("approve", "decline", "cancel", "partial", "timeout", "timeout-decline", "lost", "wait")
HOLD_SECONDS = 30.0  # how long a "timeout" keeps the connection without answering


def parse_script(text: str) -> list[str]:
    """'approve,decline,partial:10.00' -> its steps; refuses unknown outcomes."""
    steps = [p.strip().lower() for p in (text or "").split(",") if p.strip()]
    for step in steps:
        name, _, arg = step.partition(":")
        if name not in OUTCOMES:
            raise ValueError(f"unknown outcome {step!r}; use one of {', '.join(OUTCOMES)}")
        if name in ("partial", "wait") and not arg:
            raise ValueError(f"{name} needs a value, like {name}:10")
        if arg:
            float(arg)  # a number; amounts are turned to cents below
    return steps


def _cents(text: str) -> int:
    whole, _, frac = text.partition(".")
    return int(whole or 0) * 100 + int((frac + "00")[:2])


@dataclass
class SimRecord:
    request_id: str
    requested_cents: int
    status: str = "in_progress"
    approved_cents: int = 0
    brand: str = ""
    last4: str = ""
    approval_code: str = ""
    terminal_ref: str = ""
    reason: str = ""
    refunded_cents: int = 0
    cancel: threading.Event = field(default_factory=threading.Event)

    def wire(self) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "status": self.status,
            "requested_cents": self.requested_cents,
            "approved_cents": self.approved_cents,
            "brand": self.brand,
            "last4": self.last4,
            "approval_code": self.approval_code,
            "terminal_ref": self.terminal_ref,
            "reason": self.reason,
        }


class CardSimulator:
    """The simulated terminal. `start()` listens on 127.0.0.1 (port 0 picks a free one)."""

    def __init__(self, port: int = 0, script: list[str] | None = None, host: str = "127.0.0.1"):
        self.script: list[str] = list(script or [])
        self.records: dict[str, SimRecord] = {}
        self.sales_received = 0
        self.lock = threading.Lock()
        self._seq = 0
        sim = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(65536)
                if not line:
                    return
                try:
                    msg = json.loads(line)
                    reply = sim.handle(msg, self)
                except (ValueError, KeyError, TypeError) as exc:
                    reply = {"error": f"bad request: {exc}"}
                if reply is None:
                    return
                self.wfile.write((json.dumps(reply) + "\n").encode())

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self.server = Server((host, port), Handler)
        self.port = self.server.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def start(self) -> CardSimulator:
        self._thread = threading.Thread(
            target=self.server.serve_forever, name="card-simulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def push(self, *steps: str) -> None:
        """Add outcomes to the script (tests and training)."""
        parse_script(",".join(steps))
        with self.lock:
            self.script.extend(steps)

    # -- operations ---------------------------------------------------------------------
    def handle(self, msg: dict[str, Any], conn: socketserver.StreamRequestHandler) -> dict | None:
        op = msg.get("op")
        if op == "sale":
            return self._sale(str(msg["request_id"]), int(msg["amount_cents"]), conn)
        if op == "status":
            with self.lock:
                rec = self.records.get(str(msg["request_id"]))
                if rec is None:
                    return {"request_id": msg["request_id"], "status": "not_found"}
                return rec.wire()
        if op == "cancel":
            with self.lock:
                rec = self.records.get(str(msg["request_id"]))
                if rec is None:
                    return {"request_id": msg["request_id"], "status": "not_found"}
                if rec.status == "in_progress":
                    rec.cancel.set()
                    rec.status, rec.reason = "cancelled", "cancelled from the station"
                return rec.wire()
        if op == "void":
            with self.lock:
                rec = self.records.get(str(msg["request_id"]))
                if rec is None or rec.status not in ("approved", "voided"):
                    return {"error": "There is no approved sale with that request id to void."}
                rec.status = "voided"
                return rec.wire()
        if op == "refund":
            with self.lock:
                rec = self.records.get(str(msg["request_id"]))
                amount = int(msg["amount_cents"])
                if rec is None or rec.status not in ("approved", "refunded"):
                    return {"error": "There is no approved sale with that request id to refund."}
                if rec.refunded_cents + amount > rec.approved_cents:
                    return {"error": "The refund is more than the sale."}
                rec.refunded_cents += amount
                if rec.refunded_cents == rec.approved_cents:
                    rec.status = "refunded"
                return rec.wire()
        if op == "batch_total":
            with self.lock:
                by_brand: dict[str, int] = {}
                count = 0
                for rec in self.records.values():
                    if rec.status in ("approved", "refunded"):
                        net = rec.approved_cents - rec.refunded_cents
                        by_brand[rec.brand] = by_brand.get(rec.brand, 0) + net
                        count += 1
                return {"count": count, "total_cents": sum(by_brand.values()), "by_brand": by_brand}
        return {"error": f"unknown op {op!r}"}

    def _sale(self, request_id: str, amount: int, conn) -> dict | None:
        if amount <= 0:
            return {"error": "The amount must be more than $0.00."}
        with self.lock:
            existing = self.records.get(request_id)
            if existing is not None and existing.status != "in_progress":
                return existing.wire()  # the same request again: same answer, no new charge
            step = self.script.pop(0) if self.script else "approve"
            name, _, arg = step.partition(":")
            rec = None
            if name != "lost":  # a lost request never reaches the terminal's memory
                self.sales_received += 1
                rec = SimRecord(request_id, amount)
                self.records[request_id] = rec
        if rec is None:
            self._hold(conn)
            return None
        if name == "wait" and rec.cancel.wait(float(arg)):
            return rec.wire()
        with self.lock:
            if rec.status == "cancelled":
                return rec.wire()
            self._seq += 1
            brand, last4 = TEST_CARDS[(self._seq - 1) % len(TEST_CARDS)]
            rec.brand, rec.last4 = brand, last4
            rec.terminal_ref = f"SIM{self._seq:06d}"
            if name in ("approve", "wait", "timeout", "partial"):
                rec.status = "approved"
                rec.approved_cents = amount
                if name == "partial":
                    rec.approved_cents = min(amount, _cents(arg))
                rec.approval_code = f"A{self._seq:05d}"
            elif name in ("decline", "timeout-decline"):
                rec.status, rec.reason = "declined", "insufficient funds"
            elif name == "cancel":
                rec.status, rec.reason = "cancelled", "the customer pressed Cancel at the pin pad"
                rec.brand = rec.last4 = ""
        if name in ("timeout", "timeout-decline"):
            self._hold(conn)
            return None
        return rec.wire()

    @staticmethod
    def _hold(conn) -> None:
        """Keep the connection open without answering until the station gives up."""
        conn.request.settimeout(0.2)
        deadline = time.monotonic() + HOLD_SECONDS
        while time.monotonic() < deadline:
            try:
                if not conn.request.recv(1):
                    return
            except TimeoutError:
                continue
            except OSError:
                return


def serve(port: int, script: list[str]) -> None:
    """Run a simulator in the foreground until interrupted (the `card simulator` command)."""
    sim = CardSimulator(port, script)
    print(f"Card terminal simulator listening on {sim.url} (Ctrl-C stops it)", flush=True)
    try:
        sim.server.serve_forever()
    finally:
        sim.server.server_close()
