"""Late fees, the notices calendar, SB 998 shut-off eligibility, arrangements and collections."""
