"""Supervisor screens: the day view, the audit trail and the fee schedule."""
