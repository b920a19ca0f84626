"""Meter inventory, installs and swaps, reads by route, read files and the review of held reads."""
