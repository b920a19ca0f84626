"""The catalog's service forms in the screens' language: labels, choices, checklist items."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from counterpos.resources_path import data_path
from counterpos.services.sale import catalog
from counterpos.ui.till.form_words import WORDS
from counterpos.ui.till.service_line_dialog import ServiceLineDialog

pytestmark = pytest.mark.gui


def catalog_words() -> set[str]:
    seed = json.loads((data_path("db") / "seed" / "catalog.json").read_text(encoding="utf-8"))
    out = set()
    for service in seed["services"]:
        for spec in service.get("fields", []):
            out.add(spec["label"])
            out.update(label for _value, label in spec.get("choices", []) or [])
            out.update(label for _key, label in spec.get("items", []) or [])
    return out


def test_every_word_of_the_catalogs_forms_is_there_for_the_translators():
    assert catalog_words() <= {str(w) for w in WORDS}


def test_on_spanish_screens_a_service_form_is_in_spanish(qtbot, station):
    """Signed in in Spanish, the forms read "Animal's name", "Species: Dog", "Business name",
    "Zoning approval": the catalog's words, shown as written."""
    from counterpos.ui import i18n

    i18n.install(None, "es")
    service = next(s for s in catalog.list_services(station) if s.code == "animal_license")
    dialog = ServiceLineDialog(station, service, None, None)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Nombre del animal *" in labels and "Animal's name *" not in labels
    species = dialog.fields["species"].editor
    assert isinstance(species, QComboBox) and species.itemText(0) == "Perro"
    service = next(s for s in catalog.list_services(station) if s.code == "business_license_new")
    dialog = ServiceLineDialog(station, service, None, None)
    qtbot.addWidget(dialog)
    boxes = {box.text() for box in dialog.findChildren(QCheckBox)}
    assert "Aprobación de zonificación" in boxes and "Zoning approval" not in boxes
