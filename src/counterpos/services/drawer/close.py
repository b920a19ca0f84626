"""Closing a drawer session: blind count, checks ticked, card batch confirmed, then the figures."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from counterpos.domain.denominations import CountError, count_total
from counterpos.domain.drawer_balance import expected_cash, needs_approval, over_short
from counterpos.domain.kinds import TenderKind
from counterpos.domain.messages import N_, Msg
from counterpos.domain.money import Money
from counterpos.services import audit, backups, settings
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.card.unattached import close_problems
from counterpos.services.drawer.figures import ListedItem, session_figures
from counterpos.services.errors import InputError, NotFound, PermissionDenied, StateError
from counterpos.services.sessions import is_closed
from counterpos.services.station import Station
from counterpos.store.models import DrawerClose, DrawerSession, User


@dataclass(frozen=True)
class ClosingSheet:
    """What the cashier sees before counting: no expected figures (the count is blind)."""

    session_id: str
    cashier: str
    items: tuple[ListedItem, ...]  # checks and money orders to tick off
    card_count: int  # how many card payments the terminal batch should hold
    # Card payments to settle first (no answer yet, or approved and not on a sale): while there
    # is one, the drawer cannot close.
    card_problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClosingCount:
    counts: dict[str, int]  # denomination key -> pieces
    ticked: frozenset[str] = field(default_factory=frozenset)  # tender ids found in the drawer
    card_batch_total: Money = Money(0)  # the terminal's batch total


@dataclass(frozen=True)
class BalanceResult:
    session_id: str
    counted: Money
    expected: Money
    over_short: Money
    limit: Money
    card_expected: Money
    card_batch: Money
    missing_items: tuple[ListedItem, ...]
    needs_approval: bool
    closed: bool = False
    approver: str = ""
    note: str = ""

    @property
    def card_difference(self) -> Money:
        return Money(self.card_batch.cents - self.card_expected.cents)

    def problems(self) -> list[str]:
        out = []
        # In the language in use: "The cash is short $211.70, beyond the $5.00 limit." was
        # English on Spanish screens, at the close's last step.
        if abs(self.over_short.cents) > self.limit.cents:
            template = (
                N_("The cash is over {amount}, beyond the {limit} limit.")
                if self.over_short.cents > 0
                else N_("The cash is short {amount}, beyond the {limit} limit.")
            )
            out.append(
                Msg(template, amount=Money(abs(self.over_short.cents)), limit=self.limit).text()
            )
        if self.card_difference.cents:
            out.append(
                Msg(
                    "The card batch ({batch}) differs from the card payments ({payments}).",
                    batch=self.card_batch,
                    payments=self.card_expected,
                ).text()
            )
        for item in self.missing_items:
            template = (
                N_("Check No. {number} ({amount}) is not in the drawer.")
                if item.kind == TenderKind.CHECK
                else N_("Money order No. {number} ({amount}) is not in the drawer.")
            )
            out.append(Msg(template, number=item.number, amount=item.amount).text())
        return out


def _load(s, station: Station, actor: Actor, session_id: str) -> DrawerSession:
    drawer = s.get(DrawerSession, session_id)
    if drawer is None:
        raise NotFound("There is no such drawer session.")
    if drawer.user_id == actor.user_id:
        actor.require("close_own_session", "close a drawer session")
    else:
        actor.require("close_any_session", "close another cashier's drawer session")
    if is_closed(s, session_id):
        raise StateError("This drawer session is already closed.")
    return drawer


def closing_sheet(station: Station, actor: Actor, session_id: str) -> ClosingSheet:
    with station.store.read() as s:
        drawer = _load(s, station, actor, session_id)
        figures = session_figures(s, drawer.id)
        user = s.get(User, drawer.user_id)
        return ClosingSheet(
            drawer.id,
            user.full_name if user else "",
            figures.items,
            figures.card_count,
            tuple(close_problems(s, drawer.id)),
        )


def _balance(s, drawer: DrawerSession, count: ClosingCount) -> BalanceResult:
    problems = close_problems(s, drawer.id)
    if problems:
        raise StateError(" ".join(problems) + " The drawer cannot close until then.")
    try:
        counted = count_total(count.counts)
    except CountError as exc:
        raise InputError(exc, field="count") from exc
    if count.card_batch_total.cents < 0:
        raise InputError("The card batch total cannot be negative.", field="card_total")
    figures = session_figures(s, drawer.id)
    unknown = set(count.ticked) - {i.tender_id for i in figures.items}
    if unknown:
        raise InputError("A ticked item is not one of this session's checks.", field="checks")
    missing = tuple(i for i in figures.items if i.tender_id not in count.ticked)
    expected = expected_cash(figures.movements)
    diff = over_short(counted, expected)
    limit = Money(settings.get_int(s, "session.over_short_limit_cents"))
    needs = (
        needs_approval(diff, limit)
        or bool(missing)
        or count.card_batch_total.cents != figures.card_total.cents
    )
    return BalanceResult(
        drawer.id,
        counted,
        expected,
        diff,
        limit,
        figures.card_total,
        count.card_batch_total,
        missing,
        needs,
    )


def _count_details(result: BalanceResult) -> dict:
    return {
        "counted_cents": result.counted.cents,
        "expected_cents": result.expected.cents,
        "over_short_cents": result.over_short.cents,
        "card_batch_cents": result.card_batch.cents,
        "card_expected_cents": result.card_expected.cents,
        "missing_items": [i.tender_id for i in result.missing_items],
    }


def count_drawer(
    station: Station, actor: Actor, session_id: str, count: ClosingCount
) -> BalanceResult:
    """Take the blind count and only now reveal expected and over/short. The count is audited,
    so a recount made after seeing the figures is on record too."""
    with station.store.write() as s:
        drawer = _load(s, station, actor, session_id)
        result = _balance(s, drawer, count)
        audit.record(
            s,
            station.code,
            "drawer_count",
            actor=actor.username,
            target=drawer.id,
            details=_count_details(result),
        )
    return result


def close_session(
    station: Station,
    actor: Actor,
    session_id: str,
    count: ClosingCount,
    *,
    approval: Approval | None = None,
    note: str = "",
) -> BalanceResult:
    """Close and lock the session. Beyond the limit, a supervisor accepts it with a note."""
    note = note.strip()
    with station.store.write() as s:
        drawer = _load(s, station, actor, session_id)
        result = _balance(s, drawer, count)
        approver = None
        if result.needs_approval:
            try:
                approver = overrides.authorise(
                    actor,
                    "accept_over_short",
                    approval,
                    what="accept this over/short",
                    owner_user_id=drawer.user_id,
                )
            except PermissionDenied as exc:
                raise PermissionDenied(
                    " ".join(result.problems()) + " A supervisor must accept it with a note.",
                    exc.permission,
                ) from exc
            approver = approver or actor  # a supervisor closing someone else's drawer
            if not note:
                raise InputError("The supervisor's note is needed to accept this.", field="note")
        s.add(
            DrawerClose(
                session_id=drawer.id,
                closed_by=actor.user_id,
                counted_cash_cents=result.counted.cents,
                expected_cash_cents=result.expected.cents,
                over_short_cents=result.over_short.cents,
                closing_count={
                    "cash": {k: v for k, v in count.counts.items() if v},
                    "ticked": sorted(count.ticked),
                    "card_batch_cents": result.card_batch.cents,
                    "card_expected_cents": result.card_expected.cents,
                },
                approver_id=approver.user_id if approver else None,
                note=note[:400],
            )
        )
        s.flush()
        who = approver.username if approver else ""
        if result.needs_approval:
            audit.record(
                s,
                station.code,
                "over_short_accepted",
                actor=actor.username,
                approver=who,
                target=drawer.id,
                details={**_count_details(result), "note": note},
            )
        audit.record(
            s,
            station.code,
            "session_close",
            actor=actor.username,
            approver=who,
            target=drawer.id,
            details={**_count_details(result), "kind": drawer.kind},
        )
    overrides.spend(approval)
    backups.after_close(station)  # in the background; a lost disk loses nothing closed
    return replace(result, closed=True, approver=who, note=note)
