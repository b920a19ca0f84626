"""CounterPOS: the cashiering client for a city hall's customer-service counter."""

__version__ = "0.1.0"
