"""CounterPOS: the cashiering client for a city hall's customer-service counter."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `counterpos.__version__` for tools that look for it; the number lives in pyproject.toml
    # only, and is read lazily so a start that does not ask for it does not pay for the lookup.
    if name == "__version__":
        from counterpos.version import version

        return version()
    raise AttributeError(f"module 'counterpos' has no attribute {name!r}")
