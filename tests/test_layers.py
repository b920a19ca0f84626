"""The screens and the command line reach the store, devices, PDFs and sync only through services/."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "counterpos"
BELOW_SERVICES = {("counterpos", part) for part in ("store", "hardware", "sync", "documents")}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "counterpos":
                found += [(node.lineno, f"counterpos.{a.name}") for a in node.names]
    return found


def test_ui_and_commands_import_nothing_below_services():
    files = [*(SRC / "ui").rglob("*.py"), *(SRC / "commands").rglob("*.py"), SRC / "cli.py"]
    assert len(files) > 40
    wrong = [
        f"{path.relative_to(SRC)}:{line} imports {name}"
        for path in files
        for line, name in _imports(path)
        if tuple(name.split(".")[:2]) in BELOW_SERVICES
    ]
    assert wrong == []
