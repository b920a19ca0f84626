"""Approved card payments not on a saved sale: kept, shown, attached to the sale rung again, or
voided at the terminal with a supervisor.

A card approved during a payment belongs to that payment until its sale is saved (the request
is linked to the sale in the sale's own transaction: services/card/sales.finish_sale). If the
station stops in between (killed after the approval, or while the cash part of a split payment
was being counted), the approval stays in card_request, approved, with no sale. From the moment
the station finds it so (`unattached`), it is an orphan (`orphaned_at`) and it is:

- shown at sign-in (`notice`), in the payment screen before any new card (and no other card is
  run in that drawer session until it is settled: `refuse_another_card`), and in the close
  (`close_problems`: the drawer cannot close while one is unattached);
- attached to the sale rung again (`finish_sale` with its id; the receipt names it: "Card
  approved earlier, 11:02, VISA ...1111, ref ...");
- or voided at the terminal with a supervisor's approval (`void_unattached`).

`counterpos card resolve` offers the same from the command line.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.messages import Msg
from counterpos.domain.money import Money
from counterpos.hardware import card_terminal as ct
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.card.results import CardResult, result_of
from counterpos.services.card.reversals import reverse_request
from counterpos.services.card.sales import relink
from counterpos.services.clock import local_today, to_local, utcnow
from counterpos.services.errors import NotFound, StateError
from counterpos.services.station import Station
from counterpos.store.models import CardRequest
from counterpos.store.models.card_request import OPEN_STATUSES

_UNATTACHED = (CardRequest.status == "approved") & CardRequest.sale_id.is_(None)


def describe(r: CardResult) -> str:
    """'$25.00 on VISA ending 1111, approved at 11:02 (ref SIM000012)', in the language in use."""
    return str(card_words(r))


def card_words(r: CardResult) -> Msg:
    when: Msg | str = ""
    if r.approved_at is not None:
        local = to_local(r.approved_at)
        when = (
            Msg(", approved at {time}", time=f"{local:%H:%M}")
            if local.date() == local_today()
            else Msg(", approved {on:%m/%d/%Y %H:%M}", on=local.replace(tzinfo=None))
        )
    ref = r.terminal_ref or r.approval_code
    return Msg(
        "{amount} on {brand} ending {last4}{when}{ref}",
        amount=r.approved,
        brand=r.brand.upper(),
        last4=r.last4,
        when=when,
        ref=Msg(" (ref {ref})", ref=ref) if ref else "",
    )


def unattached(
    station: Station, session_id: str | None = None, *, held: Collection[str] = ()
) -> list[CardResult]:
    """Approved card payments not on a saved sale (of one drawer session, or the station's),
    oldest first, `held` (the payment on screen's own cards) left out. A sale already saved
    with the card's tender is linked to it first (services/card/sales.relink). Each one found
    is marked an orphan: from now on it is shown until attached or voided."""
    with station.store.write() as s:
        q = select(CardRequest).where(_UNATTACHED)
        if session_id:
            q = q.where(CardRequest.session_id == session_id)
        for sid in {r.session_id for r in s.scalars(q)}:
            relink(s, sid)
        now = utcnow()
        out = []
        for row in s.scalars(q.order_by(CardRequest.created_at)):
            if row.request_id in held:
                continue
            if row.orphaned_at is None:
                row.orphaned_at = now
            out.append(result_of(row))
        return out


def refuse_another_card(s: Session, session_id: str, held: Collection[str]) -> None:
    """No new card in a drawer session while an approved payment there is not on a sale, unless
    it is one of the cards of the payment being taken (`held`)."""
    for row in s.scalars(
        select(CardRequest)
        .where(_UNATTACHED, CardRequest.session_id == session_id)
        .order_by(CardRequest.created_at)
    ):
        if row.request_id not in held:
            raise StateError(
                "A card payment of {amount} is approved and not on a saved sale. Attach it to this sale, "
                "or void it with a supervisor, before running another card.",
                amount=card_words(result_of(row)),
            )


def close_problems(s: Session, session_id: str) -> list[str]:
    """Why the drawer session cannot close yet: card payments without an answer, approved
    ones not on a sale. Empty when it may close."""
    out = []
    for row in s.scalars(
        select(CardRequest)
        .where(CardRequest.session_id == session_id)
        .where(CardRequest.status.in_(OPEN_STATUSES) | _UNATTACHED)
        .order_by(CardRequest.created_at)
    ):
        if row.status in OPEN_STATUSES:
            said = Msg(
                "A card payment of {amount} has no answer from the terminal yet: ask the "
                "terminal for its status (counterpos card resolve).",
                amount=Money(row.amount_cents),
            )
        else:
            said = Msg(
                "A card payment of {card} is not on a saved sale: attach it to the sale rung "
                "again, or void it with a supervisor.",
                card=card_words(result_of(row)),
            )
        out.append(str(said))
    return out


def notice(station: Station, session_id: str | None) -> str:
    """What the cashier is told at sign-in (empty when all is settled): approved card payments
    of their drawer session not on a sale, and how many others the station holds."""
    mine = unattached(station, session_id) if session_id else []
    everywhere = unattached(station)
    with station.store.read() as s:
        waiting = list(
            s.scalars(
                select(CardRequest.amount_cents).where(
                    CardRequest.status.in_(OPEN_STATUSES),
                    CardRequest.session_id == session_id,
                )
            )
        )
    parts = []
    for r in mine:
        parts.append(
            Msg(
                "A card payment of {card} is not on a saved sale. Ring the same sale again and "
                "attach it in the payment screen (card, F10), or void it there with a "
                "supervisor. The drawer cannot close until then.",
                card=card_words(r),
            )
        )
    for cents in waiting:
        parts.append(
            Msg(
                "A card payment of {amount} has no answer from the terminal yet; the payment "
                "screen asks the terminal before any other card.",
                amount=Money(cents),
            )
        )
    others = len(everywhere) - len(mine)
    if others > 0:
        parts.append(
            Msg(
                "{n} other approved card payment(s) at this station are not on a sale "
                "(counterpos card resolve lists them).",
                n=others,
            )
        )
    return " ".join(str(part) for part in parts)


def find(station: Station, text: str) -> str:
    """The id of the approved card payment not on a sale named by `text`: its whole request id
    or its last 8 characters (as `counterpos card resolve` lists them)."""
    text = text.strip().lower()
    if len(text) < 8:
        raise NotFound("Give the card request's id, or at least its last 8 characters.")
    matches = [r.request_id for r in unattached(station) if r.request_id.endswith(text)]
    if len(matches) != 1:
        raise NotFound(
            "No single approved card payment not on a sale has the id {text!r}; run `counterpos card "
            "resolve` to list them.",
            text=text,
        )
    return matches[0]


def void_unattached(
    station: Station,
    actor: Actor,
    request_id: str,
    approval: Approval | None = None,
    *,
    terminal: ct.CardTerminal | None = None,
) -> CardResult:
    """Void at the terminal an approved card payment that is not on a sale. A supervisor
    authorises it (their own role, or an override); the cashier who took the card cannot."""
    actor.require("sell", "take payments")
    with station.store.read() as s:
        row = s.get(CardRequest, request_id)
        if row is None:
            raise NotFound("There is no such card request.")
        if row.sale_id is not None:
            raise StateError("That card payment is on a sale; void the sale instead.")
        if row.status != "approved":
            return result_of(row)
        owner = row.user_id
    approver = overrides.authorise(
        actor,
        "void",
        approval,
        what="void a card payment that is not on a sale",
        owner_user_id=owner,
    )
    result = reverse_request(
        station,
        request_id,
        actor.username,
        terminal,
        approver=approver.username if approver else "",
    )
    overrides.spend(approval)
    return result
