"""The reliability suite: long fuzz and fault loops, run with `pytest -m reliability` (every
module here is marked `reliability`, which the default run leaves out).

Each test adds its figures (inputs tried, faults made, what was lost, doubled, stored) to
FIGURES; they are printed at the end of the run, the way the README quotes them.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

FIGURES: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def pytest_terminal_summary(terminalreporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name in sorted(FIGURES):
        parts = ", ".join(f"{k} {v:,}" for k, v in FIGURES[name].items())
        terminalreporter.write_line(f"{name}: {parts}")


@pytest.fixture
def figures():
    """`figures("cli fuzz")["inputs"] += 1`: counts that end up in the run's summary."""
    return lambda name: FIGURES[name]
