"""Real parts for the printing tests: a loopback printer, a pty drawer, and a saved sale."""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import subprocess
import threading
from datetime import date, timedelta

from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services import settings
from counterpos.services.counter import tag_inventory
from counterpos.services.sale import catalog, sales
from counterpos.store.models import Customer, UtilityAccount
from counterpos.store.models.citation import Citation
from tests.conftest import free_port
from tests.services.counter_visit import dog, give_tags

# The profiles every release ships (printers/), by name.
REQUIRED_PROFILES = (
    "generic-58mm",
    "generic-80mm",
    "epson-tm-t88",
    "epson-tm-t20",
    "star-tsp100-escpos",
)
# The default drawer kick (ESC p 0 25 250), as the drawer receives it.
KICK = bytes.fromhex("1b700019fa")

LONG_NAME_FIRST = "María José"
LONG_NAME_LAST = "Fernández de la Peña-Ibáñez Villaseñor"


class LoopbackPrinter:
    """A TCP server on 127.0.0.1 standing in for a network printer (raw port 9100).

    Captures every byte of every connection; answers DLE EOT status queries with `status`
    (0x12: online, paper present). `answer=False` accepts and never answers nor reads.
    """

    def __init__(self, *, status: int = 0x12, answer: bool = True) -> None:
        self.status = status
        self.answer = answer
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.jobs: list[bytes] = []
        self.done = threading.Event()
        self._stop = threading.Event()
        self._conns: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self._conns.append(conn)
            if not self.answer:
                continue  # accept and never answer
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        buf = bytearray()
        with conn:
            conn.settimeout(10)
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                buf += chunk
                # Real-time status: answer each DLE EOT n as it arrives.
                if chunk.endswith((b"\x10\x04\x01", b"\x10\x04\x04")):
                    conn.sendall(bytes([self.status]))
        self.jobs.append(bytes(buf))
        self.done.set()

    def wait_job(self, timeout: float = 5) -> bytes:
        assert self.done.wait(timeout), "the printer received nothing"
        self.done.clear()
        return self.jobs[-1]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for c in self._conns:
            with contextlib.suppress(OSError):
                c.close()
        self.sock.close()


closed_port = free_port  # a loopback port nobody listens on


class PtyPort:
    """A pseudo-terminal pair: the app opens `path` as its serial port, the test reads `master`."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.path = os.ttyname(self.slave)

    def read_available(self, want: int, timeout: float = 3.0) -> bytes:
        import select as sel

        out = b""
        while len(out) < want:
            ready, _, _ = sel.select([self.master], [], [], timeout)
            if not ready:
                break
            out += os.read(self.master, 1024)
        return out

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def lpstat(*args: str) -> str:
    """What CUPS's `lpstat` says (of the scheduler in $CUPS_SERVER)."""
    return subprocess.run(["lpstat", *args], capture_output=True, text=True).stdout


def add_queue(name: str, device: str) -> None:
    """A raw CUPS queue printing to `device` (a capture:PATH of the cups fixture)."""
    done = subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", device], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def set_setting(station, key: str, value: str) -> None:
    with station.store.write() as s:
        settings.put(s, key, value)


def long_named_customer(station) -> tuple[str, str]:
    """A customer with a long Spanish name and a utility account: (customer id, account no)."""
    with station.store.write() as s:
        acct = s.scalar(select(UtilityAccount).order_by(UtilityAccount.account_no).limit(1))
        cust = s.get(Customer, acct.customer_id)
        cust.first_name, cust.last_name, cust.business_name = LONG_NAME_FIRST, LONG_NAME_LAST, ""
        return cust.id, acct.account_no


_CITATIONS = itertools.count(55120)


def _new_citation(station) -> str:
    """A fresh, recent $45.00 parking citation for this sale to pay."""
    number = f"PK{next(_CITATIONS)}"
    with station.store.write() as s:
        s.add(
            Citation(
                citation_no=number,
                issued_on=date.today() - timedelta(days=3),
                amount_cents=4500,
                violation="Expired meter",
                plate="8ABC123",
            )
        )
    return number


# One license per animal per term: each sale licenses a differently named dog.
_ANIMAL_NAMES = itertools.chain(["Peñita"], (f"Peñita {n}" for n in itertools.count(2)))


def five_line_sale(station, cashier, drawer, *, cash: str = "500.00") -> sales.CompletedSale:
    """A saved sale of five lines (utility payment, dog license, yard sale, bus pass, citation)."""
    customer_id, account_no = long_named_customer(station)
    cart = Cart(customer_id=customer_id)
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": account_no}, amount_text="84.25"
        )
    )
    if not tag_inventory.list_blocks(station, date.today().year):
        give_tags(station)  # the dog license draws its tag from this station's block
    for code, details in (
        (
            "animal_license",
            dog(
                animal_name=next(_ANIMAL_NAMES),
                rabies_certificate="R-2026-114",
                rabies_expires=(date.today() + timedelta(days=700)).isoformat(),
            ),
        ),
        (
            "yard_sale_permit",
            {
                "address": "1200 Calle Año Nuevo",
                "start_date": (date.today() + timedelta(days=3)).isoformat(),
                "days": "2",
            },
        ),
        (
            "bus_pass",
            {"pass_type": "senior_monthly", "card_no": "40418812", "card_action": "reload"},
        ),
        ("citation", {"citation_no": _new_citation(station)}),
    ):
        for line in catalog.price_lines(station, code, customer_id=customer_id, details=details):
            cart.add(line)
    tenders = [
        Tender("check", Money.parse("100.00"), reference="1043", payer="José Núñez"),
        Tender("cash", Money.parse(cash)),
    ]
    return sales.complete_sale(station, cashier, drawer.session_id, cart, tenders)
