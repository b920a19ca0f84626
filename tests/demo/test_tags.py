"""The demo station's tag stock (demo/tags.py): blocks for this year and last, given once."""

from __future__ import annotations

from counterpos.demo.tags import give_demo_block
from counterpos.services.counter import tag_inventory
from tests.services.counter_visit import TODAY


def test_demo_city_gets_tag_stock_once(empty_station):
    give_demo_block(empty_station)
    give_demo_block(empty_station)
    blocks = tag_inventory.list_blocks(empty_station)
    assert [(b.year, b.first_no, b.last_no) for b in blocks] == [
        (TODAY.year - 1, 1, 2000),
        (TODAY.year, 1, 2000),
    ]
