"""The finance office on the central database: reconciliation, deposits, bank, journal, returns."""
