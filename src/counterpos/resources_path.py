"""Finds the shipped data folders (db/, printers/, resources/) in a wheel or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_DATA_FOLDERS = ("db", "printers", "resources")


def data_path(folder: str) -> Path:
    """Return the directory of one top-level data folder.

    Installed from a wheel, the folders live in ``counterpos/_data/``; run from a checkout
    (editable install or ``pythonpath = src``) they are the repository's top-level folders.
    """
    if folder not in _DATA_FOLDERS:
        raise ValueError(f"unknown data folder {folder!r}")
    packaged = resources.files("counterpos") / "_data" / folder
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / folder
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"CounterPOS data folder {folder!r} is missing from this installation")
