"""Checks the details a service line captures against the service's field list.

The same check runs when a line is rung and again inside the sale (catalog.reprice_cart), on
the details the first check kept: every kind accepts its own clean form back (a date as ISO
text, money as integer cents, a yes/no as a real boolean).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Protocol

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from counterpos.domain.messages import Listed, Msg
from counterpos.domain.money import MAX_COUNTER_CENTS, Money, MoneyError
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.catalog import utility_account
from counterpos.store import pan_boundary, plain_read
from counterpos.store.models import GlAccount

# What the UI sends for a yes/no: a real boolean. A plain form may send these exact words.
YES, NO = ("true", "yes"), ("false", "no")


class _Fields(Protocol):
    @property
    def fields(self) -> Any: ...


_GL = select(GlAccount.code, GlAccount.misc_allowed).where(GlAccount.code == bindparam("code"))


def yes_no(value: Any, label: str | Msg, field: str) -> bool:
    """A yes/no detail: a real boolean, or exactly "true"/"false" ("yes"/"no") as a plain form
    sends it. Anything else (1, "Y", "ok", "checked") is refused with the field named."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in YES + NO:
        return value.strip().lower() in YES
    raise InputError(
        "{label}: “{value}” is not a yes or a no; tick it or leave it.",
        field=field,
        label=label,
        value=value,
    )


def parse_date(text: str, label: str | Msg, field: str) -> date:
    text = text.strip()
    for pattern, order in (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", "mdy"),
    ):
        m = re.fullmatch(pattern, text)
        if m:
            a, b, c = (int(x) for x in m.groups())
            try:
                return date(a, b, c) if order == "ymd" else date(c, a, b)
            except ValueError:
                break
    raise InputError(
        "{label}: “{text}” is not a date; use MM/DD/YYYY.", field=field, label=label, text=text
    )


def refuse_card_numbers(svc: _Fields, details: dict[str, Any]) -> None:
    """PCI: refuse a card number in ANY detail (nested records too) before anything else is
    read, as the store would (a field declared to hold long digit runs, like a transit card
    number, is checked against its own format: store/pan_boundary.py)."""
    labels = {spec["name"]: spec["label"] for spec in svc.fields or ()}
    for name, value in details.items():
        pan_boundary.check(
            "sale_line",
            "details",
            value,
            key=name,
            label=labels.get(name, name.replace("_", " ")),
        )


def check_details(
    session: Session, svc: _Fields, details: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """Return (clean details to store, attributes for the fee rule, utility account number)."""
    clean: dict[str, Any] = {}
    attrs: dict[str, Any] = {}
    account_no: str | None = None
    refuse_card_numbers(svc, details)
    for spec in svc.fields or ():
        # the catalog's English label, shown in the message's language (packaging/messages.py
        # puts every field's label and choices into the message catalog)
        name, label, kind = spec["name"], Msg(spec["label"]), spec["type"]
        raw = details.get(name)
        text = raw.strip() if isinstance(raw, str) else raw
        if text in (None, ""):
            if spec.get("required"):
                raise InputError("{label} is required.", field=name, label=label)
            continue
        if kind == "account":
            found = utility_account(session, str(text))
            if found is None:
                raise NotFound("There is no utility account {text}.", text=text)
            number = account_no = found.account_no
            clean[name] = number
            attrs[name] = number
        elif kind == "choice":
            allowed = [c[0] for c in spec["choices"]]
            if str(text) not in allowed:
                raise InputError(
                    "{label}: choose one of {choices}.",
                    field=name,
                    label=label,
                    choices=Listed((Msg(c[1]) for c in spec["choices"]), ", "),
                )
            clean[name] = str(text)
            attrs[name] = str(text)
        elif kind == "date":
            value = text if isinstance(text, date) else parse_date(str(text), label, name)
            clean[name] = value.isoformat()
            attrs[name] = value
        elif kind == "money":
            try:
                if isinstance(text, bool):
                    raise MoneyError("an amount is not a yes or a no")
                if isinstance(text, int):  # the clean form: integer cents
                    money = Money(text)
                else:
                    money = text if isinstance(text, Money) else Money.parse(str(text))
            except MoneyError as exc:
                raise InputError("{label}: {exc}", field=name, label=label, exc=exc) from exc
            if money.cents < 0:
                raise InputError("{label} cannot be negative.", field=name, label=label)
            high = int(spec.get("max_cents", MAX_COUNTER_CENTS))
            if money.cents > high:
                raise InputError(
                    "{label} cannot be more than {high}.", field=name, label=label, high=Money(high)
                )
            clean[name] = money.cents
            attrs[name] = money.cents
        elif kind == "bool":
            yes = yes_no(text, label, name)
            clean[name] = yes
            attrs[name] = "yes" if yes else "no"
        elif kind == "checklist":
            # {"item": true/false} for each of spec["items"] ([[key, label], ...]); the service's
            # rules decide what an unticked item means (it blocks issue with a list).
            items = [i[0] for i in spec.get("items", [])]
            if isinstance(text, str):  # a plain form may send the ticked keys, comma-separated
                ticked = {t for t in re.split(r"[,\s]+", text) if t}
                unknown = ticked - set(items)
                if unknown:
                    raise InputError(
                        "{label}: tick the items on the list.", field=name, label=label
                    )
                text = {key: True for key in ticked}
            if not isinstance(text, dict) or not set(text) <= set(items):
                raise InputError("{label}: tick the items on the list.", field=name, label=label)
            names = dict(spec.get("items", []))
            clean[name] = {
                key: yes_no(
                    text.get(key, False),
                    Msg("{label}, {item}", label=label, item=Msg(names[key])),
                    name,
                )
                for key in items
            }
            attrs[name] = clean[name]
        elif kind == "records":
            # A list of small dicts (passport applicants); the service's rules check each one.
            if not isinstance(text, list | tuple) or not all(isinstance(r, dict) for r in text):
                raise InputError("{label}: add at least one.", field=name, label=label)
            clean[name] = [dict(r) for r in text]
            attrs[name] = clean[name]
        elif kind == "gl_account":
            gl = plain_read.first(session, _GL, {"code": str(text)})
            if gl is None or not gl.misc_allowed:
                raise InputError(
                    "{label}: {text} is not on the list for miscellaneous receipts.",
                    field=name,
                    label=label,
                    text=text,
                )
            clean[name] = gl.code
        else:  # text
            typed = str(text)
            if len(typed) > 200:
                raise InputError(
                    "{label} is too long (200 characters at most).", field=name, label=label
                )
            clean[name] = typed
            attrs[name] = typed
    return clean, attrs, account_no
