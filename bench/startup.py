"""Start-up to the login window shown, against a bare PySide6 window with one label.

Both are started the same way, as a fresh `python` subprocess, alternating in the same run;
each prints a wall-clock timestamp after its window's first paint and exits. The till is
started as `python -m counterpos --home <demo home>` with COUNTERPOS_BENCH_EXIT_ON_SHOWN=1;
a second series with the variable set to `ready` times until the login window has painted
AND the store is open behind it (checked, migrated, its mark compared) so that a PIN can be
checked. Goals: the login window within 2x the bare window and under 1.5 s; the store open,
sign-in possible, within 2x the bare window. A last series, no window at all, times a fresh
`python` that imports the store layer a sign-in goes through and opens the store
(bench/store_layer_only.py): what that alone costs against the bare window.

Two more series time the first screen after sign-in (the drawer count), from the sign-in
pressed to that screen painted, with the variable set to `signed-in:MS`: the till signs in as
the demo's cashier MS ms after it became ready, at once (0) and after a cashier's typing
(3000: what is needed after sign-in has been loaded in the background meanwhile).

    python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = Path(__file__).with_name("bare_window.py")
STORE_ONLY = Path(__file__).with_name("store_layer_only.py")
BENCH_ENV = "COUNTERPOS_BENCH_EXIT_ON_SHOWN"


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), e.get("PYTHONPATH")]))
    if not e.get("DISPLAY") and not e.get("WAYLAND_DISPLAY"):
        e.setdefault("QT_QPA_PLATFORM", "offscreen")
    e.update(extra or {})
    return e


def timed(cmd: list[str], extra: dict[str, str] | None = None) -> float:
    """Seconds from starting the process to the timestamp it prints at its first paint."""
    start = time.time()
    out = subprocess.run(
        cmd, env=env(extra), capture_output=True, text=True, timeout=60, cwd=tempfile.gettempdir()
    )
    for line in out.stdout.splitlines():
        if line.startswith("COUNTERPOS_"):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{cmd} printed no timestamp:\n{out.stdout}\n{out.stderr}")


def sign_in_time(cmd: list[str], after_ms: int) -> float:
    """Seconds from the sign-in pressed to the next screen painted (the till measures both)."""
    out = subprocess.run(
        cmd,
        env=env({BENCH_ENV: f"signed-in:{after_ms}", "COUNTERPOS_BENCH_SIGN_IN": "maria:1111"}),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tempfile.gettempdir(),
    )
    for line in out.stdout.splitlines():
        if line.startswith("COUNTERPOS_SIGNED_IN"):
            return float(line.split()[1])
    raise RuntimeError(f"{cmd} printed no sign-in time:\n{out.stdout}\n{out.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="counterpos-bench-") as tmp:
        home = Path(tmp) / "demo"
        subprocess.run(
            [py, "-m", "counterpos", "--home", str(home), "init", "--demo"],
            env=env(),
            check=True,
            capture_output=True,
        )
        till = [py, "-m", "counterpos", "--home", str(home)]
        bare = [py, str(BARE)]
        # One untimed start of each warms the OS file cache the way a second start at the counter would.
        timed(bare)
        timed(till, {"COUNTERPOS_BENCH_EXIT_ON_SHOWN": "1"})
        results: dict[str, list[float]] = {
            "bare": [],
            "shown": [],
            "ready": [],
            "sign-in at once": [],
            "sign-in after 3 s": [],
            "store layer only": [],
        }
        for _ in range(args.runs):
            results["bare"].append(timed(bare))
            results["shown"].append(timed(till, {BENCH_ENV: "1"}))
            results["ready"].append(timed(till, {BENCH_ENV: "ready"}))
            results["sign-in at once"].append(sign_in_time(till, 0))
            results["sign-in after 3 s"].append(sign_in_time(till, 3000))
            results["store layer only"].append(timed([py, str(STORE_ONLY), str(home)]))
    med = {k: statistics.median(v) for k, v in results.items()}
    print(
        f"start-up, median of {args.runs} runs each (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)"
    )
    print(f"  bare PySide6 window, one label      {med['bare'] * 1000:7.0f} ms")
    print(
        f"  CounterPOS login window shown       {med['shown'] * 1000:7.0f} ms"
        f"   {med['shown'] / med['bare']:.2f}x the bare window"
    )
    print(
        f"  ... store open, sign-in possible    {med['ready'] * 1000:7.0f} ms"
        f"   {med['ready'] / med['bare']:.2f}x the bare window"
    )
    print(
        f"  no window: python, the store layer imported and the store opened"
        f" {med['store layer only'] * 1000:5.0f} ms   {med['store layer only'] / med['bare']:.2f}x"
    )
    print("  first screen after sign-in (the drawer count), from the sign-in pressed:")
    print(f"    signed in as soon as possible     {med['sign-in at once'] * 1000:7.0f} ms")
    print(f"    signed in 3 s later (typing)      {med['sign-in after 3 s'] * 1000:7.0f} ms")
    ok = med["shown"] <= 2 * med["bare"] and med["shown"] < 1.5
    print(f"  goal, login window within 2x the bare window and under 1.5 s: {_met(ok)}")
    print(
        f"  goal, store open and sign-in possible within 2x: {_met(med['ready'] <= 2 * med['bare'])}"
    )
    return 0


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


if __name__ == "__main__":
    raise SystemExit(main())
