"""Animal licenses: rabies rules, the term, renewals and late renewals, tags from the stock.

A renewal is the license holder's, for the same animal; renewed early it extends from the
current expiry (domain/license_term.py), so no paid day is lost. The license, its tag movement
and its certificate are written as plain rows with the sale (SaleContext.insert).
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Integer, bindparam, column, func, select, text
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.fee_rules import FeeInput, compute_fee
from counterpos.domain.kinds import SaleKind
from counterpos.domain.license_term import Term, renewal_period
from counterpos.domain.messages import Msg
from counterpos.domain.money import Money
from counterpos.services.clock import to_local
from counterpos.services.counter import tag_inventory
from counterpos.services.counter.issued_documents import issue_document
from counterpos.services.counter.licenses import find_license
from counterpos.services.errors import InputError
from counterpos.services.sale.catalog import rule_in_effect
from counterpos.services.sale.customers import index_customer, index_new_license
from counterpos.services.sale.owners import check_owner, owner_of
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.store import plain_read
from counterpos.store.models import Customer, License, Sale, SaleLine
from counterpos.store.models.customer import display_name
from counterpos.store.outbox import enqueue
from counterpos.store.rows import license_row, tag_movement_row

LICENSE = "animal_license"
LATE = "animal_late_penalty"
REPLACEMENT = "replacement_tag"
_CERT = re.compile(r"[A-Za-z0-9-]{3,20}")
_NAME_IN_DESCRIPTION = re.compile(r"“([^”]*)”")


def late_penalty(session: Session, expired_on: date, on: date) -> Money:
    """The late renewal penalty the fee schedule sets ($0 within its days of grace)."""
    rule = rule_in_effect(session, LATE, on)
    return compute_fee(rule, FeeInput(attributes={"previous_expires": expired_on}, on=on))


def _grace(session: Session, on: date) -> int:
    return int(rule_in_effect(session, LATE, on).get("after_days", 0))


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _animal_of(lic: License) -> tuple[str, str]:
    """(species, name) of the animal a license is for, as far as it says."""
    d = lic.details or {}
    species = str(d.get("species") or lic.description.split(" ", 1)[0]).casefold()
    name = d.get("animal_name")
    if not name:
        found = _NAME_IN_DESCRIPTION.search(lic.description or "")
        name = found.group(1) if found else ""
    return species, _norm(name)


def _renewable(ctx: PriceContext, old: License) -> None:
    """A renewal is for the license's holder and its own animal, of a license in force."""
    c = ctx.clean
    if old.status != "issued":
        raise InputError(
            "License {license_no} is {status}: it cannot be renewed.",
            field="renewal_of",
            license_no=old.license_no,
            status=old.status,
        )
    holder = (
        ctx.session.connection()
        .execute(
            select(Customer.first_name, Customer.last_name, Customer.business_name).where(
                Customer.id == old.customer_id
            )
        )
        .first()
    )
    holder_name = display_name(*holder) if holder else ""
    if ctx.customer_id:
        same_holder = ctx.customer_id == old.customer_id
    else:
        same_holder = bool(holder_name) and _norm(c.get("owner_name")) == _norm(holder_name)
    if not same_holder:
        raise InputError(
            "License {license_no} is held by someone else: a license is renewed for its "
            "holder. Look the holder up, or ring a new license.",
            field="renewal_of",
            license_no=old.license_no,
        )
    species, name = _animal_of(old)
    if species != str(c["species"]).casefold() or (name and name != _norm(c.get("animal_name"))):
        raise InputError(
            "License {license_no} is for {description}, not {species} “{animal_name}”: a "
            "license is renewed for its own animal.",
            field="renewal_of",
            license_no=old.license_no,
            description=old.description,
            species=c["species"],
            animal_name=c.get("animal_name", ""),
        )


