"""The languages of the screens and of customer documents: codes, names, who uses which."""

from __future__ import annotations

# ISO 639-1 code -> the language's own name (as a chooser shows it). Adding one is a catalog
# (resources/i18n/counterpos_<code>.ts and messages_<code>.po) and a line here.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT = "en"


def checked(code: str) -> str:
    """A known language code, or the default for anything else (an empty or unknown code)."""
    code = (code or "").strip().lower()
    return code if code in LANGUAGES else DEFAULT
