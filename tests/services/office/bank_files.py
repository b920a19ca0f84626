"""Bank statements as a bank sends them: BAI2 written by the `bai2` package, and the CSV."""

from __future__ import annotations

from datetime import date, time

from bai2 import bai2 as bai2_lib
from bai2.constants import FundsType, GroupStatus, TypeCodes
from bai2.models import (
    Account,
    AccountIdentifier,
    Bai2File,
    Bai2FileHeader,
    Group,
    GroupHeader,
    TransactionDetail,
)

from counterpos.domain.nacha import ENTRY, FILE_HEADER, RETURN_ADDENDA, record
from counterpos.domain.nacha import Entry as NachaEntry


def bai2_statement(on: date, transactions: list[tuple[str, int, str, str]]) -> str:
    """One group, one account: (type code, cents, bank ref, customer ref) per transaction."""
    details = [
        TransactionDetail(
            type_code=TypeCodes[code],
            amount=cents,
            funds_type=FundsType.immediate_availability,
            bank_reference=bank_ref,
            customer_reference=customer_ref,
            text=f"{TypeCodes[code].description}",
        )
        for code, cents, bank_ref, customer_ref in transactions
    ]
    account = Account(
        header=AccountIdentifier(customer_account_number="9876543210", currency="USD"),
        children=details,
    )
    group = Group(
        header=GroupHeader(
            ultimate_receiver_id="CITYMV",
            originator_id="121000248",
            group_status=GroupStatus.update,
            as_of_date=on,
            as_of_time=time(6, 0),
            currency="USD",
        ),
        children=[account],
    )
    f = Bai2File(
        header=Bai2FileHeader(
            sender_id="121000248",
            receiver_id="CITYMV",
            creation_date=on,
            creation_time=time(6, 0),
            file_id="1",
            physical_record_length=80,
            block_size=1,
        ),
        children=[group],
    )
    return bai2_lib.write(f) + "\n"


def csv_statement(rows: list[tuple[str, str, str, str, str]]) -> str:
    """(posted_on, type, amount, customer_ref, description) rows under the documented header."""
    out = ["posted_on,type,amount,bank_ref,customer_ref,description"]
    for n, (on, kind, amount, ref, desc) in enumerate(rows, start=1):
        out.append(f"{on},{kind},{amount},BR{n:04d},{ref},{desc}")
    return "\n".join(out) + "\n"


def payment_file(rows: list[tuple[str, str, str, str, str]], *, total: bool = True) -> str:
    """A lockbox/online file: (confirmation, account, amount, payer, check no) rows, paid today,
    with the TOTAL row."""
    from datetime import date as day_

    from counterpos.domain.money import Money

    out = ["confirmation_no,account_no,amount,paid_on,payer,check_no"]
    today = day_.today().isoformat()
    for conf, acct, amount, payer, chk in rows:
        out.append(f"{conf},{acct},{amount},{today},{payer},{chk}")
    if total:
        cents = sum(Money.parse(r[2]).cents for r in rows)
        out.append(f"TOTAL,{len(rows)},{Money(cents).plain()},,,")
    return "\n".join(out) + "\n"


def nacha_returns(*pairs: tuple[NachaEntry, str]) -> str:
    """A bank's returns file: each entry returned with a 99 addenda of its reason code."""
    lines = [
        record(
            FILE_HEADER,
            record_type=1,
            priority_code=1,
            record_size=94,
            blocking_factor=10,
            format_code=1,
        )
    ]
    for n, (e, code) in enumerate(pairs, start=1):
        lines.append(
            record(
                ENTRY,
                record_type=6,
                transaction_code=26,
                receiving_dfi=e.routing[:8],
                check_digit=e.routing[8],
                dfi_account_number=e.account,
                amount=e.cents,
                individual_id=e.individual_id,
                individual_name=e.name,
                addenda_indicator=1,
                trace_number=f"0110000{n:08d}",
            )
        )
        lines.append(
            record(
                RETURN_ADDENDA,
                record_type=7,
                addenda_type=99,
                return_reason_code=code,
                original_trace_number=e.trace,
                original_receiving_dfi=e.routing[:8],
                trace_number=f"0110000{n:08d}",
            )
        )
    lines.append("9" + "0" * 93)
    return "\n".join(lines) + "\n"
