"""The bill and the letters (notices, renewals, calculations) as printer-independent documents.

A letter's words are made here from the recorded notice's figures, so the letter printed today
and the one reprinted next year say the same thing. The PDFs are drawn in documents/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counterpos.domain.document_language import SPANISH, date_text, label
from counterpos.domain.document_language import paragraphs as in_paragraphs
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
    language: str = "en"  # "en", "es" or "both": the labels and the dates (document_language)


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
    language: str = "en"  # "en", "es" or "both": the heading's words and the letter's date
    reference_label: str = "Notice"  # what the reference is, in the heading


LANGUAGE_LINE = (
    "Este aviso contiene información importante sobre su servicio de agua. "
    "Llame a la oficina para recibirlo en español."
)
# On a letter in Spanish, the line for whoever else in the home reads English.
ENGLISH_LINE = (
    "This notice contains important information about your water service. "
    "Call the office to receive it in English."
)
# The notices SB 998 and the city's policy tie to a customer's language line (not renewals).
_UTILITY_KINDS = ("late", "final", "door_hanger", "posted", "collection")


def _money(cents: Any) -> str:
    return Money(int(cents)).format()


def _day(value: Any, language: str = "en") -> str:
    """A date no reader takes the wrong way round ("Feb 01, 2026" / "01 feb 2026")."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return date_text(day, language)


@dataclass(frozen=True)
class _Words:
    """One language's title and paragraphs of a letter."""

    title: str
    paragraphs: tuple[str, ...]


