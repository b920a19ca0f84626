"""Training mode: a station switched onto a separate store seeded with the demo city."""
