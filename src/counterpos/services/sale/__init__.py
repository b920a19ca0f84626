"""Ringing a sale: the catalog and pricing, customers, the one-transaction sale, receipts, voids and refunds."""
