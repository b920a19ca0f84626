"""Benchmark: switching the screens' language at sign-in (goal: under 200 ms).

    python bench/language_switch.py [--rounds 7]

Each round is a fresh process (offscreen Qt): it times building and showing the login window
(the baseline), Qt's own Spanish alone (qtbase_es loaded and installed), then the
whole switch a cashier's sign-in makes the first time, cold: our .qm and qtbase_es installed,
the QLocale set, the services' Spanish catalog read (Babel) and the login window retranslated,
until a service error reads in Spanish. Then the warm switches back and forth (en <-> es) that
every later sign-in makes. Medians over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def child() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtWidgets import QApplication

    from counterpos.domain.money import Money
    from counterpos.domain.tenders import Tender, TenderError, settle
    from counterpos.ui.login_window import LoginWindow

    app = QApplication([])
    t0 = time.perf_counter()
    login = LoginWindow()
    login.show()
    app.processEvents()
    baseline = time.perf_counter() - t0
    t0 = time.perf_counter()
    qt = QTranslator()
    qt.load("qtbase_es", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    app.installTranslator(qt)
    qtbase = time.perf_counter() - t0
    app.removeTranslator(qt)

    def switch(code: str) -> str:
        login.use_language(code)
        try:
            settle(Money(1000), [Tender("cash", Money(400))])
        except TenderError as exc:
            return str(exc)
        return ""

    t0 = time.perf_counter()
    said = switch("es")
    cold = time.perf_counter() - t0
    assert said == "Quedan $6.00 pendientes.", said
    warm = []
    for code in ("en", "es") * 5:
        t0 = time.perf_counter()
        switch(code)
        warm.append(time.perf_counter() - t0)
    print(
        json.dumps(
            {"baseline": baseline, "qtbase": qtbase, "cold": cold, "warm": statistics.median(warm)}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child()
        return
    runs = []
    for _ in range(args.rounds):
        out = subprocess.run(
            [sys.executable, __file__, "--child"], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: statistics.median(r[k] for r in runs) * 1000 for k in runs[0]}
    print(f"baseline: the login window built and shown     {med['baseline']:7.1f} ms")
    print(f"Qt's qtbase_es alone, loaded and installed     {med['qtbase']:7.1f} ms")
    print(
        f"first switch to Spanish (cold, whole)          {med['cold']:7.1f} ms "
        f"({med['cold'] / med['baseline']:.1f}x baseline; goal < 200 ms: "
        f"{'met' if med['cold'] < 200 else 'NOT met'})"
    )
    print(f"later switches en <-> es (warm)                {med['warm']:7.1f} ms")


if __name__ == "__main__":
    main()
