"""The central password is kept out of the settings, in a file only its user can read."""

from __future__ import annotations

import stat

from sqlalchemy import select

from counterpos.services.central import sync
from counterpos.store.models import Setting
from counterpos.sync import credentials


def test_password_kept_apart_from_the_settings(station):
    where = sync.connect(
        station, "postgresql://cpos_station_t1:s3cret-pw@db.city.example:5432/counterpos"
    )
    assert sync.central_url(station) == (
        "postgresql+psycopg://cpos_station_t1@db.city.example:5432/counterpos"
    )
    with station.store.read() as s:
        values = " ".join(r.value for r in s.scalars(select(Setting)))
    assert "s3cret-pw" not in values
    assert credentials.load(station.home) == "s3cret-pw"
    if where != "keyring":
        mode = stat.S_IMODE((station.home / credentials.FILE_NAME).stat().st_mode)
        assert mode == 0o600


def test_a_new_password_replaces_the_old(station):
    sync.connect(station, "postgresql+psycopg://r@h/db", "first")
    sync.connect(station, "postgresql+psycopg://r@h/db", "second")
    assert credentials.load(station.home) == "second"


def test_not_postgres_is_refused(station):
    import pytest

    from counterpos.services.errors import InputError

    with pytest.raises(InputError, match="PostgreSQL"):
        sync.connect(station, "mysql://x@y/z", "pw")
    assert sync.central_url(station) == ""


def test_config_set_central_url_keeps_the_password_out(station):
    from counterpos.services import config

    config.set_value(station, "central.url", "postgresql://r:pw9@h/db", actor=None)
    assert sync.central_url(station) == "postgresql+psycopg://r@h/db"
    assert credentials.load(station.home) == "pw9"
