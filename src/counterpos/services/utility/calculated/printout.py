"""An adjustment's calculation printed: for the file, the approver and the customer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from counterpos.documents.letter_pdf import render_letter
from counterpos.domain.utility.calculations import Calculation
from counterpos.domain.utility.documents import calculation_letter
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.errors import NotFound
from counterpos.services.sale.receipts import customer_language
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.letterhead import city_heading
from counterpos.services.utility.notices.record import address_of
from counterpos.store.models import AdjustmentCalculation, UtilityAccount


@dataclass(frozen=True)
class CalculationView:
    calc_no: str
    kind: str
    made_on: date
    amount_cents: int
    calculation: Calculation
    entered_by: str
    approved_by: str


def _view(c: AdjustmentCalculation) -> CalculationView:
    return CalculationView(
        c.calc_no,
        c.kind,
        to_local(c.created_at).date(),
        c.amount_cents,
        Calculation.from_dict(c.calculation),
        c.entered_by,
        c.approved_by,
    )


def calculations_of(station: Station, account_no: str) -> list[CalculationView]:
    with station.store.read() as s:
        acct = find_account(s, account_no)
        return [
            _view(c)
            for c in s.scalars(
                select(AdjustmentCalculation)
                .where(AdjustmentCalculation.account_id == acct.id)
                .order_by(AdjustmentCalculation.calc_no.desc())
            )
        ]


def calculation_pdf(station: Station, actor: Actor, calc_no: str) -> bytes:
    """The calculation as a letter (audited: it leaves the system)."""
    with station.store.read() as s:
        c = s.scalars(
            select(AdjustmentCalculation).where(
                AdjustmentCalculation.calc_no == calc_no.strip().upper()
            )
        ).first()
        if c is None:
            raise NotFound(
                "There is no adjustment calculation {calc_no}.", calc_no=calc_no.strip().upper()
            )
        acct = s.get(UtilityAccount, c.account_id)
        assert acct is not None
        cid, addressee, mail_to = address_of(s, acct)
        calc = Calculation.from_dict(c.calculation)
        language = customer_language(s, cid or None)  # as their bills and notices
        letter = calculation_letter(
            city_heading(s),
            c.calc_no,
            to_local(c.created_at).date(),
            addressee,
            mail_to,
            acct.account_no,
            calc.title,
            tuple(step.text(language) for step in calc.steps),
            c.entered_by,
            c.approved_by,
            language,
        )
    pdf = render_letter(letter)
    with station.store.write() as s:
        audit.record(
            s, station.code, "calculation_printed", actor=actor.username, target=letter.reference
        )
    return pdf


def save_calculation_pdf(station: Station, actor: Actor, calc_no: str, path: Path) -> Path:
    """The calculation's letter written to a file (for the screens, which write no files)."""
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(calculation_pdf(station, actor, calc_no))
    return path
