"""Row keys (store/models/base.py): UUIDv7, unique, in time order: indexes grow at one edge."""

from __future__ import annotations

import time
import uuid

from counterpos.store.models.base import new_id, new_ids


def test_keys_are_version_7_uuids_carrying_the_time_they_were_made():
    before = time.time_ns() // 1_000_000
    key = uuid.UUID(new_id())
    after = time.time_ns() // 1_000_000
    assert key.version == 7
    assert key.variant == uuid.RFC_4122
    assert before <= key.int >> 80 <= after


def test_keys_made_later_sort_after_and_never_repeat():
    first = [new_id() for _ in range(2000)]
    time.sleep(0.002)
    second = [new_id() for _ in range(2000)]
    assert len(set(first + second)) == 4000
    assert max(first) < min(second)  # as text too: the column's own order


def test_keys_made_in_a_batch_are_the_same_kind_of_key_and_all_different():
    before = time.time_ns() // 1_000_000
    keys = new_ids(20_000)
    after = time.time_ns() // 1_000_000
    assert len(set(keys)) == 20_000
    for key in map(uuid.UUID, keys[:50] + keys[-50:]):
        assert key.version == 7 and key.variant == uuid.RFC_4122
        assert before <= key.int >> 80 <= after
    time.sleep(0.002)
    assert max(keys) < new_id()
    assert new_ids(0) == []
