"""The words of each notice (domain/utility/documents.py): what SB 998 asks a final notice to
say, the amounts and dates as the customer reads them, and no letter for an unknown kind."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.utility.documents import (
    ENGLISH_LINE,
    LANGUAGE_LINE,
    CityHeading,
    calculation_letter,
    notice_letter,
)

CITY = CityHeading("City of Mission Vista", "1 Civic Center Plaza", "(555) 010-2000")
DETAILS = {"account_no": "CH1-00042", "service_address": "12 Oak St", "bill_no": "B-1"}


def letter(kind: str, **details):
    return notice_letter(
        CITY,
        kind,
        "N-000001",
        date(2026, 11, 30),
        "Rosa Payer",
        "12 Oak St, Mission Vista",
        12345,
        date(2026, 9, 15),
        date(2026, 12, 10),
        {**DETAILS, **details},
    )


def test_a_final_notice_says_what_sb_998_asks():
    x = letter("final")
    text = " ".join((x.title, *x.paragraphs, *(f"{k} {v}" for k, v in x.facts)))
    assert x.urgent and x.title == "FINAL NOTICE: water shut-off"
    assert "$123.45" in text and "Dec 10, 2026" in text  # the amount and the earliest shut-off day
    for words in (
        "alternative payment arrangement",  # amortisation, deferral, reduction
        "doctor certifies",  # the three conditions
        "cannot pay",
        "contest this bill",  # the appeal
        "policy on discontinuation",
        "(555) 010-2000",
    ):
        assert words in text, words
    assert x.footer == LANGUAGE_LINE and x.account_no == "CH1-00042"


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("late", "past due"),
        ("door_hanger", "48-HOUR NOTICE"),
        ("posted", "payment arrangement not kept"),
        ("collection", "ollection"),
    ],
)
def test_each_kind_has_its_own_letter(kind, title):
    x = letter(kind, arrangement_no="PA-1")
    assert title.lower() in (x.title + " ".join(x.paragraphs)).lower()
    assert x.reference == "N-000001" and x.addressee == "Rosa Payer"


def test_no_letter_for_a_kind_it_does_not_know():
    with pytest.raises(ValueError, match="no letter"):
        letter("eviction")


def test_a_calculation_letter_names_both_people():
    x = calculation_letter(
        CITY,
        "AC-1",
        date(2026, 11, 30),
        "Rosa Payer",
        "12 Oak St",
        "CH1-00042",
        "Leak adjustment",
        (("Average", "12 HCF"), ("Credit", "$20.00")),
        "maria",
        "sofia",
    )
    assert ("Credit", "$20.00") in x.facts and x.facts[0] == ("Account", "CH1-00042")
    assert "maria" in x.closing and "sofia" in x.closing


KINDS = ("usage", "late", "final", "door_hanger", "posted", "collection")
RENEWALS = ("renewal_business", "renewal_animal")


@pytest.mark.parametrize("kind", KINDS + RENEWALS)
def test_every_notice_has_its_spanish_letter(kind):
    extra = {"expires_on": "2026-12-31", "license_no": "BL-1", "read_on": "2026-11-02"}
    english = letter(kind, **extra)
    spanish = notice_letter(
        CITY, kind, "N-1", date(2026, 11, 30), "Rosa Payer", "12 Oak St", 12345,
        date(2026, 9, 15), date(2026, 12, 10), {**DETAILS, **extra}, language="es",
    )  # fmt: skip
    assert spanish.language == "es" and spanish.title != english.title
    assert len(spanish.paragraphs) == len(english.paragraphs)
    assert all(s != e for s, e in zip(spanish.paragraphs, english.paragraphs, strict=True))
    words = " ".join((spanish.title, *spanish.paragraphs, *(f"{k} {v}" for k, v in spanish.facts)))
    assert "/2026" not in words and "Sep 15" not in words and "Dec 10" not in words
    if kind in ("late", "final", "door_hanger", "collection"):
        assert "15 sep 2026" in words
    labels = [k for k, _ in spanish.facts]
    assert all(k != e for k, (e, _) in zip(labels, english.facts, strict=True) if e != "Animal")
    assert spanish.footer == ("" if kind in (*RENEWALS, "usage") else ENGLISH_LINE)


def test_in_both_languages_the_english_comes_first_then_the_spanish():
    both = notice_letter(
        CITY, "final", "N-1", date(2026, 11, 30), "Rosa Payer", "12 Oak St", 12345,
        date(2026, 9, 15), date(2026, 12, 10), DETAILS, language="both",
    )  # fmt: skip
    assert both.title == "FINAL NOTICE: water shut-off / AVISO FINAL: corte del agua"
    assert both.paragraphs[0].startswith("Your water account") and len(both.paragraphs) == 6
    assert both.paragraphs[3].startswith("Su cuenta de agua")
    assert ("Account / Cuenta", "CH1-00042") in both.facts and both.footer == ""
