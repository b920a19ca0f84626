"""The services' messages in the signed-in user's language (gettext catalogs read by Babel).

resources/i18n/messages_<lang>.po maps each English template a service or domain rule raises
(the msgid) to its translation; `use("es")` makes every error's str() Spanish from then on.
A template with no translation reads in English, never blank.
"""

from __future__ import annotations

from functools import cache

from counterpos.domain import messages
from counterpos.resources_path import data_path
from counterpos.services.language import DEFAULT, checked


@cache
def translations(language: str) -> dict[str, str]:
    """msgid -> msgstr of one language's catalog (empty for English, the templates' own)."""
    if language == DEFAULT:
        return {}
    from babel.messages.pofile import read_po  # noqa: PLC0415 (only when a catalog is used)

    path = data_path("resources") / "i18n" / f"messages_{language}.po"
    try:
        with path.open("rb") as f:
            catalog = read_po(f, locale=language)
    except OSError:
        return {}
    return {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and m.string and not m.fuzzy and isinstance(m.string, str)
    }


def translator(language: str):
    table = translations(checked(language))
    return (lambda template: table.get(template, template)) if table else None


def use(language: str) -> str:
    """Translate every service message into `language` from now on; returns the code used."""
    language = checked(language)
    messages.use(translator(language))
    return language


def text(template: str, language: str, **params: object) -> str:
    """One message in a given language (a receipt for a customer, whatever the screen's)."""
    return messages.Msg(template, **params).text(translator(checked(language)) or str)
