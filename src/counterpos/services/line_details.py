"""Checks the details a service line captures against the service's field list."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.money import Money, MoneyError
from counterpos.domain.pan_guard import contains_card_number, refusal
from counterpos.services.errors import InputError, NotFound
from counterpos.store.models import GlAccount, Service, UtilityAccount


def parse_date(text: str, label: str, field: str) -> date:
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
    raise InputError(f"{label}: “{text}” is not a date; use MM/DD/YYYY.", field=field)


def check_details(
    session: Session, svc: Service, details: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """Return (clean details to store, attributes for the fee rule, utility account number)."""
    clean: dict[str, Any] = {}
    attrs: dict[str, Any] = {}
    account_no: str | None = None
    for spec in svc.fields or ():
        name, label, kind = spec["name"], spec["label"], spec["type"]
        raw = details.get(name)
        text = raw.strip() if isinstance(raw, str) else raw
        if text in (None, ""):
            if spec.get("required"):
                raise InputError(f"{label} is required.", field=name)
            continue
        if kind == "account":
            acct = session.scalar(
                select(UtilityAccount).where(UtilityAccount.account_no == str(text))
            )
            if acct is None:
                raise NotFound(f"There is no utility account {text}.")
            account_no = acct.account_no
            clean[name] = acct.account_no
            attrs[name] = acct.account_no
        elif kind == "choice":
            allowed = [c[0] for c in spec["choices"]]
            if str(text) not in allowed:
                raise InputError(
                    f"{label}: choose one of {', '.join(c[1] for c in spec['choices'])}.",
                    field=name,
                )
            clean[name] = str(text)
            attrs[name] = str(text)
        elif kind == "date":
            value = text if isinstance(text, date) else parse_date(str(text), label, name)
            clean[name] = value.isoformat()
            attrs[name] = value
        elif kind == "money":
            try:
                money = text if isinstance(text, Money) else Money.parse(str(text))
            except MoneyError as exc:
                raise InputError(f"{label}: {exc}", field=name) from exc
            if money.cents < 0:
                raise InputError(f"{label} cannot be negative.", field=name)
            clean[name] = money.cents
            attrs[name] = money.cents
        elif kind == "gl_account":
            gl = session.get(GlAccount, str(text))
            if gl is None or not gl.misc_allowed:
                raise InputError(
                    f"{label}: {text} is not on the list for miscellaneous receipts.", field=name
                )
            clean[name] = gl.code
        else:  # text
            value = str(text)
            if contains_card_number(value):
                raise InputError(refusal(label), field=name)
            if len(value) > 200:
                raise InputError(f"{label} is too long (200 characters at most).", field=name)
            clean[name] = value
            attrs[name] = value
    return clean, attrs, account_no