@register
class AnimalLicenseRules(ServiceRules):
    codes = (LICENSE,)
    # The tag's next number and the license number are read (plain queries); the tags this
    # sale has given out are kept in `ctx.state`, so no queued row needs writing first.
    insert_only = True

    def prepare(self, ctx: PriceContext) -> None:
        c, on = ctx.clean, ctx.on
        cert = str(c.get("rabies_certificate", "")).strip()
        if not _CERT.fullmatch(cert):
            raise InputError(
                "Rabies certificate no.: 3 to 20 letters, digits or dashes.",
                field="rabies_certificate",
            )
        expires = ctx.attrs["rabies_expires"]
        if expires < on:
            raise InputError(
                "The rabies certificate expired on {expires:%m/%d/%Y}; the animal needs a current "
                "vaccination before it can be licensed.",
                field="rabies_expires",
                expires=expires,
            )
        born = ctx.attrs.get("date_of_birth")
        if born is not None and born > on:
            raise InputError("The date of birth cannot be in the future.", field="date_of_birth")
        check_owner(ctx.session, ctx.customer_id, c, "license")
        years = int(c["term"])
        start = on
        c.pop("late_renewal", None)
        if c.get("renewal_of"):
            old = find_license(ctx.session, str(c["renewal_of"]))
            _renewable(ctx, old)
            c["renewal_of"] = old.license_no
            if old.expires_on is not None:
                # Renewed early: from the current expiry, not from today (no paid day lost).
                start, _ = renewal_period(old.expires_on, Term(years), on, keep_anniversary=False)
                if late_penalty(ctx.session, old.expires_on, on).cents:
                    c["late_renewal"] = True
        end = Term(years).end(start)
        if end > expires:
            fits = [y for y in (1, 2, 3) if Term(y).end(start) <= expires]
            if not fits:
                hint = Msg("the vaccination must be renewed first")
            elif max(fits) == 1:
                hint = Msg("choose {n} year at most", n=1)
            else:
                hint = Msg("choose {n} years at most", n=max(fits))
            raise InputError(
                "A {years}-year license would run to {end:%m/%d/%Y}, past the rabies expiry "
                "{expires:%m/%d/%Y}: {hint}.",
                field="term",
                years=years,
                end=end,
                expires=expires,
                hint=hint,
            )
        if ctx.customer_id:
            _one_tag_per_term(ctx.session, ctx.customer_id, c, on)
        c["expires_on"] = end.isoformat()
        c["issued_on"] = start.isoformat()  # the first day of the term

    def once_key(self, clean: dict) -> str:
        return f"The renewal of license {clean['renewal_of']}" if clean.get("renewal_of") else ""

    def companions(self, line: CartLine) -> list[Companion]:
        if line.details.get("late_renewal"):
            return [Companion(LATE, {"renewal_of": line.details["renewal_of"]})]
        return []

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        if line.details.get("late_renewal"):
            lates = sum(1 for x in cart.lines if x.service_code == LATE)
            renewals = sum(1 for x in cart.lines if x.details.get("late_renewal"))
            if lates < renewals:
                raise InputError(
                    "The renewal of {renewal_of} is late: add the late renewal penalty.",
                    field="cart",
                    renewal_of=line.details["renewal_of"],
                )

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        year, number = _take_tag(ctx)
        license_no = f"AN-{year}-{number:05d}"
        reused = plain_read.scalar(
            ctx.session, _NUMBERED, {"low": license_no, "high": license_no + "-\uffff"}
        )
        if reused:  # a tag returned by a void and issued again: a new license number
            license_no = f"{license_no}-{int(reused) + 1}"
        row.details = {
            **row.details,
            "tag_no": tag_inventory.format_tag(year, number),
            "license_no": license_no,
        }
        ctx.state[row.id] = (year, number)

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        year, number = ctx.state.pop(row.id)
        d = row.details
        ctx.insert(
            tag_inventory.TagMovement,
            tag_movement_row(
                year=year,
                number=number,
                station_code=ctx.station_code,
                kind="issue",
                sale_line_id=row.id,
                license_no=d["license_no"],
            ),
        )
        owner = owner_of(ctx.session, ctx.station_code, ctx.cart.customer_id, d)
        issued = date.fromisoformat(d["issued_on"])
        expires = date.fromisoformat(d["expires_on"])
        ctx.insert(
            License,
            license_row(
                customer_id=owner.id,
                kind="animal",
                license_no=d["license_no"],
                tag_no=d["tag_no"],
                description=f"{d['species'].capitalize()} “{d['animal_name']}”",
                issued_on=issued,
                expires_on=expires,
                details=dict(d),
                sale_line_id=row.id,
            ),
        )
        # The new tag is found by the lookup at once: one document added to the owner's, and
        # the rows join the sale's one batch of inserts; an owner not in the index yet is
        # indexed whole, from the tables, once the license row is written.
        if not index_new_license(ctx.session, owner.id, d["license_no"], d["tag_no"]):
            ctx.session.flush()
            ctx.write_queued()
            index_customer(ctx.session, owner.id)
        issue_document(
            ctx,
            row,
            LICENSE,
            d["license_no"],
            holder=owner.display_name,
            valid_from=issued,
            valid_to=expires,
            details={**d, "owner_address": owner.mailing_address or d.get("owner_address", "")},
        )

    def on_void(self, session: Session, station_code: str, row) -> None:
        tag_inventory.return_tags(session, station_code, row.id)
        _void_license(session, row.id)


