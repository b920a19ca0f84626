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


def test_threads_and_a_forked_child_never_share_a_key():
    """Keys draw their random bits 256 at a time per thread: threads draw their own, and a
    child forked in the middle of a draw does not make the keys its parent makes next."""
    import os
    import threading

    made: list[list[str]] = []

    def make() -> None:
        made.append([new_id() for _ in range(3000)])

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    mine = [new_id() for _ in range(100)]  # part of a draw is left for after the fork
    keys = [k for batch in made for k in batch] + mine
    assert len(set(keys)) == len(keys) == 12_100
    for key in map(uuid.UUID, keys[::997]):
        assert key.version == 7 and key.variant == uuid.RFC_4122
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next keys, to the parent, then out
        os.close(read)
        os.write(write, "".join(new_id() for _ in range(20)).encode())
        os._exit(0)
    os.close(write)
    child = b""
    while chunk := os.read(read, 4096):
        child += chunk
    os.close(read)
    os.waitpid(pid, 0)

    def random_bits(key: str) -> int:  # the 74 bits after the time: 12, then 62
        n = uuid.UUID(key).int
        return (n >> 64 & 0xFFF) << 62 | n & ((1 << 62) - 1)

    theirs = {random_bits(child[i : i + 36].decode()) for i in range(0, len(child), 36)}
    ours = {random_bits(new_id()) for _ in range(20)}
    assert len(theirs) == 20 and not theirs & ours
