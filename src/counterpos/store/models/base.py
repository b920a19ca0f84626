"""Declarative base, id and clock helpers shared by every model."""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Models whose rows must reach the central database set this to True; every new row of
    # theirs gets an outbox row in the same transaction (see store/outbox.py).
    __synced__ = False


def new_id() -> str:
    """A new row key: a UUID of version 7 (RFC 9562), 48 bits of Unix time in milliseconds
    followed by 74 random bits.

    Keys that grow with time land at the right-hand edge of every index they are in (here and
    in the central database), instead of on a random page of an ever larger index: inserting a
    sale costs the same with a million sales behind it as with none. The random bits keep keys
    made on different stations in the same millisecond apart.

    The random bits come from the operating system's generator like `new_ids`', drawn for 256
    keys at a time per thread (a batch of 50,000 notices made one system call a key); a forked
    child never reuses its parent's draw.
    """
    pool = _POOL.__dict__
    rand = pool.get("rand")
    at = pool.get("at", _POOL_BYTES)
    if rand is None or at >= _POOL_BYTES:
        rand, at = os.urandom(_POOL_BYTES), 0
        pool["rand"] = rand
    pool["at"] = at + 10
    return _key(_head(), rand[at : at + 10])


_VERSION_VARIANT = 0x7 << 76 | 0b10 << 62
_LOW62 = (1 << 62) - 1
_POOL = threading.local()
_POOL_BYTES = 10 * 256  # 80 bits a key; 74 are used


def _forget_draw() -> None:  # in a forked child: the thread that forked draws anew
    _POOL.__dict__.clear()


os.register_at_fork(after_in_child=_forget_draw)


def new_ids(n: int) -> list[str]:
    """`n` keys as `new_id` makes them, for a batch of rows: one clock reading and one draw of
    random bytes for all of them (a file of ten thousand payments needs fifty thousand)."""
    head = _head()
    rand = os.urandom(10 * n)  # 80 bits a key; 74 are used
    return [_key(head, rand[i : i + 10]) for i in range(0, 10 * n, 10)]


def _head() -> int:
    """The time (48 bits of Unix milliseconds) with the version and variant bits set."""
    return ((time.time_ns() // 1_000_000) & 0xFFFF_FFFF_FFFF) << 80 | _VERSION_VARIANT


def _key(head: int, ten: bytes) -> str:
    """A key of `head` and ten random bytes: 12 random bits, the variant, 62 random bits."""
    r = int.from_bytes(ten, "big")
    h = f"{head | (r >> 68) << 64 | r & _LOW62:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def utcnow() -> datetime:
    """Naive UTC timestamp, the form every timestamp column holds."""
    return datetime.now(UTC).replace(tzinfo=None)
