"""Adjustments by calculation (leak, over-estimate, penalty) through the two-person adjustment."""
