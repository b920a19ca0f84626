"""Pure-Python rules of the counter: money, catalog, fees, sales, tenders and drawer counts."""
