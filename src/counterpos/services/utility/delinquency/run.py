"""The delinquency run: late fees by rule, then who gets which notice today, in one transaction.

For every owing account: its unpaid charges (payments pay the oldest first), its arrangement
and the notices it already has decide the one notice it gets (domain/utility/delinquency.py):
a late notice after the due date, a final (shut-off) notice with its SB 998 date, a notice
posted at the home after a broken arrangement, a collection notice. Each notice is recorded
under its key, so running the same day twice sends nothing twice. The letters are printed
afterwards, off the GUI thread (notices/letters.py).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from counterpos.domain.utility.delinquency import (
    AccountFacts,
    DelinquencyPolicy,
    Unpaid,
    choose_notice,
)
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.billing.rates import closed_days, delinquency_policy
from counterpos.services.utility.delinquency.late_fees import apply_late_fees
from counterpos.services.utility.delinquency.standing import (
    ArrangementState,
    LedgerScan,
    PastDue,
    arrangements,
    past_due_standings,
)
from counterpos.services.utility.notices.record import record_notices, sent_keys
from counterpos.store.models import ArrangementEvent, new_id


@dataclass(frozen=True)
class DelinquencyResult:
    run_id: str
    on: date
    accounts_owing: int
    late_fees: int
    late_fee_cents: int
    notices: dict[str, int]  # kind -> count
    arrangements_broken: int
    late_fees_waived: int = 0  # SB 998: low-income households' one late charge a year


def delinquency_run(station: Station, actor: Actor, on: date | None = None) -> DelinquencyResult:
    """Charge the late fees due and record today's notices (print them with notices/letters)."""
    actor.require("send_notices", "run late fees and notices")
    today = local_today()
    on = on or today
    if on > today:
        raise InputError("The delinquency run cannot be dated in the future.", field="on")
    run_id = new_id()
    with _no_automatic_collection(), station.store.write() as s:
        policy = delinquency_policy(s, on)
        closed = closed_days(s)
        arranged = arrangements(
            s, on, policy.arrangement_grace_days, policy.sb998.arrangement_default_days
        )
        kept = {a for a, st in arranged.items() if st.standing.state in ("kept", "missed")}
        scan = LedgerScan(s)  # read once: the late fees, then (caught up) the standings
        fees = apply_late_fees(s, station.code, on, policy, kept, scan)
        broken = 0
        for st in arranged.values():
            if st.standing.state in ("broken", "completed"):
                s.add(
                    ArrangementEvent(
                        arrangement_id=st.arrangement_id,
                        kind=st.standing.state,
                        on_date=on,
                        note=f"behind since {st.standing.behind_since}"
                        if st.standing.behind_since
                        else "",
                        recorded_by=actor.username,
                        station_code=station.code,
                    )
                )
                broken += st.standing.state == "broken"
        s.flush()
        owing_count, standings = past_due_standings(s, on, policy.min_notice_cents, scan)
        del scan
        posted = sent_keys(s, [f"posted:{a.arrangement_id}" for a in arranged.values()])
        notices: list[dict[str, Any]] = []
        for one in standings:
            arr = arranged.get(one.account_id)
            choice = choose_notice(_facts(one, arr, posted, policy), on, closed, policy)
            if choice is None:
                continue
            bill_id = one.bill_id  # the rule chooses about the oldest charge
            notices.append(
                {
                    "kind": choice.kind,
                    "key": choice.key,
                    "run_id": run_id,
                    "account_id": one.account_id,
                    "customer_id": one.customer_id,
                    "bill_id": bill_id,
                    "issued_on": on,
                    "due_on": choice.due_on,
                    "shutoff_on": choice.shutoff_on,
                    "amount_cents": choice.past_due_cents,
                    "addressee": one.addressee,
                    "mail_to": one.mailing_address,
                    "language": one.language,
                    "details": {
                        "account_no": one.account_no,
                        "service_address": one.service_address,
                        "balance_cents": one.balance,
                        "past_due_cents": one.past_due,
                        "bill_no": one.bill_no if bill_id else "",
                        "arrangement_no": arr.arrangement_no if arr else "",
                        "residential": one.customer_class in policy.residential_classes,
                    },
                }
            )
        if notices:
            record_notices(s, station.code, actor.username, notices)
        counts = Counter(n["kind"] for n in notices)
        audit.record(
            s,
            station.code,
            "delinquency_run",
            actor=actor.username,
            target=run_id,
            details={
                "on": on.isoformat(),
                "late_fees": fees.charged,
                "late_fee_cents": fees.total_cents,
                "late_fees_waived": fees.waived,
                "notices": dict(counts),
                "arrangements_broken": broken,
            },
        )
    return DelinquencyResult(
        run_id, on, owing_count, fees.charged, fees.total_cents, dict(counts), broken, fees.waived
    )


@contextmanager
def _no_automatic_collection() -> Iterator[None]:
    """Python's cyclic collector held off while a run reads and writes a city's rows: every
    full collection walks all of them again (nine walks, about a second, over the bench's
    50,000 accounts), and the run makes no garbage cycles worth it. Left as it was found (the
    till collects on its GUI thread only: ui/gui_thread_gc.py)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _facts(
    st: PastDue,
    arr: ArrangementState | None,
    posted: set[str],
    policy: DelinquencyPolicy,
) -> AccountFacts:
    """What the rule (domain/utility/delinquency.choose_notice) reads, from the account's
    standing: its oldest past-due charge carrying all that is past due, and the notices
    recorded about that charge (and about its arrangement)."""
    sent = dict(st.sent_on)
    if arr is not None and f"posted:{arr.arrangement_id}" in posted:
        sent[f"posted:{arr.arrangement_id}"] = st.oldest.due_on  # only its presence is read
    return AccountFacts(
        st.account_id,
        st.active,
        st.customer_class in policy.residential_classes,
        [Unpaid(st.oldest, st.past_due)],
        frozenset(sent),
        arr.standing.state if arr and arr.standing.state != "completed" else "",
        arr.arrangement_id if arr else "",
        sent,
    )
