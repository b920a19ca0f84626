"""A customer's preferred language travels like the customer's other fields (central migration
c0008_s3_16b): set at one counter, applied at the centre by the station-change rule, and taken
down by every other counter, whose receipts, certificates and notices then follow it."""

from __future__ import annotations

import shutil

import pytest

from counterpos.services.central import sync
from counterpos.services.sale import customers, receipts
from counterpos.services.station import DB_FILE, Station
from counterpos.store.models import Customer, new_id, utcnow
from tests.conftest import login
from tests.sync.helpers import admin_query, attach

pytestmark = pytest.mark.pg


def _station(template_home, tmp_path, code: str) -> Station:
    home = tmp_path / code
    home.mkdir()
    shutil.copy(template_home / DB_FILE, home / DB_FILE)
    st = Station.open(home)
    st.set_code(code, f"Counter {code}")
    return st


@pytest.fixture
def counters(template_home, tmp_path, central_url):
    """(CH1, CH2, a customer CH1 added, which both counters and the centre now have)."""
    ch1 = _station(template_home, tmp_path, "CH1")
    ch2 = _station(template_home, tmp_path, "CH2")
    try:
        for st in (ch1, ch2):
            attach(st, central_url)
        customer_id = new_id()
        with ch1.store.write() as s:
            s.add(Customer(id=customer_id, customer_no="NCH1-0001", first_name="Ximena",
                           last_name="Quintero", created_at=utcnow()))  # fmt: skip
        for st in (ch1, ch2):
            sync.run_once(st)
        yield ch1, ch2, customer_id
    finally:
        ch1.close()
        ch2.close()


def _language_at(station: Station, customer_id: str) -> str:
    with station.store.read() as s:
        return receipts.customer_language(s, customer_id)


def test_spanish_set_at_one_counter_reaches_the_centre_and_the_other_counter(counters, central_url):
    ch1, ch2, customer_id = counters
    assert _language_at(ch2, customer_id) == "en"
    assert admin_query(
        central_url, "SELECT preferred_language FROM customer WHERE id = %s", (customer_id,)
    ) == [("en",)]
    customers.set_preferred_language(ch1, login(ch1, "maria"), customer_id, "es")
    sync.run_once(ch1)
    assert admin_query(
        central_url,
        "SELECT status, reason FROM station_change WHERE record_id = %s "
        "AND payload ->> 'preferred_language' = 'es'",
        (customer_id,),
    ) == [("applied", "")]  # the rule applies it: nothing waits for an administrator
    assert admin_query(
        central_url, "SELECT preferred_language FROM customer WHERE id = %s", (customer_id,)
    ) == [("es",)]
    sync.run_once(ch2)
    assert _language_at(ch2, customer_id) == "es"  # CH2's documents for them are in Spanish
    # And back: English at CH2 reaches CH1 the same way.
    customers.set_preferred_language(ch2, login(ch2, "maria"), customer_id, "en")
    sync.run_once(ch2)
    sync.run_once(ch1)
    assert _language_at(ch1, customer_id) == "en"


def test_the_centre_keeps_only_a_language_code(counters, central_url):
    _, _, customer_id = counters
    with pytest.raises(Exception, match="ck_customer_preferred_language"):
        admin_query(
            central_url,
            "UPDATE customer SET preferred_language = 'Spanish' WHERE id = %s",
            (customer_id,),
        )
