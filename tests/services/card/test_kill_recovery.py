"""Issue 13: a card payment killed at random points is never charged twice, nor lost.

A real process (card_payment_worker.py: the real services, the station's SQLite store, the
simulated terminal over TCP) is SIGKILLed at a random moment of a card payment, in both of the
issue's scenarios: the whole sale by card (killed between the approval and the save, or
anywhere else), and a split payment (killed while the cash part is counted). Then the README's
recovery procedure is followed by code: `counterpos card resolve` (the real command), then at
the till the sale is rung again and the payment screen's card approved earlier is attached (or,
for some trials, the customer has gone and a supervisor voids it). At the end the terminal's
charges are counted against the card tenders of the saved sales.

Run it with its own command (README, "Reliability"):
    python -m pytest -m reliability tests/services/card/test_kill_recovery.py -s
COUNTERPOS_KILL_TRIALS sets the trials per scenario (default 20).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services import config
from counterpos.services.card import unattached
from counterpos.services.card.requests import charge, open_requests
from counterpos.services.card.sales import finish_sale
from counterpos.services.card.settings import terminal_for
from counterpos.services.sale import catalog
from counterpos.store.models import CardRequest, Sale, SaleLine, TenderRow
from tests.conftest import PINS, login

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[3]
WORKER = Path(__file__).with_name("card_payment_worker.py")
TRIALS = int(os.environ.get("COUNTERPOS_KILL_TRIALS", "20"))
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))


class Worker:
    """The payment process, its output lines read as they come, with the time each came."""

    def __init__(self, home: Path, scenario: str, memo: str, total: int, card: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(home), scenario, memo, str(total), str(card)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=ENV,
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put((time.monotonic(), line.strip()))
        self.lines.put((time.monotonic(), "<eof>"))

    def wait_for(self, word: str, timeout: float = 60.0) -> float:
        deadline = time.monotonic() + timeout
        while True:
            at, line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line == word:
                return at
            if line == "<eof>":
                raise AssertionError(f"the worker ended before {word!r}")

    def go(self) -> float:
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return time.monotonic()

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)

    def finish(self) -> None:
        assert self.proc.wait(60) == 0


def memo_of(scenario: str, n: int) -> str:
    return f"kill {scenario} {n:03d}"


def amounts(scenario: str, n: int) -> tuple[int, int]:
    """(sale total, card part) in cents: a different total for every trial."""
    total = 2_000 + n * 100 + (7 if scenario == "split" else 3)
    return total, (total * 3 // 5 if scenario == "split" else total)


def state_of(station, memo: str) -> str:
    """What the killed payment left behind."""
    with station.store.read() as s:
        if _sale_ids(s, memo):
            return "sale saved"
        rows = s.scalars(select(CardRequest).where(CardRequest.context.contains(memo))).all()
    if any(r.status == "approved" and r.sale_id is None for r in rows):
        return "approved, not on a sale"
    if any(r.status in ("pending", "unknown") for r in rows):
        return "no answer yet"
    return "no card yet"


def _sale_ids(s, memo: str) -> list[str]:
    return list(
        s.scalars(
            select(Sale.id)
            .join(SaleLine, SaleLine.sale_id == Sale.id)
            .where(Sale.kind == "sale", SaleLine.description.contains(memo))
        )
    )


def resolve_command(home: Path) -> int:
    """Step 1 of the README: `counterpos card resolve`, the real command."""
    done = subprocess.run(
        [sys.executable, "-m", "counterpos.cli", "--home", str(home), "card", "resolve"]
        + ["--user", "maria"],
        capture_output=True,
        text=True,
        env={**ENV, "COUNTERPOS_PIN": PINS["maria"]},
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr  # 2: the command was not even taken
    return done.returncode


def ring_again_and_pay(station, cashier, session_id, scenario, memo, total, card) -> None:
    """Step 2-3 of the README, as the till does it: the same sale rung again; the payment
    screen offers the card approved earlier, which is attached; the rest is taken."""
    cart = Cart(
        [
            catalog.price_line(
                station,
                "misc_receipt",
                details={"gl_account": "4830", "memo": memo},
                amount_text=str(Money(total)),
            )
        ]
    )
    earlier = unattached.unattached(station, session_id)
    assert all(memo in _context(station, r.request_id) for r in earlier)
    attached = [r for r in earlier if r.base.cents <= total]
    ids = [r.request_id for r in attached]
    by_card = sum(r.base.cents for r in attached)
    if by_card < card:  # the card part was not approved before the kill: run it now
        new = charge(
            station, cashier, session_id, cart, Money(card - by_card), held=ids,
            terminal=terminal_for(station),
        )  # fmt: skip
        assert new.is_approved
        ids.append(new.request_id)
        by_card = card
    cash = [Tender("cash", Money(total - by_card))] if total > by_card else []
    finish_sale(station, cashier, session_id, cart, cash, ids)


def _context(station, request_id: str) -> str:
    with station.store.read() as s:
        return s.get_one(CardRequest, request_id).context


@pytest.fixture
def counter(station, cashier, drawer, card_simulator):
    config.set_value(station, "card.terminal", card_simulator.url, None)
    return station, cashier, drawer.session_id, card_simulator


@pytest.mark.parametrize("scenario", ["card", "split"])
def test_a_card_payment_killed_at_random_points_is_charged_once(counter, home, scenario):
    station, cashier, session_id, sim = counter
    supervisor = login(station, "sofia")
    rng = random.Random(f"issue-13-{scenario}")
    # An uncut payment first: how long it takes, and from the approval to the save.
    calib = Worker(home, scenario, memo_of(scenario, 0), *amounts(scenario, 0))
    calib.wait_for("ready")
    start = calib.go()
    approved = calib.wait_for("approved")
    saved = calib.wait_for("saved")
    calib.finish()
    whole, after = saved - start, saved - approved
    states: Counter[str] = Counter()
    walked_away = set()
    for n in range(1, TRIALS + 1):
        memo = memo_of(scenario, n)
        total, card = amounts(scenario, n)
        w = Worker(home, scenario, memo, total, card)
        w.wait_for("ready")
        w.go()
        if n % 2:  # anywhere in the payment
            time.sleep(rng.uniform(0, whole * 1.1))
        else:  # after the approval, before (or just as) the sale is saved
            w.wait_for("approved")
            time.sleep(rng.uniform(0, after))
        w.kill()
        states[state_of(station, memo)] += 1
        # the README's recovery procedure
        resolve_command(home)
        if state_of(station, memo) == "sale saved":
            continue  # the receipt printed: nothing to do
        waiting = unattached.unattached(station, session_id)
        if n % 5 == 0 and waiting:  # the customer has gone: a supervisor voids the card
            for r in waiting:
                unattached.void_unattached(station, supervisor, r.request_id)
            walked_away.add(memo)
            continue
        ring_again_and_pay(station, cashier, session_id, scenario, memo, total, card)
        assert unattached.unattached(station) == []

    # -- the count ------------------------------------------------------------------------
    assert open_requests(station) == [] and unattached.unattached(station) == []
    with station.store.read() as s:
        requests = {r.request_id: r for r in s.scalars(select(CardRequest))}
        double, lost, charges = [], [], 0
        for n in range(0, TRIALS + 1):
            memo = memo_of(scenario, n)
            total, card = amounts(scenario, n)
            mine = [rid for rid, r in requests.items() if memo in r.context]
            charged = [
                sim.records[rid]
                for rid in mine
                if rid in sim.records and sim.records[rid].status == "approved"
            ]
            charges += len(charged)
            sale_ids = _sale_ids(s, memo)
            tenders = s.scalars(select(TenderRow).where(TenderRow.sale_id.in_(sale_ids))).all()
            card_tenders = sum(t.amount_cents for t in tenders if t.kind == "card")
            if memo in walked_away:
                if charged or sale_ids:
                    lost.append((memo, "walked away, yet charged or sold"))
                continue
            if len(sale_ids) != 1:
                lost.append((memo, f"{len(sale_ids)} sales"))
                continue
            if sum(t.amount_cents for t in tenders) != total:
                lost.append((memo, "the sale is not fully paid"))
            charged_cents = sum(r.approved_cents for r in charged)
            if charged_cents > card:
                double.append((memo, charged_cents, card))
            if charged_cents != card_tenders or card_tenders != card:
                lost.append((memo, f"charged {charged_cents}, card tenders {card_tenders}"))
            for rid in mine:
                rec = sim.records.get(rid)
                if (
                    rec is not None
                    and rec.status == "approved"
                    and requests[rid].sale_id not in sale_ids
                ):
                    lost.append((memo, f"charge {rid} not on the sale"))
    print(
        f"\n{scenario}: {TRIALS} kills ({dict(states)}); {len(walked_away)} voided as walked "
        f"away; charges at the terminal {charges}; double charges {len(double)}; lost "
        f"payments {len(lost)}; uncut payment {whole * 1000:.0f} ms, approval to save "
        f"{after * 1000:.0f} ms"
    )
    assert double == [] and lost == []
    # the kills did land where issue 13 charged twice
    assert states["approved, not on a sale"] >= TRIALS // 4, states