def _take_tag(ctx: SaleContext) -> tuple[int, int]:
    """The next tag of the station's stock for the sale's year, none given twice in one sale."""
    year = ctx.on.year
    taken: set[int] = ctx.state.setdefault(f"tags:{year}", set())
    number = tag_inventory.next_tag(ctx.session, ctx.station_code, year, taken)
    taken.add(number)
    return year, number


# This license number and its reissues ("-2", "-3" …): a range over the unique index (LIKE
# would read every license). It ends at the number followed by "-", so a longer number that
# merely starts with it (AN-2026-100000 after AN-2026-10000) is not counted.
_NUMBERED = select(func.count()).where(
    License.license_no >= bindparam("low"), License.license_no < bindparam("high")
)
# The two details the check compares, taken out by SQLite: an owner's every license in force is
# read, so its whole details are not decoded in Python one by one.
_IN_FORCE = select(
    License.license_no,
    License.description,
    func.json_extract(License.details, "$.animal_name").label("animal_name"),
    func.json_extract(License.details, "$.species").label("species"),
    License.expires_on,
).where(
    License.customer_id == bindparam("customer"),
    License.kind == "animal",
    License.status == "issued",
    License.expires_on >= bindparam("on"),
)


# The licenses whose animal may be this one, found through four indexes (migration
# 0017_s4_14b: these expressions are the indexes' own text, so SQLite uses them), not by reading
# the owner's every license. SQLite's lower() folds ASCII only, so this is only for a name of
# printable ASCII, and the check's own comparison (Python's strip() and lower()) is made on
# what comes back; the four keep every license it could match:
# - a stored name equal to it folded as SQLite folds ASCII;
# - a stored name holding any other character (non-ASCII, a tab: Python's strip() and lower()
#   may make it match; the Kelvin sign is the one non-ASCII letter lowered to ASCII, "k");
# - a description whose quoted part is “name” (the Kelvin sign made "k"; İ lowers to "i" and a
#   combining dot, which no ASCII name holds), when it is of the usual form `Dog “Rex”`
#   (one pair of quotes, at the end: then “name” is in it exactly when that part is “name”);
# - any description of another form.
_SAME_ANIMAL_COLUMNS = (
    "SELECT license.rowid AS at, license_no, description, "
    "json_extract(details, '$.animal_name') AS animal_name, "
    "json_extract(details, '$.species') AS species, expires_on FROM license "
    "WHERE customer_id = :customer AND kind = 'animal' AND status = 'issued' "
    "AND expires_on >= :on AND "
)
_SAME_ANIMAL = text(
    " UNION ".join(
        _SAME_ANIMAL_COLUMNS + where
        for where in (
            "lower(trim(json_extract(details, '$.animal_name'))) = :name",
            "(json_extract(details, '$.animal_name') GLOB '*[^ -~]*') = 1",
            "lower(replace(substr(description, instr(description, '“')), '\u212a', 'k')) = :quoted",
            "(description NOT GLOB '[^“”]*“[^“”]*”') = 1",
        )
    )
    + " ORDER BY at"
).columns(
    column("at", Integer),
    License.license_no,
    License.description,
    column("animal_name"),
    column("species"),
    License.expires_on,
)
_PRINTABLE_ASCII = re.compile(r"[ -~]+")


def _one_tag_per_term(session: Session, customer_id: str, c: dict, on: date) -> None:
    """An animal already licensed for this term gets a replacement tag, not a second license."""
    name = str(c.get("animal_name", "")).strip().lower()
    params = {"customer": customer_id, "on": on}
    if _PRINTABLE_ASCII.fullmatch(name):
        params |= {"name": name, "quoted": f"“{name}”"}
        rows = plain_read.rows(session, _SAME_ANIMAL, params)
    else:  # a name SQLite cannot fold as Python does: every license in force, as before
        rows = plain_read.rows(session, _IN_FORCE, params)
    for lic in rows:
        animal = "" if lic.animal_name is None else str(lic.animal_name)
        same_name = animal.strip().lower() == name or f"“{name}”" in lic.description.lower()
        species = c["species"] if lic.species is None else lic.species
        if same_name and species == c["species"]:
            if c.get("renewal_of") == lic.license_no:
                continue
            raise InputError(
                "{animal_name} already has license {license_no} until {expires_on:%m/%d/%Y}: ring a "
                "replacement tag, or renew it from that license.",
                field="animal_name",
                animal_name=c["animal_name"],
                license_no=lic.license_no,
                expires_on=lic.expires_on,
            )


def _void_license(session: Session, sale_line_id: str) -> None:
    for lic in session.scalars(select(License).where(License.sale_line_id == sale_line_id)):
        lic.status = "void"
        enqueue(session, lic)


