"""Loading the demo city (demo/city.py): users, customers and tag stock, once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from counterpos.demo.city import load_demo, load_demo_file
from counterpos.services.access import users
from counterpos.services.counter import tag_inventory
from counterpos.store.models import Customer, Sale, UtilityAccount


def test_the_demo_city_is_loaded_once(empty_station):
    data = load_demo_file()
    said = load_demo(empty_station, customers=25, history_days=0)
    assert said == f"Demo city {data['city']['name']}: {len(data['users'])} users, 25 customers."
    assert empty_station.setting("city.name") == data["city"]["name"]
    assert {u.username for u in users.list_users(empty_station)} >= {
        u["username"] for u in data["users"]
    }
    with empty_station.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 25
        assert s.scalar(select(func.count()).select_from(UtilityAccount)) >= 25
        assert s.scalar(select(func.count()).select_from(Sale)) == 0  # no history asked for
    assert tag_inventory.list_blocks(empty_station)
    assert load_demo(empty_station, customers=25, history_days=0) == (
        "The demo city is already loaded."
    )
    with empty_station.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 25


def test_demo_licenses_hold_tags_the_stock_knows_and_expire_the_day_before_the_anniversary(
    empty_station,
):
    from counterpos.domain.license_term import Term
    from counterpos.store.models import License, TagMovement

    load_demo(empty_station, customers=400, history_days=0)
    with empty_station.store.read() as s:
        licenses = s.scalars(select(License).where(License.kind == "animal")).all()
        issued = {
            (m.year, m.number): m.license_no
            for m in s.scalars(select(TagMovement).where(TagMovement.kind == "issue"))
        }
        assert licenses
        tags = [lic.tag_no for lic in licenses]
        assert len(set(tags)) == len(tags)  # no tag held twice
        for lic in licenses:
            year, number = (int(x) for x in lic.tag_no.split("-"))
            assert issued[(year, number)] == lic.license_no
            assert lic.expires_on == Term(1).end(lic.issued_on)
        year = date.today().year
        held = [n for (y, n) in issued if y == year]
        next_no = tag_inventory.next_tag(s, empty_station.code, year)
    assert held and next_no not in held and next_no == 1  # the station's stock is its own
    assert all(block.last_no < min(held) for block in tag_inventory.list_blocks(empty_station))
