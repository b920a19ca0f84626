"""Payment arrangements: the arrears in instalments (or deferred), what a missed one does.

One running arrangement per account. While it is kept (instalments and new bills paid as they
fall due, with the policy's grace), no late fee, no notice and no disconnection; a missed
instalment makes it "missed"; 60 days behind (SB 998) the delinquency run records it broken,
and a final notice is posted at the home (5 business days). A reduction forgives part of the
arrears through the two-person adjustment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from counterpos.domain.messages import word
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.utility.arrangement import KINDS, ArrangementError, Instalment, plan
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.billing.rates import delinquency_policy
from counterpos.services.utility.delinquency.standing import arrangements
from counterpos.services.utility.numbers import next_number
from counterpos.store.balances import account_balance
from counterpos.store.models import ArrangementEvent, PaymentArrangement

MAX_FIRST_DUE_DAYS = 60


@dataclass(frozen=True)
class ArrangementView:
    arrangement_no: str
    kind: str
    kind_text: str
    starts_on: date
    instalments: tuple[Instalment, ...]
    arrears_cents: int
    state: str  # kept, missed, broken, completed
    due_cents: int
    paid_cents: int
    behind_since: date | None
    next_due: Instalment | None


def proposal(
    station: Station, account_no: str, kind: str, count: int, first_due: date, forgiven: str = ""
) -> tuple[int, int, tuple[Instalment, ...]]:
    """(arrears, forgiven, instalments) the customer would agree to; nothing is written."""
    with station.store.read() as s:
        acct = find_account(s, account_no)
        policy = delinquency_policy(s, local_today())
        arrears = account_balance(s, acct.id).cents
        return _plan(arrears, kind, count, first_due, forgiven, policy.arrangement_max_months)


def _plan(
    arrears: int, kind: str, count: int, first_due: date, forgiven_text: str, max_months: int
) -> tuple[int, int, tuple[Instalment, ...]]:
    if kind not in KINDS:
        raise InputError("Kind: one of {choices}.", field="kind", choices=", ".join(KINDS))
    today = local_today()
    if not today <= first_due <= today + timedelta(days=MAX_FIRST_DUE_DAYS):
        raise InputError(
            "The first instalment falls due today or within {max_first_due_days} days.",
            field="first_due",
            max_first_due_days=MAX_FIRST_DUE_DAYS,
        )
    forgiven = 0
    if kind == "reduction":
        try:
            forgiven = Money.parse(forgiven_text).cents
        except MoneyError as exc:
            raise InputError(exc, field="forgiven") from exc
        if not 0 < forgiven < arrears:
            raise InputError("A reduction forgives part of the arrears, not all.", field="forgiven")
    elif forgiven_text.strip():
        raise InputError("Only a reduction forgives part of the arrears.", field="forgiven")
    if kind == "deferral" and count != 1:
        raise InputError("A deferral is one payment on a later date.", field="count")
    try:
        instalments = plan(arrears - forgiven, count, first_due, max_months)
    except ArrangementError as exc:
        raise InputError(exc, field="count") from exc
    return arrears, forgiven, instalments


def start_arrangement(
    station: Station,
    actor: Actor,
    account_no: str,
    kind: str,
    count: int,
    first_due: date,
    *,
    forgiven: str = "",
    approver: Actor | None = None,
    note: str = "",
) -> ArrangementView:
    """Record the arrangement the customer agreed to (a reduction needs a second supervisor)."""
    actor.require("arrange_payments", "set up payment arrangements")
    if kind == "reduction":
        if approver is None or approver.user_id == actor.user_id:
            raise InputError("Another supervisor must approve a reduction.", field="approver")
        approver.require("adjust_account", "approve a reduction of the arrears")
    with station.store.write() as s:
        acct = find_account(s, account_no)
        if acct.status != "active":
            raise StateError(
                "Account {account_no} is {status}; arrange payment on an active account.",
                account_no=acct.account_no,
                status=word(acct.status),
            )
        policy = delinquency_policy(s, local_today())
        running = arrangements(
            s,
            local_today(),
            policy.arrangement_grace_days,
            policy.sb998.arrangement_default_days,
            acct.id,
        )
        if acct.id in running and running[acct.id].standing.state in ("kept", "missed"):
            raise StateError(
                "Account {account_no} already has arrangement {arrangement_no}.",
                account_no=acct.account_no,
                arrangement_no=running[acct.id].arrangement_no,
            )
        arrears = account_balance(s, acct.id).cents
        if arrears <= 0:
            raise StateError(
                "Account {account_no} owes nothing to arrange.", account_no=acct.account_no
            )
        arrears, cut, instalments = _plan(
            arrears, kind, count, first_due, forgiven, policy.arrangement_max_months
        )
        number = next_number(s, PaymentArrangement.arrangement_no, station.code, "A")
        s.add(
            PaymentArrangement(
                arrangement_no=number,
                account_id=acct.id,
                kind=kind,
                arrears_cents=arrears,
                forgiven_cents=cut,
                instalments=[[i.due_on.isoformat(), i.cents] for i in instalments],
                starts_on=local_today(),
                note=" ".join(note.split())[:500],
                created_by=actor.username,
                approved_by=approver.username if approver else "",
                station_code=station.code,
            )
        )
        s.flush()
        audit.record(
            s,
            station.code,
            "arrangement_started",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=acct.account_no,
            details={
                "arrangement_no": number,
                "kind": kind,
                "arrears": arrears,
                "forgiven": cut,
                "count": count,
            },
        )
    if cut:
        from counterpos.services.utility.adjustments import adjust_account  # noqa: PLC0415

        assert approver is not None
        adjust_account(
            station,
            actor,
            approver,
            account_no,
            Money(-cut).plain(),
            "other",
            f"Arrangement {number}: arrears reduced",
        )
    view = arrangement_of(station, account_no)
    assert view is not None
    return view


def arrangement_of(
    station: Station, account_no: str, on: date | None = None
) -> ArrangementView | None:
    """The account's running arrangement and how it stands, or None."""
    on = on or local_today()
    with station.store.read() as s:
        acct = find_account(s, account_no)
        policy = delinquency_policy(s, on)
        found = arrangements(
            s, on, policy.arrangement_grace_days, policy.sb998.arrangement_default_days, acct.id
        )
        st = found.get(acct.id)
        if st is None:
            return None
        row = s.get(PaymentArrangement, st.arrangement_id)
        assert row is not None
        nxt = next((i for i in st.instalments if i.due_on >= on), None)
        return ArrangementView(
            st.arrangement_no,
            st.kind,
            KINDS[st.kind],
            st.starts_on,
            st.instalments,
            row.arrears_cents,
            st.standing.state,
            st.standing.due_cents,
            st.standing.paid_cents,
            st.standing.behind_since,
            nxt,
        )


def cancel_arrangement(station: Station, actor: Actor, account_no: str, reason: str) -> None:
    """End an arrangement before its time (the customer asked, or it was entered wrong)."""
    actor.require("arrange_payments", "cancel payment arrangements")
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise InputError("Say why the arrangement ends.", field="reason")
    view = arrangement_of(station, account_no)
    if view is None:
        raise StateError("The account has no running arrangement.")
    with station.store.write() as s:
        row = s.query(PaymentArrangement).filter_by(arrangement_no=view.arrangement_no).one()
        s.add(
            ArrangementEvent(
                arrangement_id=row.id,
                kind="cancelled",
                on_date=local_today(),
                note=reason[:500],
                recorded_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        audit.record(
            s,
            station.code,
            "arrangement_cancelled",
            actor=actor.username,
            target=view.arrangement_no,
        )
