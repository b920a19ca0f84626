"""The counter's own services: licenses and tags, permits, passports, citations, certificates and fees."""
