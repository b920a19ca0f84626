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
    SettingKey("ui.theme", "calm", "the screens' look: calm, or high_contrast"),
    SettingKey("ui.language", "en", "the screens' language until a user picks their own: en or es"),
    SettingKey(
        "ui.font_scale",
        "100",
        "text size in percent of the system font (100 to 200); every style is in points",
    ),
    SettingKey(
        "receipt.language",
        "customer",
        "receipts and customer documents: customer (their preferred language), en, es, both",
    ),
    SettingKey(
        "ui.customer_display",
        "off",
        "on: the till opens the customer display at sign-in (on a second screen if there is one)",
    ),
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
    SettingKey("yard_sale.max_days", "3", "consecutive days one yard sale permit covers"),
    SettingKey("central.url", "", "central PostgreSQL database; empty: the station works alone"),
    SettingKey(
        "station.mode",
        "live",
        "live, or training: the till opens the training store (`counterpos training on|off`)",
    ),
    SettingKey("station.training", "off", "on in a training store: receipts say TRAINING"),
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
    """A number setting's value, or its default when what is stored is not a number."""
    try:
        return int(value)
    except ValueError:
        return int(BY_KEY[key].default)


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
