"""Cost of scrubbing card numbers from log output, as a ratio against unscrubbed logging.

Run: PYTHONPATH=src python bench/bench_pan_scrub.py
Logs the same 20,000 records (a mix of ordinary lines and lines with long digit runs) to a file
once without and once with the PanScrubFilter, in the same process, and prints the ratio.
Also times `contains_card_number` on typical free-text values against a plain regex search.
"""

from __future__ import annotations

import logging
import re
import tempfile
import time
from pathlib import Path

from counterpos.domain.pan_guard import contains_card_number
from counterpos.logging_setup import PanScrubFilter

N = 20_000
MESSAGES = [
    ("card request %s: approved, approved %s cents, visa 1111", ("3f2a-uuid", 5000)),
    ("sale CH1-%06d saved, total %s", (1234, "$52.00")),
    ("customer typed %s in the memo", ("4111 1111 1111 1111",)),
    ("account %s phone %s", ("10000000", "555-123-4567")),
]


def run(with_filter: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        handler = logging.FileHandler(Path(tmp) / "bench.log")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        if with_filter:
            handler.addFilter(PanScrubFilter())
        log = logging.getLogger(f"bench.{with_filter}")
        log.propagate = False
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        start = time.perf_counter()
        for i in range(N):
            msg, args = MESSAGES[i % len(MESSAGES)]
            log.info(msg, *args)
        handler.flush()
        elapsed = time.perf_counter() - start
        log.removeHandler(handler)
        handler.close()
    return elapsed


def main() -> None:
    run(False)  # warm-up
    base = min(run(False) for _ in range(3))
    scrubbed = min(run(True) for _ in range(3))
    print(
        f"logging {N} records: plain {base:.3f}s, scrubbed {scrubbed:.3f}s, "
        f"ratio {scrubbed / base:.2f}"
    )
    texts = [
        "123 Main St",
        "Copies, 12 pages",
        "4111 1111 1111 1111",
        "Ana Ruiz",
        "10000000",
    ] * 4000
    plain = re.compile(r"\d{13,19}")
    t0 = time.perf_counter()
    for t in texts:
        plain.search(t)
    t1 = time.perf_counter()
    for t in texts:
        contains_card_number(t)
    t2 = time.perf_counter()
    print(
        f"checking {len(texts)} field values: plain regex {t1 - t0:.4f}s, "
        f"pan guard {t2 - t1:.4f}s, ratio {(t2 - t1) / (t1 - t0):.1f}, "
        f"{(t2 - t1) / len(texts) * 1e6:.2f} µs per value"
    )


if __name__ == "__main__":
    main()
