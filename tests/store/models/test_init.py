"""The models package (store/models/__init__.py): a model loads with its own module and the
modules its foreign keys point into; `Base` through the package, or load_all(), loads all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[3] / "src"
MODELS = sorted(
    p.stem for p in (SRC / "counterpos" / "store" / "models").glob("*.py") if p.stem != "__init__"
)

# In a fresh interpreter: import what argv[1] names, then configure every mapper loaded, resolve
# every foreign key of every table loaded and sort the tables as a flush does.
PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
from sqlalchemy.orm import configure_mappers
from counterpos.store.models.base import Base
configure_mappers()
for table in Base.metadata.tables.values():
    for fk in table.foreign_keys:
        fk.column  # NoReferencedTableError if its table's module was not imported
Base.metadata.sorted_tables
print(json.dumps(sorted(Base.metadata.tables)))
"""


def run_probe(module: str, probe: str = PROBE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", probe, module],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        timeout=60,
    )


def test_every_model_module_alone_brings_the_tables_its_foreign_keys_name():
    """Each module imported alone in a fresh interpreter leaves no foreign key pointing at a
    table that was not loaded (a flush or a join would fail on it)."""
    bad = {}
    for name in MODELS:
        done = run_probe(f"counterpos.store.models.{name}")
        if done.returncode:
            bad[name] = done.stderr.strip().splitlines()[-1]
    assert bad == {}


def test_a_model_named_through_the_package_loads_its_module_not_all():
    from counterpos.store import models

    done = run_probe("counterpos.store.models.user")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["app_user", "role", "role_permission"]
    assert models.User.__tablename__ == "app_user"


@pytest.mark.parametrize("how", ["Base", "load_all"])
def test_base_through_the_package_or_load_all_has_every_table(how):
    from counterpos.store.models.base import Base

    module = "counterpos.store.models"
    probe = PROBE.replace(
        "importlib.import_module(sys.argv[1])",
        "m = importlib.import_module(sys.argv[1]); "
        + ("m.Base" if how == "Base" else "m.load_all()"),
    )
    done = run_probe(module, probe)
    assert done.returncode == 0, done.stderr
    from counterpos.store import models

    models.load_all()
    assert json.loads(done.stdout) == sorted(Base.metadata.tables)
    assert len(Base.metadata.tables) == 53


def test_an_unknown_name_is_refused():
    from counterpos.store import models

    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        models.Nope  # noqa: B018
