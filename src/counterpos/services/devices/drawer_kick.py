"""Opening the cash drawer: after a sale with cash/check/money order, and the audited no-sale."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from counterpos.domain.messages import N_, Msg
from counterpos.hardware.device_worker import DeviceBusy, seconds, worker_for
from counterpos.hardware.drawer import DrawerFault, kick_serial, parse_kick
from counterpos.hardware.printer_backends import PrinterFault, PrintJob
from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.devices import printing
from counterpos.services.errors import DeviceError
from counterpos.services.station import Station

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DrawerConfig:
    port: str  # "" none, "printer", or a serial port
    baud: int
    kick: bytes
    open_within: float


def drawer_config(station: Station) -> DrawerConfig:
    with station.store.read() as s:
        return config_from(settings.all_values(s))


def config_from(values: Mapping[str, str]) -> DrawerConfig:
    """The cash drawer the settings `values` (settings.all_values) describe."""
    within = max(settings.as_int("drawer.open_within", values["drawer.open_within"]), 1)
    try:
        kick = parse_kick(values["drawer.kick"])
    except DrawerFault as exc:
        raise DeviceError(exc) from exc
    return DrawerConfig(
        values["drawer.port"].strip(),
        settings.as_int("drawer.baud", values["drawer.baud"]),
        kick,
        float(within),
    )


def send_kick(station: Station, cfg: DrawerConfig, values: Mapping[str, str] | None = None) -> str:
    """Send the kick within cfg.open_within seconds or not at all. Returns where it went.

    `values`, the settings already read, describe the printer when the drawer hangs on it."""
    if not cfg.port:
        raise DeviceError("No cash drawer is set up (the setting drawer.port is empty).")
    window = cfg.open_within
    if cfg.port.lower() == "printer":
        printer = (
            printing.printer_from(values, station.home)
            if values is not None
            else printing.configured_printer(station)
        )
        where = f"the printer at {printer.where}"
        job = PrintJob(cfg.kick, "drawer-kick", printer.profile.chars)
        device = f"printer:{printer.url}"

        def run() -> None:
            printer.backend.send(job, window, False)

    else:
        where = cfg.port
        device = f"serial:{cfg.port}"

        def run() -> None:
            kick_serial(cfg.port, cfg.baud, cfg.kick, max(window - 0.5, 0.5))

    try:
        # Shares the device's queue with everything else sent there; a kick that cannot start
        # within the window is dropped, so the drawer never springs open minutes later.
        worker_for(device).call(run, timeout=window, start_within=window)
    except DeviceBusy as exc:
        log.error("Drawer kick on %s dropped: not started within %s", where, seconds(window))
        raise DeviceError(
            "The drawer did not open within {window} ({where} is busy or not answering); the signal "
            "was cancelled. Open it with the key if needed.",
            window=seconds(window),
            where=where,
        ) from exc
    except (DrawerFault, PrinterFault) as exc:
        log.error("Drawer on %s did not open: %s", where, exc)
        raise DeviceError("The drawer did not open: {exc}", exc=exc) from exc
    return where


def kick_confirmed(
    station: Station, cfg: DrawerConfig, values: Mapping[str, str] | None = None
) -> bool:
    """False when the kick goes through a printer that reports no status (?status=off): the
    bytes went into its connection, and nothing says the drawer opened."""
    if cfg.port.lower() != "printer":
        return True
    printer = (
        printing.printer_from(values, station.home)
        if values is not None
        else printing.configured_printer(station)
    )
    return printing.confirms(printer)


def opened_words(
    where: str, confirmed: bool, done: str = N_("The drawer opened ({where}).")
) -> str:
    """What the cashier is told, in the language in use; `done` a template naming {where}."""
    if confirmed:
        return str(Msg(done, where=where))
    return str(
        Msg(
            "The drawer kick was sent to {where}, not confirmed (the printer does not report "
            "its status): check that the drawer opened.",
            where=where,
        )
    )


def record_open(station: Station, action: str, actor: str, target: str, details: dict) -> None:
    with station.store.write() as s:
        audit.record(s, station.code, action, actor=actor, target=target, details=details)


def open_for_sale(
    station: Station, actor: Actor, receipt_no: str, values: Mapping[str, str] | None = None
) -> str:
    """Open the drawer for a saved sale; audited. DeviceError when it could not be opened.

    `values` are the station's settings when the caller has read them already (after_sale)."""
    cfg = config_from(values) if values is not None else drawer_config(station)
    if not cfg.port:
        return ""
    try:
        where = send_kick(station, cfg, values)
    except DeviceError as exc:
        record_open(
            station,
            "drawer_open_failed",
            actor.username,
            receipt_no,
            {"reason": f"sale {receipt_no}", "error": str(exc)},
        )
        raise DeviceError(
            "Sale {receipt_no} is saved. {exc}", receipt_no=receipt_no, exc=exc
        ) from exc
    details: dict = {"reason": f"sale {receipt_no}", "port": where}
    if not kick_confirmed(station, cfg, values):
        details["confirmed"] = False
    record_open(station, "drawer_open", actor.username, receipt_no, details)
    return where


def drawer_test(station: Station, actor_name: str = "admin") -> str:
    """Open the drawer once to test it; audited as an open with reason 'drawer test'."""
    cfg = drawer_config(station)
    try:
        where = send_kick(station, cfg)
    except DeviceError as exc:
        record_open(
            station,
            "drawer_open_failed",
            actor_name,
            "drawer",
            {"reason": "drawer test", "error": str(exc)},
        )
        raise
    confirmed = kick_confirmed(station, cfg)
    details: dict = {"reason": "drawer test", "port": where}
    if not confirmed:
        details["confirmed"] = False
    record_open(station, "drawer_open", actor_name, "drawer", details)
    return opened_words(where, confirmed)
