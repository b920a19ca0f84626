"""Helpers every command module shares: opening the station named by --home."""

from __future__ import annotations

import argparse
import getpass
import os

from counterpos.services.access import auth
from counterpos.services.actor import Actor
from counterpos.services.errors import StateError
from counterpos.services.station import Station


def open_station(args: argparse.Namespace, *, must_exist: bool = True) -> Station:
    station = Station.open(args.home)
    if must_exist and not station.is_initialised():
        raise StateError(
            f"No station is set up in {args.home}; run `counterpos init` (or `counterpos init --demo`) first."
        )
    return station


def login_from_args(station: Station, username: str) -> Actor:
    """Log a user in for one command: the PIN from COUNTERPOS_PIN, else asked for."""
    pin = os.environ.get("COUNTERPOS_PIN") or getpass.getpass(f"PIN for {username}: ")
    return auth.login(station, username, pin)
