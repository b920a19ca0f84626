"""Payment file layout and the mail tape (domain/remittance_file.py)."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.bill_stub import make_stub
from counterpos.domain.money import Money
from counterpos.domain.remittance_file import MailTape, RemittanceError, read_file

HEAD = "confirmation_no,account_no,amount,paid_on,payer,check_no\n"


def test_a_file_is_read_and_its_total_checked():
    got = read_file(HEAD + "C1,10000000,12.50,2026-11-30,Ann,77\nTOTAL,1,12.50,,,\n")
    assert [(r.line_no, r.confirmation_no, r.amount) for r in got] == [(2, "C1", Money(1_250))]
    with pytest.raises(RemittanceError, match="Line 1: the header must be"):
        read_file("a,b\n")
    with pytest.raises(RemittanceError, match="Line 2: the amount: .* cannot be negative"):
        read_file(HEAD + "C1,1,-2.00,2026-11-30,,\n")
    with pytest.raises(RemittanceError, match="Line 3: nothing may follow the TOTAL row"):
        read_file(HEAD + "TOTAL,0,0,,,\nC1,1,2.00,2026-11-30,,\n")


def test_the_tape_runs_and_a_bad_stub_is_refused():
    tape = MailTape(Money(2_000))
    assert tape.scan(make_stub("10000007", Money(1_500), date(2026, 12, 1)), "1") == Money(1_500)
    tape.add("10000014", Money(500), "2")
    assert tape.balanced
    tape.remove_last()
    assert tape.difference == Money(500)
    with pytest.raises(ValueError):
        tape.scan("UB123", "3")
