"""What the import contracts in pyproject.toml cannot say: domain/ imports only itself and the
standard library, whatever gets installed next to it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "counterpos"


def imported_roots(path: Path) -> set[str]:
    """The top-level names a module imports (absolute imports; relative ones are its own)."""
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module)
    return roots


def test_domain_imports_only_itself_and_the_standard_library():
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    strays = {
        f"{path.relative_to(SRC)}: {name}"
        for path in sorted((SRC / "domain").rglob("*.py"))
        for name in imported_roots(path)
        if not (name == "counterpos.domain" or name.startswith("counterpos.domain."))
        and name.split(".")[0] not in allowed
    }
    assert not strays, sorted(strays)


def test_the_check_sees_a_stray_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import json\nfrom counterpos.store import models\nimport sqlalchemy as sa\n")
    assert imported_roots(module) == {"json", "counterpos.store", "sqlalchemy"}
