"""Read files (services/utility/meters/read_import.py): the whole file or none of it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError
from counterpos.services.utility.meters.read_import import import_reads
from tests.conftest import audit_events
from tests.services.utility.desk_support import read_file, rows


def csv_of(lines: list[str]) -> bytes:
    return ("meter_serial,read_date,reading,flag\n" + "\n".join(lines) + "\n").encode()


def test_a_csv_file_is_taken_whole(station, supervisor, billed_year):
    v = billed_year.values
    today = local_today().isoformat()
    data = csv_of(
        [
            f"MV-000001,{today},{v['MV-000001'] + 12},",
            f"MV-000002,{today},{v['MV-000002'] + 60},",  # held: high
            f"MV-000003,{today},{v['MV-000003'] + 13},E",
            f"MV-000004,{today},3,",  # held: below the previous read
            f"MV-000005,{today},{v['MV-000005'] + 14},",
        ]
    )
    result = import_reads(station, supervisor, data, "handheld-1130.csv")
    assert (result.layout, result.records, result.estimated) == ("csv", 5, 1)
    assert result.held == {"high": 1, "below_previous": 1}
    assert set(result.held_serials) == {"MV-000002", "MV-000004"}
    got = dict(
        rows(
            station,
            "SELECT review, count(*) FROM meter_read WHERE import_id = :i GROUP BY review",
            i=result.import_id,
        )
    )
    assert got == {"": 3, "high": 1, "below_previous": 1}
    assert audit_events(station, "reads_imported")[-1].details["records"] == 5


def test_the_fixed_width_layout_with_a_rollover_flag(station, supervisor, metered):
    on = local_today() - timedelta(days=1)
    data = read_file(metered, on, {"MV-000003": 9999}, flags={"MV-000003": "R"})
    result = import_reads(station, supervisor, data, "amr.txt")
    assert result.layout == "fixed" and result.records == 12
    units = rows(
        station,
        "SELECT r.consumption FROM meter_read r JOIN meter m ON m.id = r.meter_id "
        "WHERE m.serial = 'MV-000003' AND r.import_id = :i",
        i=result.import_id,
    )
    assert units == [(9999,)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("MV-999999,{today},5,", "Line 3: there is no meter MV-999999"),
        ("MV-000002,{future},5,", "Line 3: the read date"),
        ("MV-000002,2020-01-01,5,", "Line 3: meter MV-000002 was last read on"),
        ("MV-000002,{today},99999,", "Line 3: meter MV-000002: 99999 does not fit"),
        ("MV-000002,{today},abc,", "Line 3: the reading 'abc' is not a whole number"),
    ],
)
def test_one_bad_line_refuses_the_file_with_its_number_and_posts_nothing(
    station, supervisor, billed_year, line, reason
):
    today = local_today()
    good = f"MV-000001,{today.isoformat()},{billed_year.values['MV-000001'] + 12},"
    bad = line.format(today=today.isoformat(), future=(today + timedelta(days=2)).isoformat())
    before = (
        rows(station, "SELECT count(*) FROM meter_read"),
        rows(station, "SELECT count(*) FROM outbox"),
    )
    with pytest.raises(InputError) as refused:
        import_reads(station, supervisor, csv_of([good, bad]), "bad.csv")
    assert str(refused.value).startswith(reason) and "Nothing was imported" in str(refused.value)
    after = (
        rows(station, "SELECT count(*) FROM meter_read"),
        rows(station, "SELECT count(*) FROM outbox"),
    )
    assert after == before
    assert rows(station, "SELECT count(*) FROM read_import") == [(12,)]


def test_the_same_file_is_not_taken_twice(station, supervisor, metered):
    data = read_file(metered, local_today() - timedelta(days=1))
    import_reads(station, supervisor, data, "a.txt")
    with pytest.raises(InputError, match="already imported"):
        import_reads(station, supervisor, data, "a-again.txt")


def test_not_utf8_is_refused_with_the_line(station, supervisor, metered):
    with pytest.raises(InputError, match="Line 2: the file is not UTF-8"):
        import_reads(station, supervisor, b"meter_serial,read_date,reading\n\xff\xfe,1,2\n")
