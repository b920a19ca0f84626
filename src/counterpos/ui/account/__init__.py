"""Utility account dialogs: ledger, adjustment, start, stop and transfer of service."""
