"""Animal licenses: rabies rules, the term, late renewals, tags from the station's stock."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.fee_rules import FeeInput, compute_fee
from counterpos.domain.license_term import term_end
from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.counter import tag_inventory
from counterpos.services.counter.issued_documents import issue_document
from counterpos.services.counter.licenses import find_license
from counterpos.services.errors import InputError
from counterpos.services.sale.catalog import rule_in_effect
from counterpos.services.sale.customers import index_customer
from counterpos.services.sale.owners import check_owner, owner_for
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.store.models import License
from counterpos.store.outbox import enqueue

LICENSE = "animal_license"
LATE = "animal_late_penalty"
REPLACEMENT = "replacement_tag"
_CERT = re.compile(r"[A-Za-z0-9-]{3,20}")


def late_penalty(session: Session, expired_on: date, on: date) -> Money:
    """The late renewal penalty the fee schedule sets ($0 within its days of grace)."""
    rule = rule_in_effect(session, LATE, on)
    return compute_fee(rule, FeeInput(attributes={"previous_expires": expired_on}, on=on))


@register
class AnimalLicenseRules(ServiceRules):
    codes = (LICENSE,)

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
                f"The rabies certificate expired on {expires:%m/%d/%Y}; the animal needs a "
                "current vaccination before it can be licensed.",
                field="rabies_expires",
            )
        born = ctx.attrs.get("date_of_birth")
        if born is not None and born > on:
            raise InputError("The date of birth cannot be in the future.", field="date_of_birth")
        years = int(c["term"])
        end = term_end(on, years)
        if end > expires:
            fits = [y for y in (1, 2, 3) if term_end(on, y) <= expires]
            hint = (
                f"choose {max(fits)} year{'s' if max(fits) > 1 else ''} at most"
                if fits
                else "the vaccination must be renewed first"
            )
            raise InputError(
                f"A {years}-year license would run to {end:%m/%d/%Y}, past the rabies expiry "
                f"{expires:%m/%d/%Y}: {hint}.",
                field="term",
            )
        check_owner(ctx.session, ctx.customer_id, c, "license")
        if ctx.customer_id:
            _one_tag_per_term(ctx.session, ctx.customer_id, c, on)
        c["expires_on"] = end.isoformat()
        c["issued_on"] = on.isoformat()
        c.pop("late_renewal", None)
        if c.get("renewal_of"):
            old = find_license(ctx.session, str(c["renewal_of"]))
            c["renewal_of"] = old.license_no
            if old.expires_on and late_penalty(ctx.session, old.expires_on, on).cents:
                c["late_renewal"] = True

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
                    f"The renewal of {line.details['renewal_of']} is late: "
                    "add the late renewal penalty.",
                    field="cart",
                )

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        year = local_today().year
        number = tag_inventory.next_tag(ctx.session, ctx.station_code, year)
        license_no = f"AN-{year}-{number:05d}"
        reused = ctx.session.scalar(
            select(func.count()).where(License.license_no.like(f"{license_no}%"))
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
        ctx.session.add(
            tag_inventory.TagMovement(
                year=year,
                number=number,
                station_code=ctx.station_code,
                kind="issue",
                sale_line_id=row.id,
                license_no=d["license_no"],
            )
        )
        owner = owner_for(ctx.session, ctx.station_code, ctx.cart.customer_id, d)
        issued = date.fromisoformat(d["issued_on"])
        ctx.session.add(
            License(
                customer_id=owner.id,
                kind="animal",
                license_no=d["license_no"],
                tag_no=d["tag_no"],
                description=f"{d['species'].capitalize()} “{d['animal_name']}”",
                issued_on=issued,
                expires_on=date.fromisoformat(d["expires_on"]),
                details=dict(d),
                sale_line_id=row.id,
                status="issued",
            )
        )
        ctx.session.flush()
        index_customer(ctx.session, owner.id)  # the new tag is found by the lookup at once
        issue_document(
            ctx,
            row,
            LICENSE,
            d["license_no"],
            holder=owner.display_name,
            valid_from=issued,
            valid_to=date.fromisoformat(d["expires_on"]),
            details={**d, "owner_address": owner.mailing_address or d.get("owner_address", "")},
        )

    def on_void(self, session: Session, station_code: str, row) -> None:
        tag_inventory.return_tags(session, station_code, row.id)
        _void_license(session, row.id)


def _one_tag_per_term(session: Session, customer_id: str, c: dict, on: date) -> None:
    """An animal already licensed for this term gets a replacement tag, not a second license."""
    name = str(c.get("animal_name", "")).strip().lower()
    for lic in session.scalars(
        select(License).where(
            License.customer_id == customer_id,
            License.kind == "animal",
            License.status == "issued",
            License.expires_on >= on,
        )
    ):
        d = lic.details or {}
        same_name = str(d.get("animal_name", "")).strip().lower() == name or (
            f"“{name}”" in lic.description.lower()
        )
        if same_name and d.get("species", c["species"]) == c["species"]:
            if c.get("renewal_of") == lic.license_no:
                continue
            raise InputError(
                f"{c['animal_name']} already has license {lic.license_no} until "
                f"{lic.expires_on:%m/%d/%Y}: ring a replacement tag, or renew it from that license.",
                field="animal_name",
            )


def _void_license(session: Session, sale_line_id: str) -> None:
    for lic in session.scalars(select(License).where(License.sale_line_id == sale_line_id)):
        lic.status = "void"
        enqueue(session, lic)


@register
class LatePenaltyRules(ServiceRules):
    """The penalty line prices from the expired license's date."""

    codes = (LATE,)

    def prepare(self, ctx: PriceContext) -> None:
        old = find_license(ctx.session, str(ctx.clean.get("renewal_of", "")))
        ctx.clean["renewal_of"] = old.license_no
        if old.expires_on is None or not late_penalty(ctx.session, old.expires_on, ctx.on).cents:
            raise InputError(f"{old.license_no} is not late: no penalty.", field="renewal_of")
        ctx.attrs["previous_expires"] = old.expires_on


@register
class ReplacementTagRules(ServiceRules):
    """A lost tag: the old number is marked lost, a new one comes from this station's stock."""

    codes = (REPLACEMENT,)

    def prepare(self, ctx: PriceContext) -> None:
        lic = find_license(ctx.session, str(ctx.clean["license_no"]))
        if lic.status != "issued":
            raise InputError(f"License {lic.license_no} is not in force.", field="license_no")
        if lic.expires_on and lic.expires_on < ctx.on:
            raise InputError(
                f"License {lic.license_no} expired on {lic.expires_on:%m/%d/%Y}; renew it instead.",
                field="license_no",
            )
        ctx.clean["license_no"] = lic.license_no
        ctx.clean["old_tag_no"] = lic.tag_no

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        year = local_today().year
        number = tag_inventory.next_tag(ctx.session, ctx.station_code, year)
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
