"""The services' messages in the signed-in user's language (gettext catalogs).

resources/i18n/messages_<lang>.po maps each English template a service or domain rule raises
(the msgid) to its translation; packaging/messages.py compiles it to messages_<lang>.mo, which
the standard library's gettext reads here. `use("es")` makes every error's str() Spanish from
then on. A template with no translation reads in English, never blank.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache

from counterpos.domain import messages
from counterpos.resources_path import data_path
from counterpos.services.language import DEFAULT, checked


@cache
def translations(language: str) -> gettext.GNUTranslations | None:
    """One language's compiled catalog (None for English, the templates' own, or if missing)."""
    if language == DEFAULT:
        return None
    path = data_path("resources") / "i18n" / f"messages_{language}.mo"
    try:
        with path.open("rb") as f:
            return gettext.GNUTranslations(f)
    except OSError:
        return None


def translator(language: str) -> Callable[[str], str] | None:
    catalog = translations(checked(language))
    return catalog.gettext if catalog is not None else None


def use(language: str) -> str:
    """Translate every service message into `language` from now on; returns the code used."""
    language = checked(language)
    messages.use(translator(language))
    return language


def text(template: str, language: str, **params: object) -> str:
    """One message in a given language (a receipt for a customer, whatever the screen's)."""
    return messages.Msg(template, **params).text(translator(checked(language)) or str)
