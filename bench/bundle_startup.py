"""Start-up of the PyInstaller bundle against the same code run from the virtual environment.

Both are started as fresh processes, alternating in the same run, on the same demo store:
- the login window: the bundle's windowed `counterpos-till` against `python -m counterpos`,
  each with COUNTERPOS_BENCH_EXIT_ON_SHOWN=1 (prints a timestamp after the first paint, exits);
- `--help`: the bundle's console `counterpos --help` against `python -m counterpos --help`,
  timed until the process exits.
Figures: median of the runs, and the bundle's ratio to the virtual environment.
Goal: the bundle reaches the login window within 1.5x the time from the virtual environment.

Build the bundle first (`pyinstaller packaging/counterpos.spec`, see the README), then:

    python bench/bundle_startup.py [--bundle dist/counterpos] [--runs 7]

`--till` and `--cli` name the two programs for a bundle laid out otherwise (an older one-program
bundle: `--till dist/counterpos/counterpos --cli dist/counterpos/counterpos`).
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
EXE = ".exe" if os.name == "nt" else ""


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), e.get("PYTHONPATH")]))
    if not e.get("DISPLAY") and not e.get("WAYLAND_DISPLAY"):
        e.setdefault("QT_QPA_PLATFORM", "offscreen")
    e.update(extra or {})
    return e


def shown(cmd: list[str]) -> float:
    """Seconds from starting the process to the timestamp it prints at the login window's paint."""
    start = time.time()
    out = subprocess.run(
        cmd,
        env=env({"COUNTERPOS_BENCH_EXIT_ON_SHOWN": "1"}),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tempfile.gettempdir(),
    )
    for line in out.stdout.splitlines():
        if line.startswith("COUNTERPOS_SHOWN"):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{cmd} printed no timestamp:\n{out.stdout}\n{out.stderr}")


def exits(cmd: list[str]) -> float:
    """Seconds from starting the process to its exit (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(
        cmd, env=env(), capture_output=True, check=True, timeout=120, cwd=tempfile.gettempdir()
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "counterpos")
    parser.add_argument("--till", type=Path, default=None)
    parser.add_argument("--cli", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    till = args.till or args.bundle / f"counterpos-till{EXE}"
    cli = args.cli or args.bundle / f"counterpos{EXE}"
    for exe in (till, cli):
        if not exe.is_file():
            parser.error(f"{exe} is missing: build the bundle first (see the README, Packaging)")
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="counterpos-bench-") as tmp:
        home = str(Path(tmp) / "demo")
        subprocess.run(
            [py, "-m", "counterpos", "--home", home, "init", "--demo"],
            env=env(),
            check=True,
            capture_output=True,
        )
        cmds = {
            "venv shown": ([py, "-m", "counterpos", "--home", home], shown),
            "bundle shown": ([str(till), "--home", home], shown),
            "venv help": ([py, "-m", "counterpos", "--help"], exits),
            "bundle help": ([str(cli), "--help"], exits),
        }
        for cmd, how in cmds.values():  # one untimed start each warms the OS file cache
            how(cmd)
        results: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(args.runs):
            for name, (cmd, how) in cmds.items():
                results[name].append(how(cmd))
    med = {k: statistics.median(v) for k, v in results.items()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"bundle start-up, median of {args.runs} runs each (Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the end)"
    )
    for what, label in (("shown", "login window shown"), ("help", "`--help` done")):
        v, b = med[f"venv {what}"], med[f"bundle {what}"]
        low_v, high_v = min(results[f"venv {what}"]), max(results[f"venv {what}"])
        low_b, high_b = min(results[f"bundle {what}"]), max(results[f"bundle {what}"])
        print(
            f"  {label:20} venv {v * 1000:6.0f} ms ({low_v * 1000:.0f}-{high_v * 1000:.0f})"
            f"   bundle {b * 1000:6.0f} ms ({low_b * 1000:.0f}-{high_b * 1000:.0f})"
            f"   {b / v:.2f}x"
        )
    ratio = med["bundle shown"] / med["venv shown"]
    print(f"  goal (login window within 1.5x the venv): {'met' if ratio <= 1.5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
