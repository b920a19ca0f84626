"""Excessive usage: the notice to the customer and the work order that investigates it."""
