"""Mail batches: checks that came by post, entered with their bill stubs scanned; the running
tape must equal the adding-machine total before the batch posts into a virtual session. Its
checks go to the bank with the day's deposit."""

from __future__ import annotations

from counterpos.domain.remittance_file import MailTape, Remittance
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.office.connection import Office
from counterpos.services.office.numbers import next_number
from counterpos.services.office.payment_files import BatchResult, post_batch


def post(office: Office, tape: MailTape, label: str = "") -> BatchResult:
    """Post a balanced mail batch: each check a payment (or suspense for an unknown account)."""
    office.actor.require("enter_mail_batch", "post a mail batch")
    if not tape.items:
        raise InputError("The batch holds no payment yet.")
    if not tape.balanced:
        raise InputError(
            f"The tape ({tape.tape}) differs from the adding-machine total "
            f"({tape.control_total}) by {tape.difference}; find the difference before posting.",
            field="control_total",
        )
    today = local_today()
    with office.write() as conn:
        number = next_number(conn, "mail")
        items = [
            Remittance(n, f"MAIL{number:06d}-{n:03d}", acct, amount, today, payer, check_no)
            for n, (acct, amount, check_no, payer) in enumerate(tape.items, start=1)
        ]
        result = post_batch(
            conn,
            office,
            "mail",
            items,
            file_name=label or f"Mail batch {number}",
            control_total=tape.control_total,
            deposit=False,
        )
    return result
