"""Devices at the counter: receipt printer, cash drawer, card terminal, scanner parsing."""
