"""One card payment by the real services, in its own process, for the kill test to SIGKILL.

Run: python card_payment_worker.py HOME SCENARIO MEMO TOTAL_CENTS CARD_CENTS

Signs maria in on the station in HOME (her drawer session is open), rings a miscellaneous
receipt of TOTAL_CENTS (memo MEMO), prints "ready" and waits for a line on stdin. Then, as the
till's payment screen does, against the station's card terminal (`card.terminal`):

- `card`: the whole sale by card: "approved" once the terminal approved it, then the sale is
  saved ("saved");
- `split`: CARD_CENTS by card ("approved"), then the cashier counts the cash part ("cash",
  0.2 s), then the sale is saved with the card and the cash ("saved").

The parent kills this process at a random moment of that.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services import sessions
from counterpos.services.access import auth
from counterpos.services.card.requests import charge
from counterpos.services.card.sales import finish_sale
from counterpos.services.card.settings import terminal_for
from counterpos.services.sale import catalog
from counterpos.services.station import Station

COUNTING_CASH_SECONDS = 0.2


def main() -> None:
    home, scenario, memo, total, card = sys.argv[1:6]
    station = Station.open(Path(home))
    actor = auth.login(station, "maria", "1111")
    session = sessions.current_session(station, actor)
    assert session is not None
    cart = Cart(
        [
            catalog.price_line(
                station,
                "misc_receipt",
                details={"gl_account": "4830", "memo": memo},
                amount_text=str(Money(int(total))),
            )
        ]
    )
    terminal = terminal_for(station)
    print("ready", flush=True)
    sys.stdin.readline()
    paid_by_card = Money(int(total) if scenario == "card" else int(card))
    result = charge(station, actor, session.session_id, cart, paid_by_card, terminal=terminal)
    if not result.is_approved:
        print(f"not approved {result.status}", flush=True)
        return
    print("approved", flush=True)
    tenders = []
    if scenario == "split":
        print("cash", flush=True)
        time.sleep(COUNTING_CASH_SECONDS)  # the cashier counts the rest in cash
        tenders = [Tender("cash", Money(int(total) - int(card)))]
    finish_sale(station, actor, session.session_id, cart, tenders, [result.request_id])
    print("saved", flush=True)


if __name__ == "__main__":
    main()
