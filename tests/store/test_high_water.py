"""The station's high-water mark (store/high_water.py): written after each commit that moved a
sequence, never for one that rolled back, and read back whole or not at all."""

from __future__ import annotations

import pytest

from counterpos.services import audit
from counterpos.store import high_water
from counterpos.store.high_water import Mark, UnreadableMark
from tests.sale_helpers import cash, ring


def test_the_mark_follows_every_committed_sale(station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 500, cash(500))
    mark = high_water.read_mark(station.home)
    assert mark.station_code == "T1"
    assert mark.receipt_seq == int(sale.receipt_no[-6:])
    with station.store.read() as s:
        last = s.connection().exec_driver_sql("SELECT MAX(seq) FROM audit_event").scalar()
    assert mark.audit_seq == last


def test_a_rolled_back_transaction_leaves_the_mark_alone(station):
    before = high_water.read_mark(station.home)
    with pytest.raises(RuntimeError), station.store.write() as s:
        audit.record(s, station.code, "test_event", actor="x")
        raise RuntimeError("changed my mind")
    assert high_water.read_mark(station.home) == before


def test_a_garbled_mark_is_told_apart_from_none(tmp_path):
    assert high_water.read_mark(tmp_path) is None
    high_water.write_mark(tmp_path, Mark("CH1", 12, 40, "/backups"))
    assert high_water.read_mark(tmp_path) == Mark("CH1", 12, 40, "/backups")
    raw = bytearray(high_water.mark_path(tmp_path).read_bytes())
    raw[raw.index(b"12")] = ord("9")  # receipt 92, but the checksum says 12
    high_water.mark_path(tmp_path).write_bytes(bytes(raw))
    with pytest.raises(UnreadableMark):
        high_water.read_mark(tmp_path)


def test_a_long_folder_name_still_fits(tmp_path):
    mark = Mark("CH1", 1, 2, "/" + "x" * 900)
    high_water.write_mark(tmp_path, mark)
    assert high_water.read_mark(tmp_path) == mark
    high_water.write_mark(tmp_path, Mark("CH1", 3, 4, ""))  # shorter again: no tail left over
    assert high_water.read_mark(tmp_path) == Mark("CH1", 3, 4, "")
