"""Messages for people: an English template (the message id) and its values, shown translated.

A service or domain rule raises `InputError("{due} is still due.", due=...)`; the template is
the id a catalog (resources/i18n/messages_<lang>.po) translates, the values are filled in
afterwards, so no screen ever matches English text. `str(error)` is the message in the
language in use (`use()`, set by the screens when a user signs in); `error.args[0]` keeps the
English for logs. A value may itself be a `Msg` (a tender's name) or an error passed on
(`StateError("{exc} Nothing was changed.", exc=exc)`) and is translated too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

_translate: Callable[[str], str] = str


def N_(template: str) -> str:  # noqa: N802 (gettext's marker)
    """Marks a template kept in a constant for the catalog; translated where it is raised."""
    return template


def use(translate: Callable[[str], str] | None) -> None:
    """Translate every message from now on with `translate` (None: English)."""
    global _translate
    _translate = translate or str


def render(template: str, params: Mapping[str, Any], translate: Callable[[str], str]) -> str:
    text = translate(template)
    if not params:
        return text
    values = {k: _value(v, translate) for k, v in params.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English still reads
        return template.format(**values)


# How a message writes a date: its format is itself a message id, so each language writes dates
# its own way. English keeps MM/DD/YYYY; Spanish spells the month ("01 feb 2026"), as customer
# documents do, so a reader used to day-first dates cannot take 02/01 the wrong way round.
DAY = N_("%m/%d/%Y")
DAY_TIME = N_("%m/%d/%Y %H:%M")
CLOCK = N_("%I:%M %p")  # a time of day on screen: 9:05 AM, in Spanish 9:05 (24-hour)
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def day_text(value: date, pattern: str = DAY, translate: Callable[[str], str] | None = None) -> str:
    """A date (or a date and time) written as the language in use writes `pattern`.

    `pattern` is a strftime format and a message id; its translation may use %b, the month's
    short name in that language (never the C library's locale).
    """
    translate = translate or _translate
    form = translate(pattern).replace("%b", translate(MONTHS[value.month - 1]).replace("%", "%%"))
    return value.strftime(form)


class _Day:
    """A date as a message's value: `{on:%m/%d/%Y}` follows the message's language."""

    __slots__ = ("value", "translate")

    def __init__(self, value: date, translate: Callable[[str], str]) -> None:
        self.value = value
        self.translate = translate

    def __format__(self, spec: str) -> str:
        return day_text(self.value, spec, self.translate) if spec else str(self.value)

    def __str__(self) -> str:
        return str(self.value)


def _value(value: Any, translate: Callable[[str], str]) -> Any:
    """A value as the message shows it: a `Msg`, an error passed on or a date, in the same
    language as the message."""
    if isinstance(value, Msg):
        return value.text(translate)
    if isinstance(value, Listed):
        return value.sep.join(str(_value(item, translate)) for item in value.items)
    if isinstance(value, Explained):
        return value.message.text(translate)
    if isinstance(value, date):  # a datetime too
        return _Day(value, translate)
    return value


class Listed:
    """Values shown one after another ("a; b; c"), each in the message's language: a list of
    what is missing, the choices of a field."""

    __slots__ = ("items", "sep")

    def __init__(self, items: Any, sep: str = "; ") -> None:
        self.items = tuple(items)
        self.sep = sep

    def __str__(self) -> str:
        return str(_value(self, _translate))


class Msg:
    """An English template and its values; `str()` is it in the language in use."""

    __slots__ = ("template", "params")

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        return render(self.template, self.params, translate or _translate)

    def english(self) -> str:
        return render(self.template, self.params, str)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Msg({self.english()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.template, self.params) == (
            other.template,
            other.params,
        )

    def __hash__(self) -> int:
        return hash(self.template)


# The states and kinds a message names as a value ("Account {account_no} is {status}"): kept in
# the store as codes ("in_stock"), shown as words in the message's language through `word()`.
STATE_WORDS = (
    N_("active"),
    N_("closed"),
    N_("final"),
    N_("pending"),
    N_("issued"),
    N_("expired"),
    N_("void"),
    N_("voided"),
    N_("refund"),
    N_("sale"),
    N_("approved"),
    N_("declined"),
    N_("cancelled"),
    N_("unknown"),
    N_("in stock"),
    N_("installed"),
    N_("removed"),
    N_("retired"),
    N_("open"),
    N_("assigned"),
    N_("in progress"),
    N_("manual"),
)


def word(code: str) -> Msg:
    """A state or kind kept as a code ("in_stock"), as a word of the message's language."""
    return Msg(str(code).replace("_", " "))


class Explained(Exception):
    """An error whose message is a `Msg`: str() translated, args[0] the English."""

    def __init__(self, message: str | Msg | BaseException = "", /, **params: Any) -> None:
        self.message: Msg
        if isinstance(message, Explained):  # passed on: keeps its template and values
            self.message = message.message
        elif isinstance(message, Msg):
            self.message = message
        else:
            self.message = Msg(str(message), **params)
        super().__init__(self.message.english())

    def __str__(self) -> str:
        return self.message.text()
