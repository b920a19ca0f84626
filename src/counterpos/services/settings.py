"""Station settings: the known keys, their defaults and what each one means."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.store.models import Setting


@dataclass(frozen=True)
class SettingKey:
    key: str
    default: str
    help: str


# Later work adds its keys here; `counterpos config get` lists them all.
KNOWN: tuple[SettingKey, ...] = (
    SettingKey("station.code", "CH1", "this station's code, the prefix of its receipt numbers"),
    SettingKey(
        "station.name", "City Hall counter 1", "this station's name on receipts and reports"
    ),
    SettingKey("city.name", "City of Example", "the city's name on receipts"),
    SettingKey("city.address", "", "the city hall's street address on receipts"),
    SettingKey("city.phone", "", "the counter's phone number on receipts"),
    SettingKey("auth.max_failures", "5", "failed PIN attempts before a user is locked"),
    SettingKey("auth.lockout_minutes", "15", "how long a locked user waits"),
    SettingKey(
        "auth.privileged_pin_digits",
        "6",
        "fewest digits of a supervisor's or administrator's PIN (6 to 12)",
    ),
    SettingKey("ui.idle_lock_minutes", "5", "minutes without input before the till locks"),
    SettingKey(
        "receipt.footer_en",
        "Thank you. Keep this receipt for your records.",
        "receipt footer, English",
    ),
    SettingKey(
        "receipt.footer_es",
        "Gracias. Guarde este recibo para sus registros.",
        "receipt footer, Spanish",
    ),
    SettingKey(
        "printer.url",
        "preview:",
        "receipt printer: tcp://HOST:9100, serial:///dev/ttyS0?baud=38400, usb://VID:PID, file:///dev/usb/lp0, cups://QUEUE, preview:",
    ),
    SettingKey("printer.profile", "generic-80mm", "printer profile name from printers/"),
    SettingKey(
        "drawer.port",
        "",
        "cash drawer serial port (/dev/ttyUSB0, COM3) or 'printer'; empty: no drawer",
    ),
    SettingKey("drawer.baud", "9600", "cash drawer serial speed"),
    SettingKey("drawer.kick", "1b700019fa", "bytes that open the drawer, in hex"),
    SettingKey("printer.timeout", "5", "seconds a print may take before it is reported as failed"),
    SettingKey(
        "receipt.logo", "", "image file printed at the top of receipts (profiles with images)"
    ),
    SettingKey(
        "drawer.open_within",
        "3",
        "seconds a drawer kick may wait; a later one is dropped and reported, never fired late",
    ),
    SettingKey(
        "session.over_short_limit_cents", "500", "over/short beyond this needs a supervisor"
    ),
    SettingKey(
        "deposit.account_label",
        "General deposit account",
        "the bank account named on the deposit slip",
    ),
    SettingKey("yard_sale.max_per_year", "2", "yard sale permits per address per calendar year"),
    SettingKey("yard_sale.max_days", "3", "consecutive days one yard sale permit covers (1-3)"),
    SettingKey(
        "bus_pass.next_month_from_day",
        "25",
        "from this day of the month the till offers next month's bus pass first (1-31)",
    ),
    SettingKey("central.url", "", "central PostgreSQL database; empty: the station works alone"),
    SettingKey(
        "card.terminal",
        "standalone",
        "card terminal: 'standalone' (cashier keys the approval) or tcp://127.0.0.1:PORT",
    ),
    SettingKey(
        "card.sale_timeout_seconds", "90", "seconds to wait for the terminal's answer to a sale"
    ),
    SettingKey("card.status_timeout_seconds", "10", "seconds to wait for a status, void or refund"),
    SettingKey(
        "card.convenience_fee",
        "none",
        "card convenience fee: none, 2.5%, 1.50, or per category: utility=2.5%; permit=1.00; *=none",
    ),
)
BY_KEY = {k.key: k for k in KNOWN}
# Whole-number settings with the values the rules allow (both ends included): a value outside
# is refused when set, and one already stored outside reads as the default.
RANGES: dict[str, tuple[int, int]] = {
    "yard_sale.max_days": (1, 3),  # DOMAIN.md: at most 3 consecutive days
    "yard_sale.max_per_year": (1, 12),
    "bus_pass.next_month_from_day": (1, 31),
}


def check_range(key: str, value: str) -> None:
    """Refuse a value outside the key's range (ValueError, the message for the person)."""
    if key in RANGES:
        low, high = RANGES[key]
        if not value.strip().isdigit() or not low <= int(value) <= high:
            raise ValueError(f"{key} takes a whole number from {low} to {high}.")


def get(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    if row is not None:
        return row.value
    if key in BY_KEY:
        return BY_KEY[key].default
    return ""


def get_int(session: Session, key: str) -> int:
    return as_int(key, get(session, key))


def as_int(key: str, value: str) -> int:
    """A number setting's value, or its default when what is stored is not a number (or is
    outside the key's range)."""
    try:
        number = int(value)
    except ValueError:
        return int(BY_KEY[key].default)
    low, high = RANGES.get(key, (number, number))
    return number if low <= number <= high else int(BY_KEY[key].default)


def put(session: Session, key: str, value: str) -> str | None:
    """Set a value; returns the previous one."""
    row = session.get(Setting, key)
    old = row.value if row else None
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    return old


_ALL = select(Setting.key, Setting.value)


def all_values(session: Session) -> dict[str, str]:
    """Every known setting (stored, else its default) and any other stored key, in one query."""
    values = {k.key: k.default for k in KNOWN}
    values.update((key, value) for key, value in session.execute(_ALL))
    return values
