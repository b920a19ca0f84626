"""The screens' language: installs CounterPOS's and Qt's own translations (qtbase) for one.

`install(app, "es")` loads resources/i18n/counterpos_es.qm and Qt's qtbase_es.qm, sets the
default QLocale (dates and numbers Qt formats) and switches the services' messages to the same
language; screens built afterwards read in it. English needs no catalog: it is the source.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from counterpos.resources_path import data_path
from counterpos.services.language import DEFAULT, LANGUAGES, catalog, checked

_installed: list[QTranslator] = []
_current = DEFAULT


def current() -> str:
    return _current


def service_words(text: str) -> str:
    """Words the services keep in English (a catalog field's label or choice, a checklist item)
    in the screens' language, from the services' message catalog (packaging/messages.py)."""
    return catalog.text(text, _current)


def service_name(code: str, english: str) -> str:
    """A service's name (or a line's description) as the screens' language reads it: the
    catalog's Spanish name ("name_es") where the text is the catalog's English one."""
    from counterpos.services.sale.catalog import line_name  # noqa: PLC0415 (the store's layer)

    return line_name(code, english, "es" if _current == "es" else "en")


def names() -> dict[str, str]:
    """Code -> the language's own name, for a chooser."""
    return dict(LANGUAGES)


def install(app: QCoreApplication | None, language: str) -> str:
    """Show every screen built from now on in `language`; returns the code used."""
    global _current
    language = checked(language)
    app = app or QCoreApplication.instance()
    if language == _current and (language == DEFAULT or _installed):
        return language
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if language != DEFAULT and app is not None:
        ours = QTranslator(app)
        if ours.load(str(data_path("resources") / "i18n" / f"counterpos_{language}.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(_QT_LOCALES.get(language, language)))
    catalog.use(language)
    _current = language
    return language


@cache
def _catalog(language: str) -> QTranslator | None:
    """One language's .qm, loaded once and not installed: for text in a language other than
    the screens' (the customer display speaks the customer's)."""
    translator = QTranslator()
    path = data_path("resources") / "i18n" / f"counterpos_{language}.qm"
    return translator if translator.load(str(path)) else None


def say(context: str, source: str, language: str) -> str:
    """`source` (a string marked with QT_TRANSLATE_NOOP in `context`) in `language`, whatever
    the screens' language is: "en", "es", or "both" ("Total / Total" said once, "Thank you! /
    ¡Gracias!"). A string without a translation reads in English, never blank."""
    if language == "both":
        spanish = say(context, source, "es")
        return source if spanish == source else f"{source} / {spanish}"
    language = checked(language)
    if language == DEFAULT:
        return source
    translator = _catalog(language)
    return (translator.translate(context, source) if translator else "") or source


# The counter is in the United States: Spanish as written there (dates, $ amounts).
_QT_LOCALES = {"en": "en_US", "es": "es_US"}


# A role as the screens name it; the role's id ("senior_cashier") is the key, not English text.
ROLES = {
    "cashier": QT_TRANSLATE_NOOP("Roles", "cashier"),
    "senior_cashier": QT_TRANSLATE_NOOP("Roles", "senior cashier"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "supervisor"),
    "administrator": QT_TRANSLATE_NOOP("Roles", "administrator"),
}


def role_name(role: str) -> str:
    return QCoreApplication.translate("Roles", str(ROLES.get(role, role.replace("_", " "))))
