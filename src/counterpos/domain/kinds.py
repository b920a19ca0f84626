"""Kinds of sale, tender and ledger entry: stored as their string values, compared as members."""

from __future__ import annotations

from enum import StrEnum


class SaleKind(StrEnum):
    """What a `sale` row is. A void or a refund is a new row pointing at the sale it undoes."""

    SALE = "sale"
    VOID = "void"  # mirrors and cancels a sale of a still-open session; keeps its number
    REFUND = "refund"  # pays back part of an earlier sale, under a number of its own


class TenderKind(StrEnum):
    """How a sale was paid (a `tender` row's kind)."""

    CASH = "cash"
    CHECK = "check"
    MONEY_ORDER = "money_order"
    CARD = "card"
    # A refund that finance pays later by check: written on the refund, never taken at the till.
    REFUND_REQUEST = "refund_request"


class EntryType(StrEnum):
    """One movement on a utility account's ledger. Positive raises the balance due."""

    CHARGE = "charge"  # a bill, from the billing system
    PAYMENT = "payment"
    PENALTY = "penalty"
    ADJUSTMENT = "adjustment"
    CREDIT = "credit"  # the deposit applied to the final bill, on the balance side
    REFUND = "refund"
    TRANSFER = "transfer"  # the balance moved to or from another account of the customer
    REVERSAL = "reversal"  # a void's mirror of an entry
    # Entries that move the deposit the city holds, not the balance due (see domain/ledger.py).
    DEPOSIT = "deposit"
    DEPOSIT_APPLIED = "deposit_applied"
    DEPOSIT_REFUND = "deposit_refund"
    DEPOSIT_TRANSFER = "deposit_transfer"
