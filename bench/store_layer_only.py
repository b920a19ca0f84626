"""For bench/startup.py: a fresh `python` that only imports the store layer the till's sign-in
goes through (SQLAlchemy, the models, services/station) and opens the demo store, no window.

It shows how much of "store open, sign-in possible" is the store layer's own start, which no
order of work in the till can take off the path to a sign-in: printed as a timestamp, like the
windows."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from counterpos.services.opening import open_station

station = open_station(Path(sys.argv[1]))
station.is_initialised()
print(f"COUNTERPOS_OPENED {time.time():.6f}", flush=True)
