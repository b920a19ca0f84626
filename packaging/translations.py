"""Refreshes the Qt translation files: `python packaging/translations.py` (from the checkout).

pyside6-lupdate reads every tr() of src/counterpos/ui into resources/i18n/counterpos_<lang>.ts
(the English file is the source list; a translator edits the others in Qt Linguist), then
pyside6-lrelease builds the .qm files the till loads. Both .ts and .qm are committed;
tests/ui/test_translations.py fails when they are stale or a translation is unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "es")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "src/counterpos/ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    lang = ts.stem.rsplit("_", 1)[1]
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", lang, "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT
    )


def main() -> None:
    for lang in LANGUAGES:
        ts = I18N / f"counterpos_{lang}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))


if __name__ == "__main__":
    main()
