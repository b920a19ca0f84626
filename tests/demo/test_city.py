"""Loading the demo city (demo/city.py): users, customers and tag stock, once."""

from __future__ import annotations

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
