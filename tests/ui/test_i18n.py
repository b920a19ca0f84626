"""The Qt translations: complete, in step with the code, built, and installed with Qt's own."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender, settle
from counterpos.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def _tool():
    spec = importlib.util.spec_from_file_location("ts_tool", ROOT / "packaging/translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}|%\d", text or ""))


def test_the_spanish_file_is_finished_and_keeps_every_value():
    messages = _messages(I18N / "counterpos_es.ts")
    assert len(messages) > 400
    unfinished = [src for (_, src), tr in messages.items() if tr.get("type") or not tr.text]
    assert not unfinished, f"unfinished Spanish translations: {unfinished[:5]}"
    broken = [
        src for (_, src), tr in messages.items() if _placeholders(src) != _placeholders(tr.text)
    ]
    assert not broken, f"a translation lost or added a {{value}}: {broken[:5]}"


def test_the_ts_files_hold_every_string_of_the_code(tmp_path):
    """pyside6-lupdate over today's code finds nothing the committed files lack."""
    tool = _tool()
    for lang in ("en", "es"):
        fresh = tmp_path / f"counterpos_{lang}.ts"
        shutil.copy(I18N / fresh.name, fresh)
        tool.lupdate(fresh)
        assert set(_messages(fresh)) == set(_messages(I18N / fresh.name)), (
            "run python packaging/translations.py and translate what it adds"
        )


def test_every_context_is_a_class_or_a_named_translate_context():
    """lupdate names a context after what precedes .tr(); at run time Qt uses the class. A
    `window.tr(...)` would be extracted under "window" and never found: this catches it."""
    known: set[str] = set()
    for path in (ROOT / "src/counterpos/ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        known.update(n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef))
        known.update(re.findall(r'translate\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
        known.update(re.findall(r'QT_TRANSLATE_NOOP\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
    contexts = {c for c, _ in _messages(I18N / "counterpos_es.ts")}
    assert contexts <= known, sorted(contexts - known)


def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    tool = _tool()
    for lang in ("en", "es"):
        qm = tmp_path / f"counterpos_{lang}.qm"
        tool.lrelease(I18N / f"counterpos_{lang}.ts", qm)
        assert qm.read_bytes() == (I18N / qm.name).read_bytes(), "run packaging/translations.py"


def test_spanish_installs_ours_qts_own_and_the_services_messages(qapp):
    assert i18n.install(qapp, "es") == "es"
    try:
        assert QCoreApplication.translate("LoginWindow", "Sign in (Enter)") == (
            "Iniciar sesión (Enter)"
        )
        assert QCoreApplication.translate("KeyMap", "take payment") == "cobrar"
        # qtbase_es: Qt's own buttons and dialogs
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert QLocale().name() == "es_US"
        with pytest.raises(ValueError) as caught:
            settle(Money(1000), [Tender("cash", Money(400))])
        assert str(caught.value) == "Quedan $6.00 pendientes."
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("LoginWindow", "Sign in (Enter)") == "Sign in (Enter)"
    assert str(caught.value) == "$6.00 is still due."


def test_an_unknown_language_is_english(qapp):
    assert i18n.install(qapp, "tlh") == "en"


def test_signing_in_in_spanish_turns_every_group_of_service_messages_spanish(
    qapp, tmp_path, monkeypatch
):
    """The path the screens take: i18n.install at sign-in, then str(error) in a message box."""
    from counterpos.domain.utility.reads import ReadError, check_value
    from counterpos.services import backups, settings
    from counterpos.services.errors import InputError

    def said(call):
        with pytest.raises((InputError, ReadError)) as caught:
            call()
        return str(caught.value)

    monkeypatch.chdir(tmp_path)  # a short name: a path over 80 characters is shown cut
    missing = Path("none.sqlite")
    i18n.install(qapp, "es")
    try:
        assert said(lambda: check_value(10000, 4)) == (
            "10000 no cabe en un medidor de 4 diales (0–9999)."
        )
        assert said(lambda: settings.check("backup.keep", "0")).startswith(
            "backup.keep admite un número entero de "
        )
        assert said(lambda: backups.restore(tmp_path, missing, "admin", "999999")) == (
            f"No existe el archivo {missing}."
        )
    finally:
        i18n.install(qapp, "en")
    assert said(lambda: check_value(10000, 4)) == (
        "10000 does not fit a meter with 4 dials (0–9999)."
    )
