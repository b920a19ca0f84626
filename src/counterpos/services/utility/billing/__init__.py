"""Rates as data, billing runs, bills and their reversals, the bill PDF and the register."""
