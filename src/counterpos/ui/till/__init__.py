"""The till window and what it opens while a sale is rung."""
