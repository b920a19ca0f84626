"""The supervisor-kept list of GL accounts a miscellaneous receipt may be posted to."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store.models import GlAccount, Service
from counterpos.store.outbox import enqueue


def set_misc_allowed(station: Station, actor: Actor, code: str, allowed: bool) -> None:
    """Offer (or stop offering) a GL account for miscellaneous receipts; audited."""
    actor.require("edit_fees", "change the miscellaneous receipt accounts")
    with station.store.write() as s:
        gl = s.get(GlAccount, code.strip())
        if gl is None:
            raise NotFound("There is no GL account {code}.", code=code.strip())
        if allowed:
            # Accounts that belong to a service of their own (deposits, pass-throughs) stay off.
            owner = s.scalar(select(Service.code).where(Service.gl_account == gl.code).limit(1))
            if owner is not None:
                raise InputError(
                    "{code} {name} is the account of {owner}; ring that service instead.",
                    field="gl_account",
                    code=gl.code,
                    name=gl.name,
                    owner=owner,
                )
        if gl.misc_allowed == allowed:
            return
        gl.misc_allowed = allowed
        enqueue(s, gl)
        audit.record(
            s,
            station.code,
            "misc_gl_account_" + ("added" if allowed else "removed"),
            actor=actor.username,
            target=gl.code,
        )
