"""Row keys (store/models/base.py): UUIDv7, unique, in time order: indexes grow at one edge."""

from __future__ import annotations

import time
import uuid

from counterpos.store.models.base import new_id


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
