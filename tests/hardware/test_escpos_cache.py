"""python-escpos's parsed printer database is kept in the user's cache folder between starts,
and importing it leaves no temporary folder behind (hardware/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def import_hardware(tmp_path: Path, extra: dict[str, str]) -> Path:
    """Import counterpos.hardware in a fresh interpreter; returns its temporary folder."""
    temp = tmp_path / "temp"
    temp.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env.update(PYTHONPATH=str(SRC), TMPDIR=str(temp), **extra)
    subprocess.run([sys.executable, "-c", "import counterpos.hardware"], env=env, check=True)
    return temp


def test_the_cache_goes_to_the_users_cache_folder_and_no_temp_folder_is_left(tmp_path):
    cache = tmp_path / "cache"
    temp = import_hardware(tmp_path, {"XDG_CACHE_HOME": str(cache)})
    pickles = list((cache / "CounterPOS" / "escpos").glob("*.capabilities.pickle"))
    assert len(pickles) == 1
    assert list(temp.iterdir()) == []
    first = pickles[0].stat().st_mtime_ns
    import_hardware(tmp_path, {"XDG_CACHE_HOME": str(cache)})  # the second start reads it
    assert pickles[0].stat().st_mtime_ns == first
    assert list(temp.iterdir()) == []


def test_the_escpos_variable_wins(tmp_path):
    chosen = tmp_path / "chosen"
    import_hardware(
        tmp_path,
        {"ESCPOS_CAPABILITIES_PICKLE_DIR": str(chosen), "XDG_CACHE_HOME": str(tmp_path / "x")},
    )
    assert len(list(chosen.glob("*.capabilities.pickle"))) == 1
    assert not (tmp_path / "x" / "CounterPOS").exists()
