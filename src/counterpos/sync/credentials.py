"""Where a station keeps its central database password: the OS keyring, else a 0600 file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SERVICE = "CounterPOS central"
FILE_NAME = "central-password"


def _keyring():
    try:
        import keyring  # optional dependency
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if (
        isinstance(backend, fail.Keyring)
        or "chainer" in type(backend).__name__.lower()
        and not getattr(backend, "backends", None)
    ):
        return None
    return keyring


def _user(home: Path) -> str:
    return str(Path(home).resolve())


def save(home: Path, password: str) -> str:
    """Store the password; returns where it went ("keyring" or the file's path)."""
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, _user(home), password)
            _file(home).unlink(missing_ok=True)
            return "keyring"
        except Exception:  # noqa: BLE001 - a locked or absent keyring falls back to the file
            pass
    path = _file(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        with contextlib.suppress(OSError):
            os.fchmod(fh.fileno(), 0o600)
        fh.write(password)
    return str(path)


def load(home: Path) -> str | None:
    kr = _keyring()
    if kr is not None:
        with contextlib.suppress(Exception):
            value = kr.get_password(SERVICE, _user(home))
            if value:
                return value
    path = _file(home)
    if path.exists():
        return path.read_text(encoding="utf-8").strip() or None
    return None


def _file(home: Path) -> Path:
    return Path(home) / FILE_NAME
