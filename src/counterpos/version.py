"""The one version of CounterPOS: pyproject.toml's, read back from the installed package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

UNKNOWN = "0+unknown"


@cache
def version() -> str:
    """The version pip (or the bundle) installed; a checkout run from `src/` reads pyproject.toml.

    pyproject.toml is the only place the number is written: the wheel's metadata carries it, and
    the PyInstaller bundle copies that metadata in.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("counterpos")
    except PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        import tomllib

        with pyproject.open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, ValueError):
        return UNKNOWN
