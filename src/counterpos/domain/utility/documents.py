"""The bill and the letters (notices, renewals, calculations) as printer-independent documents.

A letter's words are made here from the recorded notice's figures, so the letter printed today
and the one reprinted next year say the same thing. The PDFs are drawn in documents/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counterpos.domain.money import Money


@dataclass(frozen=True)
class CityHeading:
    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class BillDocument:
    city: CityHeading
    bill_no: str
    account_no: str
    addressee: str
    mail_to: str
    service_address: str
    bill_date: date
    due_date: date
    period_from: date | None
    period_to: date | None
    meter_serial: str
    meter_size: str
    reads: tuple[tuple[str, str, str], ...]  # (date, read, kind) previous and present
    consumption: int
    unit: str
    estimated: bool
    lines: tuple[tuple[str, str, str, int], ...]  # (label, quantity, rate, cents)
    current_cents: int
    previous_balance_cents: int  # before this bill (payments and credits included)
    total_due_cents: int
    history: tuple[tuple[str, int], ...]  # (cycle, units) oldest first, this bill last
    stub: str  # the scannable stub, "" when the account number cannot carry one
    reversal_of: str = ""  # a reversal names the bill it cancels
    note: str = ""
    reprint: bool = False


@dataclass(frozen=True)
class Letter:
    city: CityHeading
    reference: str  # the notice number
    issued_on: date
    addressee: str
    mail_to: str
    title: str
    paragraphs: tuple[str, ...]
    facts: tuple[tuple[str, str], ...] = ()
    closing: str = "Customer Service, Utility Billing"
    footer: str = ""
    urgent: bool = False
    account_no: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


LANGUAGE_LINE = (
    "Este aviso contiene información importante sobre su servicio de agua. "
    "Llame a la oficina para recibirlo en español."
)


def _money(cents: Any) -> str:
    return Money(int(cents)).format()


def _d(iso: Any) -> str:
    if not iso:
        return ""
    if isinstance(iso, date):
        return f"{iso:%m/%d/%Y}"
    return f"{date.fromisoformat(str(iso)):%m/%d/%Y}"


def notice_letter(
    city: CityHeading,
    kind: str,
    notice_no: str,
    issued_on: date,
    addressee: str,
    mail_to: str,
    amount_cents: int,
    due_on: date | None,
    shutoff_on: date | None,
    details: dict[str, Any],
) -> Letter:
    """The letter of a recorded notice, in the words its kind calls for."""
    d = details
    acct = str(d.get("account_no", ""))
    phone = city.phone or "the utility office"
    base_facts: list[tuple[str, str]] = [
        ("Account", acct),
        ("Service address", str(d.get("service_address", ""))),
    ]
    if kind == "usage":
        facts = [
            *base_facts,
            ("Meter", str(d.get("serial", ""))),
            ("Read on", _d(d.get("read_on"))),
            ("Water used", f"{d.get('consumption')} {d.get('unit', 'HCF')}"),
            ("Your 12-month average", f"{d.get('average') or '—'} {d.get('unit', 'HCF')}"),
        ]
        if d.get("work_order_no"):
            facts.append(("Work order", str(d["work_order_no"])))
        return Letter(
            city,
            notice_no,
            issued_on,
            addressee,
            mail_to,
            "Your water use is much higher than usual",
            (
                "Our latest reading of your meter shows far more water used than your account "
                "normally uses. A running toilet, a dripping faucet, an irrigation leak or a "
                "broken pipe are the usual causes.",
                "We have asked our crew to look at the meter and the service line. Please check "
                "inside and outside your home as well. If you find and repair a leak, keep the "
                "receipt: the city's leak policy may credit part of the water lost once the "
                f"repair is proved. Call {phone} with any question.",
            ),
            tuple(facts),
            account_no=acct,
        )
    if kind == "late":
        return Letter(
            city,
            notice_no,
            issued_on,
            addressee,
            mail_to,
            "Past-due notice",
            (
                f"Our records show {_money(amount_cents)} past due on your water account; the "
                f"bill {d.get('bill_no', '')} was due on {_d(due_on)}.",
                "Please pay now at City Hall, by mail, or by phone. If you cannot pay the full "
                "amount, call us: we can set up a payment arrangement. A late fee is charged as "
                "the city's rates provide.",
                "If you have already paid, thank you, and please disregard this notice.",
            ),
            (*base_facts, ("Amount past due", _money(amount_cents)), ("Was due", _d(due_on))),
            footer=LANGUAGE_LINE,
            account_no=acct,
        )
    if kind in ("final", "door_hanger"):
        hanger = kind == "door_hanger"
        return Letter(
            city,
            notice_no,
            issued_on,
            addressee,
            mail_to,
            "48-HOUR NOTICE: water shut-off" if hanger else "FINAL NOTICE: water shut-off",
            (
                f"Your water account is {_money(amount_cents)} past due (due {_d(due_on)}). "
                f"Unless it is paid or arranged, water service at this address may be shut off "
                f"on or after {_d(shutoff_on)}.",
                "You may avoid disconnection: pay the past-due amount; or ask us for an "
                "alternative payment arrangement (paying over time, deferring, or reducing the "
                "amount); or, if a doctor certifies that disconnection would endanger the life "
                "or health of someone living here, you show you cannot pay within the normal "
                "billing cycle, and you are willing to enter into an arrangement, service will "
                "not be disconnected.",
                "You may contest this bill by calling or writing to the office before the shut-off "
                "date; service will not be disconnected while the appeal is considered. The "
                "city's policy on discontinuation of residential water service is available at "
                f"City Hall, online and by calling {phone}.",
            ),
            (
                *base_facts,
                ("Amount past due", _money(amount_cents)),
                ("Shut-off on or after", _d(shutoff_on)),
            ),
            footer=LANGUAGE_LINE,
            urgent=True,
            account_no=acct,
        )
    if kind == "posted":
        return Letter(
            city,
            notice_no,
            issued_on,
            addressee,
            mail_to,
            "FINAL NOTICE: payment arrangement not kept",
            (
                f"The payment arrangement {d.get('arrangement_no', '')} on this account has not "
                "been kept for 60 days or more. Water service at this address may be shut off "
                f"on or after {_d(shutoff_on)}, five business days after this notice is posted.",
                f"To keep your water on, pay {_money(amount_cents)} or call {phone} today.",
            ),
            (
                *base_facts,
                ("Amount due", _money(amount_cents)),
                ("Shut-off on or after", _d(shutoff_on)),
            ),
            footer=LANGUAGE_LINE,
            urgent=True,
            account_no=acct,
        )
    if kind == "collection":
        return Letter(
            city,
            notice_no,
            issued_on,
            addressee,
            mail_to,
            "Collection notice",
            (
                f"Your water account still owes {_money(amount_cents)}, unpaid since {_d(due_on)}.",
                "Unless it is paid, or you call us to arrange payment, within 30 days of this "
                "notice, the debt will be referred for collection, which may add costs and be "
                "reported as the law allows.",
            ),
            (*base_facts, ("Amount owed", _money(amount_cents)), ("Unpaid since", _d(due_on))),
            footer=LANGUAGE_LINE,
            account_no=acct,
        )
    if kind in ("renewal_business", "renewal_animal"):
        business = kind == "renewal_business"
        what = str(d.get("description", ""))
        facts = [
            ("License", str(d.get("license_no", ""))),
            ("Business" if business else "Animal", what),
            ("Expires", _d(d.get("expires_on"))),
        ]
        if d.get("tag_no"):
            facts.append(("Tag", str(d["tag_no"])))
        paragraphs = (
            (
                f"Your business license {d.get('license_no', '')} expires on "
                f"{_d(d.get('expires_on'))}. Renew it at City Hall or by mail before then with "
                "your gross receipts for the past year. A renewal paid late carries a penalty of "
                "10% for each month late, up to 50%.",
            )
            if business
            else (
                f"The license {d.get('license_no', '')} for {what} expires on "
                f"{_d(d.get('expires_on'))}. Renew it at City Hall or by mail; bring or send a "
                "current rabies vaccination certificate. A renewal more than 30 days late "
                "carries a penalty.",
            )
        )
        return Letter(
            city,
            notice_no,
            issued_on,
            addressee,
            mail_to,
            "Business license renewal" if business else "Animal license renewal",
            (*paragraphs, f"Questions: {phone}."),
            tuple(facts),
            closing="City Clerk, Licensing",
        )
    raise ValueError(f"no letter for a notice of kind {kind!r}")


def calculation_letter(
    city: CityHeading,
    reference: str,
    issued_on: date,
    addressee: str,
    mail_to: str,
    account_no: str,
    title: str,
    steps: tuple[tuple[str, str], ...],
    entered_by: str,
    approved_by: str,
) -> Letter:
    """An adjustment's calculation, printed for the file and the customer."""
    return Letter(
        city,
        reference,
        issued_on,
        addressee,
        mail_to,
        title,
        (
            "Your account has been adjusted as calculated below. The credit appears on your "
            "next bill.",
        ),
        (("Account", account_no), *steps),
        closing=f"Entered by {entered_by}; approved by {approved_by}",
        account_no=account_no,
    )
