"""Ledger entry types (domain/ledger.py): the deposit entries are entry types."""

from __future__ import annotations

from counterpos.domain.kinds import EntryType
from counterpos.domain.ledger import DEPOSIT_TYPES


def test_deposit_entries_are_entry_types():
    assert all(isinstance(t, EntryType) for t in DEPOSIT_TYPES)
    assert {t for t in EntryType if t.value.startswith("deposit")} == set(DEPOSIT_TYPES)
