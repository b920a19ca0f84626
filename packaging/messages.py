"""Refreshes the services' message catalogs: `python packaging/messages.py` (from the checkout).

Every English template a service or domain rule raises (an error's first argument, `Msg(...)`,
`N_(...)`, the `what` of `actor.require(permission, what)`) is a msgid, and so is every word of
the service catalog a cashier reads (db/seed/catalog.json: field labels, choices, checklist items); this writes them into
resources/i18n/messages_<lang>.po, keeping the translations already there, and compiles
messages_<lang>.mo, which the station reads with the standard library's gettext. A template built
with an f-string cannot be translated: `tests/services/language/test_catalog.py` counts those
(none is left) and the count may not grow.
"""

from __future__ import annotations

import ast
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("es",)
SCANNED = ("src/counterpos/services", "src/counterpos/domain")
MARKERS = {"Msg", "N_", "Explained"}


BUILTIN = {"TypeError", "ValueError", "KeyError", "RuntimeError", "AssertionError"}


def _is_error(name: str) -> bool:
    if name in BUILTIN:  # a programming error, not a message for a person
        return False
    return name.endswith(("Error", "NotFound", "Denied", "Unavailable", "Fault")) or name in MARKERS


def _strings(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def scan(root: Path = ROOT) -> tuple[dict[str, list[str]], list[str]]:
    """(msgid -> where it is used, places where an error is built from an f-string)."""
    found: dict[str, list[str]] = {}
    fstrings: list[str] = []
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            rel = str(path.relative_to(root))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name == "require" and len(node.args) > 1:
                    args = [node.args[1]]
                elif _is_error(name):
                    args = [node.args[0]]
                else:
                    continue
                for arg in args:
                    # an f-string anywhere in it: a whole one, a branch, a part joined with +
                    if any(isinstance(part, ast.JoinedStr) for part in ast.walk(arg)):
                        fstrings.append(f"{rel}:{node.lineno}")
                    for text in _strings(arg):
                        if text.strip():
                            found.setdefault(text, []).append(f"{rel}:{node.lineno}")
    for text, where in catalog_words(root).items():
        found.setdefault(text, []).extend(where)
    return found, fstrings


SEED_CATALOG = "db/seed/catalog.json"


def catalog_words(root: Path = ROOT) -> dict[str, list[str]]:
    """The words of the service catalog a cashier reads and a message repeats: each field's
    label, its choices and its checklist items (services name themselves in "name_es")."""
    import json

    seed = json.loads((root / SEED_CATALOG).read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for service in seed["services"]:
        for spec in service.get("fields") or ():
            where = f"{SEED_CATALOG}:{service['code']}.{spec['name']}"
            texts = [spec["label"]] + [c[1] for c in spec.get("choices", ())]
            texts += [i[1] for i in spec.get("items", ())]
            for text in texts:
                if text.strip():
                    found.setdefault(text, []).append(where)
    return found


def write(language: str, found: dict[str, list[str]]) -> Path:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    path = I18N / f"messages_{language}.po"
    old: dict[str, str] = {}
    if path.exists():
        with path.open("rb") as f:
            old = {str(m.id): str(m.string) for m in read_po(f) if m.id and m.string}
    catalog = Catalog(
        locale=language,
        project="CounterPOS",
        fuzzy=False,
        creation_date=datetime(2026, 11, 30, tzinfo=UTC),
        revision_date=datetime(2026, 11, 30, tzinfo=UTC),
    )
    for msgid in sorted(found):
        catalog.add(msgid, old.get(msgid, ""), locations=[])
    with path.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False, no_location=True, sort_output=True)
    with path.with_suffix(".mo").open("wb") as f:  # what the station reads (stdlib gettext)
        write_mo(f, catalog)
    return path


def main() -> None:
    found, fstrings = scan()
    for language in LANGUAGES:
        print(write(language, found))
    print(f"{len(found)} messages; {len(fstrings)} built with f-strings (not translatable yet)")


if __name__ == "__main__":
    sys.exit(main())
