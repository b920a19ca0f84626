"""Benchmark: from "Complete" to the receipt bytes handed to the printer backend.

A five-line sale is saved with services.sales.complete_sale; then the timed path runs exactly
what happens after a sale before the wire: read the saved sale's receipt back once
(services.sale.receipts.with_receipt: the document the tender dialog shows and
services.devices.after_sale prints as it is), lay it out for the 80 mm profile, render ESC/POS
through python-escpos in the profile's code page, and hand the bytes to the backend on the
printer's worker thread (a backend that only keeps the bytes, so the network is not timed). Baseline, in the same run: python-escpos's
Dummy printer rendering the same text lines directly (textln per line, then a cut).

Run: PYTHONPATH=src python bench/receipt_print.py [--sales 100]
Reports median and p95 in milliseconds, and the ratio to the baseline (goal: < 50 ms, < 3x).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from escpos.printer import Dummy
from sqlalchemy import select

from counterpos.demo.city import add_demo_customers, load_demo_file
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import Tender
from counterpos.hardware.printer_backends import Backend, PrintJob
from counterpos.hardware.printer_profile import load_profile
from counterpos.services import sessions, settings
from counterpos.services.access import auth
from counterpos.services.access.users import add_user
from counterpos.services.counter import tag_inventory
from counterpos.services.devices import printing
from counterpos.services.sale import catalog, receipts, sales
from counterpos.services.station import Station
from counterpos.store.models import UtilityAccount


class KeepBytes(Backend):
    """A backend that keeps what it is handed: the end of the timed path."""

    url = "bench:"

    def __init__(self) -> None:
        self.handed_at = 0.0
        self.data = b""

    def send(self, job: PrintJob, timeout: float, check_status: bool) -> str:
        self.handed_at = time.perf_counter()
        self.data = job.data
        return "kept"


def five_lines(station: Station, account_no: str, customer_id: str, n: int) -> Cart:
    """A utility payment, a dog license (with its tag), a yard sale permit, a bus pass and a
    miscellaneous receipt: five lines with account, tag, permit and card details, and accents."""
    soon = (date.today() + timedelta(days=3)).isoformat()
    cart = Cart(customer_id=customer_id)
    for code, details, amount in (
        ("utility_payment", {"account_no": account_no}, "84.25"),
        (
            "animal_license",
            {
                "animal_name": "Peñita",
                "species": "dog",
                "breed": "Chihuahueño",
                "colour": "Café",
                "sex": "female",
                "altered": "yes",
                "term": "1",
                "senior": "no",
                "rabies_certificate": "R-2026-114",
                "rabies_expires": (date.today() + timedelta(days=700)).isoformat(),
                "veterinarian": "Clínica Veterinaria Mission Vista",
                "owner_name": "José Núñez",
                "owner_address": "12 Calle Peñasco",
            },
            None,
        ),
        (
            "yard_sale_permit",
            {"address": f"{n} Calle Peñasco", "start_date": soon, "days": "2"},
            None,
        ),
        (
            "bus_pass",
            {"pass_type": "adult_monthly", "card_no": "40012345", "card_action": "reload"},
            None,
        ),
        ("misc_receipt", {"gl_account": "4830", "memo": "Copias certificadas"}, "6.50"),
    ):
        cart.add(catalog.price_line(station, code, details=details, amount_text=amount))
    return cart


def dummy_ms(lines: list[str], codepage: str | None = None) -> float:
    """Milliseconds for python-escpos's Dummy printer to render `lines` and a cut."""
    t0 = time.perf_counter()
    dummy = Dummy()
    if codepage:
        dummy.charcode(codepage)
    for line in lines:
        dummy.textln(line)
    dummy.cut()
    _ = dummy.output
    return (time.perf_counter() - t0) * 1000


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", type=int, default=100)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-receipt-"))
    station = Station.open(home)
    station.set_code("B1", "Bench counter")
    data = load_demo_file()
    with station.store.write() as s:
        for key in ("name", "address", "phone"):
            settings.put(s, f"city.{key}", data["city"][key])
    add_user(station, "maria", "Maria Lopez", "cashier", "1111")
    add_demo_customers(station, data, 50)
    add_user(station, "sofia", "Sofia Ramirez", "supervisor", "333333")
    year = date.today().year
    tag_inventory.assign_block(
        station, auth.login(station, "sofia", "333333"), "B1", year, 1, args.sales + 10
    )
    actor = auth.login(station, "maria", "1111")
    session = sessions.open_session(station, actor, {"bill_20": 5})
    with station.store.read() as s:
        acct = s.scalar(select(UtilityAccount).order_by(UtilityAccount.account_no).limit(1))
        account_no, customer_id = acct.account_no, acct.customer_id

    profile = load_profile("generic-80mm")
    backend = KeepBytes()
    printer = printing.Printer("bench:", profile, backend, 5.0, None)

    complete_ms, print_ms, base_ms, doc_ms, render_ms, handoff_ms = [], [], [], [], [], []
    fixed_ms: list[float] = []
    for n in range(args.sales):
        cart = five_lines(station, account_no, customer_id, n)
        tenders = [Tender("cash", Money.parse("400.00"))]
        t0 = time.perf_counter()
        done = sales.complete_sale(station, actor, session.session_id, cart, tenders)
        t1 = time.perf_counter()
        # --- the timed path: the read-back, then what printing.print_document does up to the
        # backend ---
        doc = receipts.with_receipt(station, done).receipt
        td = time.perf_counter()
        job = PrintJob(printing.receipt_bytes(doc, printer), done.receipt_no, profile.chars)
        tr = time.perf_counter()
        printing.send(printer, job)
        t2 = backend.handed_at
        complete_ms.append((t1 - t0) * 1000)
        print_ms.append((t2 - t1) * 1000)
        doc_ms.append((td - t1) * 1000)
        render_ms.append((tr - td) * 1000)
        handoff_ms.append((t2 - tr) * 1000)
        # --- baselines: python-escpos Dummy with the same text lines, directly; and, stricter,
        # with the profile's code page chosen up front (no per-letter code-page search) ---
        lines = render_text(doc, profile.chars)
        base_ms.append(dummy_ms(lines))
        fixed_ms.append(dummy_ms(lines, profile.codepage.upper()))
    lines_per_receipt = len(lines)
    assert b"Pe\xa4ita" in backend.data  # ñ in CP858, the bytes really are the receipt

    def row(name: str, v: list[float]) -> str:
        return f"| {name} | {statistics.median(v):.2f} | {pct(v, 95):.2f} |"

    def ratio(v: list[float], base: list[float] = base_ms) -> str:
        med = statistics.median(v) / statistics.median(base)
        return f"median {med:.1f}x, p95 {pct(v, 95) / pct(base, 95):.1f}x"

    print(
        f"{args.sales} five-line sales ({lines_per_receipt} printed lines each), profile "
        f"{profile.name} ({profile.chars} chars), "
        f"Python {sys.version.split()[0]}"
    )
    print("| path | median ms | p95 ms |")
    print("| --- | --- | --- |")
    print(row("complete_sale (save, for context)", complete_ms))
    print(row("saved sale -> receipt bytes at the backend", print_ms))
    print(row("  of which: load the sale, build the document", doc_ms))
    print(row("  of which: layout + ESC/POS bytes (python-escpos)", render_ms))
    print(row("  of which: hand-off to the printer's worker thread", handoff_ms))
    print(row("baseline: escpos Dummy, same text lines", base_ms))
    print(row("stricter baseline: Dummy with the code page set", fixed_ms))
    print(f"ratio to baseline, saved sale -> bytes: {ratio(print_ms)}")
    print(f"ratio to the stricter baseline, saved sale -> bytes: {ratio(print_ms, fixed_ms)}")
    print(f"ratio to baseline, layout + ESC/POS bytes: {ratio(render_ms)}")
    total = [c + p for c, p in zip(complete_ms, print_ms, strict=True)]
    print(
        f"Complete pressed -> bytes at the backend (save included): median "
        f"{statistics.median(total):.1f} ms, p95 {pct(total, 95):.1f} ms"
    )
    station.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