def _paid_penalty(session: Session, code: str, key: str, number: str) -> bool:
    """Whether a penalty line for `number` was sold (and not voided)."""
    voided = select(Sale.original_sale_id).where(Sale.kind == SaleKind.VOID)
    return (
        session.connection()
        .execute(
            select(SaleLine.id)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(
                SaleLine.service_code == code,
                func.json_extract(SaleLine.details, f"$.{key}") == number,
                Sale.kind == SaleKind.SALE,
                Sale.id.not_in(voided),
            )
            .limit(1)
        )
        .first()
        is not None
    )


@register
class LatePenaltyRules(ServiceRules):
    """The penalty line prices from the expired license's date; it comes with the renewal, or,
    owed on a renewal paid earlier without it, on its own with a supervisor's approval."""

    codes = (LATE,)

    def prepare(self, ctx: PriceContext) -> None:
        old = find_license(ctx.session, str(ctx.clean.get("renewal_of", "")))
        ctx.clean["renewal_of"] = old.license_no
        grace = _grace(ctx.session, ctx.on)
        if ctx.raw.get("approval_ref"):
            _owed_after_renewal(ctx.session, old, grace)
        elif old.expires_on is None or not late_penalty(ctx.session, old.expires_on, ctx.on).cents:
            raise InputError(
                "{license_no} is not late: the late renewal penalty is charged after "
                "{grace} days past expiry.",
                field="renewal_of",
                license_no=old.license_no,
                grace=grace,
            )
        ctx.attrs["previous_expires"] = old.expires_on


def _owed_after_renewal(session: Session, old: License, grace: int) -> None:
    """A penalty on its own: the license was renewed late, without it, and it is unpaid."""
    renewal = session.scalar(
        select(License)
        .where(
            License.kind == "animal",
            License.status == "issued",
            func.json_extract(License.details, "$.renewal_of") == old.license_no,
        )
        .order_by(License.created_at)
        .limit(1)
    )
    if renewal is None:
        raise InputError(
            "{license_no} has not been renewed: its late renewal penalty is rung with the renewal.",
            field="renewal_of",
            license_no=old.license_no,
        )
    renewed_on = to_local(renewal.created_at).date()
    if (
        old.expires_on is None
        or not late_penalty(session, old.expires_on, renewed_on).cents
        or _paid_penalty(session, LATE, "renewal_of", old.license_no)
    ):
        raise InputError(
            "No late renewal penalty is owed on {license_no}: it was renewed within "
            "{grace} days of its expiry, or the penalty was paid.",
            field="renewal_of",
            license_no=old.license_no,
            grace=grace,
        )


@register
class ReplacementTagRules(ServiceRules):
    """A lost tag: the old number is marked lost, a new one comes from this station's stock."""

    codes = (REPLACEMENT,)

    def prepare(self, ctx: PriceContext) -> None:
        lic = find_license(ctx.session, str(ctx.clean["license_no"]))
        if lic.status != "issued":
            raise InputError(
                "License {license_no} is not in force.",
                field="license_no",
                license_no=lic.license_no,
            )
        if lic.expires_on and lic.expires_on < ctx.on:
            raise InputError(
                "License {license_no} expired on {expires_on:%m/%d/%Y}; renew it instead.",
                field="license_no",
                license_no=lic.license_no,
                expires_on=lic.expires_on,
            )
        ctx.clean["license_no"] = lic.license_no
        ctx.clean["old_tag_no"] = lic.tag_no

    def once_key(self, clean: dict) -> str:
        return f"A replacement tag for license {clean['license_no']}"

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        year, number = _take_tag(ctx)
        row.details = {**row.details, "tag_no": tag_inventory.format_tag(year, number)}
        ctx.state[row.id] = (year, number)

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        year, number = ctx.state.pop(row.id)
        lic = find_license(ctx.session, row.details["license_no"])
        old = lic.tag_no
        m = re.fullmatch(r"(\d{4})-(\d+)", old or "")
        if m:
            tag_inventory.mark_lost(
                ctx.session, ctx.station_code, int(m.group(1)), int(m.group(2)), lic.license_no
            )
        ctx.session.add(
            tag_inventory.TagMovement(
                year=year,
                number=number,
                station_code=ctx.station_code,
                kind="issue",
                sale_line_id=row.id,
                license_no=lic.license_no,
            )
        )
        lic.tag_no = row.details["tag_no"]
        enqueue(ctx.session, lic)
        ctx.session.flush()
        index_customer(ctx.session, lic.customer_id)  # found by the new tag from now on
        issue_document(
            ctx,
            row,
            "animal_tag",
            f"TAG-{row.details['tag_no']}",
            holder=lic.description,
            valid_to=lic.expires_on,
        )

    def on_void(self, session: Session, station_code: str, row) -> None:
        tag_inventory.return_tags(session, station_code, row.id)
