"""A utility account's ledger: which entries move the deposit the city holds, not the balance."""

from __future__ import annotations

# Entries that move the deposit held, not the balance due (a payment or a bill moves the balance).
DEPOSIT_TYPES = ("deposit", "deposit_applied", "deposit_refund", "deposit_transfer")
