"""Station settings: the known keys, their defaults, what each means and the one schema that
checks a value (type, range, format) before anything keeps it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from counterpos.domain.messages import N_, Msg
from counterpos.domain.pan_guard import contains_card_number, refusal
from counterpos.services.errors import InputError
from counterpos.store import plain_read
from counterpos.store.models import Setting

# Nothing a setting holds is longer than this; longer input is refused before any other check.
HARD_MAX_LENGTH = 1000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Rule:
    """What a setting's value may be. `__call__` returns the value as kept, or raises
    InputError naming what is allowed."""

    max_length = 200
    describes = N_("text")

    def __call__(self, key: str, value: str) -> str:
        return value

    def explained(self) -> Msg:
        """What the value may be, in the language in use (a refusal names it)."""
        return Msg(self.describes)


@dataclass(frozen=True)
class Text(Rule):
    max_length: int = 200
    required: bool = False
    describes: str = N_("text")

    def __call__(self, key: str, value: str) -> str:
        value = value.strip()
        if self.required and not value:
            raise InputError("{key} cannot be empty.", field=key, key=key)
        return value


@dataclass(frozen=True)
class Whole(Rule):
    """A whole number from `low` to `high` (inclusive)."""

    low: int
    high: int
    unit: str = ""
    max_length: int = HARD_MAX_LENGTH  # a long number is refused with its range, below

    @property
    def describes(self) -> str:  # type: ignore[override]
        of = f" of {self.unit}" if self.unit else ""
        return f"a whole number{of} from {self.low} to {self.high}"

    def explained(self) -> Msg:
        if self.unit:
            return Msg(
                "a whole number of {unit} from {low} to {high}",
                unit=Msg(self.unit),
                low=self.low,
                high=self.high,
            )
        return Msg("a whole number from {low} to {high}", low=self.low, high=self.high)

    def __call__(self, key: str, value: str) -> str:
        text = value.strip()
        # Nine digits at most before int(): never a 5,000-digit conversion.
        if not re.fullmatch(r"[0-9]{1,9}", text) or not self.low <= int(text) <= self.high:
            raise InputError(
                "{key} takes {describes}.", field=key, key=key, describes=self.explained()
            )
        return str(int(text))


@dataclass(frozen=True)
class Choice(Rule):
    options: tuple[str, ...]
    max_length: int = HARD_MAX_LENGTH  # refused with the choices, below

    @property
    def describes(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.options)

    def explained(self) -> Msg:
        return Msg("one of {choices}", choices=", ".join(self.options))

    def __call__(self, key: str, value: str) -> str:
        text = value.strip()
        if text not in self.options:
            raise InputError(
                "{key} takes {describes}.", field=key, key=key, describes=self.explained()
            )
        return text


class StationCode(Rule):
    max_length = 12
    describes = N_("1 to 12 letters or digits, like CH1")

    def __call__(self, key: str, value: str) -> str:
        from counterpos.domain.receipt_number import ReceiptNumberError, check_station_code

        try:
            return check_station_code(value)
        except ReceiptNumberError as exc:
            raise InputError(exc, field=key) from exc


class KickBytes(Rule):
    max_length = HARD_MAX_LENGTH
    describes = N_("1 to 16 bytes in hex, like 1b700019fa")

    def __call__(self, key: str, value: str) -> str:
        text = value.strip().replace(" ", "").replace(":", "").lower()
        if not re.fullmatch(r"(?:[0-9a-f]{2}){1,16}", text):
            raise InputError(
                "{key} takes {describes}.", field=key, key=key, describes=self.explained()
            )
        return text


class PrinterUrl(Rule):
    max_length = 300
    describes = N_(
        "tcp://HOST:9100, serial:///dev/ttyS0?baud=38400, usb://VID:PID, file:///dev/usb/lp0, cups://QUEUE or preview:"
    )

    def __call__(self, key: str, value: str) -> str:
        from counterpos.hardware.printer_backends import BadPrinterUrl, open_backend

        text = value.strip() or "preview:"
        try:
            open_backend(text, Path("."))
        except BadPrinterUrl as exc:
            raise InputError(exc, field=key) from exc
        return text


class PrinterProfileName(Rule):
    max_length = 60
    describes = N_("a profile from `counterpos printer profiles`")

    def __call__(self, key: str, value: str) -> str:
        from counterpos.hardware.printer_profile import profile_names

        text = value.strip()
        names = profile_names()
        if text not in names:
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise InputError(
                "There is no printer profile {shown!r}; choose one of: {choices}.",
                field=key,
                shown=shown,
                choices=", ".join(names),
            )
        return text


class CentralUrl(Rule):
    max_length = 500
    describes = N_("empty, or postgresql+psycopg://ROLE@HOST/DB")

    def __call__(self, key: str, value: str) -> str:
        text = value.strip()
        if not text:
            return ""
        from counterpos.sync.central import normalise_url

        try:
            normalise_url(text)
        except Exception as exc:  # make_url raises ArgumentError, ValueError, ...
            why = str(exc).strip().rstrip(".")[:200]
            raise InputError(
                "{key} takes {describes}; {why}.",
                field=key,
                key=key,
                describes=self.explained(),
                why=why,
            ) from exc
        return text


class CardTerminal(Rule):
    max_length = 300
    describes = N_("'standalone' or tcp://HOST:PORT (like tcp://127.0.0.1:9400)")

    def __call__(self, key: str, value: str) -> str:
        text = value.strip()
        if text == "standalone":
            return text
        m = re.fullmatch(r"tcp://[A-Za-z0-9.\-]{1,253}:([0-9]{1,5})", text)
        if not m or not 1 <= int(m.group(1)) <= 65535:
            raise InputError(
                "{key} is {describes}.", field=key, key=key, describes=self.explained()
            )
        return text


class CardFeePolicy(Rule):
    describes = N_(
        "none, a percentage (2.5%), an amount (1.50), or utility=2.5%; permit=1.00; *=none"
    )

    def __call__(self, key: str, value: str) -> str:
        from counterpos.domain import card_fee

        text = value.strip()
        try:
            card_fee.parse_policy(text)
        except card_fee.CardFeeError as exc:
            raise InputError(exc, field=key) from exc
        return text


class Folder(Rule):
    """Empty (the default place) or an absolute folder path."""

    max_length = 500
    describes = N_("empty, or a full folder path (on another disk)")

    def __call__(self, key: str, value: str) -> str:
        text = value.strip()
        if text and not (Path(text).is_absolute() or PureWindowsPath(text).is_absolute()):
            raise InputError(
                "{key} takes {describes}, not {text!r}.",
                field=key,
                key=key,
                describes=self.explained(),
                text=text,
            )
        return text


class ExistingFile(Rule):
    """Empty, or a file that exists (an image to print)."""

    max_length = 500
    describes = N_("empty, or the full path of an existing image file")

    def __call__(self, key: str, value: str) -> str:
        text = value.strip()
        if text:
            try:
                ok = Path(text).is_file()
            except (OSError, ValueError):
                ok = False
            if not ok:
                raise InputError("{key}: there is no file {text!r}.", field=key, key=key, text=text)
        return text


@dataclass(frozen=True)
class SettingKey:
    key: str
    default: str
    help: str
    rule: Rule = Text()


def _whole(low: int, high: int, unit: str = "") -> Whole:
    return Whole(low, high, unit)


# Later work adds its keys here; `counterpos config get` lists them all.
KNOWN: tuple[SettingKey, ...] = (
    SettingKey(
        "station.code",
        "CH1",
        "this station's code, the prefix of its receipt numbers",
        StationCode(),
    ),
    SettingKey(
        "station.name",
        "City Hall counter 1",
        "this station's name on receipts and reports",
        Text(60, required=True),
    ),
    SettingKey("city.name", "City of Example", "the city's name on receipts", Text(80, True)),
    SettingKey("city.address", "", "the city hall's street address on receipts", Text(120)),
    SettingKey("city.phone", "", "the counter's phone number on receipts", Text(40)),
    SettingKey(
        "auth.max_failures", "5", "failed PIN attempts before a user is locked", _whole(1, 20)
    ),
    SettingKey(
        "auth.lockout_minutes",
        "15",
        "how long a locked user waits (up to a day)",
        _whole(1, 1440, "minutes"),
    ),
    SettingKey(
        "ui.idle_lock_minutes",
        "5",
        "minutes without input before the till locks (0: never)",
        _whole(0, 240, "minutes"),
    ),
    SettingKey(
        "auth.privileged_pin_digits",
        "6",
        "fewest digits of a supervisor's or administrator's PIN (6 to 12)",
        _whole(6, 12, "digits"),
    ),
    SettingKey(
        "ui.theme",
        "calm",
        "the screens' look: calm, or high_contrast",
        Choice(("calm", "high_contrast")),
    ),
    SettingKey(
        "ui.language",
        "en",
        "the screens' language until a user picks their own: en or es",
        Choice(("en", "es")),
    ),
    SettingKey(
        "ui.font_scale",
        "100",
        "text size in percent of the system font (100 to 200); every style is in points",
        _whole(100, 200, "percent"),
    ),
    SettingKey(
        "receipt.language",
        "customer",
        "receipts and customer documents: customer (their preferred language), en, es, both",
        Choice(("customer", "en", "es", "both")),
    ),
    SettingKey(
        "ui.customer_display",
        "off",
        "on: the till opens the customer display at sign-in (on a second screen if there is one)",
        Choice(("on", "off")),
    ),
    SettingKey(
        "receipt.footer_en",
        "Thank you. Keep this receipt for your records.",
        "receipt footer, English",
        Text(200),
    ),
    SettingKey(
        "receipt.footer_es",
        "Gracias. Guarde este recibo para sus registros.",
        "receipt footer, Spanish",
        Text(200),
    ),
    SettingKey(
        "printer.url",
        "preview:",
        "receipt printer: tcp://HOST:9100, serial:///dev/ttyS0?baud=38400, usb://VID:PID, file:///dev/usb/lp0, cups://QUEUE, preview:",
        PrinterUrl(),
    ),
    SettingKey(
        "printer.profile",
        "generic-80mm",
        "printer profile name from printers/",
        PrinterProfileName(),
    ),
    SettingKey(
        "drawer.port",
        "",
        "cash drawer serial port (/dev/ttyUSB0, COM3) or 'printer'; empty: no drawer",
        Text(200),
    ),
    SettingKey(
        "drawer.baud",
        "9600",
        "cash drawer serial speed",
        Choice(("1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200")),
    ),
    SettingKey("drawer.kick", "1b700019fa", "bytes that open the drawer, in hex", KickBytes()),
    SettingKey(
        "printer.timeout",
        "5",
        "seconds a print may take before it is reported as failed",
        _whole(1, 120, "seconds"),
    ),
    SettingKey(
        "receipt.logo",
        "",
        "image file printed at the top of receipts (profiles with images)",
        ExistingFile(),
    ),
    SettingKey(
        "drawer.open_within",
        "3",
        "seconds a drawer kick may wait; a later one is dropped and reported, never fired late",
        _whole(1, 30, "seconds"),
    ),
    SettingKey(
        "session.over_short_limit_cents",
        "500",
        "over/short beyond this (in cents) needs a supervisor",
        _whole(0, 10_000, "cents"),
    ),
    SettingKey(
        "deposit.account_label",
        "General deposit account",
        "the bank account named on the deposit slip",
        Text(80, required=True),
    ),
    SettingKey(
        "yard_sale.max_per_year",
        "2",
        "yard sale permits per address per calendar year",
        _whole(1, 12),
    ),
    SettingKey(
        "yard_sale.max_days",
        "3",
        "consecutive days one yard sale permit covers (DOMAIN.md: at most 3)",
        _whole(1, 3, "days"),
    ),
    SettingKey(
        "bus_pass.next_month_from_day",
        "25",
        "from this day of the month the till offers next month's bus pass first",
        _whole(1, 31),
    ),
    SettingKey(
        "central.url",
        "",
        "central PostgreSQL database; empty: the station works alone",
        CentralUrl(),
    ),
    SettingKey(
        "station.mode",
        "live",
        "live, or training: the till opens the training store (`counterpos training on|off`)",
        Choice(("live", "training")),
    ),
    SettingKey(
        "station.training",
        "off",
        "on in a training store: receipts say TRAINING",
        Choice(("on", "off")),
    ),
    SettingKey(
        "office.url", "", "the back office's finance login at the central database (office connect)"
    ),
    SettingKey("office.ach_company_name", "", "autopay: the city's name in NACHA files (16)"),
    SettingKey(
        "office.ach_company_id", "", "autopay: the city's company id in NACHA files (10 characters)"
    ),
    SettingKey("office.ach_odfi", "", "autopay: routing number of the city's bank (9 digits)"),
    SettingKey(
        "office.ach_destination", "", "autopay: routing number the NACHA file goes to (9 digits)"
    ),
    SettingKey("office.ach_destination_name", "", "autopay: name of the bank the file goes to"),
    SettingKey(
        "card.terminal",
        "standalone",
        "card terminal: 'standalone' (cashier keys the approval) or tcp://127.0.0.1:PORT",
        CardTerminal(),
    ),
    SettingKey(
        "card.sale_timeout_seconds",
        "90",
        "seconds to wait for the terminal's answer to a sale",
        _whole(1, 600, "seconds"),
    ),
    SettingKey(
        "card.status_timeout_seconds",
        "10",
        "seconds to wait for a status, void or refund",
        _whole(1, 600, "seconds"),
    ),
    SettingKey(
        "utility.usage_high_percent",
        "150",
        "a read above this percent of the account's 12-month average is held for review",
        _whole(100, 1000),
    ),
    SettingKey(
        "utility.usage_low_percent",
        "50",
        "a read below this percent of the account's 12-month average is held for review",
        _whole(0, 100),
    ),
    SettingKey(
        "utility.usage_min_months",
        "3",
        "bills an account needs in the last 12 months before its reads are judged by its average",
        _whole(1, 12),
    ),
    SettingKey(
        "card.convenience_fee",
        "none",
        "card convenience fee: none, 2.5%, 1.50, or per category: utility=2.5%; permit=1.00; *=none",
        CardFeePolicy(),
    ),
    SettingKey(
        "backup.folder",
        "",
        "where the store is backed up (best on another disk); empty: the backups folder of the data folder",
        Folder(),
    ),
    SettingKey(
        "backup.interval_minutes",
        "60",
        "minutes between backups while the till runs (one is also made after each drawer close)",
        _whole(5, 1440, "minutes"),
    ),
    SettingKey(
        "backup.keep", "48", "how many backups to keep; older ones are removed", _whole(2, 1000)
    ),
)
BY_KEY = {k.key: k for k in KNOWN}


def _unknown(key: str) -> InputError:
    shown = key if len(key) <= 60 else key[:60] + "…"
    return InputError("Unknown setting {shown!r}; `counterpos config get` lists them.", shown=shown)


def check(key: str, value: object) -> str:
    """The value `key` keeps for `value`, or InputError saying what is allowed.

    The one schema of every setting: the store, `counterpos config set` and any settings file
    go through it. Plain text only: no control characters, nothing that is not UTF-8, no card
    number, and each key's own type and range.
    """
    spec = BY_KEY.get(key) if isinstance(key, str) else None
    if spec is None:
        raise _unknown(str(key))
    if not isinstance(value, str):
        raise InputError(
            "{key} takes text, not {type_name}.", field=key, key=key, type_name=type(value).__name__
        )
    rule = spec.rule
    if len(value) > min(rule.max_length, HARD_MAX_LENGTH):
        raise InputError(
            "{key} is at most {limit} characters ({given:,} given).",
            field=key,
            key=key,
            limit=min(rule.max_length, HARD_MAX_LENGTH),
            given=len(value),
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            "{key} holds characters that are not text (bad encoding); type it again.",
            field=key,
            key=key,
        ) from None
    if _CONTROL.search(value):
        raise InputError(
            "{key} takes one line of plain text (no control characters).", field=key, key=key
        )
    kept = rule(key, value)
    if contains_card_number(kept):
        raise InputError(refusal(key), field=key)
    return kept


def is_valid(key: str, value: str) -> bool:
    try:
        check(key, value)
    except InputError:
        return False
    return True


_ONE = select(Setting.value).where(Setting.key == bindparam("key"))


def get(session: Session, key: str) -> str:
    """The stored value (as this session changed it), else the key's default. Read without
    loading an ORM object: a sale reads a few settings inside its transaction."""
    row = session.identity_map.get(identity_key(Setting, key))
    if row is not None:
        return row.value
    if session.autoflush and (session.new or session.dirty):
        session.flush()  # as the ORM read it replaces would have
    value = plain_read.scalar(session, _ONE, {"key": key})
    if value is not None:
        return value
    if key in BY_KEY:
        return BY_KEY[key].default
    return ""


def get_int(session: Session, key: str) -> int:
    return as_int(key, get(session, key))


def as_int(key: str, value: str) -> int:
    """A number setting's value, or its default when what is stored is not one in range (a
    store written before the schema, or edited by hand, never breaks sign-in or printing)."""
    spec = BY_KEY[key]
    if isinstance(spec.rule, Whole):
        text = value.strip() if isinstance(value, str) else ""
        if re.fullmatch(r"[0-9]{1,9}", text) and spec.rule.low <= int(text) <= spec.rule.high:
            return int(text)
        return int(spec.default)
    try:
        return int(value) if re.fullmatch(r"\s*[0-9]{1,9}\s*", value) else int(spec.default)
    except ValueError:
        return int(spec.default)


def put(session: Session, key: str, value: str) -> str | None:
    """Set a value; returns the previous one (None when there was no row)."""
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
