"""The built wheel carries the data folders, so the app works from `pip install .`."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.e2e
def test_wheel_ships_migrations_seed_data_and_printer_profiles(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("counterpos-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "counterpos/_data/db/migrations/env.py" in names
    assert "counterpos/_data/db/migrations/versions/0001_initial_schema.py" in names
    assert "counterpos/_data/db/seed/catalog.json" in names
    assert "counterpos/_data/db/seed/demo_city.json" in names
    assert "counterpos/cli.py" in names
    assert any(n.startswith("counterpos/_data/printers/") for n in names)
    assert any(n.startswith("counterpos/_data/resources/") for n in names)
    assert "counterpos/_data/resources/styles/till.qss" in names
    assert "counterpos/_data/resources/icons/counterpos.png" in names
    # The README's pictures stay in the repository.
    assert not [n for n in names if "screenshots" in n or n.endswith(".png") and "icons" not in n]
    # The licence travels with the wheel, and the version is pyproject.toml's.
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    with open(ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert wheel.name.startswith(f"counterpos-{version}-")
    metadata = zipfile.ZipFile(wheel).read(f"counterpos-{version}.dist-info/METADATA").decode()
    assert "License-Expression: AGPL-3.0-or-later" in metadata
    assert "Requires-Dist: python-escpos<4,>=3.1" in metadata
    assert any(line.startswith("requires-dist: pillow") for line in metadata.lower().splitlines())
