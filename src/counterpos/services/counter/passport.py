"""Passport acceptance: applicants, the clerk's checklist, the State's fee logged, daily log, mailing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.cart import CartLine
from counterpos.domain.messages import N_, Listed, Msg
from counterpos.domain.money import Money, MoneyError
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.line_details import parse_date, yes_no
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.services.sale.voids import voided_sales
from counterpos.services.station import Station
from counterpos.store.models import PassportApplication, PassportMailing, Sale

EXECUTION = "passport_execution"
PHOTO = "passport_photo"
ACCEPTED_FORMS = ("DS-11",)
NOT_HERE = {
    "DS-82": N_(
        "DS-82 is a renewal by mail: the applicant mails it to the State; it is not executed here."
    ),
    "DS-5504": N_(
        "DS-5504 (name change, data correction) is mailed by the applicant; it is not executed here."
    ),
    "DS-4085": N_("DS-4085 (extra visa pages) is no longer accepted."),
}
CHECKLIST = (
    ("form_complete", N_("form complete and NOT signed")),
    ("citizenship", N_("evidence of U.S. citizenship seen")),
    ("identity", N_("identity document seen")),
    ("photo", N_("photo meets the rules")),
    ("oath", N_("oath administered and form signed before you")),
)
DOS_KINDS = {"check": N_("check"), "money_order": N_("money order")}
MAX_DOS_CENTS = 100_000
MAX_APPLICANTS = 10
MAX_NAME = 120  # the application log's column; a longer name is refused, never cut


def check_applicant(raw: dict, on: date, n: int) -> dict:
    """One applicant's facts; raises InputError naming the applicant and what is wrong."""
    name = " ".join(str(raw.get("name", "")).split())
    who = name or f"applicant {n}"
    if not name:
        raise InputError("Applicant {n}: enter the name as on the form.", field="applicants", n=n)
    if len(name) > MAX_NAME:
        raise InputError(
            "Applicant {n}: the name has {length} characters; the acceptance log takes "
            "{most}. Enter it as on the form, shortened the way the applicant signs.",
            field="applicants",
            n=n,
            length=len(name),
            most=MAX_NAME,
        )
    form = str(raw.get("form_type", "")).strip().upper().replace(" ", "")
    if form in NOT_HERE:
        raise InputError(
            "{who}: {problem}", field="applicants", who=who, problem=Msg(NOT_HERE[form])
        )
    if form not in ACCEPTED_FORMS:
        raise InputError("{who}: the form must be a DS-11.", field="applicants", who=who)
    born = raw.get("date_of_birth")
    dob = None
    if born:
        dob = (
            born if isinstance(born, date) else parse_date(str(born), "Date of birth", "applicants")
        )
        if dob > on:
            raise InputError(
                "{who}: the date of birth is in the future.", field="applicants", who=who
            )
    ticked = raw.get("checklist") or {}
    if not isinstance(ticked, dict):
        raise InputError("{who}: tick the checklist.", field="applicants", who=who)
    missing = [
        label
        for key, label in CHECKLIST
        if not yes_no(
            ticked.get(key, False), Msg("{who}, {item}", who=who, item=Msg(label)), "applicants"
        )
    ]
    if missing:
        raise InputError(
            "{who}: the application cannot be accepted until the checklist is complete — "
            "{missing}.",
            field="applicants",
            who=who,
            missing=Listed(Msg(label) for label in missing),
        )
    kind = str(raw.get("dos_payment_kind", "")).strip()
    if kind not in DOS_KINDS:
        raise InputError(
            "{who}: the application fee is paid by check or money order to the U.S. Department of "
            "State; choose which.",
            field="applicants",
            who=who,
        )
    number = str(raw.get("dos_payment_no", "")).strip()
    if not re.fullmatch(r"\d{1,15}", number):
        raise InputError(
            "{who}: the {kind} number is digits only.",
            field="applicants",
            who=who,
            kind=Msg(DOS_KINDS[kind]),
        )
    try:
        if isinstance(raw.get("dos_amount_cents"), int) and "dos_amount" not in raw:
            amount = Money(raw["dos_amount_cents"])  # the checked form, checked again in the sale
        else:
            amount = Money.parse(str(raw.get("dos_amount", "")))
    except MoneyError as exc:
        raise InputError("{who}: State fee — {exc}", field="applicants", who=who, exc=exc) from exc
    if not 0 < amount.cents <= MAX_DOS_CENTS:
        raise InputError(
            "{who}: the State fee must be between $0.01 and {max_dos}.",
            field="applicants",
            who=who,
            max_dos=Money(MAX_DOS_CENTS),
        )
    return {
        "name": name,
        "date_of_birth": dob.isoformat() if dob else "",
        "form_type": form,
        "checklist": {key: True for key, _ in CHECKLIST},
        "dos_payment_kind": kind,
        "dos_payment_no": number,
        "dos_amount_cents": amount.cents,
    }


