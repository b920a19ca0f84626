"""Utility accounts at the counter: bill payments, start, stop and transfer of service, adjustments."""
