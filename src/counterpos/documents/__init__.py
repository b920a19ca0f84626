"""PDF documents made with reportlab: receipts, reports, permits and licenses."""
