"""Outbox push to the central PostgreSQL database and reference data pull."""
