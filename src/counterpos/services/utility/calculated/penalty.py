"""Penalty adjustments: a bill's late fee waived, with the reason, through the two-person
adjustment. A fee is waived once."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.domain.utility.calculations import Calculation, CalculationError, penalty_credit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.adjustments import Adjusted, adjust_by_calculation
from counterpos.services.utility.billing.bills import find_bill
from counterpos.store.models import AdjustmentCalculation


def penalty_calculation(
    station: Station, account_no: str, bill_no: str, reason: str
) -> Calculation:
    with station.store.read() as s:
        acct = find_account(s, account_no)
        bill = find_bill(s, bill_no)
        if bill.account_id != acct.id:
            raise InputError(
                "Bill {bill_no} is not account {account_no}'s.",
                field="bill",
                bill_no=bill.bill_no,
                account_no=acct.account_no,
            )
        for done in s.scalars(
            select(AdjustmentCalculation).where(
                AdjustmentCalculation.account_id == acct.id, AdjustmentCalculation.kind == "penalty"
            )
        ):
            if done.calculation.get("basis", {}).get("bill_no") == bill.bill_no:
                raise StateError(
                    "The late fee on bill {bill_no} was already waived ({calc_no}).",
                    bill_no=bill.bill_no,
                    calc_no=done.calc_no,
                )
        try:
            return penalty_credit(bill.bill_no, bill.penalty_cents, reason)
        except CalculationError as exc:
            raise InputError(exc, field="reason") from exc


def penalty_adjustment(
    station: Station, cashier: Actor, approver: Actor, account_no: str, bill_no: str, reason: str
) -> Adjusted:
    calc = penalty_calculation(station, account_no, bill_no, reason)
    with station.store.read() as s:
        bill_id = find_bill(s, bill_no).bill_id
    return adjust_by_calculation(station, cashier, approver, account_no, calc, "", (bill_id,))
