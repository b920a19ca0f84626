"""The delinquency run: late fees by rule, then who gets which notice today, in one transaction.

For every owing account: its unpaid charges (payments pay the oldest first), its arrangement
and the notices it already has decide the one notice it gets (domain/utility/delinquency.py):
a late notice after the due date, a final (shut-off) notice with its SB 998 date, a notice
posted at the home after a broken arrangement, a collection notice. Each notice is recorded
under its key, so running the same day twice sends nothing twice. The letters are printed
afterwards, off the GUI thread (notices/letters.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from counterpos.domain.utility.delinquency import AccountFacts, choose_notice, past_due
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.billing.rates import closed_days, delinquency_policy
from counterpos.services.utility.delinquency.late_fees import apply_late_fees
from counterpos.services.utility.delinquency.standing import arrangements, owing, sent_by_account
from counterpos.services.utility.notices.record import record_notices
from counterpos.store.models import ArrangementEvent, Customer, UtilityAccount, new_id


@dataclass(frozen=True)
class DelinquencyResult:
    run_id: str
    on: date
    accounts_owing: int
    late_fees: int
    late_fee_cents: int
    notices: dict[str, int]  # kind -> count
    arrangements_broken: int


def delinquency_run(station: Station, actor: Actor, on: date | None = None) -> DelinquencyResult:
    """Charge the late fees due and record today's notices (print them with notices/letters)."""
    actor.require("send_notices", "run late fees and notices")
    today = local_today()
    on = on or today
    if on > today:
        raise InputError("The delinquency run cannot be dated in the future.", field="on")
    run_id = new_id()
    with station.store.write() as s:
        policy = delinquency_policy(s, on)
        closed = closed_days(s)
        arranged = arrangements(
            s, on, policy.arrangement_grace_days, policy.sb998.arrangement_default_days
        )
        kept = {a for a, st in arranged.items() if st.standing.state in ("kept", "missed")}
        fees = apply_late_fees(s, station.code, on, policy, kept)
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
        owed = owing(s)
        sent = sent_by_account(s)
        accounts = {
            a.id: a
            for a in s.execute(
                select(
                    UtilityAccount.id,
                    UtilityAccount.account_no,
                    UtilityAccount.customer_id,
                    UtilityAccount.service_address,
                    UtilityAccount.customer_class,
                    UtilityAccount.status,
                )
            )
        }
        choices = []
        for account_id, o in owed.items():
            acct = accounts.get(account_id)
            if acct is None:
                continue
            arr = arranged.get(account_id)
            facts = AccountFacts(
                account_id,
                acct.status == "active",
                acct.customer_class in policy.residential_classes,
                o.unpaid(),
                frozenset(sent.get(account_id, ())),
                arr.standing.state if arr and arr.standing.state != "completed" else "",
                arr.arrangement_id if arr else "",
                sent.get(account_id, {}),
            )
            choice = choose_notice(facts, on, closed, policy)
            if choice is not None:
                choices.append((acct, o, choice, arr, past_due(facts.unpaid, on)))
        customers = _customers(s, {a.customer_id for a, *_ in choices})
        bill_nos = _bill_nos(s, {o.bill_of.get(c.ref, "") for _a, o, c, *_ in choices} - {""})
        notices = []
        for acct, o, c, arr, owed_now in choices:
            cust = customers.get(acct.customer_id)
            notices.append(
                {
                    "kind": c.kind,
                    "key": c.key,
                    "run_id": run_id,
                    "account_id": acct.id,
                    "customer_id": acct.customer_id,
                    "bill_id": o.bill_of.get(c.ref),
                    "issued_on": on,
                    "due_on": c.due_on,
                    "shutoff_on": c.shutoff_on,
                    "amount_cents": c.past_due_cents,
                    "addressee": cust[0] if cust else "Occupant",
                    "mail_to": (cust[1] if cust else "") or acct.service_address,
                    "details": {
                        "account_no": acct.account_no,
                        "service_address": acct.service_address,
                        "balance_cents": o.balance,
                        "past_due_cents": owed_now,
                        "bill_no": bill_nos.get(o.bill_of.get(c.ref, ""), ""),
                        "arrangement_no": arr.arrangement_no if arr else "",
                        "residential": acct.customer_class in policy.residential_classes,
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
                "notices": dict(counts),
                "arrangements_broken": broken,
            },
        )
    return DelinquencyResult(
        run_id, on, len(owed), fees.charged, fees.total_cents, dict(counts), broken
    )


def _customers(s, ids: set[str]) -> dict[str, tuple[str, str]]:
    from counterpos.store.models.customer import display_name  # noqa: PLC0415

    out = {}
    id_list = list(ids)
    for i in range(0, len(id_list), 900):
        for c in s.execute(
            select(
                Customer.id,
                Customer.first_name,
                Customer.last_name,
                Customer.business_name,
                Customer.mailing_address,
            ).where(Customer.id.in_(id_list[i : i + 900]))
        ):
            out[c.id] = (
                display_name(c.first_name, c.last_name, c.business_name),
                c.mailing_address,
            )
    return out


def _bill_nos(s, ids: set[str]) -> dict[str, str]:
    from counterpos.store.models import Bill  # noqa: PLC0415

    out: dict[str, str] = {}
    id_list = list(ids)
    for i in range(0, len(id_list), 900):
        for bill_id, bill_no in s.execute(
            select(Bill.id, Bill.bill_no).where(Bill.id.in_(id_list[i : i + 900]))
        ):
            out[bill_id] = bill_no
    return out
