"""Card payments: record first, then ask the terminal; resolve unknowns; reversals; the fee; totals."""
