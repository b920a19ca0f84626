"""The count of bills, coins and rolls: each denomination named in the screens' language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.ui.widgets.denomination_grid import NAMES, DenominationGrid

pytestmark = pytest.mark.gui


def test_every_denomination_has_its_name_for_the_translators():
    assert {d.key: d.label for d in DENOMINATIONS} == {k: str(v) for k, v in NAMES.items()}


def test_on_spanish_screens_the_count_is_in_spanish(qtbot):
    """The opening float and the close's count read "$100 bills", "Quarters", "Rolls of
    quarters ($10)" on Spanish screens: the labels were strings lupdate never saw."""
    from counterpos.ui import i18n

    i18n.install(None, "es")
    grid = DenominationGrid()
    qtbot.addWidget(grid)
    texts = {label.text() for label in grid.findChildren(QLabel)}
    assert {"Billetes de $100", "Monedas de 25¢", "Rollos de 25¢ ($10)"} <= texts
    assert not texts & {"$100 bills", "Quarters", "Rolls of quarters ($10)"}
    assert grid.spins["coin_25"].accessibleName() == "Monedas de 25¢"
