"""Utility accounts at the counter: the names the till calls, from the modules that do each part.

Paying a bill and scanning its stub (utility_payments), starting service with its deposit
(utility_start), stopping it (utility_stop), transferring it (utility_transfer), adjustments
(utility_adjustments) and the account's ledger (utility_accounts). The rules for each service
code are registered by those modules (see `service_rules.RULE_MODULES`).
"""

from __future__ import annotations

from counterpos.services.utility_accounts import (
    MAX_START_AHEAD_DAYS,
    AccountLedger,
    LedgerLine,
    account_ledger,
    deposit_held,
)
from counterpos.services.utility_adjustments import REASONS, adjust_account
from counterpos.services.utility_payments import PaymentPrefill, payment_prefill, scan_stub
from counterpos.services.utility_stop import StopResult, stop_service
from counterpos.services.utility_transfer import transfer_service

__all__ = [
    "MAX_START_AHEAD_DAYS",
    "REASONS",
    "AccountLedger",
    "LedgerLine",
    "PaymentPrefill",
    "StopResult",
    "account_ledger",
    "adjust_account",
    "deposit_held",
    "payment_prefill",
    "scan_stub",
    "stop_service",
    "transfer_service",
]
