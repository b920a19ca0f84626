"""Training mode, for the entry-level class.

A supervisor switches a station into training. The station's own store then only records that
it is in training (`station.mode`, with the switch in its audit trail) and the till opens a
separate store in `<data folder>/training/`, seeded with the demo city the first time. That
store is marked `station.training = on`: every receipt and slip printed from it says TRAINING
in large letters, it never syncs (it has and may get no central database), and its card
terminal is the simulator whatever its settings say. Switching back, by a supervisor of the
station's own store, is audited there too.

The demo city lives outside services; the caller hands `seed` (demo.city.load_demo).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.errors import StateError
from counterpos.services.station import Station

TRAINING_DIR = "training"
MODE = "station.mode"  # in the station's own store: "live" or "training"
MARK = "station.training"  # in the training store: "on"
# What the training store copies from the station's own: its printer prints the TRAINING slips.
COPIED = ("printer.url", "printer.profile")


def is_training(station: Station) -> bool:
    """Whether `station` is a training store (its receipts say TRAINING; it never syncs)."""
    return station.setting(MARK) == "on"


def is_switched_on(station: Station) -> bool:
    """Whether the station's own store says the till should open the training store."""
    return station.setting(MODE) == "training"


def training_home(home: Path) -> Path:
    return Path(home) / TRAINING_DIR


def home_to_open(home: Path) -> Path:
    """The folder the till opens: the training store's while the station is in training."""
    live = Station(home)
    try:
        return training_home(home) if is_switched_on(live) else Path(home)
    finally:
        live.close()


def open_training(live: Station, seed: Callable[[Station], object] | None = None) -> Station:
    """The training store of `live` (created, and seeded by `seed`, the first time), marked."""
    if is_training(live):
        raise StateError("This is already the training store.")
    station = Station.open(training_home(live.home))
    if seed is not None and not station.is_initialised():
        seed(station)
    with live.store.read() as s:
        copied = {key: settings.get(s, key) for key in COPIED}
    with station.store.write() as s:
        settings.put(s, MARK, "on")
        settings.put(s, "central.url", "")  # never syncs
        for key, value in copied.items():
            settings.put(s, key, value)
    return station


def switch(live: Station, actor: Actor, on: bool, note: str = "") -> None:
    """A supervisor switches the station into training (`on`) or back; audited in the
    station's own store. `actor` is a user of that store (not of the training one)."""
    actor.require("edit_settings", "switch the station into or out of training")
    if is_training(live):
        raise StateError(
            "Switch training on or off from the station's own store, not the training one."
        )
    wanted = "training" if on else "live"
    with live.store.write() as s:
        if settings.get(s, MODE) == wanted:
            raise StateError(
                "The station is already in training." if on else "The station is not in training."
            )
        settings.put(s, MODE, wanted)
        audit.record(
            s,
            live.code,
            "training_on" if on else "training_off",
            actor=actor.username,
            target=live.code,
            details={"store": str(training_home(live.home)), "note": note},
        )


def switch_by_pin(
    current: Station, username: str, pin: str, on: bool, note: str = "", seed=None
) -> None:
    """The till's switch: a supervisor of the station's own store (never the training store's
    demo users) signs for it with their PIN. `current` is the store the till has open: the
    station's own, or its training store. With `on`, the training store is prepared first
    (`seed` fills it the first time)."""
    from counterpos.services.access import auth  # noqa: PLC0415 (auth imports argon2)

    live = Station(current.home.parent) if is_training(current) else current
    try:
        actor = auth.login(live, username, pin, action="training_switch")
        actor.require("edit_settings", "switch the station into or out of training")
        if on:
            open_training(live, seed=seed).close()
        switch(live, actor, on, note)
    finally:
        if live is not current:
            live.close()
