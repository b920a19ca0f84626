"""Run by test_exactly_once as a real process: push one batch, then hang before marking it.

The parent SIGKILLs this process while it waits, i.e. after the central commit and before
the local mark, the worst moment for exactly-once delivery.
"""

import sys
import time
from pathlib import Path

from counterpos.services.central import sync
from counterpos.services.station import Station


def main(home: str, marker: str, batch: str) -> None:
    station = Station.open(Path(home))

    def hang(rows):
        Path(marker).write_text(str(len(rows)))
        time.sleep(600)

    sync.run_once(station, batch_size=int(batch), after_commit=hang)


if __name__ == "__main__":
    main(*sys.argv[1:])
