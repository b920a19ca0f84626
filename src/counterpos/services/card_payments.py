"""Card payments through a terminal: record first, then ask; resolve unknowns; void; totals.

The names the till calls, from the modules that do each part: the request's lifecycle on the
terminal (card_requests), a card keyed from a standalone terminal (card_standalone), the
approved cards onto a sale (card_sales), what the till sees of a request (card_results), the
terminal setting (card_settings), the fee (card_fees), reversals (card_reversals) and the
end-of-day totals (card_totals).

The order that keeps a card payment from being lost or charged twice:
1. the request (amount, what it is for) is written to `card_request` as `pending`;
2. only then is the terminal asked; its answer updates the row;
3. no answer in time makes the row `unknown` and the station asks the terminal for the status
   of that same request id before anything else happens (the terminal never charges one request
   id twice); while a request is pending or unknown, no new card request starts in the session;
4. approved requests become card tenders of the sale (`finish_sale`), and are linked to it in
   the same transaction that saves the sale.
"""

from __future__ import annotations

from counterpos.hardware import card_terminal as ct
from counterpos.services.card_fees import (  # noqa: F401  (re-exported for the till)
    FEE_GL,
    FEE_NAME,
    FEE_SERVICE,
    CardQuote,
    cart_with_fee,
    ensure_fee_service,
    fee_policy,
    quote,
)
from counterpos.services.card_requests import (  # noqa: F401  (re-exported for the till)
    begin_request,
    cancel,
    charge,
    check_status,
    open_requests,
    resolve_pending,
)
from counterpos.services.card_results import CardResult  # noqa: F401
from counterpos.services.card_reversals import reverse_card_tenders, void_request  # noqa: F401
from counterpos.services.card_sales import (  # noqa: F401  (re-exported for the till)
    finish_sale,
    relink,
    unattached_approvals,
)
from counterpos.services.card_settings import check_setting, terminal_for  # noqa: F401
from counterpos.services.card_standalone import record_standalone  # noqa: F401
from counterpos.services.card_totals import (  # noqa: F401  (re-exported for end of day)
    card_totals_by_brand,
    terminal_batch_total,
)

BRANDS = ct.BRANDS  # the brands a keyed (standalone) card may name
CardTerminal = ct.CardTerminal  # re-exported so the UI need not import hardware/