@register
class PassportRules(ServiceRules):
    codes = (EXECUTION,)
    permission = "passport"
    permission_what = "accept passport applications"

    def prepare(self, ctx: PriceContext) -> None:
        raw = ctx.clean.get("applicant_records") or []
        if isinstance(raw, str) or not raw:
            raise InputError("Add at least one applicant.", field="applicants")
        if len(raw) > MAX_APPLICANTS:
            raise InputError(
                "At most {max_applicants} applicants a visit.",
                field="applicants",
                max_applicants=MAX_APPLICANTS,
            )
        applicants = [check_applicant(a, ctx.on, n) for n, a in enumerate(raw, start=1)]
        ctx.clean["applicant_records"] = applicants
        # The receipt shows the names only; the State's payments stay in the application log.
        ctx.clean["applicants"] = ", ".join(a["name"] for a in applicants)
        ctx.clean["state_fee"] = (
            "; ".join(
                f"{DOS_KINDS[a['dos_payment_kind']]} {a['dos_payment_no']} "
                f"{Money(a['dos_amount_cents']).format()}"
                for a in applicants
            )
            + " to U.S. Dept. of State, not paid here"
        )
        ctx.attrs["_quantity"] = len(applicants)
        photos = str(ctx.clean.get("photo_sets", "0") or "0").strip()
        if not photos.isdigit() or int(photos) > len(applicants) * 2:
            raise InputError("Photo sets: a number, at most two per applicant.", field="photo_sets")
        ctx.clean["photo_sets"] = int(photos)

    def companions(self, line: CartLine) -> list[Companion]:
        sets = int(line.details.get("photo_sets") or 0)
        return [Companion(PHOTO, {}, sets)] if sets else []

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        executed = ctx.on  # the sale's day: the demo's past sales land in their own day's log
        for a in line.details["applicant_records"]:
            ctx.session.add(
                PassportApplication(
                    sale_id=ctx.sale.id,
                    sale_line_id=row.id,
                    station_code=ctx.station_code,
                    executed_on=executed,
                    clerk=ctx.actor.username,
                    applicant_name=a["name"],
                    date_of_birth=date.fromisoformat(a["date_of_birth"])
                    if a["date_of_birth"]
                    else None,
                    form_type=a["form_type"],
                    checklist=a["checklist"],
                    dos_payment_kind=a["dos_payment_kind"],
                    dos_payment_no=a["dos_payment_no"],
                    dos_amount_cents=a["dos_amount_cents"],
                )
            )


@dataclass(frozen=True)
class LogEntry:
    application_id: str
    executed_on: date
    receipt_no: str
    applicant_name: str
    form_type: str
    clerk: str
    dos_payment: str
    dos_amount: Money
    mailed_on: date | None
    tracking_no: str


def acceptance_log(station: Station, day: date | None = None) -> list[LogEntry]:
    """Every application executed on a day (today by default), with its mailing if recorded."""
    day = day or local_today()
    with station.store.read() as s:
        return _log(s, day)


def _log(s: Session, day: date) -> list[LogEntry]:
    out = []
    rows = s.execute(
        select(PassportApplication, Sale.receipt_no)
        .join(Sale, Sale.id == PassportApplication.sale_id)
        .where(PassportApplication.executed_on == day)
        .where(Sale.id.not_in(voided_sales()))
        .order_by(PassportApplication.created_at)
    ).all()
    for app, receipt_no in rows:
        mail = s.scalar(
            select(PassportMailing)
            .where(PassportMailing.application_id == app.id)
            .order_by(PassportMailing.created_at.desc())
            .limit(1)
        )
        out.append(
            LogEntry(
                app.id,
                app.executed_on,
                receipt_no,
                app.applicant_name,
                app.form_type,
                app.clerk,
                f"{DOS_KINDS.get(app.dos_payment_kind, app.dos_payment_kind)} {app.dos_payment_no}",
                Money(app.dos_amount_cents),
                mail.mailed_on if mail else None,
                mail.tracking_no if mail else "",
            )
        )
    return out


def record_mailing(
    station: Station, actor: Actor, application_ids: list[str], mailed_on: date, tracking_no: str
) -> int:
    """Record that applications went to the State (date, tracking number); audited."""
    actor.require("passport", "record passport mailings")
    tracking = re.sub(r"\s", "", tracking_no or "").upper()
    if not re.fullmatch(r"[A-Z0-9]{8,40}", tracking):
        raise InputError("Tracking number: 8 to 40 letters and digits.", field="tracking_no")
    if mailed_on > local_today():
        raise InputError("The mailing date cannot be in the future.", field="mailed_on")
    if not application_ids:
        raise InputError("Choose the applications in the envelope.", field="applications")
    with station.store.write() as s:
        for app_id in application_ids:
            app = s.get(PassportApplication, app_id)
            if app is None:
                raise NotFound("That passport application is not on file.")
            if mailed_on < app.executed_on:
                raise InputError(
                    "{applicant_name}'s application was executed on {executed_on:%m/%d/%Y}; it cannot be "
                    "mailed before that.",
                    field="mailed_on",
                    applicant_name=app.applicant_name,
                    executed_on=app.executed_on,
                )
            s.add(
                PassportMailing(
                    application_id=app.id,
                    mailed_on=mailed_on,
                    tracking_no=tracking,
                    recorded_by=actor.username,
                )
            )
        audit.record(
            s,
            station.code,
            "passport_mailed",
            actor=actor.username,
            target=tracking,
            details={"applications": len(application_ids), "mailed_on": mailed_on.isoformat()},
        )
    return len(application_ids)


def acceptance_log_pdf(station: Station, day: date | None = None) -> bytes:
    """The daily log as a PDF, to print and keep with the facility's records."""
    from counterpos.documents.passport_log_pdf import LogRow, render_log_pdf  # noqa: PLC0415
    from counterpos.services import settings  # noqa: PLC0415

    day = day or local_today()
    entries = acceptance_log(station, day)
    with station.store.read() as s:
        city = settings.get(s, "city.name")
        facility = settings.get(s, "station.name")
    rows = [
        LogRow(
            e.receipt_no,
            e.applicant_name,
            e.form_type,
            e.clerk,
            e.dos_payment,
            e.dos_amount.format(),
            f"{e.mailed_on:%m/%d/%Y}" if e.mailed_on else "",
            e.tracking_no,
        )
        for e in entries
    ]
    total = Money(sum(e.dos_amount.cents for e in entries))
    return render_log_pdf(city, facility, day, rows, total.format())