def _words(
    lang: str,
    kind: str,
    phone: str,
    amount_cents: int,
    due_on: date | None,
    shutoff_on: date | None,
    d: dict[str, Any],
) -> _Words:
    """The title and paragraphs of a notice of `kind` in "en" or "es"."""
    es = lang == "es"
    amount = _money(amount_cents)
    due, shutoff = _day(due_on, lang), _day(shutoff_on, lang)
    if kind == "usage":
        if es:
            return _Words(
                "Su consumo de agua es mucho más alto de lo normal",
                (
                    "La última lectura de su medidor muestra mucha más agua usada de la que su "
                    "cuenta usa normalmente. Las causas habituales son un inodoro que no deja de "
                    "correr, una llave que gotea, una fuga en el riego o una tubería rota.",
                    "Hemos pedido a nuestro equipo que revise el medidor y la línea de servicio. "
                    "Revise también dentro y fuera de su casa. Si encuentra y repara una fuga, "
                    "guarde el recibo: la política de fugas de la ciudad puede acreditar parte "
                    "del agua perdida una vez comprobada la reparación. Llame al "
                    f"{phone} si tiene preguntas.",
                ),
            )
        return _Words(
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
        )
    if kind == "late":
        if es:
            return _Words(
                "Aviso de pago vencido",
                (
                    f"Según nuestros registros, su cuenta de agua tiene {amount} vencidos; la "
                    f"factura {d.get('bill_no', '')} vencía el {due}.",
                    "Pague ahora en el Ayuntamiento, por correo o por teléfono. Si no puede "
                    "pagar la cantidad completa, llámenos: podemos acordar un plan de pagos. Se "
                    "cobra un cargo por pago tardío según las tarifas de la ciudad.",
                    "Si ya pagó, gracias; por favor ignore este aviso.",
                ),
            )
        return _Words(
            "Past-due notice",
            (
                f"Our records show {amount} past due on your water account; the "
                f"bill {d.get('bill_no', '')} was due on {due}.",
                "Please pay now at City Hall, by mail, or by phone. If you cannot pay the full "
                "amount, call us: we can set up a payment arrangement. A late fee is charged as "
                "the city's rates provide.",
                "If you have already paid, thank you, and please disregard this notice.",
            ),
        )
    if kind in ("final", "door_hanger"):
        hanger = kind == "door_hanger"
        if es:
            return _Words(
                "AVISO DE 48 HORAS: corte del agua" if hanger else "AVISO FINAL: corte del agua",
                (
                    f"Su cuenta de agua tiene {amount} vencidos (vencía el {due}). Si no se "
                    "paga o se acuerda un plan de pagos, el servicio de agua en esta dirección "
                    f"puede cortarse a partir del {shutoff}.",
                    "Puede evitar el corte: pague la cantidad vencida; o pídanos un plan de "
                    "pago alternativo (pagar a plazos, aplazar el pago o reducir la cantidad); "
                    "o, si un médico certifica que el corte pondría en peligro la vida o la "
                    "salud de alguien que vive aquí, usted demuestra que no puede pagar dentro "
                    "del ciclo normal de facturación y está dispuesto a acordar un plan de "
                    "pagos, el servicio no se cortará.",
                    "Puede impugnar esta factura llamando o escribiendo a la oficina antes de la "
                    "fecha del corte; el servicio no se cortará mientras se considera la "
                    "apelación. La política de la ciudad sobre la suspensión del servicio "
                    "residencial de agua está disponible en el Ayuntamiento, en línea y "
                    f"llamando al {phone}.",
                ),
            )
        return _Words(
            "48-HOUR NOTICE: water shut-off" if hanger else "FINAL NOTICE: water shut-off",
            (
                f"Your water account is {amount} past due (due {due}). "
                f"Unless it is paid or arranged, water service at this address may be shut off "
                f"on or after {shutoff}.",
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
        )
    if kind == "posted":
        arrangement = d.get("arrangement_no", "")
        if es:
            return _Words(
                "AVISO FINAL: plan de pagos no cumplido",
                (
                    f"El plan de pagos {arrangement} de esta cuenta no se ha cumplido durante 60 "
                    "días o más. El servicio de agua en esta dirección puede cortarse a partir "
                    f"del {shutoff}, cinco días hábiles después de colocar este aviso.",
                    f"Para mantener su servicio de agua, pague {amount} o llame hoy al {phone}.",
                ),
            )
        return _Words(
            "FINAL NOTICE: payment arrangement not kept",
            (
                f"The payment arrangement {arrangement} on this account has not "
                "been kept for 60 days or more. Water service at this address may be shut off "
                f"on or after {shutoff}, five business days after this notice is posted.",
                f"To keep your water on, pay {amount} or call {phone} today.",
            ),
        )
    if kind == "collection":
        if es:
            return _Words(
                "Aviso de cobranza",
                (
                    f"Su cuenta de agua todavía debe {amount}, sin pagar desde el {due}.",
                    "Si no se paga, o si no nos llama para acordar el pago, dentro de los 30 "
                    "días siguientes a este aviso, la deuda se enviará a cobranza, lo que puede "
                    "añadir costos y reportarse según lo permita la ley.",
                ),
            )
        return _Words(
            "Collection notice",
            (
                f"Your water account still owes {amount}, unpaid since {due}.",
                "Unless it is paid, or you call us to arrange payment, within 30 days of this "
                "notice, the debt will be referred for collection, which may add costs and be "
                "reported as the law allows.",
            ),
        )
    if kind in ("renewal_business", "renewal_animal"):
        business = kind == "renewal_business"
        license_no, what = d.get("license_no", ""), str(d.get("description", ""))
        expires = _day(d.get("expires_on"), lang)
        if es:
            return _Words(
                "Renovación de licencia comercial"
                if business
                else "Renovación de licencia de animal",
                (
                    (
                        f"Su licencia comercial {license_no} vence el {expires}. Renuévela en el "
                        "Ayuntamiento o por correo antes de esa fecha, con sus ingresos brutos "
                        "del último año. Una renovación pagada tarde lleva un recargo del 10% "
                        "por cada mes de retraso, hasta el 50%."
                    )
                    if business
                    else (
                        f"La licencia {license_no} de {what} vence el {expires}. Renuévela en "
                        "el Ayuntamiento o por correo; traiga o envíe un certificado vigente de "
                        "vacunación contra la rabia. Una renovación con más de 30 días de "
                        "retraso lleva un recargo."
                    ),
                    f"Preguntas: {phone}.",
                ),
            )
        return _Words(
            "Business license renewal" if business else "Animal license renewal",
            (
                (
                    f"Your business license {license_no} expires on {expires}. Renew it at City "
                    "Hall or by mail before then with your gross receipts for the past year. A "
                    "renewal paid late carries a penalty of 10% for each month late, up to 50%."
                )
                if business
                else (
                    f"The license {license_no} for {what} expires on {expires}. Renew it at "
                    "City Hall or by mail; bring or send a current rabies vaccination "
                    "certificate. A renewal more than 30 days late carries a penalty."
                ),
                f"Questions: {phone}.",
            ),
        )
    raise ValueError(f"no letter for a notice of kind {kind!r}")


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
    language: str = "en",
) -> Letter:
    """The letter of a recorded notice, in the words its kind calls for, in `language` ("en",
    "es", or "both": the English, then the Spanish, on one page)."""
    d = details
    acct = str(d.get("account_no", ""))
    languages = ("en", "es") if language == "both" else (language,)
    phones = {"en": city.phone or "the utility office", "es": city.phone or "la oficina"}
    said = [_words(x, kind, phones[x], amount_cents, due_on, shutoff_on, d) for x in languages]
    title = " / ".join(w.title for w in said)
    paragraphs = tuple(p for w in said for p in w.paragraphs)
    day = lambda value: _day(value, language)  # noqa: E731  (facts: "both" reads English)
    base_facts: list[tuple[str, str]] = [
        ("Account", acct),
        ("Service address", str(d.get("service_address", ""))),
    ]
    facts: list[tuple[str, str]]
    if kind == "usage":
        unit = d.get("unit", "HCF")
        facts = [
            *base_facts,
            ("Meter", str(d.get("serial", ""))),
            ("Read on", day(d.get("read_on"))),
            ("Water used", f"{d.get('consumption')} {unit}"),
            ("Your 12-month average", f"{d.get('average') or '—'} {unit}"),
        ]
        if d.get("work_order_no"):
            facts.append(("Work order", str(d["work_order_no"])))
    elif kind == "late":
        facts = [*base_facts, ("Amount past due", _money(amount_cents)), ("Was due", day(due_on))]
    elif kind in ("final", "door_hanger"):
        facts = [
            *base_facts,
            ("Amount past due", _money(amount_cents)),
            ("Shut-off on or after", day(shutoff_on)),
        ]
    elif kind == "posted":
        facts = [
            *base_facts,
            ("Amount due", _money(amount_cents)),
            ("Shut-off on or after", day(shutoff_on)),
        ]
    elif kind == "collection":
        facts = [*base_facts, ("Amount owed", _money(amount_cents)), ("Unpaid since", day(due_on))]
    else:  # renewals
        business = kind == "renewal_business"
        facts = [
            ("License", str(d.get("license_no", ""))),
            ("Business" if business else "Animal", str(d.get("description", ""))),
            ("Expires", day(d.get("expires_on"))),
        ]
        if d.get("tag_no"):
            facts.append(("Tag", str(d["tag_no"])))
    footer = ""
    if kind in _UTILITY_KINDS:
        footer = {"en": LANGUAGE_LINE, "es": ENGLISH_LINE}.get(language, "")
    renewal = kind.startswith("renewal_")
    return Letter(
        city,
        notice_no,
        issued_on,
        addressee,
        mail_to,
        title,
        paragraphs,
        tuple((label(name, language), value) for name, value in facts),
        closing=label(
            "City Clerk, Licensing" if renewal else "Customer Service, Utility Billing", language
        ),
        footer=footer,
        urgent=kind in ("final", "door_hanger", "posted"),
        account_no="" if renewal else acct,
        language=language,
    )


ADJUSTED = (
    "Your account has been adjusted as calculated below. The credit appears on your next bill."
)


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
    language: str = "en",
) -> Letter:
    """An adjustment's calculation, printed for the file and the customer, in `language` ("en",
    "es" or "both"); `steps` are already in it (Step.text)."""
    return Letter(
        city,
        reference,
        issued_on,
        addressee,
        mail_to,
        label(title, language),
        in_paragraphs(ADJUSTED, SPANISH[ADJUSTED], language),
        ((label("Account", language), account_no), *steps),
        closing=label("Entered by {entered}; approved by {approved}", language).format(
            entered=entered_by, approved=approved_by
        ),
        account_no=account_no,
        language=language,
        reference_label="Calculation",
    )
