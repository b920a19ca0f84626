"""A utility account's ledger: which entries move the deposit the city holds, not the balance."""

from __future__ import annotations

from counterpos.domain.kinds import EntryType

# Entries that move the deposit held, not the balance due (a payment or a bill moves the balance).
DEPOSIT_TYPES = (
    EntryType.DEPOSIT,
    EntryType.DEPOSIT_APPLIED,
    EntryType.DEPOSIT_REFUND,
    EntryType.DEPOSIT_TRANSFER,
)
