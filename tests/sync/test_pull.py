"""Reference data down by watermark (sync/pull.py); balances right everywhere, each entry once."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.central import sync
from counterpos.services.sale import customers
from counterpos.services.station import DB_FILE, Station
from counterpos.store.models import Customer, UtilityAccount, new_id, utcnow
from tests.conftest import login
from tests.sync.helpers import admin_query, apply_held, attach, first_accounts, sell

pytestmark = pytest.mark.pg


FLOAT = {"bill_20": 5}


@pytest.fixture
def second_station(template_home, tmp_path):
    home = tmp_path / "second"
    home.mkdir()
    shutil.copy(template_home / DB_FILE, home / DB_FILE)
    st = Station.open(home)
    st.set_code("T2", "Counter 2")
    yield st
    st.close()


def _balance(station, account_no: str) -> Money:
    return customers.account_by_number(station, account_no).balance


def test_two_stations_offline_payments_on_one_account(station, second_station, central_url):
    a, b = station, second_station
    account = first_accounts(a, 1)[0]
    start = _balance(a, account)
    assert _balance(b, account) == start
    attach(a, central_url)
    attach(b, central_url)
    maria_a, maria_b = login(a, "maria"), login(b, "maria")
    drawer_a = sessions.open_session(a, maria_a, FLOAT)
    drawer_b = sessions.open_session(b, maria_b, FLOAT)
    # Both offline: each payment shows at once on its own station.
    sell(a, maria_a, drawer_a, account_no=account, pay="10.00")
    sell(b, maria_b, drawer_b, account_no=account, pay="25.50")
    assert _balance(a, account) == start - Money(1000)
    assert _balance(b, account) == start - Money(2550)
    # A syncs first, then B, then A again; more cycles must not count anything twice.
    sync.run_once(a)
    assert _balance(a, account) == start - Money(1000)  # B's payment is not central yet
    for st in (b, a, b, a):
        sync.run_once(st)
        assert _balance(st, account) == start - Money(3550)
    assert _balance(b, account) == start - Money(3550)
    rows = admin_query(
        central_url,
        "SELECT count(*), sum(amount_cents) FROM ledger_entry WHERE entry_type = 'payment'",
    )
    assert rows == [(2, -3550)]
    # A later payment on B, still unsent, adds to what B already knew of A.
    sell(b, maria_b, drawer_b, account_no=account, pay="1.00")
    assert _balance(b, account) == start - Money(3650)
    assert _balance(a, account) == start - Money(3550)
    sync.run_once(b)
    sync.run_once(a)
    assert _balance(a, account) == _balance(b, account) == start - Money(3650)


def test_reference_data_flows_down_by_watermark(station, second_station, central_url):
    a, b = station, second_station
    attach(a, central_url)
    attach(b, central_url)
    # A new customer and account created at station A reach station B through the centre.
    cid, aid = new_id(), new_id()
    with a.store.write() as s:
        s.add(
            Customer(
                id=cid,
                customer_no="C900001",
                first_name="Ximena",
                last_name="Quintero",
                created_at=utcnow(),
            )
        )
        s.flush()
        s.add(
            UtilityAccount(
                id=aid, account_no="99990001", customer_id=cid, service_address="1 Test Way"
            )
        )
    sync.run_once(a)
    first = sync.run_once(b)
    assert first.pull.by_table["customer"] >= 1
    # The catalog A sent waits for the administrator; applied, it comes down to B.
    assert first.pull.by_table["service"] == 0
    assert apply_held(central_url) > 0
    assert sync.run_once(b).pull.by_table["service"] > 0
    with b.store.read() as s:
        assert s.get(Customer, cid).last_name == "Quintero"
        assert s.scalar(select(UtilityAccount.account_no).where(UtilityAccount.id == aid))
    # The customer can be found by type-ahead on B at once.
    hits = customers.search(b, "Quintero")
    assert [h.customer_id for h in hits] == [cid]
    # A change made centrally (finance renames the customer) flows down on the next pull.
    admin_query(
        central_url, "UPDATE customer SET last_name = 'Quintero-Ruiz' WHERE id = %s", (cid,)
    )
    second = sync.run_once(b)
    assert second.pull.by_table["customer"] >= 1
    assert second.pull.by_table["customer"] < first.pull.by_table["customer"] + 5
    with b.store.read() as s:
        assert s.get(Customer, cid).last_name == "Quintero-Ruiz"
    assert [h.customer_id for h in customers.search(b, "Quintero-Ruiz")] == [cid]


def test_pull_keeps_local_lockout_state(station, central_url):
    attach(station, central_url)
    sync.run_once(station)
    apply_held(central_url)
    from counterpos.store.models import User

    with station.store.write() as s:
        u = s.scalar(select(User).where(User.username == "maria"))
        u.failed_attempts = 3
    admin_query(central_url, "UPDATE app_user SET full_name = 'Maria R.' WHERE username = 'maria'")
    sync.run_once(station)
    with station.store.read() as s:
        u = s.scalar(select(User).where(User.username == "maria"))
        assert (u.full_name, u.failed_attempts) == ("Maria R.", 3)


def test_balance_without_a_centre_is_the_local_ledger(station, cashier, drawer):
    account = first_accounts(station, 1)[0]
    before = _balance(station, account)
    sell(station, cashier, drawer, account_no=account, pay="3.00")
    assert _balance(station, account) == before - Money(300)


def test_a_user_disabled_at_one_station_is_disabled_everywhere(
    station, second_station, central_url
):
    from counterpos.services.access import users
    from counterpos.services.errors import AuthError

    a, b = station, second_station
    attach(a, central_url)
    attach(b, central_url)
    sync.run_once(a)
    sync.run_once(b)
    apply_held(central_url)  # the users both stations sent: allowed at T1 and T2
    users.disable_user(a, "james")
    sync.run_once(a)
    # A station may not change a user at the centre: the disable waits for the administrator.
    assert admin_query(central_url, "SELECT active FROM app_user WHERE username = 'james'") == [
        (True,)
    ]
    assert apply_held(central_url, "T1") == 1
    assert admin_query(central_url, "SELECT active FROM app_user WHERE username = 'james'") == [
        (False,)
    ]
    sync.run_once(b)
    with pytest.raises(AuthError):
        login(b, "james")
    # A resent batch (same records again) changes nothing.
    with a.store.write() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE outbox SET state = 'pending' WHERE table_name = 'app_user'"))
    sync.run_once(a)
    assert admin_query(
        central_url, "SELECT count(*), bool_or(active) FROM app_user WHERE username = 'james'"
    ) == [(1, False)]


def test_a_license_sold_elsewhere_arrives_without_its_foreign_sale_line(station, central_url):
    from counterpos.store.models import License

    attach(station, central_url)
    with station.store.read() as s:
        customer_id = s.scalar(select(Customer.id).limit(1))
    lid = new_id()
    admin_query(
        central_url,
        "INSERT INTO license (id, customer_id, kind, license_no, tag_no, description, details, "
        "sale_line_id, created_at) VALUES (%s, %s, 'animal', 'AL-2026-99999', '2026-9999', "
        "'Dog Canela', '{}', %s, now())",
        (lid, customer_id, new_id()),
    )
    report = sync.run_once(station)
    assert report.pull.by_table["license"] == 1 and not report.pull.errors
    with station.store.read() as s:
        lic = s.get(License, lid)
        assert (lic.tag_no, lic.sale_line_id) == ("2026-9999", None)
    assert customers.search(station, "2026-9999")[0].customer_id == customer_id


def test_the_catalog_s_companions_and_ceilings_come_down_from_the_centre(
    station, second_station, central_url
):
    """db/central_migrations c0008_s3_14: the centre keeps `companion_of` and
    `confirm_above_cents`, so a catalog applied there reaches every station with them."""
    from counterpos.services.sale.catalog import service_rows

    a, b = station, second_station
    attach(a, central_url)
    attach(b, central_url)
    sync.run_once(a)
    apply_held(central_url)
    rows = dict(
        admin_query(
            central_url,
            "SELECT code, jsonb_build_array(companion_of, confirm_above_cents) FROM service "
            "WHERE code IN ('citation_late_penalty', 'misc_receipt')",
        )
    )
    assert rows == {
        "citation_late_penalty": [["citation"], None],
        "misc_receipt": [[], 1000000],
    }
    # Finance lowers the misc receipt's ceiling and ties a new fee to the bus pass centrally.
    admin_query(
        central_url,
        "UPDATE service SET confirm_above_cents = 50000 WHERE code = %s",
        ("misc_receipt",),
    )
    admin_query(
        central_url,
        "UPDATE service SET companion_of = '[\"bus_pass\"]' WHERE code = %s",
        ("passport_photo",),
    )
    assert sync.run_once(b).pull.by_table["service"] >= 2
    with b.store.read() as s:
        svc = service_rows(s, ("misc_receipt", "passport_photo"))
    assert svc["misc_receipt"].confirm_above_cents == 50000
    assert svc["passport_photo"].companion_of == ("bus_pass",)


def test_a_service_sent_without_companions_is_kept_with_none(central_url):
    """A station not yet migrated sends a service row without `companion_of`: the centre keeps
    an empty list (which every station can store), not a NULL."""
    admin_query(
        central_url,
        "SELECT counterpos_upsert_reference('service', CAST(%s AS json))",
        (
            '[{"code": "old_fee", "name": "Old fee", "category": "misc", '
            '"gl_account": "4810", "hotkey": "", "sort_order": 0, "active": true, '
            '"fields": []}]',
        ),
    )
    assert admin_query(
        central_url,
        "SELECT companion_of, confirm_above_cents FROM service WHERE code = 'old_fee'",
    ) == [([], None)]
