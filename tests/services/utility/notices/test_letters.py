"""Notice letters (services/utility/notices/letters.py) in the customer's language: a shut-off
notice for a customer who reads Spanish is in Spanish, read back from the PDF's text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counterpos.domain.document_language import date_text
from counterpos.services.sale import customers
from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.delinquency.run import delinquency_run
from counterpos.services.utility.notices.letters import notice_pdf, run_letters_pdf
from counterpos.services.utility.notices.record import notices_of
from counterpos.store.models import Customer, Notice, UtilityAccount
from tests.documents.pdf_support import page_text
from tests.printing_support import set_setting
from tests.services.utility.desk_support import a_year_of_bills, meter_up


@pytest.fixture
def spanish_final(station, supervisor):
    """(account no, its customer's id, the final notice): four months billed and unpaid, the
    customer set to Spanish at the counter before the notices went out."""
    city = meter_up(station, supervisor, n=2, months=5)
    a_year_of_bills(station, supervisor, city, months=4)
    account_no = city.accounts["MV-000001"]
    first = account_bills(station, account_no)[0]
    with station.store.write() as s:
        customer_id = s.scalar(
            select(UtilityAccount.customer_id).where(UtilityAccount.account_no == account_no)
        )
        s.get(Customer, customer_id).first_name = "Łucja Nguyễn"
    customers.set_preferred_language(station, supervisor, customer_id, "es")
    delinquency_run(station, supervisor, on=first.due_date + timedelta(days=2))
    delinquency_run(station, supervisor, on=first.due_date + timedelta(days=46))
    final = next(n for n in notices_of(station, account_no) if n.kind == "final")
    return account_no, customer_id, final


def test_a_spanish_speaking_customer_s_shut_off_notice_is_in_spanish(
    station, supervisor, spanish_final
):
    account_no, _, final = spanish_final
    text = page_text(notice_pdf(station, supervisor, final.notice_no))
    for expected in (
        "AVISO FINAL: corte del agua",
        "Puede evitar el corte",
        "médico certifica",  # SB 998's protections, in the reader's language
        "Puede impugnar esta factura",
        f"a partir del {date_text(final.shutoff_on, 'es')}",
        "Corte a partir del",
        "Cantidad vencida",
        "Atentamente,",
        f"Aviso {final.notice_no}",
        f"Cuenta {account_no}",
        "Łucja Nguyễn",  # the PDF's font prints any name
        "Call the office to receive it in English.",
    ):
        assert expected in text, (expected, text)
    for english in ("FINAL NOTICE", "You may avoid", "Sincerely", f"{final.shutoff_on:%m/%d/%Y}"):
        assert english not in text, (english, text)


def test_the_letter_keeps_the_language_it_was_sent_in(station, supervisor, spanish_final):
    account_no, customer_id, final = spanish_final
    customers.set_preferred_language(station, supervisor, customer_id, "en")
    assert "AVISO FINAL" in page_text(notice_pdf(station, supervisor, final.notice_no))
    with station.store.read() as s:
        kept = dict(
            s.execute(
                select(Notice.kind, Notice.language).where(Notice.customer_id == customer_id)
            ).all()
        )
    assert kept == {"late": "es", "final": "es"}


def test_a_run_mails_each_customer_in_their_own_language(
    station, supervisor, spanish_final, tmp_path
):
    account_no, _, final = spanish_final
    with station.store.read() as s:
        run_id = s.scalar(select(Notice.run_id).where(Notice.notice_no == final.notice_no))
    path = tmp_path / "final.pdf"
    assert run_letters_pdf(station, supervisor, run_id, path) == 2
    pages = [p.extract_text() for p in PdfReader(path).pages]
    spanish = [p for p in pages if "AVISO FINAL" in p]
    english = [p for p in pages if "FINAL NOTICE" in p]
    assert len(spanish) == len(english) == 1 and account_no in spanish[0]
    assert "Este aviso contiene" in english[0]  # the English letter's line in Spanish


def test_both_languages_or_one_for_everyone_as_the_city_sets(station, supervisor, spanish_final):
    _, _, final = spanish_final
    set_setting(station, "receipt.language", "both")
    text = page_text(notice_pdf(station, supervisor, final.notice_no))
    assert "FINAL NOTICE: water shut-off / AVISO FINAL: corte del agua" in " ".join(text.split())
    assert "You may avoid" in text and "Puede evitar el corte" in text
    set_setting(station, "receipt.language", "en")
    text = page_text(notice_pdf(station, supervisor, final.notice_no))
    assert "FINAL NOTICE" in text and "AVISO FINAL" not in text
