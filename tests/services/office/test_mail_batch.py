"""Mail batches (services/office/mail_batch.py): the tape must equal the adding-machine total."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.bill_stub import make_stub
from counterpos.domain.money import Money
from counterpos.domain.remittance_file import MailTape
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.office import deposits, mail_batch, session_report
from tests.sync.helpers import first_accounts

pytestmark = pytest.mark.pg


def test_a_mail_batch_posts_only_when_the_tape_matches_and_goes_in_the_day_deposit(joined, clerk):
    a, b = first_accounts(joined, 2)
    tape = MailTape(Money.parse("150.00"))
    tape.scan(make_stub(a, Money(6_000), date(2026, 12, 20)), "4411", payer="Ann")
    tape.add(b, Money(8_000), "912", "Bo")
    assert tape.difference == Money(1_000) and not tape.balanced
    with pytest.raises(InputError, match="differs from the adding-machine total"):
        mail_batch.post(clerk, tape)
    tape.add(b, Money(1_000), "913", "Bo")
    got = mail_batch.post(clerk, tape)
    assert got.posted == 3 and got.total == Money(15_000) and not got.deposit_id
    z = session_report.z_report(clerk, got.session_id)
    assert z.sessions[0].kind == "mail" and z.gross_sales == Money(15_000)
    dep = deposits.prepare(clerk, bag_no="MAIL-1", day=local_today())
    assert [i.number for i in dep.items] == ["4411", "912", "913"]
    assert dep.checks == Money(15_000)
