"""Messages for people: an English template (the message id) and its values, shown translated.

A service or domain rule raises `InputError("{due} is still due.", due=...)`; the template is
the id a catalog (resources/i18n/messages_<lang>.po) translates, the values are filled in
afterwards, so no screen ever matches English text. `str(error)` is the message in the
language in use (`use()`, set by the screens when a user signs in); `error.args[0]` keeps the
English for logs. A value may itself be a `Msg` (a tender's name) and is translated too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    values = {k: v.text(translate) if isinstance(v, Msg) else v for k, v in params.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English still reads
        return template.format(**values)


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
