"""Labels and dates of customer documents in English, Spanish or both."""

from __future__ import annotations

from datetime import date, datetime

from counterpos.domain.document_language import date_text, datetime_text, either, label, paragraphs


def test_labels():
    assert label("Change", "en") == "Change"
    assert label("Change", "es") == "Cambio"
    assert label("Change", "both") == "Change / Cambio"
    assert label("TOTAL", "both") == "TOTAL"  # the same word once


def test_names_given_in_both_languages():
    assert either("Yard sale permit", "Permiso de venta de garaje", "es").startswith("Permiso")
    assert either("Yard sale permit", "", "es") == "Yard sale permit"
    assert either("Bus pass", "Pase de autobús", "both") == "Bus pass / Pase de autobús"


def test_dates_spell_the_month():
    assert date_text(date(2026, 2, 1), "en") == "Feb 01, 2026"
    assert date_text(date(2026, 2, 1), "es") == "01 feb 2026"
    assert datetime_text(datetime(2026, 12, 3, 17, 30), "es") == "03 dic 2026 17:30"
    assert datetime_text(datetime(2026, 12, 3, 17, 30), "en") == "Dec 03, 2026 05:30 PM"


def test_sentences_in_both_languages_come_one_after_the_other():
    assert paragraphs("Thank you.", "Gracias.", "es") == ("Gracias.",)
    assert paragraphs("Thank you.", "Gracias.", "both") == ("Thank you.", "Gracias.")
    assert paragraphs("Thank you.", "", "es") == ("Thank you.",)  # never blank


def test_every_spanish_word_is_spanish_and_none_is_empty():
    from counterpos.domain.document_language import SPANISH

    assert all(SPANISH.values()) and all(v.strip() == v for v in SPANISH.values())
