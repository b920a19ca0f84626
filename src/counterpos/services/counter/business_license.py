"""Business licenses: the application and its review, renewal with late penalty, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.license_term import Term, renewal_due, renewal_period
from counterpos.domain.messages import N_, Listed, Msg, word
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.counter.issued_documents import issue_document
from counterpos.services.counter.licenses import find_license
from counterpos.services.errors import InputError, StateError
from counterpos.services.sale.customers import index_customer
from counterpos.services.sale.line_details import check_details
from counterpos.services.sale.owners import owner_for
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.services.station import Station
from counterpos.store.models import License, Service
from counterpos.store.outbox import enqueue

NEW = "business_license_new"
RENEWAL = "business_license_renewal"
CITY_SHARE = "disability_access_city"
STATE_SHARE = "disability_access_state"
DOC_TYPE = "business_license"

# What the reviewer must have before a license is issued: (key, what to tell the applicant).
REQUIRED = (
    ("business_name", N_("the business name")),
    ("owner_name", N_("the owner's name")),
    ("business_address", N_("the business address")),
    ("category", N_("the business category")),
    ("start_date", N_("the start date")),
)
CHECKLIST = (
    ("zoning_ok", N_("zoning approval for the address")),
    ("id_seen", N_("the owner's photo identification")),
    ("seller_permit", N_("the state seller's permit (retail and food)")),
    ("health_permit", N_("the county health permit (food)")),
)
NEEDS = {"retail": {"seller_permit"}, "food": {"seller_permit", "health_permit"}}


def missing_items(details: dict) -> list[str]:
    """Everything still missing from an application, in words for the applicant."""
    out = [what for key, what in REQUIRED if not str(details.get(key) or "").strip()]
    if details.get("gross_receipts_cents") in (None, ""):
        out.append(N_("the estimated gross receipts"))
    ticked = details.get("review") or {}
    needed = {"zoning_ok", "id_seen"} | NEEDS.get(str(details.get("category", "")), set())
    out.extend(what for key, what in CHECKLIST if key in needed and not ticked.get(key))
    return out


def _next_license_no(session: Session, station_code: str) -> str:
    prefix = f"BL-{station_code}-"
    count = session.scalar(
        select(func.count()).where(
            License.kind == "business", License.license_no.like(f"{prefix}%")
        )
    )
    return f"{prefix}{int(count or 0) + 1:05d}"


def license_status(lic: License, on: date) -> str:
    if lic.status in ("pending", "void"):
        return lic.status
    if lic.expires_on and lic.expires_on < on:
        return "expired"
    return "issued"


@dataclass(frozen=True)
class LicenseStatus:
    license_no: str
    business_name: str
    status: str
    expires_on: date | None
    missing: tuple[str, ...]


def status(station: Station, license_no: str, on: date | None = None) -> LicenseStatus:
    with station.store.read() as s:
        lic = find_license(s, license_no, "business")
        return LicenseStatus(
            lic.license_no,
            lic.description,
            license_status(lic, on or local_today()),
            lic.expires_on,
            tuple(lic.details.get("missing", ())),
        )


def save_application(
    station: Station, actor: Actor, details: dict, customer_id: str | None = None
) -> LicenseStatus:
    """Keep an incomplete application as pending, with the list of what is missing."""
    actor.require("business_license", "take business license applications")
    if not str(details.get("business_name", "")).strip():
        raise InputError("Enter at least the business name.", field="business_name")
    with station.store.write() as s:
        details, _, _ = check_details(s, s.get_one(Service, NEW), details)
        missing = missing_items(details)
        owner = owner_for(s, station.code, customer_id, details)
        no = _next_license_no(s, station.code)
        s.add(
            License(
                customer_id=owner.id,
                kind="business",
                license_no=no,
                description=str(details["business_name"])[:200],
                details={**details, "missing": missing},
                status="pending",
            )
        )
        audit.record(
            s,
            station.code,
            "business_application",
            actor=actor.username,
            target=no,
            details={"missing": len(missing)},
        )
    return LicenseStatus(no, str(details["business_name"]), "pending", None, tuple(missing))


def _disability_companions() -> list[Companion]:
    return [Companion(CITY_SHARE, {}), Companion(STATE_SHARE, {})]


def _check_disability_lines(cart: Cart) -> None:
    licenses = sum(1 for x in cart.lines if x.service_code in (NEW, RENEWAL))
    for code in (CITY_SHARE, STATE_SHARE):
        if sum(1 for x in cart.lines if x.service_code == code) < licenses:
            raise InputError(
                "Each business license carries the $4 state disability-access fee: "
                "add its city and state shares.",
                field="cart",
            )


@register
class NewBusinessLicenseRules(ServiceRules):
    codes = (NEW,)
    permission = "business_license"
    permission_what = "issue business licenses"
    required_fields = (*(key for key, _ in REQUIRED), "gross_receipts_cents", "review")

    def prepare(self, ctx: PriceContext) -> None:
        c = ctx.clean
        if c.get("application_no"):
            pending = find_license(ctx.session, str(c["application_no"]), "business")
            if pending.status != "pending":
                raise InputError(
                    "{license_no} is not a pending application.",
                    field="application_no",
                    license_no=pending.license_no,
                )
            merged = {k: v for k, v in pending.details.items() if k != "missing"}
            merged.update({k: v for k, v in c.items() if v not in (None, "", {})})
            c.clear()
            c.update(merged, application_no=pending.license_no)
            if "gross_receipts_cents" in c:
                ctx.attrs["gross_receipts_cents"] = int(c["gross_receipts_cents"])
        if c.get("start_date") and date.fromisoformat(str(c["start_date"])) < ctx.on - timedelta(
            days=365
        ):
            raise InputError(
                "The start date is more than a year ago: this is a renewal, not a new license.",
                field="start_date",
            )
        missing = missing_items(c)
        if missing:
            raise InputError(
                "The application cannot be issued yet; still missing: {missing}.",
                field="review",
                missing=Listed(Msg(what) for what in missing),
            )
        if not ctx.customer_id and not c.get("owner_address"):
            c["owner_address"] = c.get("business_address", "")

    def companions(self, line: CartLine) -> list[Companion]:
        return _disability_companions()

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        _check_disability_lines(cart)

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        d = dict(line.details)
        on = ctx.on
        lic = None
        if d.get("application_no"):
            lic = find_license(ctx.session, d["application_no"], "business")
            if lic.status != "pending":
                raise StateError(
                    "{license_no} was issued meanwhile; ring it again.", license_no=lic.license_no
                )
        if lic is None:
            owner = owner_for(ctx.session, ctx.station_code, ctx.cart.customer_id, d)
            lic = License(
                customer_id=owner.id,
                kind="business",
                license_no=_next_license_no(ctx.session, ctx.station_code),
            )
            ctx.session.add(lic)
        lic.description = str(d["business_name"])[:200]
        lic.issued_on = on
        lic.expires_on = Term(1).end(on)  # due again on its anniversary
        lic.details = {**d, "gross_receipts_cents": d.get("gross_receipts_cents")}
        lic.sale_line_id = row.id
        lic.status = "issued"
        ctx.session.flush()
        enqueue(ctx.session, lic)
        index_customer(ctx.session, lic.customer_id)  # found by its license number at once
        _certificate(ctx, row, lic, d)

    def on_void(self, session: Session, station_code: str, row) -> None:
        for lic in session.scalars(select(License).where(License.sale_line_id == row.id)):
            lic.status = "void"
            enqueue(session, lic)


def _certificate(ctx: SaleContext, row, lic: License, d: dict) -> None:
    issue_document(
        ctx,
        row,
        DOC_TYPE,
        lic.license_no,
        holder=lic.description,
        valid_from=lic.issued_on,
        valid_to=lic.expires_on,
        details={
            "owner_name": d.get("owner_name", ""),
            "business_address": d.get("business_address", ""),
            "category": d.get("category", ""),
            "renewal": row.service_code == RENEWAL,
        },
    )


@register
class RenewalRules(ServiceRules):
    codes = (RENEWAL,)
    permission = "business_license"
    permission_what = "renew business licenses"

    def prepare(self, ctx: PriceContext) -> None:
        lic = find_license(ctx.session, str(ctx.clean.get("license_no", "")), "business")
        state = license_status(lic, ctx.on)
        if state in ("pending", "void"):
            raise InputError(
                "{license_no} is {state}; it cannot be renewed.",
                field="license_no",
                license_no=lic.license_no,
                state=word(state),
            )
        if lic.expires_on and lic.expires_on - ctx.on > timedelta(days=60):
            raise InputError(
                "{license_no} runs to {expires_on:%m/%d/%Y}; it can be renewed from 60 days before that.",
                field="license_no",
                license_no=lic.license_no,
                expires_on=lic.expires_on,
            )
        if ctx.customer_id and ctx.customer_id != lic.customer_id:
            raise InputError(
                "{license_no} is held by another customer: a license is renewed for its "
                "holder. Look the holder up.",
                field="license_no",
                license_no=lic.license_no,
            )
        ctx.clean["license_no"] = lic.license_no
        ctx.clean["business_name"] = lic.description
        # Due on the anniversary, the day after the last day it covers: renewed that day it
        # is on time; the 10% a month starts the day after.
        due = renewal_due(lic.expires_on) if lic.expires_on else ctx.on
        ctx.clean["due_date"] = due.isoformat()
        ctx.attrs["due_date"] = due

    def once_key(self, clean: dict) -> str:
        return f"The renewal of business license {clean['license_no']}"

    def companions(self, line: CartLine) -> list[Companion]:
        return _disability_companions()

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        _check_disability_lines(cart)

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        lic = find_license(ctx.session, line.details["license_no"], "business")
        # Kept on the line so a void can put the license back as it was.
        row.details = {
            **row.details,
            "previous_issued_on": lic.issued_on.isoformat() if lic.issued_on else "",
            "previous_expires_on": lic.expires_on.isoformat() if lic.expires_on else "",
            "previous_status": lic.status,
            "previous_gross_receipts_cents": (lic.details or {}).get("gross_receipts_cents"),
        }

    def on_void(self, session: Session, station_code: str, row) -> None:
        """The license goes back to its previous period, status and declared receipts."""
        lic = find_license(session, row.details["license_no"], "business")
        prev_from = row.details.get("previous_issued_on")
        prev_to = row.details.get("previous_expires_on")
        lic.issued_on = date.fromisoformat(prev_from) if prev_from else None
        lic.expires_on = date.fromisoformat(prev_to) if prev_to else None
        lic.status = row.details.get("previous_status") or lic.status
        if "previous_gross_receipts_cents" in row.details:
            lic.details = {
                **lic.details,
                "gross_receipts_cents": row.details["previous_gross_receipts_cents"],
            }
        enqueue(session, lic)

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        lic = find_license(ctx.session, line.details["license_no"], "business")
        start, end = renewal_period(
            lic.expires_on or ctx.on, Term(1), ctx.on, keep_anniversary=True
        )
        lic.expires_on = end
        lic.issued_on = start
        lic.details = {**lic.details, "gross_receipts_cents": line.details["gross_receipts_cents"]}
        enqueue(ctx.session, lic)
        _certificate(ctx, row, lic, lic.details)
