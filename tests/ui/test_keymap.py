"""The one key map: each key means the same on the till and in payment, and the README's
"Using the till" table is this table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counterpos.ui import keymap

pytestmark = pytest.mark.gui
README = Path(__file__).parents[2] / "README.md"


def readme_keys() -> dict[str, tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Using the till", 1)[1].split("\n## ", 1)[0]
    # The key table only: it starts at its header and ends at the first line not in a table.
    table = section.split("| key | till | payment |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("key", "---") and not set(cells[0]) <= {"-"}:
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_the_readme_table_is_the_key_map():
    table = readme_keys()
    for use in keymap.KEYS:
        assert use.key in table, use.key
        till, payment = table[use.key]
        assert till == use.till and payment == use.payment, use.key
    assert set(table) == {k.key for k in keymap.KEYS}


def test_no_key_means_two_things():
    assert len({k.key for k in keymap.KEYS}) == len(keymap.KEYS)
    for key in keymap.TILL_BAR + keymap.PAYMENT_BAR:
        assert key in keymap.BY_KEY
    # Where a key works on both screens it does the same kind of thing there.
    for key in ("F4", "F5", "F7", "F8", "F9", "F10"):
        use = keymap.BY_KEY[key]
        assert use.till and use.payment
        word = re.findall(r"cash|check|money order|card|payment|remove", use.payment)[0]
        assert word in use.till or (key == "F4" and "remove" in use.till), key


def test_the_till_and_the_payment_screen_take_their_keys_from_the_map(till):
    menu_keys = {a.shortcut().toString() for a in till.menus.actions.values()}
    for key in ("F1", "F2", "F3", "F4", "F5", "F7", "F8", "F9", "F10", "F11", "F12"):
        assert key in menu_keys, key
    assert "Ctrl+Del" in menu_keys
    assert list(till.bar.labels) == list(keymap.TILL_BAR)
