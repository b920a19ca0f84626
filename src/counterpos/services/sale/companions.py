"""Companion lines at completion: each exists only with its parent, once, as its rules want.

A late penalty, the disability-access fee's two shares, a start of service's deposit, a new
transit card, the utility late fee: the parent's rules say which companions it carries
(`ServiceRules.companions`, from the line priced again inside the sale), and the cart must hold
exactly those, each once, naming that parent. A service rung only as a companion
(`service.companion_of`) never stands alone, unless a supervisor approved it on its own (a
penalty owed on something paid earlier: sale/approved_lines.py).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.services.errors import InputError


def check_companions(s: Session, cart: Cart, on: date) -> None:
    """Refuse a cart whose companion lines are not exactly what their parents' rules want."""
    from counterpos.services.sale.approved_lines import PENALTY, check_approved  # noqa: PLC0415
    from counterpos.services.sale.catalog import price_line_in, service_rows  # noqa: PLC0415
    from counterpos.services.sale.service_rules import rules_for  # noqa: PLC0415

    services = service_rows(s, {line.service_code for line in cart.lines})
    by_id = {line.line_id: line for line in cart.lines}
    for line in cart.lines:
        svc = services.get(line.service_code)
        parents = svc.companion_of if svc is not None else ()
        if line.parent_id is None:
            if parents:
                if not line.details.get("approval_ref"):
                    names = service_rows(s, parents)
                    raise InputError(
                        "{description} is rung only with the {names} it belongs to; owed on "
                        "something paid earlier, it needs a supervisor's approval with a reason.",
                        field="cart",
                        description=line.description,
                        names=" or ".join(p.name.lower() for p in names.values()),
                    )
                check_approved(s, line, PENALTY)
            continue
        parent = by_id.get(line.parent_id)
        if parent is None or (parents and parent.service_code not in parents):
            raise InputError(
                "{description} does not go with {parent}; remove it.",
                field="cart",
                description=line.description,
                parent=parent.description if parent else "a line of this cart",
            )
    for parent in cart.lines:
        if parent.parent_id is not None:
            continue
        rules = rules_for(parent.service_code)
        wanted = rules.companions(parent) if rules is not None else []
        held = cart.companions(parent)
        for companion in wanted:
            same = [x for x in held if x.service_code == companion.service_code]
            if len(same) > 1:
                raise InputError(
                    "{description} is in the cart {length} times with {parent}: it "
                    "is charged once.",
                    field="cart",
                    description=same[0].description,
                    length=len(same),
                    parent=parent.description,
                )
            if not same:
                line = price_line_in(
                    s,
                    companion.service_code,
                    details=companion.details,
                    quantity=companion.quantity,
                    on=on,
                    customer_id=cart.customer_id,
                )
                if line.amount.cents:  # a $0 companion (an owner's deposit) is left out
                    raise InputError(_missing(parent, line), field="cart")
                continue
            _check_same(parent, same[0], companion.details, companion.quantity)
        codes = {c.service_code for c in wanted}
        for extra in held:
            if extra.service_code not in codes:
                raise InputError(
                    "{description} does not go with {parent} as it is now; remove it.",
                    field="cart",
                    description=extra.description,
                    parent=parent.description,
                )


def _missing(parent: CartLine, companion: CartLine) -> str:
    subject = parent.once_key or parent.description
    return (
        f"{subject}: the {companion.description.lower()} ({companion.amount}) comes with it; "
        "ring it again and it comes along."
    )


def _check_same(parent: CartLine, line: CartLine, details: dict, quantity: int) -> None:
    for key, value in details.items():
        if line.details.get(key) != value:
            raise InputError(
                "{description} was rung for another {key} than {parent}; remove "
                "both and ring them again.",
                field="cart",
                description=line.description,
                key=key.replace("_", " "),
                parent=parent.description,
            )
    if line.quantity != quantity:
        raise InputError(
            "{description}: {quantity} where {parent} carries {wanted}; ring them again.",
            field="cart",
            description=line.description,
            quantity=line.quantity,
            parent=parent.description,
            wanted=quantity,
        )
