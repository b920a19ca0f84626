"""Tag allocation cost as a block fills: next_tag after 5,000 issued vs after 10 (ratio).

Run: PYTHONPATH=src /work/venv/bin/python bench/bench_tag_inventory.py
The baseline is the same call on a nearly empty block in the same process; a ratio near 1
means allocation does not slow down as the year's tags go out.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from counterpos.services.counter import tag_inventory
from counterpos.services.station import Station
from counterpos.store.models import TagBlock, TagMovement, new_id, utcnow


def fill(station: Station, code: str, issued: int) -> None:
    now = utcnow()
    with station.store.write() as s:
        s.add(TagBlock(year=2026, station_code=code, first_no=1, last_no=20_000))
        s.flush()
        rows = [
            {
                "id": new_id(),
                "year": 2026,
                "number": n,
                "station_code": code,
                "kind": "issue",
                "sale_line_id": None,
                "license_no": "",
                "created_at": now,
            }
            for n in range(1, issued + 1)
        ]
        for n in range(10, issued, 500):  # a few voids put tags back, then they went out again
            rows.append(
                {
                    "id": new_id(),
                    "year": 2026,
                    "number": n,
                    "station_code": code,
                    "kind": "return",
                    "sale_line_id": None,
                    "license_no": "",
                    "created_at": now,
                }
            )
        if rows:
            s.execute(insert(TagMovement.__table__), rows)


def timed(station: Station, code: str, rounds: int = 200) -> float:
    with station.store.read() as s:
        start = time.perf_counter()
        for _ in range(rounds):
            tag_inventory.next_tag(s, code, 2026)
        return (time.perf_counter() - start) / rounds


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = Station.open(Path(tmp) / "small")
        big = Station.open(Path(tmp) / "big")
        fill(small, "A", 10)
        fill(big, "A", 5_000)
        base = timed(small, "A")
        full = timed(big, "A")
        print(f"next_tag, 10 issued:    {base * 1e3:.3f} ms")
        print(f"next_tag, 5,000 issued: {full * 1e3:.3f} ms")
        print(f"ratio: {full / base:.2f}x")
        small.close()
        big.close()


if __name__ == "__main__":
    main()
