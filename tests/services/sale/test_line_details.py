"""The details a line captures (services/sale/line_details.py): checked field by field."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.services.errors import InputError
from counterpos.services.sale import catalog, line_details
from tests.services.pan_fields import FORMS, text_fields


def test_every_free_text_field_of_every_service_refuses_a_card_number(station):
    fields = text_fields(station)
    # the memo, the yard sale address, the forwarding address, names, numbers...
    names = {f for _, f, _ in fields}
    assert {"memo", "address", "forwarding_address", "animal_name", "business_name"} <= names
    for code, name, base in fields:
        for form in FORMS:
            details = dict(base, **{name: f"note {form}"})
            with pytest.raises(InputError, match="looks like a card number") as err:
                catalog.price_line(station, code, details=details, amount_text="10.00")
            assert err.value.field == name, (code, name)


def test_the_same_fields_take_ordinary_text(station):
    line = catalog.price_line(
        station,
        "misc_receipt",
        details={"gl_account": "4830", "memo": "Copies, 12 pages, ref 555-1234"},
        amount_text="3.00",
    )
    assert line.details["memo"].startswith("Copies")


def test_a_card_number_in_a_nested_record_is_refused_too(station):
    record = {"name": "Ana Lopez", "notes": [f"paid with {FORMS[0]}"]}
    with pytest.raises(InputError, match="looks like a card number") as err:
        catalog.price_lines(station, "passport_execution", details={"applicant_records": [record]})
    assert err.value.field == "applicant_records"


def test_text_is_kept_trimmed_and_at_most_200_characters(station):
    def misc(memo: str):
        details = {"gl_account": "4830", "memo": memo}
        return catalog.price_line(station, "misc_receipt", details=details, amount_text="1")

    assert misc("  Copies  ").details["memo"] == "Copies"
    with pytest.raises(InputError, match="too long") as err:
        misc("x" * 201)
    assert err.value.field == "memo"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2031-01-15", date(2031, 1, 15)),
        ("1/15/2031", date(2031, 1, 15)),
        (" 01/05/2031 ", date(2031, 1, 5)),
    ],
)
def test_dates_are_read_as_iso_or_us_dates(typed, read):
    assert line_details.parse_date(typed, "Start date", "start_date") == read


@pytest.mark.parametrize("typed", ["15/01/2031", "2031-02-30", "tomorrow", "2031/01/15"])
def test_anything_else_is_not_a_date_and_says_which_field(typed):
    with pytest.raises(InputError, match="is not a date; use MM/DD/YYYY") as err:
        line_details.parse_date(typed, "Start date", "start_date")
    assert err.value.field == "start_date"
